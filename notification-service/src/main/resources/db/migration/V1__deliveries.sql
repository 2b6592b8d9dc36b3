-- One row per reminder event, ever: what became of it, and what a retry needs to send it again.
CREATE TABLE delivery (
    id                  uuid PRIMARY KEY,
    -- The CloudEvent id; unique so that a redelivered event can never produce a second message.
    event_id            varchar(64)  NOT NULL,
    reminder_id         uuid         NOT NULL,
    clinic_id           varchar(64)  NOT NULL,
    booking_id          uuid         NOT NULL,
    rule_key            varchar(64)  NOT NULL,
    priority            varchar(10)  NOT NULL,
    channel             varchar(10),
    status              varchar(20)  NOT NULL,
    reason              varchar(300),
    provider            varchar(20),
    provider_message_id varchar(200),
    attempts            integer      NOT NULL DEFAULT 0,
    next_attempt_at     timestamptz,
    expires_at          timestamptz  NOT NULL,
    -- The event as received: what is sent, and what goes to the dead-letter topic if it never can be.
    event               text         NOT NULL,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    CONSTRAINT delivery_event_uk UNIQUE (event_id)
);

CREATE INDEX delivery_clinic_booking_idx ON delivery (clinic_id, booking_id);
-- The workers' claim: only deliveries still to be attempted, in order.
CREATE INDEX delivery_due_idx ON delivery (next_attempt_at) WHERE status IN ('PENDING', 'RETRYING', 'WAITING');
CREATE UNIQUE INDEX delivery_provider_message_uk ON delivery (provider_message_id);

-- Every try at a provider, with its outcome: the story ops read when a message did not go out.
CREATE TABLE delivery_attempt (
    id                  uuid PRIMARY KEY,
    delivery_id         uuid         NOT NULL REFERENCES delivery (id),
    attempt             integer      NOT NULL,
    channel             varchar(10)  NOT NULL,
    provider            varchar(20)  NOT NULL,
    outcome             varchar(20)  NOT NULL,
    http_status         integer,
    error_code          varchar(20),
    detail              varchar(300),
    provider_message_id varchar(200),
    attempted_at        timestamptz  NOT NULL
);

CREATE INDEX delivery_attempt_delivery_idx ON delivery_attempt (delivery_id);

-- Addresses that asked not to be texted (STOP and its synonyms, or the provider's 21610).
CREATE TABLE opt_out (
    channel    varchar(10)  NOT NULL,
    address    varchar(254) NOT NULL,
    keyword    varchar(20),
    created_at timestamptz  NOT NULL,
    PRIMARY KEY (channel, address)
);

-- Webhook calls already acted on, so that a replayed one changes nothing.
CREATE TABLE processed_webhook (
    webhook_id   varchar(160) PRIMARY KEY,
    processed_at timestamptz  NOT NULL
);

-- What the console SMS provider "sent" on a local run: the patient's view of the system.
CREATE TABLE console_message (
    id        uuid PRIMARY KEY,
    recipient varchar(16)  NOT NULL,
    body      text         NOT NULL,
    reference varchar(64),
    sent_at   timestamptz  NOT NULL
);

CREATE INDEX console_message_sent_idx ON console_message (sent_at DESC);
