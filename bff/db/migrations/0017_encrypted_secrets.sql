-- TOTP secrets and a housing company's Vorgang API credentials are stored encrypted (AES-256-GCM with
-- DATA_ENCRYPTION_KEY, bff/secrets/secret-box.ts): `v1:<key id>:<iv>:<tag>:<ciphertext>`. The BFF encrypts
-- the rows stored as plaintext before this migration when it starts (bff/secrets/use-cases.ts). An encrypted
-- value is longer than the plaintext, so the length limits move to the API's input checks; a stored value
-- only has to be non-empty and bounded.
ALTER TABLE case_backend_connections DROP CONSTRAINT case_backend_connections_api_token_check;
ALTER TABLE case_backend_connections DROP CONSTRAINT case_backend_connections_webhook_secret_check;
ALTER TABLE case_backend_connections ADD CONSTRAINT case_backend_connections_api_token_stored
  CHECK (length(api_token) BETWEEN 16 AND 1000);
ALTER TABLE case_backend_connections ADD CONSTRAINT case_backend_connections_webhook_secret_stored
  CHECK (length(webhook_secret) BETWEEN 32 AND 1000);
COMMENT ON COLUMN accounts.totp_secret IS 'encrypted: v1:<key id>:<iv>:<tag>:<ciphertext> (bff/secrets/secret-box.ts)';
COMMENT ON COLUMN case_backend_connections.api_token IS 'encrypted: v1:<key id>:<iv>:<tag>:<ciphertext> (bff/secrets/secret-box.ts)';
COMMENT ON COLUMN case_backend_connections.webhook_secret IS 'encrypted: v1:<key id>:<iv>:<tag>:<ciphertext> (bff/secrets/secret-box.ts)';
