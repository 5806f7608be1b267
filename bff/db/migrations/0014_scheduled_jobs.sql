-- Scheduled jobs (bff/jobs/): one row per periodic job, shared by every BFF instance. An instance runs a
-- job only after claiming its row with one UPDATE (due, and not locked by another instance): so a job runs
-- once per period however many instances there are, and a restart does not run it again early.
-- Not a housing company's data, but every table is under row-level security: only the system scope sees it.
CREATE TABLE scheduled_jobs (
  name text PRIMARY KEY CHECK (name ~ '^[a-z][a-z0-9_.-]{0,63}$'),
  next_run_at timestamptz NOT NULL,
  -- While an instance runs the job; after it the lock lapses by itself (an instance that died mid-run).
  locked_until timestamptz,
  locked_by text CHECK (length(locked_by) <= 100),
  last_started_at timestamptz,
  last_finished_at timestamptz,
  last_error text CHECK (length(last_error) <= 2000)
);

ALTER TABLE scheduled_jobs ENABLE ROW LEVEL SECURITY;
ALTER TABLE scheduled_jobs FORCE ROW LEVEL SECURITY;
CREATE POLICY scheduled_jobs_system ON scheduled_jobs FOR ALL
  USING (app_role() = 'system') WITH CHECK (app_role() = 'system');

GRANT SELECT, INSERT, UPDATE ON scheduled_jobs TO mieterportal_app;
