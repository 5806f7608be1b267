-- "Already reported?" → "Me too": a resident adds themselves to an open damage case of their own building
-- instead of filing a duplicate. The joined resident is told of the case's status changes but never reads
-- the case itself (description, messages, reporter): the cases policies keep hiding it, and everything the
-- resident sees of the incident comes through the SECURITY DEFINER functions below, which return the
-- same personal-data-free columns as open_damage_reports_in_my_building().

CREATE TABLE incident_participants (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  case_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  joined_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (tenant_id, case_id, resident_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES cases (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES residents (tenant_id, id)
);
CREATE INDEX incident_participants_by_resident ON incident_participants (tenant_id, resident_id, joined_at);

ALTER TABLE incident_participants ENABLE ROW LEVEL SECURITY;
ALTER TABLE incident_participants FORCE ROW LEVEL SECURITY;

-- The open damage case with this number in the caller's own building, without personal data;
-- `reported_by_me` tells the reporter apart (who cannot join their own report).
CREATE FUNCTION open_damage_report_in_my_building(report_number text)
  RETURNS TABLE (case_id uuid, reported_by_me boolean, damage_location text, damage_category text, damage_kind text,
                 status text, reported_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.id, c.resident_id = app_resident(), l.label, k_cat.label, k.label, c.status, c.created_at
    FROM cases c
    JOIN damage_locations l ON l.tenant_id = c.tenant_id AND l.id = c.damage_location_id
    JOIN damage_categories k_cat ON k_cat.tenant_id = c.tenant_id AND k_cat.id = c.damage_category_id
    JOIN damage_kinds k ON k.tenant_id = c.tenant_id AND k.id = c.damage_kind_id
   WHERE c.tenant_id = app_tenant()
     AND app_role() = 'resident'
     AND c.case_number = report_number
     AND c.type = 'damage'
     AND c.status NOT IN ('erledigt', 'abgelehnt')
     AND c.building_id = (SELECT u.building_id
                            FROM residents r JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
                           WHERE r.tenant_id = app_tenant() AND r.id = app_resident())
$$;

-- Whether the calling resident may join this case: an open damage case of their building reported by someone else.
CREATE FUNCTION may_join_incident(incident uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1
      FROM cases c
     WHERE c.tenant_id = app_tenant()
       AND app_role() = 'resident'
       AND c.id = incident
       AND c.type = 'damage'
       AND c.status NOT IN ('erledigt', 'abgelehnt')
       AND c.resident_id <> app_resident()
       AND c.building_id = (SELECT u.building_id
                              FROM residents r JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
                             WHERE r.tenant_id = app_tenant() AND r.id = app_resident()))
$$;

-- The incidents the calling resident joined (closed ones too, so the outcome stays visible), newest joined first.
CREATE FUNCTION my_joined_incidents()
  RETURNS TABLE (case_number text, damage_location text, damage_category text, damage_kind text,
                 status text, reported_at timestamptz, joined_at timestamptz)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.case_number, l.label, k_cat.label, k.label, c.status, c.created_at, p.joined_at
    FROM incident_participants p
    JOIN cases c ON c.tenant_id = p.tenant_id AND c.id = p.case_id
    JOIN damage_locations l ON l.tenant_id = c.tenant_id AND l.id = c.damage_location_id
    JOIN damage_categories k_cat ON k_cat.tenant_id = c.tenant_id AND k_cat.id = c.damage_category_id
    JOIN damage_kinds k ON k.tenant_id = c.tenant_id AND k.id = c.damage_kind_id
   WHERE p.tenant_id = app_tenant()
     AND app_role() = 'resident'
     AND p.resident_id = app_resident()
   ORDER BY p.joined_at DESC, c.case_number DESC
   LIMIT 100
$$;

REVOKE ALL ON FUNCTION open_damage_report_in_my_building(text), may_join_incident(uuid), my_joined_incidents() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION open_damage_report_in_my_building(text), may_join_incident(uuid), my_joined_incidents() TO mieterportal_app;

-- Staff see who is affected by the housing company's cases; a resident reads only their own rows and
-- joins only as themselves, only an incident they may join. Nobody changes or removes a participation.
CREATE POLICY incident_participants_read ON incident_participants FOR SELECT
  USING (tenant_id = app_tenant() AND (app_is_staff() OR resident_id = app_resident()));
CREATE POLICY incident_participants_join ON incident_participants FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident() AND may_join_incident(case_id));

GRANT SELECT, INSERT ON incident_participants TO mieterportal_app;
