-- Each housing company's retention period for delivered outbox entries is its setting
-- `outboxRetentionDays` (docs/settings.md; absent: the default the BFF passes in). The purge reads the
-- settings of every company inside this function, in the system scope only, and returns a count.
CREATE POLICY company_settings_owner_housekeeping_read ON company_settings FOR SELECT TO mieterportal_owner
  USING (app_role() = 'system');

CREATE FUNCTION outbox_purge_delivered_by_company(purge_at timestamptz, default_days integer) RETURNS bigint
  LANGUAGE sql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  WITH purged AS (
    DELETE FROM outbox o
     WHERE app_role() = 'system' AND o.status = 'delivered'
       AND o.delivered_at < purge_at - make_interval(days => coalesce(
             (SELECT (s.settings ->> 'outboxRetentionDays')::integer FROM company_settings s WHERE s.tenant_id = o.tenant_id),
             default_days))
    RETURNING 1)
  SELECT count(*) FROM purged
$$;
REVOKE ALL ON FUNCTION outbox_purge_delivered_by_company(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION outbox_purge_delivered_by_company(timestamptz, integer) TO mieterportal_app;
