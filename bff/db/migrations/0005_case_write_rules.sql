-- Tighter write rules inside one housing company for the case tables.
-- Activity log: every event names its actor truthfully. A resident writes only their own "created" and
-- "resident_message" events (and the system's routing event while filing); staff write staff events as
-- themselves and system events. Nobody can put a status change into a clerk's mouth.
DROP POLICY case_events_create ON case_events;
CREATE POLICY case_events_create ON case_events FOR INSERT WITH CHECK (
  tenant_id = app_tenant() AND (
    (app_is_staff() AND ((actor_role = 'staff' AND actor_account_id = app_account()) OR actor_role = 'system'))
    OR (app_role() = 'resident' AND resident_id = app_resident() AND (
          (actor_role = 'resident' AND actor_account_id = app_account() AND kind IN ('created', 'resident_message'))
          OR (actor_role = 'system' AND kind = 'routed')))));

-- Case-number counters: read, created and advanced while filing; never deleted and never moved back,
-- so a case number cannot be issued twice.
DROP POLICY case_number_counters_access ON case_number_counters;
CREATE POLICY case_number_counters_read ON case_number_counters FOR SELECT USING (tenant_id = app_tenant());
CREATE POLICY case_number_counters_create ON case_number_counters FOR INSERT WITH CHECK (tenant_id = app_tenant());
CREATE POLICY case_number_counters_advance ON case_number_counters FOR UPDATE
  USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());

CREATE FUNCTION case_number_counters_forward_only() RETURNS trigger LANGUAGE plpgsql SET search_path = public AS $$
BEGIN
  IF NEW.last_number < OLD.last_number OR NEW.year <> OLD.year THEN
    RAISE EXCEPTION 'case number counters only move forward' USING ERRCODE = 'check_violation';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER case_number_counters_forward_only BEFORE UPDATE ON case_number_counters
  FOR EACH ROW EXECUTE FUNCTION case_number_counters_forward_only();
