-- Cases without a resident: the letting case of an accepted rental lead belongs to an applicant, not to
-- someone living here. Such a case has no resident_id; every resident policy compares resident_id with
-- app_resident(), which never matches NULL, so these cases and everything on them are visible to staff
-- only, under the same row-level security. Every other kind of case still has its resident.
ALTER TABLE cases ALTER COLUMN resident_id DROP NOT NULL;
ALTER TABLE cases ADD COLUMN applicant jsonb
  CHECK (applicant IS NULL OR (jsonb_typeof(applicant) = 'object' AND length(applicant::text) <= 2000));
ALTER TABLE cases ADD CONSTRAINT cases_resident_or_applicant
  CHECK (CASE WHEN type = 'letting' THEN resident_id IS NULL AND applicant IS NOT NULL ELSE resident_id IS NOT NULL AND applicant IS NULL END);

-- What hangs on a case carries the case's resident_id (NULL with the case's). The composite foreign keys
-- cannot hold a NULL to the case's value, so a plain foreign key holds the row to its case and a trigger
-- to the case's resident: no row can name another resident than its case. (A case the writer cannot see
-- is left to the foreign key and row-level security, which refuse it.)
ALTER TABLE case_events ALTER COLUMN resident_id DROP NOT NULL;
ALTER TABLE case_messages ALTER COLUMN resident_id DROP NOT NULL;
ALTER TABLE case_attachments ALTER COLUMN resident_id DROP NOT NULL;
ALTER TABLE case_events ADD FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id);
ALTER TABLE case_messages ADD FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id);
ALTER TABLE case_attachments ADD FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id);

CREATE FUNCTION case_child_resident_matches() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
DECLARE case_resident uuid;
BEGIN
  SELECT c.resident_id INTO case_resident FROM cases c WHERE c.tenant_id = NEW.tenant_id AND c.id = NEW.case_id;
  IF FOUND AND case_resident IS DISTINCT FROM NEW.resident_id THEN
    RAISE EXCEPTION 'resident_id must be the case''s resident' USING ERRCODE = 'foreign_key_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_events_resident_matches BEFORE INSERT OR UPDATE ON case_events
  FOR EACH ROW EXECUTE FUNCTION case_child_resident_matches();
CREATE TRIGGER case_messages_resident_matches BEFORE INSERT OR UPDATE ON case_messages
  FOR EACH ROW EXECUTE FUNCTION case_child_resident_matches();
CREATE TRIGGER case_attachments_resident_matches BEFORE INSERT OR UPDATE ON case_attachments
  FOR EACH ROW EXECUTE FUNCTION case_child_resident_matches();
