CREATE TABLE delivery (
    id                  uuid PRIMARY KEY,
    -- The CloudEvent id; unique so that a redelivered event can never produce a second message.
    event_id            varchar(64)  NOT NULL,
    reminder_id         uuid         NOT NULL,
    clinic_id           varchar(64)  NOT NULL,
    booking_id          uuid         NOT NULL,
    rule_key            varchar(64)  NOT NULL,
    channel             varchar(10),
    status              varchar(20)  NOT NULL,
    reason              varchar(200),
    provider            varchar(20),
    provider_message_id varchar(64),
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    CONSTRAINT delivery_event_uk UNIQUE (event_id)
);

CREATE INDEX delivery_clinic_booking_idx ON delivery (clinic_id, booking_id);

-- What the console SMS provider "sent" on a local run: the patient's view of the system.
CREATE TABLE console_message (
    id        uuid PRIMARY KEY,
    recipient varchar(16)  NOT NULL,
    body      text         NOT NULL,
    reference varchar(64),
    sent_at   timestamptz  NOT NULL
);

CREATE INDEX console_message_sent_idx ON console_message (sent_at DESC);
