-- Fixes found by the tenant-isolation suite (bff/isolation/). 0001 stays untouched (append-only).

-- 1. Expired-session clean-up removed nothing: a DELETE with a WHERE clause also needs a SELECT policy,
--    and the 'system' scope had none. It may now see expired rows, and only those.
CREATE POLICY sessions_expiry_read ON sessions FOR SELECT USING (app_role() = 'system' AND expires_at < now());

-- 2. A scope without a session key (app.session_key = '') matched rows whose key is '', so any scope
--    could plant a session row that every other scope could read. An empty key now matches nothing.
-- 3. A signed-in user could INSERT or UPDATE session rows of their own account with any key and any
--    data (a forged session claiming another role or housing company). Own-account access is now
--    read and delete only (list sessions, log out everywhere); writing needs the row's own key.
DROP POLICY sessions_own_key ON sessions;
DROP POLICY sessions_own_account ON sessions;
CREATE POLICY sessions_own_key ON sessions FOR ALL
  USING (session_key = nullif(current_setting('app.session_key', true), ''))
  WITH CHECK (session_key = nullif(current_setting('app.session_key', true), '')
              AND (tenant_id IS NULL OR tenant_id = app_tenant()));
CREATE POLICY sessions_own_account_read ON sessions FOR SELECT
  USING (tenant_id = app_tenant() AND account_id = app_account());
CREATE POLICY sessions_own_account_delete ON sessions FOR DELETE
  USING (tenant_id = app_tenant() AND account_id = app_account());

-- 4. RLS limits rows, not columns: a resident could update their own account to role 'admin' (and the
--    sign-in scope any account of the housing company). Only an admin may change an account's role.
CREATE FUNCTION accounts_guard_role() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF NEW.role IS DISTINCT FROM OLD.role AND app_role() <> 'admin' THEN
    RAISE EXCEPTION 'only an admin may change the role of an account' USING ERRCODE = 'insufficient_privilege';
  END IF;
  RETURN NEW;
END $$;
CREATE TRIGGER accounts_guard_role BEFORE UPDATE OF role ON accounts
  FOR EACH ROW EXECUTE FUNCTION accounts_guard_role();
