-- The ops overview's "planned" figure counts the reminders created in a period. Counting them in the reminder table
-- costs a pass over every row of the period (about 200 ms per million rows, however it is indexed), so each insert
-- statement also writes how many reminders it created per clinic and hour (UTC). Those rows are only ever added, so
-- concurrent bookings never wait on each other for them; ReminderCountsJob merges each closed hour's rows into one and
-- drops hours past the overview's longest period. The figure is the sum of the period's whole hours plus a live count
-- of the part-hour it starts with.
CREATE TABLE reminder_created_count (
    clinic_id varchar(64) NOT NULL,
    hour      timestamptz NOT NULL,
    reminders bigint      NOT NULL
);
CREATE INDEX reminder_created_count_hour_idx ON reminder_created_count (hour, clinic_id) INCLUDE (reminders);

CREATE FUNCTION count_created_reminders() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO reminder_created_count (clinic_id, hour, reminders)
    SELECT clinic_id, date_trunc('hour', created_at, 'UTC'), count(*) FROM created GROUP BY 1, 2;
    RETURN NULL;
END
$$;

CREATE TRIGGER reminder_created_counted AFTER INSERT ON reminder
    REFERENCING NEW TABLE AS created
    FOR EACH STATEMENT EXECUTE FUNCTION count_created_reminders();

INSERT INTO reminder_created_count (clinic_id, hour, reminders)
SELECT clinic_id, date_trunc('hour', created_at, 'UTC'), count(*) FROM reminder GROUP BY 1, 2;

-- "Revoked" counts the period's reminders that a later plan replaced: few, and found by this index alone.
CREATE INDEX reminder_revoked_created_idx ON reminder (created_at) WHERE state = 'REVOKED';
