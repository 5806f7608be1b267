-- What the lead intake keeps about deliveries is kept only as long as it serves its purpose (Art. 5 (1) e DSGVO):
-- - webhook_deliveries (the dedupe keys of delivered enquiries, some a hash of e-mail and message): 30 days — portals
--   and relays redeliver within hours, never after a month;
-- - lead_intake_rejections (refused webhook calls with the caller's IP address): 90 days, long enough to look into
--   an attack, not longer.
-- Purged across companies by the hourly intake purge job (with the dead letters), in the system scope bound to no
-- company only, like lead_dead_letters_purge (0029).
CREATE POLICY webhook_deliveries_owner_purge ON webhook_deliveries FOR ALL TO mieterportal_owner
  USING (app_role() = 'system');
CREATE POLICY lead_intake_rejections_owner_purge ON lead_intake_rejections FOR ALL TO mieterportal_owner
  USING (app_role() = 'system');

CREATE FUNCTION lead_intake_records_purge(deliveries_cutoff timestamptz, rejections_cutoff timestamptz) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  deliveries bigint;
  rejections bigint;
BEGIN
  IF app_role() IS DISTINCT FROM 'system' OR app_tenant() IS NOT NULL THEN
    RETURN 0;
  END IF;
  DELETE FROM webhook_deliveries WHERE received_at < deliveries_cutoff;
  GET DIAGNOSTICS deliveries = ROW_COUNT;
  DELETE FROM lead_intake_rejections WHERE at < rejections_cutoff;
  GET DIAGNOSTICS rejections = ROW_COUNT;
  RETURN deliveries + rejections;
END $$;
REVOKE ALL ON FUNCTION lead_intake_records_purge(timestamptz, timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lead_intake_records_purge(timestamptz, timestamptz) TO mieterportal_app;
