-- The console's patient search within one clinic (issue 22): a booking by its id (booking_clinic_external_uk), by the
-- patient's number (exact, in canonical E.164 as stored) or by the start of their first name, any case.
-- text_pattern_ops lets LIKE 'ana%' use the index whatever the database's collation.
CREATE INDEX booking_clinic_phone_idx ON booking (clinic_id, phone);
CREATE INDEX booking_clinic_name_idx ON booking (clinic_id, lower(first_name) text_pattern_ops);
