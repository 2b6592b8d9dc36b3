-- A clinic's people: one row per person, per deployment (an email address names one person in one clinic).
CREATE TABLE console_user (
    id            uuid PRIMARY KEY,
    clinic_id     varchar(64)  NOT NULL,
    email         varchar(254) NOT NULL,
    display_name  varchar(100) NOT NULL,
    role          varchar(16)  NOT NULL CHECK (role IN ('staff', 'clinic-admin')),
    -- bcrypt in Modular Crypt Format ($2a$<cost>$...); null until the person chose one (invited, or reset).
    password_hash varchar(100),
    state         varchar(10)  NOT NULL CHECK (state IN ('active', 'invited', 'disabled')),
    -- Failed sign-ins since the last good one; from 5 on the account is locked, 1 min doubling to at most 1 h.
    failed_count  integer      NOT NULL DEFAULT 0,
    locked_until  timestamptz,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL,
    CONSTRAINT console_user_email_uk UNIQUE (email),
    CONSTRAINT console_user_email_lower CHECK (email = lower(email))
);
CREATE INDEX console_user_clinic_idx ON console_user (clinic_id, email);

-- Signed-in sessions. The browser holds a random 256-bit id; only its SHA-256 (hex) is stored, so a copy of this table
-- signs nobody in. Deleting a row signs that browser out at its next request.
CREATE TABLE console_session (
    id_sha256    char(64)    PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES console_user (id) ON DELETE CASCADE,
    -- The session's CSRF token, in a hidden field of every form it is shown; useless without the cookie.
    csrf_token   varchar(64) NOT NULL,
    created_at   timestamptz NOT NULL,
    last_seen_at timestamptz NOT NULL,
    -- created_at + the absolute lifetime (12 h): no activity extends it.
    expires_at   timestamptz NOT NULL
);
CREATE INDEX console_session_user_idx ON console_session (user_id);
CREATE INDEX console_session_expires_idx ON console_session (expires_at);

-- One-time links: an invitation, or a password reset by a clinic admin. Random 256-bit token, SHA-256 at rest.
CREATE TABLE one_time_link (
    token_sha256 char(64)    PRIMARY KEY,
    user_id      uuid        NOT NULL REFERENCES console_user (id) ON DELETE CASCADE,
    purpose      varchar(10) NOT NULL CHECK (purpose IN ('invite', 'reset')),
    created_at   timestamptz NOT NULL,
    expires_at   timestamptz NOT NULL,
    used_at      timestamptz
);
CREATE INDEX one_time_link_user_idx ON one_time_link (user_id);
