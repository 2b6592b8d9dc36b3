-- The rest of what a clinic is (issue #11): the hours texts may go out, its own SMS and email senders, the HELP
-- answer per language, the basis on which it texts patients, where urgent replies are emailed, and its system's
-- webhook endpoints. Absent fields fall back to the deployment's defaults. Published whole on clinic-profiles.
ALTER TABLE clinic_profile
    ADD COLUMN send_window_start time,
    ADD COLUMN send_window_end   time,
    ADD COLUMN sms_sender        varchar(34),
    ADD COLUMN sms_per_second    integer,
    ADD COLUMN email_sender      varchar(254),
    ADD COLUMN alert_email       varchar(254),
    ADD COLUMN consent_basis     varchar(32) NOT NULL DEFAULT 'EXPRESS_CONSENT',
    ADD COLUMN help_texts        jsonb       NOT NULL DEFAULT '{}',
    ADD COLUMN webhooks          jsonb       NOT NULL DEFAULT '[]';
