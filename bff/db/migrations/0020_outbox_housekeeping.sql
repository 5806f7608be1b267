-- Outbox housekeeping across housing companies, each through one function that returns counts only (as
-- outbox_due_tenants() returns ids only): delivered entries are purged after the retention period (dead
-- letters stay until an admin requeues them), and the metrics read the backlog.
CREATE INDEX outbox_delivered ON outbox (delivered_at) WHERE status = 'delivered';

-- The owner reads and deletes rows only inside these functions, and only in the system scope.
CREATE POLICY outbox_owner_housekeeping_read ON outbox FOR SELECT TO mieterportal_owner
  USING (app_role() = 'system');
CREATE POLICY outbox_owner_purge ON outbox FOR DELETE TO mieterportal_owner
  USING (app_role() = 'system' AND status = 'delivered');

CREATE FUNCTION outbox_purge_delivered(delivered_before timestamptz) RETURNS bigint
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH purged AS (
    DELETE FROM outbox
     WHERE app_role() = 'system' AND status = 'delivered' AND delivered_at < delivered_before
    RETURNING 1)
  SELECT count(*) FROM purged
$$;
REVOKE ALL ON FUNCTION outbox_purge_delivered(timestamptz) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_purge_delivered(timestamptz) TO mieterportal_app;

CREATE FUNCTION outbox_backlog() RETURNS TABLE (pending bigint, dead bigint)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT count(*) FILTER (WHERE status = 'pending'), count(*) FILTER (WHERE status = 'dead')
    FROM outbox
   WHERE app_role() = 'system' AND status <> 'delivered'
$$;
REVOKE ALL ON FUNCTION outbox_backlog() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_backlog() TO mieterportal_app;
