-- This service's copy of each clinic's profile, as scheduling (which owns it) last published it on clinic-profiles.
-- Only the highest version is kept: a replayed or late older event changes nothing.
CREATE TABLE clinic_profile (
    clinic_id               varchar(64)  PRIMARY KEY,
    version                 bigint       NOT NULL,
    name                    varchar(100) NOT NULL,
    time_zone               varchar(64)  NOT NULL,
    locale                  varchar(16)  NOT NULL,
    phone                   varchar(16)  NOT NULL,
    send_window_start       varchar(5),
    send_window_end         varchar(5),
    -- The clinic's own SMS sender (a number or a Messaging Service SID) and its rate; null: the deployment's.
    sms_sender              varchar(34),
    sms_messages_per_second integer,
    email_sender            varchar(254),
    alert_email             varchar(254),
    consent_basis           varchar(30)  NOT NULL,
    -- The answer to HELP by language tag.
    help_texts              jsonb        NOT NULL DEFAULT '{}',
    updated_at              timestamptz  NOT NULL,
    received_at             timestamptz  NOT NULL
);

-- The clinic system's webhook endpoints, replaced whole by each newer profile. The secret signs what is sent there;
-- no answer of this service shows it.
CREATE TABLE clinic_webhook_endpoint (
    clinic_id   varchar(64) NOT NULL REFERENCES clinic_profile (clinic_id) ON DELETE CASCADE,
    endpoint_id varchar(64) NOT NULL,
    url         text        NOT NULL,
    secret      text        NOT NULL,
    events      text[]      NOT NULL,
    PRIMARY KEY (clinic_id, endpoint_id)
);

-- One message per event and subscribed endpoint, written in the transaction of the change it reports. Its id and body
-- are fixed when it is made, so that every attempt sends the same bytes under the same webhook-id.
CREATE TABLE webhook_message (
    id              varchar(40) PRIMARY KEY,
    clinic_id       varchar(64) NOT NULL,
    endpoint_id     varchar(64) NOT NULL,
    -- The endpoint's address when the message was made: still shown if the endpoint is later removed.
    url             text        NOT NULL,
    type            varchar(30) NOT NULL,
    payload         text        NOT NULL,
    -- PENDING (to be tried at next_attempt_at, also while an attempt is in flight), DELIVERED or FAILED (given up).
    state           varchar(10) NOT NULL,
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL
);

CREATE INDEX webhook_message_due_idx ON webhook_message (next_attempt_at) WHERE state = 'PENDING';
CREATE INDEX webhook_message_clinic_idx ON webhook_message (clinic_id, created_at DESC, id DESC);
CREATE INDEX webhook_message_finished_idx ON webhook_message (updated_at) WHERE state IN ('DELIVERED', 'FAILED');

-- Every POST to a clinic's endpoint: what the clinic reads when a message did not arrive.
CREATE TABLE webhook_attempt (
    message_id   varchar(40)  NOT NULL REFERENCES webhook_message (id) ON DELETE CASCADE,
    attempt      integer      NOT NULL,
    attempted_at timestamptz  NOT NULL,
    http_status  integer,
    error        varchar(300),
    duration_ms  integer      NOT NULL,
    PRIMARY KEY (message_id, attempt)
);
