-- Whose number is whose: one row per booking a number received reminders for. A reply is filed under the newest;
-- this index finds it, instead of a scan through stored event JSON.
CREATE TABLE recipient_booking (
    phone             varchar(16)  NOT NULL,
    clinic_id         varchar(64)  NOT NULL,
    booking_id        uuid         NOT NULL,
    booking_ref       varchar(64),
    locale            varchar(16)  NOT NULL,
    first_seen_at     timestamptz  NOT NULL,
    -- When a check-in question went to this booking: only then is a reply of "3" read as its answer.
    check_in_asked_at timestamptz,
    PRIMARY KEY (phone, clinic_id, booking_id)
);

CREATE INDEX recipient_booking_newest_idx ON recipient_booking (phone, first_seen_at DESC);

-- What patients wrote back that was not a keyword: the clinic's inbox. Bodies are personal health information; a
-- retention setting deletes them after a number of days.
CREATE TABLE patient_reply (
    id              uuid PRIMARY KEY,
    message_sid     varchar(64)  NOT NULL,
    clinic_id       varchar(64)  NOT NULL,
    booking_id      uuid         NOT NULL,
    booking_ref     varchar(64),
    phone           varchar(16)  NOT NULL,
    language        varchar(8)   NOT NULL,
    body            text         NOT NULL,
    -- Other bookings of the same clinic for this number (patients sharing a phone), as a JSON array.
    other_bookings  text         NOT NULL DEFAULT '[]',
    check_in_score  smallint,
    urgent          boolean      NOT NULL,
    urgent_reason   varchar(300),
    state           varchar(10)  NOT NULL,
    received_at     timestamptz  NOT NULL,
    handled_at      timestamptz,
    handled_by      varchar(64),
    -- When the automatic "we've told your clinic" answer was queued: once per urgent conversation.
    answered_at     timestamptz,
    -- The outbox: the patient-replies event and the clinic's alert email go out after the reply is committed.
    announced_at    timestamptz,
    alerted_at      timestamptz,
    alert_attempts  integer      NOT NULL DEFAULT 0,
    CONSTRAINT patient_reply_message_uk UNIQUE (message_sid)
);

CREATE INDEX patient_reply_inbox_idx ON patient_reply (clinic_id, state, received_at DESC, id DESC);
CREATE INDEX patient_reply_booking_idx ON patient_reply (booking_id, received_at);
CREATE INDEX patient_reply_unannounced_idx ON patient_reply (received_at) WHERE announced_at IS NULL;
CREATE INDEX patient_reply_unalerted_idx ON patient_reply (received_at) WHERE urgent AND alerted_at IS NULL;
CREATE INDEX patient_reply_received_idx ON patient_reply (received_at);

-- A delivery is a planned reminder, or a message to a patient who wrote to us (a staff answer, the automatic answer
-- to an urgent reply). Only reminders are reported to scheduling, which knows nothing of the others.
ALTER TABLE delivery ADD COLUMN kind varchar(10) NOT NULL DEFAULT 'REMINDER';
