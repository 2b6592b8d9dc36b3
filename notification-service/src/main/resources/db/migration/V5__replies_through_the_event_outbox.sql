-- patient-replies events now leave through event_outbox, written with the reply: the reply's own announcement
-- marker is no longer needed.
DROP INDEX patient_reply_unannounced_idx;
ALTER TABLE patient_reply DROP COLUMN announced_at;
