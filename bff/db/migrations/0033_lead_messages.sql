-- Two-way mail with an interested person (docs/leads.md, "Mail mit Interessenten"): clerks write from the
-- housing company's letting address (company setting lettingEmail); the reply address carries the lead
-- (vermietung+lead-<reply token>@…, plus addressing of the same mailbox), so the person's answers come back
-- through the mail relay endpoint or the mailbox poller into the lead's thread, not into a shared inbox.

-- Unguessable, per lead, made when the first message goes out.
ALTER TABLE leads ADD COLUMN reply_token text CHECK (reply_token ~ '^[a-z0-9]{20,40}$');
CREATE UNIQUE INDEX leads_by_reply_token ON leads (tenant_id, reply_token) WHERE reply_token IS NOT NULL;

CREATE TABLE lead_messages (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  lead_id uuid NOT NULL,
  -- 'out': a clerk wrote it; 'in': the person answered.
  direction text NOT NULL CHECK (direction IN ('out', 'in')),
  at timestamptz NOT NULL DEFAULT clock_timestamp(),
  subject text NOT NULL CHECK (length(subject) <= 300),
  body text NOT NULL CHECK (length(body) <= 20000),
  from_address text CHECK (length(from_address) <= 254),
  to_address text CHECK (length(to_address) <= 254),
  -- The mail's Message-ID: a reply names it in In-Reply-To, and the same mail delivered twice is one message.
  message_id text CHECK (length(message_id) <= 300),
  sent_by uuid,
  CHECK ((direction = 'out') = (sent_by IS NOT NULL)),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id),
  FOREIGN KEY (tenant_id, sent_by) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX lead_messages_by_lead ON lead_messages (tenant_id, lead_id, at);
CREATE UNIQUE INDEX lead_messages_by_message_id ON lead_messages (tenant_id, message_id) WHERE message_id IS NOT NULL;

ALTER TABLE lead_messages ENABLE ROW LEVEL SECURITY;
ALTER TABLE lead_messages FORCE ROW LEVEL SECURITY;
-- Staff write and read the thread; the system scope bound to the company (mail intake) adds answers.
CREATE POLICY lead_messages_read ON lead_messages FOR SELECT
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'));
CREATE POLICY lead_messages_append ON lead_messages FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND (
    (app_is_staff() AND direction = 'out' AND sent_by = app_account())
    OR (app_role() = 'system' AND direction = 'in')));
-- The anonymisation (migration 0032) rewrites the thread like every tenant table.
CREATE POLICY lead_messages_anonymiser_read ON lead_messages FOR SELECT USING (tenant_id = app_tenant() AND app_role() = 'anonymiser');
CREATE POLICY lead_messages_anonymiser_rewrite ON lead_messages FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'anonymiser') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'anonymiser');
-- Messages are facts: written once, never changed by the app.
GRANT SELECT, INSERT ON lead_messages TO mieterportal_app;
