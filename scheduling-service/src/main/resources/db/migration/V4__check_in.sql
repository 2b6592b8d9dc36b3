-- The patient's latest answer to the check-in question (1 fine .. 5 much worse), from notification's patient-replies.
ALTER TABLE booking ADD COLUMN check_in_score smallint;
ALTER TABLE booking ADD COLUMN check_in_at timestamptz;
