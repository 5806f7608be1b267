-- Transactional outbox (shared mechanism), the http case backend's connection per housing company, and
-- receipts of inbound webhook events. See docs/case-backend-http.md and bff/outbox/.

-- Outbox: a message to another system, written in the same transaction as the change it reports and
-- delivered at least once by the worker (bff/outbox/worker.ts). Entries with the same topic and
-- ordering_key are delivered in seq order; an undelivered (pending or dead) entry holds back the later ones.
CREATE TABLE outbox (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  seq bigserial NOT NULL,
  topic text NOT NULL CHECK (topic ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  ordering_key text NOT NULL CHECK (length(ordering_key) BETWEEN 1 AND 200),
  idempotency_key text NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 200),
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'dead')),
  attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
  -- Due time; while a worker delivers an entry it is pushed forward by the lease, so a crashed worker's
  -- entry becomes due again by itself.
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  last_error text CHECK (length(last_error) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  UNIQUE (tenant_id, topic, idempotency_key)
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE status = 'pending';
CREATE INDEX outbox_undelivered_by_key ON outbox (tenant_id, topic, ordering_key, seq) WHERE status <> 'delivered';
CREATE INDEX outbox_dead ON outbox (tenant_id, topic, created_at) WHERE status = 'dead';

-- Connection of a housing company to its own Vorgang API. Credentials are stored as given (not encrypted
-- at rest); only the company's admins and the system scope (worker, webhook) can read them.
CREATE TABLE case_backend_connections (
  tenant_id uuid NOT NULL PRIMARY KEY REFERENCES tenants(id),
  base_url text NOT NULL CHECK (base_url ~ '^https?://' AND length(base_url) <= 500),
  api_token text NOT NULL CHECK (length(api_token) BETWEEN 16 AND 500),
  webhook_secret text NOT NULL CHECK (length(webhook_secret) BETWEEN 32 AND 500),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Inbound webhook events already processed, by the sender's event id: a repeated event changes nothing.
CREATE TABLE webhook_receipts (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  source text NOT NULL CHECK (source ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  event_id text NOT NULL CHECK (length(event_id) BETWEEN 1 AND 200),
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, source, event_id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['outbox', 'case_backend_connections', 'webhook_receipts']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;

-- Any user's transaction of the company may add a new entry (a resident's filing writes one); only the
-- company's admins (dead letters, requeue) and the system scope bound to the company (the worker) read
-- and change entries.
CREATE POLICY outbox_enqueue ON outbox FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND status = 'pending' AND attempts = 0 AND delivered_at IS NULL);
CREATE POLICY outbox_read ON outbox FOR SELECT
  USING (tenant_id = app_tenant() AND app_role() IN ('admin', 'system'));
CREATE POLICY outbox_update ON outbox FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() IN ('admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('admin', 'system'));
-- Read by the owner only inside outbox_due_tenants(), which returns tenant ids and nothing else.
CREATE POLICY outbox_owner_due ON outbox FOR SELECT TO mieterportal_owner
  USING (app_role() = 'system' AND status = 'pending');

-- The worker's only look across housing companies: which ones have a due entry. It then works each
-- company's entries in that company's system scope.
CREATE FUNCTION outbox_due_tenants() RETURNS SETOF uuid
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT DISTINCT tenant_id FROM outbox
   WHERE app_role() = 'system' AND status = 'pending' AND next_attempt_at <= now()
$$;
REVOKE ALL ON FUNCTION outbox_due_tenants() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_due_tenants() TO mieterportal_app;

CREATE POLICY case_backend_connections_read ON case_backend_connections FOR SELECT
  USING (tenant_id = app_tenant() AND app_role() IN ('admin', 'system'));
CREATE POLICY case_backend_connections_write ON case_backend_connections FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'admin')
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'admin');
CREATE POLICY case_backend_connections_owner_read ON case_backend_connections FOR SELECT TO mieterportal_owner
  USING (tenant_id = app_tenant());

-- Whether the caller's housing company forwards cases to its Vorgang API; reveals no credential, so a
-- resident's transaction can choose the backend.
CREATE FUNCTION case_backend_connected() RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (SELECT 1 FROM case_backend_connections WHERE tenant_id = app_tenant())
$$;
REVOKE ALL ON FUNCTION case_backend_connected() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION case_backend_connected() TO mieterportal_app;

-- The webhook works in the company's staff scope (bound by the verified endpoint, no account).
CREATE POLICY webhook_receipts_access ON webhook_receipts FOR ALL
  USING (tenant_id = app_tenant() AND app_is_staff()) WITH CHECK (tenant_id = app_tenant() AND app_is_staff());

GRANT SELECT, INSERT, UPDATE ON outbox TO mieterportal_app;
GRANT USAGE ON SEQUENCE outbox_seq_seq TO mieterportal_app;
GRANT SELECT, INSERT, UPDATE, DELETE ON case_backend_connections TO mieterportal_app;
GRANT SELECT, INSERT ON webhook_receipts TO mieterportal_app;
