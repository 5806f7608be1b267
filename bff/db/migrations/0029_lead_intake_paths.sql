-- Lead intake paths beyond the signed webhook (docs/lead-intake.md): portal mails through a relay's inbound
-- endpoint or the mailbox poller, OpenImmo-Feedback files from a folder or a clerk's upload, manual entry.
-- What cannot be read becomes a dead letter: kept with its raw message (self-disclosure cut out) and the
-- reason, visible to staff, purged after 30 days (lead_dead_letters_purge, run by a scheduled job).

CREATE TABLE lead_dead_letters (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  -- From the BFF's clock (tests move it), not now(): the 30 days count from here.
  received_at timestamptz NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'ftp', 'upload')),
  -- The same message or file delivered again is the same dead letter (Message-ID, else the SHA-256 of the bytes).
  dedupe_key text NOT NULL CHECK (length(dedupe_key) BETWEEN 1 AND 300),
  reason_code text NOT NULL CHECK (reason_code IN ('empty', 'unreadable_mail', 'malformed_xml', 'unknown_xml',
                                                   'openimmo_transfer', 'no_enquiry', 'unknown_sender', 'not_storable')),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  -- What the list shows: the sender's address and subject of a mail, the name of a file.
  sender text CHECK (length(sender) <= 300),
  subject text CHECK (length(subject) <= 500),
  file_name text CHECK (length(file_name) <= 300),
  -- message/rfc822 or application/xml: how `raw` is served.
  content_type text NOT NULL CHECK (content_type IN ('message/rfc822', 'application/xml')),
  -- The message or file with self-disclosure sentences cut out (bff/leads/dead-letter-redaction.ts).
  raw bytea NOT NULL CHECK (octet_length(raw) <= 26214400),
  original_size integer NOT NULL CHECK (original_size >= 0),
  attempts integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
  last_attempt_at timestamptz NOT NULL,
  UNIQUE (tenant_id, dedupe_key),
  UNIQUE (tenant_id, id)
);
CREATE INDEX lead_dead_letters_by_time ON lead_dead_letters (tenant_id, received_at DESC, id DESC);
CREATE INDEX lead_dead_letters_by_age ON lead_dead_letters (received_at);

ALTER TABLE lead_dead_letters ENABLE ROW LEVEL SECURITY;
ALTER TABLE lead_dead_letters FORCE ROW LEVEL SECURITY;
-- Staff of the company see, retry and delete them; the system scope bound to the company (relay endpoint,
-- mailbox poller, folder) writes them. Residents see nothing.
CREATE POLICY lead_dead_letters_access ON lead_dead_letters FOR ALL
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'));
GRANT SELECT, INSERT, UPDATE, DELETE ON lead_dead_letters TO mieterportal_app;
-- The purge below runs as the owner (SECURITY DEFINER), which FORCE ROW LEVEL SECURITY binds too: across
-- companies, in the system scope only.
CREATE POLICY lead_dead_letters_owner_purge ON lead_dead_letters FOR ALL TO mieterportal_owner
  USING (app_role() = 'system');

-- The purge across all companies: only the system scope of the scheduled job, bound to no company, may run it
-- (the system scope of one company's intake purges nothing).
CREATE FUNCTION lead_dead_letters_purge(cutoff timestamptz) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  purged bigint;
BEGIN
  IF app_role() IS DISTINCT FROM 'system' OR app_tenant() IS NOT NULL THEN
    RETURN 0;
  END IF;
  DELETE FROM lead_dead_letters WHERE received_at < cutoff;
  GET DIAGNOSTICS purged = ROW_COUNT;
  RETURN purged;
END $$;
REVOKE ALL ON FUNCTION lead_dead_letters_purge(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lead_dead_letters_purge(timestamptz) TO mieterportal_app;

-- 0032 (the anonymisation) gives every tenant table two policies for its role 'anonymiser'. Numbered before it,
-- this table gets them there — unless the database applied 0032 before this file arrived: then here.
DO $$
BEGIN
  IF EXISTS (SELECT 1 FROM schema_migrations WHERE name LIKE '0032%') THEN
    CREATE POLICY lead_dead_letters_anonymiser_read ON lead_dead_letters FOR SELECT
      USING (tenant_id = app_tenant() AND app_role() = 'anonymiser');
    CREATE POLICY lead_dead_letters_anonymiser_rewrite ON lead_dead_letters FOR UPDATE
      USING (tenant_id = app_tenant() AND app_role() = 'anonymiser')
      WITH CHECK (tenant_id = app_tenant() AND app_role() = 'anonymiser');
  END IF;
END $$;
