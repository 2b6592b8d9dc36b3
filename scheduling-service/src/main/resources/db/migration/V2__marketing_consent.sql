-- Marketing consent (a message about booking more sessions) is recorded apart from consent to care messages.
ALTER TABLE booking ADD COLUMN marketing_consent boolean NOT NULL DEFAULT false;
