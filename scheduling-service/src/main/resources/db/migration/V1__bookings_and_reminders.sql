CREATE TABLE booking (
    id                uuid PRIMARY KEY,
    clinic_id         varchar(64)  NOT NULL,
    external_id       varchar(128) NOT NULL,
    -- The booking system's own revision counter: an older one may not overwrite a newer one.
    source_version    bigint,
    first_name        varchar(20)  NOT NULL,
    phone             varchar(16),
    email             varchar(254),
    locale            varchar(35)  NOT NULL,
    time_zone         varchar(64)  NOT NULL,
    preferred_channel varchar(10)  NOT NULL,
    sms_consent       boolean      NOT NULL,
    email_consent     boolean      NOT NULL,
    -- The patient replied STOP; unlike consent, this comes from the patient, through the notification service.
    sms_opted_out     boolean      NOT NULL DEFAULT false,
    treatment_type    varchar(64)  NOT NULL,
    treatment_start   timestamptz  NOT NULL,
    treatment_end     timestamptz  NOT NULL,
    status            varchar(20)  NOT NULL,
    plan_state        varchar(12)  NOT NULL,
    protocol_version  integer,
    plan_attempts     integer      NOT NULL DEFAULT 0,
    next_plan_at      timestamptz,
    plan_error        varchar(300),
    created_at        timestamptz  NOT NULL,
    updated_at        timestamptz  NOT NULL,
    CONSTRAINT booking_clinic_external_uk UNIQUE (clinic_id, external_id)
);

-- The planning job reads only bookings waiting for a plan.
CREATE INDEX booking_plan_pending_idx ON booking (next_plan_at) WHERE plan_state = 'PENDING';
CREATE INDEX booking_phone_idx ON booking (phone);
CREATE INDEX booking_email_idx ON booking (email);
CREATE INDEX booking_treatment_end_idx ON booking (treatment_type, treatment_end);

CREATE TABLE reminder (
    id               uuid PRIMARY KEY,
    booking_id       uuid         NOT NULL REFERENCES booking (id),
    clinic_id        varchar(64)  NOT NULL,
    rule_key         varchar(64)  NOT NULL,
    occurrence       integer      NOT NULL,
    protocol_version integer      NOT NULL,
    category         varchar(32)  NOT NULL,
    priority         varchar(10)  NOT NULL,
    channels         varchar(32)  NOT NULL,
    locale           varchar(35)  NOT NULL,
    due_at           timestamptz  NOT NULL,
    expires_at       timestamptz  NOT NULL,
    sms_text         varchar(480),
    email_subject    varchar(300),
    email_body       text,
    state            varchar(20)  NOT NULL,
    dispatched_at    timestamptz,
    -- Bumped when ops send a failed reminder again, so that the new event has an id of its own.
    generation       integer      NOT NULL DEFAULT 0,
    -- What the notification service last reported: sent, delivered, undelivered, failed, suppressed, expired.
    notified_status  varchar(20),
    notified_reason  varchar(300),
    notified_at      timestamptz,
    created_at       timestamptz  NOT NULL
);

-- Two live timers for the same booking, rule and occurrence would send the same advice twice.
CREATE UNIQUE INDEX reminder_live_uk ON reminder (booking_id, rule_key, occurrence)
    WHERE state IN ('PLANNED', 'DISPATCHED', 'DELIVERED', 'FAILED');

-- The dispatcher's claim reads only planned rows in due order; millions of future rows cost it nothing.
CREATE INDEX reminder_planned_due_idx ON reminder (due_at) WHERE state = 'PLANNED';

CREATE INDEX reminder_booking_idx ON reminder (booking_id);

-- The ops page: what was reported lately, failures first.
CREATE INDEX reminder_notified_idx ON reminder (notified_at) WHERE notified_at IS NOT NULL;

-- A clinic's reminder listing, paged by (due_at, id).
CREATE INDEX reminder_clinic_due_idx ON reminder (clinic_id, due_at, id);

-- Per-clinic API keys. Only a hash of the secret is kept; a clinic may hold several while it rotates.
CREATE TABLE clinic_credential (
    key_id        varchar(32)  PRIMARY KEY,
    clinic_id     varchar(64)  NOT NULL,
    secret_sha256 bytea        NOT NULL,
    created_at    timestamptz  NOT NULL,
    revoked_at    timestamptz
);

CREATE INDEX clinic_credential_clinic_idx ON clinic_credential (clinic_id);

-- Events this service has acted on, so that a redelivered event changes nothing.
CREATE TABLE processed_event (
    event_id     varchar(160) PRIMARY KEY,
    processed_at timestamptz  NOT NULL
);
