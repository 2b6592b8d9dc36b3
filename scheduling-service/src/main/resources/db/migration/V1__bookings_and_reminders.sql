CREATE TABLE booking (
    id                uuid PRIMARY KEY,
    clinic_id         varchar(64)  NOT NULL,
    external_id       varchar(128) NOT NULL,
    first_name        varchar(20)  NOT NULL,
    phone             varchar(16),
    email             varchar(254),
    locale            varchar(35)  NOT NULL,
    time_zone         varchar(64)  NOT NULL,
    preferred_channel varchar(10)  NOT NULL,
    sms_consent       boolean      NOT NULL,
    email_consent     boolean      NOT NULL,
    treatment_type    varchar(64)  NOT NULL,
    treatment_start   timestamptz  NOT NULL,
    treatment_end     timestamptz  NOT NULL,
    status            varchar(20)  NOT NULL,
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    CONSTRAINT booking_clinic_external_uk UNIQUE (clinic_id, external_id)
);

CREATE TABLE reminder (
    id               uuid PRIMARY KEY,
    booking_id       uuid         NOT NULL REFERENCES booking (id),
    rule_key         varchar(64)  NOT NULL,
    occurrence       integer      NOT NULL,
    protocol_version integer      NOT NULL,
    priority         varchar(10)  NOT NULL,
    due_at           timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    sms_text         varchar(480),
    state            varchar(20)  NOT NULL,
    dispatched_at    timestamptz,
    created_at       timestamptz  NOT NULL
);

-- Two live timers for the same booking, rule and occurrence would send the same advice twice.
CREATE UNIQUE INDEX reminder_live_uk ON reminder (booking_id, rule_key, occurrence)
    WHERE state IN ('PLANNED', 'DISPATCHED');

-- The dispatcher's claim query reads only planned rows in due order; future rows cost it nothing.
CREATE INDEX reminder_planned_due_idx ON reminder (due_at) WHERE state = 'PLANNED';

CREATE INDEX reminder_booking_idx ON reminder (booking_id);
