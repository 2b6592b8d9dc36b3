-- A clinic's FHIR Authorization value is now stored sealed (AES-GCM, v1:<keyId>:<base64>, see ClinicSecrets): a
-- 500-character header value takes about 720 sealed. Rows still in the clear (and webhook secrets inside webhooks) are
-- sealed by StoredSecretsSealer when the service starts, since the key is configuration that SQL cannot see.
ALTER TABLE clinic_profile ALTER COLUMN fhir_authorization TYPE text;
