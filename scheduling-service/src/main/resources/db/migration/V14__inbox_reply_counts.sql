-- The ops page's counts of open and urgent replies, kept here from notification's patient-replies and replies-handled
-- instead of asked of notification over HTTP. One row per reply, keyed by its id (the event id of patient-replies), so
-- that a redelivered event changes nothing; no text, no patient. The two topics are not ordered with each other: a
-- handling read before its reply makes the row with handled_at set, and the reply then only fills in received_at.
CREATE TABLE inbox_reply (
    reply_id    uuid         PRIMARY KEY,
    clinic_id   varchar(64)  NOT NULL,
    urgent      boolean      NOT NULL,
    received_at timestamptz,
    handled_at  timestamptz
);

CREATE INDEX inbox_reply_open_idx ON inbox_reply (clinic_id) WHERE handled_at IS NULL;
CREATE INDEX inbox_reply_age_idx ON inbox_reply ((coalesce(received_at, handled_at)));
