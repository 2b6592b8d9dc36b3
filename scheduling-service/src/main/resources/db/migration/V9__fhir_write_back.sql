-- What FHIR clinics read back (issue #11): the clinic's own Patient a booking is for (Patient/123, when the
-- Appointment referred to one), and each urgent reply, which a clinic sees as a Task.
ALTER TABLE booking ADD COLUMN fhir_patient varchar(100);
CREATE INDEX booking_fhir_patient ON booking (clinic_id, fhir_patient) WHERE fhir_patient IS NOT NULL;

CREATE TABLE urgent_reply (
    reply_id       uuid        PRIMARY KEY,
    clinic_id      varchar(64) NOT NULL,
    booking_id     uuid        NOT NULL REFERENCES booking (id) ON DELETE CASCADE,
    reason         varchar(200),
    check_in_score smallint,
    received_at    timestamptz NOT NULL
);
CREATE INDEX urgent_reply_booking ON urgent_reply (booking_id);
