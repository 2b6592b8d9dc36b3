-- The console's inbox: a reply may be assigned to a person of the clinic ("assign to me"), and the console's live view
-- asks what changed since its last look. assigned_to holds the person's id as their token names them (never an email).
ALTER TABLE patient_reply ADD COLUMN assigned_to varchar(64);
ALTER TABLE patient_reply ADD COLUMN assigned_at timestamptz;
-- When the entry last changed (filed, assigned, handled): what "changed since" reads.
ALTER TABLE patient_reply ADD COLUMN updated_at timestamptz;
UPDATE patient_reply SET updated_at = COALESCE(handled_at, received_at);
ALTER TABLE patient_reply ALTER COLUMN updated_at SET NOT NULL;

CREATE INDEX patient_reply_changes_idx ON patient_reply (clinic_id, updated_at);
-- Urgent first, then newest: the console's order.
CREATE INDEX patient_reply_urgent_first_idx ON patient_reply (clinic_id, state, urgent DESC, received_at DESC, id DESC);
