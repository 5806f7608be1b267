-- Lead pipeline, the lifecycle (docs/leads.md, "Lifecycle"): stage-gated moves with their entries in the audit
-- trail, verified contact channels, the contact message, viewings, self-disclosure (only from `besichtigt` on),
-- prepared rejection messages released by a clerk, the letting case of an accepted lead and the legal hold
-- (§ 21 AGG) that the anonymisation must respect.

-- New kinds of audit entries (the trail stays append-only: SELECT and INSERT only, migration 0027).
ALTER TABLE lead_events DROP CONSTRAINT lead_events_kind_check;
ALTER TABLE lead_events ADD CONSTRAINT lead_events_kind_check CHECK (kind IN (
  'created', 'status_changed', 'owner_changed', 'listing_assigned', 'anonymised',
  'contact_verified', 'viewing_planned', 'self_disclosure_recorded', 'rejection_message_released',
  'legal_hold_set', 'legal_hold_cleared', 'decisions_exported'));

-- The contact message of the move to `kontaktiert` (what the clerk wrote or said, and when), the letting case
-- an accepted lead handed to the case backend, and the legal hold: while set, the anonymisation job leaves the
-- lead (and everything of it) as it is.
ALTER TABLE leads
  ADD COLUMN contact_message text CHECK (length(contact_message) BETWEEN 1 AND 5000),
  ADD COLUMN contacted_at timestamptz,
  ADD COLUMN letting_case_id uuid,
  ADD COLUMN legal_hold boolean NOT NULL DEFAULT false,
  ADD COLUMN legal_hold_reason text CHECK (length(legal_hold_reason) BETWEEN 1 AND 500),
  ADD COLUMN legal_hold_since timestamptz,
  ADD CONSTRAINT leads_contact_message_has_time CHECK ((contact_message IS NULL) = (contacted_at IS NULL)),
  ADD CONSTRAINT leads_legal_hold_reason CHECK (legal_hold = (legal_hold_reason IS NOT NULL AND legal_hold_since IS NOT NULL)),
  ADD CONSTRAINT leads_letting_case FOREIGN KEY (tenant_id, letting_case_id) REFERENCES cases (tenant_id, id);
CREATE INDEX leads_legal_hold ON leads (tenant_id) WHERE legal_hold;

-- A contact channel is verified when a clerk reached the person on it, or the person answered from it (a syntax
-- check is no verification). `value` is the address or number as verified: when the lead's e-mail or phone
-- changes, the old verification no longer counts.
CREATE TABLE lead_contact_verifications (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  lead_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'phone')),
  value text NOT NULL CHECK (length(value) BETWEEN 1 AND 254),
  -- 'reached': the clerk reached the person on it; 'answered': the person answered from it.
  how text NOT NULL CHECK (how IN ('reached', 'answered')),
  verified_at timestamptz NOT NULL DEFAULT now(),
  verified_by uuid,
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id),
  FOREIGN KEY (tenant_id, verified_by) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX lead_contact_verifications_by_lead ON lead_contact_verifications (tenant_id, lead_id);

-- A planned viewing (Besichtigung). The smart-lock grant window is filled by a SmartLock port when one is used.
CREATE TABLE lead_viewings (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  lead_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  note text CHECK (length(note) BETWEEN 1 AND 2000),
  created_by uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  lock_grant_from timestamptz,
  lock_grant_until timestamptz,
  lock_grant_ref text CHECK (length(lock_grant_ref) BETWEEN 1 AND 200),
  CHECK (lock_grant_from IS NULL OR lock_grant_until > lock_grant_from),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX lead_viewings_by_lead ON lead_viewings (tenant_id, lead_id, starts_at);

-- Self-disclosure (Selbstauskunft): collected only from `besichtigt` on (the use cases refuse it before).
CREATE TABLE lead_self_disclosures (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  lead_id uuid NOT NULL,
  profession text CHECK (length(profession) BETWEEN 1 AND 200),
  employer text CHECK (length(employer) BETWEEN 1 AND 200),
  income_band text CHECK (income_band IN ('unter_1500', '1500_2500', '2500_3500', '3500_5000', 'ueber_5000')),
  rent_debt_free_certificate boolean,
  recorded_by uuid NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, lead_id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id),
  FOREIGN KEY (tenant_id, recorded_by) REFERENCES accounts (tenant_id, id)
);

-- The message every rejected person gets: prepared with the rejection, edited and released by a clerk, then
-- queued to the mail outbox. One per rejection (a reactivated and again rejected lead gets a new one).
CREATE TABLE lead_rejection_messages (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  lead_id uuid NOT NULL,
  subject text NOT NULL CHECK (length(subject) BETWEEN 1 AND 200),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 10000),
  prepared_at timestamptz NOT NULL DEFAULT now(),
  released_at timestamptz,
  released_by uuid,
  -- The address it went to (the lead's e-mail at release).
  sent_to text CHECK (length(sent_to) BETWEEN 3 AND 254),
  CHECK ((released_at IS NULL) = (released_by IS NULL)),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id),
  FOREIGN KEY (tenant_id, released_by) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX lead_rejection_messages_by_lead ON lead_rejection_messages (tenant_id, lead_id, prepared_at DESC);
-- At most one unreleased message per lead.
CREATE UNIQUE INDEX lead_rejection_messages_one_pending ON lead_rejection_messages (tenant_id, lead_id) WHERE released_at IS NULL;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['lead_contact_verifications', 'lead_viewings', 'lead_self_disclosures', 'lead_rejection_messages']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
    -- Staff of the company and its system scope (intake of answers, jobs); residents see nothing of the pipeline.
    EXECUTE format($p$CREATE POLICY %I ON %I FOR ALL
      USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
      WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))$p$, t || '_access', t);
  END LOOP;
END $$;

-- Verifications are facts: added, never changed. Viewings and self-disclosures are corrected; released messages
-- are only marked released (no DELETE anywhere: the anonymisation rewrites through a function of its own).
GRANT SELECT, INSERT ON lead_contact_verifications TO mieterportal_app;
GRANT SELECT, INSERT, UPDATE ON lead_viewings, lead_self_disclosures, lead_rejection_messages TO mieterportal_app;
