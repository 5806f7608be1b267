-- Signed public links and self-service viewing slots (docs/leads.md, "Viewings and signed links").
--
-- A signed link is one row here plus an HMAC over (purpose, company, subject, link id, expiry): the row makes it
-- revocable and, for purposes that need it, usable once. The token itself is never stored.
CREATE TABLE signed_links (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  -- What the link may do: 'viewing-booking', 'credit-check-consent', later 'contractor-answer', …
  purpose text NOT NULL CHECK (purpose ~ '^[a-z][a-z0-9-]{2,39}$'),
  -- The one thing it is about (a lead for viewing-booking).
  subject_id uuid NOT NULL,
  expires_at timestamptz NOT NULL,
  single_use boolean NOT NULL DEFAULT false,
  used_at timestamptz,
  revoked_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (expires_at > created_at),
  CHECK (used_at IS NULL OR single_use),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX signed_links_by_subject ON signed_links (tenant_id, purpose, subject_id, created_at DESC);

-- Viewing slots a clerk offers for a listing: a time, a duration and the number of people (group viewings).
CREATE TABLE viewing_slots (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  listing_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  duration_minutes integer NOT NULL CHECK (duration_minutes BETWEEN 5 AND 480),
  capacity integer NOT NULL CHECK (capacity BETWEEN 1 AND 100),
  note text NOT NULL DEFAULT '' CHECK (length(note) <= 1000),
  -- A booking of this slot gets a time-limited grant of the smart lock (SmartLock port), when one is connected.
  smart_lock boolean NOT NULL DEFAULT false,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  cancelled_at timestamptz,
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, listing_id) REFERENCES listings (tenant_id, id),
  FOREIGN KEY (tenant_id, created_by) REFERENCES accounts (tenant_id, id)
);
CREATE INDEX viewing_slots_by_listing ON viewing_slots (tenant_id, listing_id, starts_at);

-- A lead's place in a slot: booked, or on the slot's waitlist (first come, first promoted), or cancelled.
-- A lead holds at most one active entry; moving changes its slot. The smart-lock grant window is stored here.
CREATE TABLE viewing_bookings (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  slot_id uuid NOT NULL,
  lead_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('booked', 'waitlisted', 'cancelled')),
  created_at timestamptz NOT NULL DEFAULT now(),
  -- When it entered its current slot and status (the waitlist's order).
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  lock_grant_from timestamptz,
  lock_grant_until timestamptz,
  lock_grant_reference text CHECK (length(lock_grant_reference) BETWEEN 1 AND 200),
  CHECK ((lock_grant_from IS NULL) = (lock_grant_until IS NULL)),
  CHECK (lock_grant_until > lock_grant_from),
  UNIQUE (tenant_id, id),
  FOREIGN KEY (tenant_id, slot_id) REFERENCES viewing_slots (tenant_id, id),
  FOREIGN KEY (tenant_id, lead_id) REFERENCES leads (tenant_id, id)
);
CREATE UNIQUE INDEX viewing_bookings_one_active_per_lead ON viewing_bookings (tenant_id, lead_id) WHERE status IN ('booked', 'waitlisted');
CREATE INDEX viewing_bookings_by_slot ON viewing_bookings (tenant_id, slot_id, status, updated_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['signed_links', 'viewing_slots', 'viewing_bookings']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;

-- Staff of the company and the system scope bound to it (a verified signed link names the company) work these;
-- residents see nothing.
CREATE POLICY signed_links_access ON signed_links FOR ALL
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'));
CREATE POLICY viewing_slots_access ON viewing_slots FOR ALL
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_is_staff());
CREATE POLICY viewing_bookings_access ON viewing_bookings FOR ALL
  USING (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'))
  WITH CHECK (tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system'));

GRANT SELECT, INSERT, UPDATE ON signed_links, viewing_slots, viewing_bookings TO mieterportal_app;

-- A booked self-service viewing is a viewing of the lead (lead_viewings, migration 0028): the move to `besichtigt`
-- needs one whose time has passed. Each booked place is mirrored there, linked by its booking; moving the booking
-- updates the mirror, cancelling it (or being moved to a waitlist) removes it — through the function below, the
-- only removal: the app role has no DELETE on lead_viewings, so a viewing a clerk planned stays a fact.
ALTER TABLE lead_viewings ADD COLUMN viewing_booking_id uuid UNIQUE;
ALTER TABLE lead_viewings ADD CONSTRAINT lead_viewings_viewing_booking_fk
  FOREIGN KEY (tenant_id, viewing_booking_id) REFERENCES viewing_bookings (tenant_id, id);
CREATE FUNCTION lead_viewings_unmirror(booking uuid) RETURNS void
  LANGUAGE sql SECURITY DEFINER SET search_path = public, pg_temp AS $$
  DELETE FROM lead_viewings v
   WHERE v.tenant_id = app_tenant() AND app_role() IN ('clerk', 'admin', 'system')
     AND v.viewing_booking_id = booking
     AND NOT EXISTS (SELECT 1 FROM viewing_bookings b WHERE b.tenant_id = v.tenant_id AND b.id = booking AND b.status = 'booked')
$$;
REVOKE ALL ON FUNCTION lead_viewings_unmirror(uuid) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION lead_viewings_unmirror(uuid) TO mieterportal_app;
