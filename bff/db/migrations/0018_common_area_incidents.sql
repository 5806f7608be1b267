-- "Bereits gemeldet?" offered every open damage report of the building, including damage inside another
-- resident's flat with its case number ("Wasserhahn tropft" next door). A damage location is now a common
-- area or not: reports of common areas (stairwell, cellar, roof, heating plant, lift, outdoor areas) are
-- offered to everyone in the building, damage inside a flat only to the residents of that flat, and nobody
-- is offered their own report.

-- 1. The flag. A housing company's own locations are private until its admin marks them
-- (PUT /api/staff/damage-locations/:id/common-area).
ALTER TABLE damage_locations ADD COLUMN common_area boolean NOT NULL DEFAULT false;

-- 2. The default catalogue's common areas (bff/cases/seed-catalogue.ts), and a central heating plant by
-- its usual names, for the companies that exist. The owner is held to FORCE ROW LEVEL SECURITY like
-- everyone else; lift it for this one back-fill, inside this transaction.
ALTER TABLE damage_locations NO FORCE ROW LEVEL SECURITY;
UPDATE damage_locations SET common_area = true
 WHERE label IN ('Treppenhaus und Eingang', 'Keller und Gemeinschaftsräume', 'Aufzug', 'Dach und Fassade', 'Außenanlagen',
                 'Heizung', 'Heizungsanlage', 'Heizungsraum');
ALTER TABLE damage_locations FORCE ROW LEVEL SECURITY;

-- 3. Who is offered which report (otherwise as in 0013): common areas of the own building, damage inside
-- the own flat, never the own report.
CREATE FUNCTION report_visible_to_me(case_unit uuid, case_resident uuid, location_is_common_area boolean) RETURNS boolean
  LANGUAGE sql STABLE SET search_path = public, pg_temp AS $$
  SELECT case_resident IS DISTINCT FROM app_resident()
     AND (location_is_common_area
          OR case_unit = (SELECT r.unit_id FROM residents r WHERE r.tenant_id = app_tenant() AND r.id = app_resident()))
$$;
REVOKE ALL ON FUNCTION report_visible_to_me(uuid, uuid, boolean) FROM PUBLIC;

DROP FUNCTION open_damage_reports_in_my_building(uuid);
CREATE FUNCTION open_damage_reports_in_my_building(category uuid)
  RETURNS TABLE (case_number text, damage_location text, damage_category text, damage_kind text,
                 status text, reported_at timestamptz, damage_location_translations jsonb,
                 damage_category_translations jsonb, damage_kind_translations jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.case_number, l.label, k_cat.label, k.label, c.status, c.created_at,
         l.label_translations, k_cat.label_translations, k.label_translations
    FROM cases c
    JOIN damage_locations l ON l.tenant_id = c.tenant_id AND l.id = c.damage_location_id
    JOIN damage_categories k_cat ON k_cat.tenant_id = c.tenant_id AND k_cat.id = c.damage_category_id
    JOIN damage_kinds k ON k.tenant_id = c.tenant_id AND k.id = c.damage_kind_id
   WHERE c.tenant_id = app_tenant()
     AND app_role() = 'resident'
     AND c.type = 'damage'
     AND c.damage_category_id = category
     AND c.status NOT IN ('erledigt', 'abgelehnt')
     AND c.building_id = (SELECT u.building_id
                            FROM residents r JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
                           WHERE r.tenant_id = app_tenant() AND r.id = app_resident())
     AND report_visible_to_me(c.unit_id, c.resident_id, l.common_area)
   ORDER BY c.created_at DESC
   LIMIT 20
$$;

-- Joining by number: the reporter still learns it is their own report (own_report); anybody else finds
-- only what they would be offered.
DROP FUNCTION open_damage_report_in_my_building(text);
CREATE FUNCTION open_damage_report_in_my_building(report_number text)
  RETURNS TABLE (case_id uuid, reported_by_me boolean, damage_location text, damage_category text, damage_kind text,
                 status text, reported_at timestamptz, damage_location_translations jsonb,
                 damage_category_translations jsonb, damage_kind_translations jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.id, c.resident_id = app_resident(), l.label, k_cat.label, k.label, c.status, c.created_at,
         l.label_translations, k_cat.label_translations, k.label_translations
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
     AND (c.resident_id = app_resident() OR report_visible_to_me(c.unit_id, c.resident_id, l.common_area))
$$;

-- The row-level rule for joining (0009) holds to the same: a resident joins a damage inside another flat
-- not even by writing the row directly.
CREATE OR REPLACE FUNCTION may_join_incident(incident uuid) RETURNS boolean
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT EXISTS (
    SELECT 1
      FROM cases c
      JOIN damage_locations l ON l.tenant_id = c.tenant_id AND l.id = c.damage_location_id
     WHERE c.tenant_id = app_tenant()
       AND app_role() = 'resident'
       AND c.id = incident
       AND c.type = 'damage'
       AND c.status NOT IN ('erledigt', 'abgelehnt')
       AND c.resident_id <> app_resident()
       AND c.building_id = (SELECT u.building_id
                              FROM residents r JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
                             WHERE r.tenant_id = app_tenant() AND r.id = app_resident())
       AND report_visible_to_me(c.unit_id, c.resident_id, l.common_area))
$$;

REVOKE ALL ON FUNCTION open_damage_reports_in_my_building(uuid), open_damage_report_in_my_building(text) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION open_damage_reports_in_my_building(uuid), open_damage_report_in_my_building(text) TO mieterportal_app;
