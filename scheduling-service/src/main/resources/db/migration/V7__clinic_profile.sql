-- What a clinic is, in one place (issue #11): its name, home time zone, language and the phone number patients
-- call. The operator writes it; the clinic reads its own. A FHIR Appointment without a time-zone extension is
-- planned in the clinic's zone.
CREATE TABLE clinic_profile (
    clinic_id  varchar(64)  PRIMARY KEY,
    name       varchar(100) NOT NULL,
    time_zone  varchar(64)  NOT NULL,
    locale     varchar(16)  NOT NULL,
    phone      varchar(16)  NOT NULL,
    version    integer      NOT NULL,
    updated_at timestamptz  NOT NULL
);
