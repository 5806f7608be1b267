-- Idempotency keys (docs/cases.md, "Safe to retry"): the first answer of a creating request, kept for
-- 24 hours per housing company, account and key, so that a repeated request with the same key gets that
-- answer instead of creating a second row. The primary key is what decides between two requests that
-- arrive at the same moment on two BFF instances: one inserts, the other waits for its answer.
CREATE TABLE idempotency_keys (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  account_id uuid NOT NULL,
  key text NOT NULL CHECK (length(key) BETWEEN 1 AND 255),
  -- SHA-256 (hex) of the operation, its path parameters and its body: the same key with another request is refused.
  fingerprint text NOT NULL CHECK (fingerprint ~ '^[0-9a-f]{64}$'),
  -- The attempt that holds the key; only it stores the answer or gives the key back.
  claim_id uuid NOT NULL,
  -- While the answer is missing the key is in progress until then; a crashed attempt's key lapses by itself.
  locked_until timestamptz NOT NULL,
  response_status integer CHECK (response_status BETWEEN 200 AND 299),
  -- json, not jsonb: the replay sends the first answer's keys in their order.
  response_body json,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  PRIMARY KEY (tenant_id, account_id, key),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX idempotency_keys_by_expiry ON idempotency_keys (expires_at);

ALTER TABLE idempotency_keys ENABLE ROW LEVEL SECURITY;
ALTER TABLE idempotency_keys FORCE ROW LEVEL SECURITY;

-- An account sees and writes only its own keys; the system clean-up sees only expired ones.
CREATE POLICY idempotency_keys_own ON idempotency_keys FOR ALL
  USING (tenant_id = app_tenant() AND account_id = app_account())
  WITH CHECK (tenant_id = app_tenant() AND account_id = app_account());
CREATE POLICY idempotency_keys_expiry_read ON idempotency_keys FOR SELECT
  USING (app_role() = 'system' AND expires_at < now());
CREATE POLICY idempotency_keys_expiry ON idempotency_keys FOR DELETE
  USING (app_role() = 'system' AND expires_at < now());

GRANT SELECT, INSERT, UPDATE, DELETE ON idempotency_keys TO mieterportal_app;
