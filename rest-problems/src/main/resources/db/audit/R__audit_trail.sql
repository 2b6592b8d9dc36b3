-- The audit trail: who read patient data or changed anything, when, from where (written by AuditFilter, beside this
-- file's module). One definition for every service, each adding db/audit to its Flyway locations: repeatable, so it
-- is written to be run again (if-not-exists, or-replace, drop-and-create the triggers) whenever it changes.
-- Append-only: a trigger refuses every UPDATE and DELETE, but the retention's deletion of old lines, which asks for it
-- in its own transaction (SET LOCAL aftercare.audit_retention = 'on'); TRUNCATE is refused too.
CREATE TABLE IF NOT EXISTS audit_event (
    id        bigserial PRIMARY KEY,
    at        timestamptz  NOT NULL,
    actor     varchar(64)  NOT NULL,
    role      varchar(16)  NOT NULL,
    clinic_id varchar(64),
    action    varchar(8)   NOT NULL,
    resource  varchar(512) NOT NULL,
    status    smallint     NOT NULL,
    source    varchar(64)
);

CREATE INDEX IF NOT EXISTS audit_event_clinic_idx ON audit_event (clinic_id, id DESC);
CREATE INDEX IF NOT EXISTS audit_event_at_idx ON audit_event (at);

CREATE OR REPLACE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('aftercare.audit_retention', true) = 'on' THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'audit_event is append-only (%)', TG_OP;
END
$$;

DROP TRIGGER IF EXISTS audit_event_append_only ON audit_event;
CREATE TRIGGER audit_event_append_only BEFORE UPDATE OR DELETE ON audit_event
    FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
DROP TRIGGER IF EXISTS audit_event_no_truncate ON audit_event;
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
    FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();
