-- Where a clinic's own FHIR server is, for the Subscription notifications that name an Appointment without carrying
-- it (id-only): we read it from there, and only from there. The authorization header value is written by the operator
-- and never answered back, nor published.
ALTER TABLE clinic_profile
    ADD COLUMN fhir_base_url      varchar(500),
    ADD COLUMN fhir_authorization varchar(500);
