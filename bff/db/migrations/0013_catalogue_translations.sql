-- Catalogue labels in the residents' languages. Each damage location, category and kind and each document
-- type keeps its German label — the housing company's own words, and what every other language falls back
-- to — and gets `label_translations`, e.g. {"en": "Dripping tap", "pl": "Kapiący kran"}. The BFF answers
-- catalogue and case views with the label in the person's language (Accept-Language).

-- 1. Translations per catalogue row: an object of language → non-empty text (German is the label itself).
CREATE FUNCTION is_label_translations(translations jsonb) RETURNS boolean
  LANGUAGE sql IMMUTABLE SET search_path = public, pg_temp AS $$
  SELECT jsonb_typeof(translations) = 'object'
     AND NOT EXISTS (SELECT 1 FROM jsonb_each(translations) entry
                      WHERE entry.key !~ '^[a-z]{2,3}$' OR jsonb_typeof(entry.value) <> 'string' OR entry.value #>> '{}' = '')
$$;

DO $$
DECLARE
  catalogue_table text;
BEGIN
  FOREACH catalogue_table IN ARRAY ARRAY['damage_locations', 'damage_categories', 'damage_kinds', 'document_types'] LOOP
    EXECUTE format('ALTER TABLE %I ADD COLUMN label_translations jsonb NOT NULL DEFAULT ''{}''
                      CHECK (is_label_translations(label_translations))', catalogue_table);
  END LOOP;
END $$;

-- 2. The translations of the default catalogue every housing company starts with (bff/cases/seed-catalogue.ts):
-- damage entries by their German label, document types by their stable key. Applied to the rows of the
-- caller's housing company that have none yet — by the seeding of a new company, and below once for all.
CREATE FUNCTION translate_default_catalogue() RETURNS void
  LANGUAGE plpgsql SET search_path = public, pg_temp AS $$
DECLARE
  damage CONSTANT jsonb := '{
      "Wohnung": {"en": "Flat", "tr": "Daire", "pl": "Mieszkanie", "uk": "Квартира"},
      "Treppenhaus und Eingang": {"en": "Stairwell and entrance", "tr": "Merdiven boşluğu ve giriş", "pl": "Klatka schodowa i wejście", "uk": "Сходова клітка та вхід"},
      "Keller und Gemeinschaftsräume": {"en": "Cellar and shared rooms", "tr": "Bodrum ve ortak alanlar", "pl": "Piwnica i pomieszczenia wspólne", "uk": "Підвал і спільні приміщення"},
      "Aufzug": {"en": "Lift", "tr": "Asansör", "pl": "Winda", "uk": "Ліфт"},
      "Dach und Fassade": {"en": "Roof and facade", "tr": "Çatı ve cephe", "pl": "Dach i elewacja", "uk": "Дах і фасад"},
      "Außenanlagen": {"en": "Outdoor areas", "tr": "Dış alanlar", "pl": "Teren wokół budynku", "uk": "Прибудинкова територія"},
      "Sanitär": {"en": "Plumbing", "tr": "Sıhhi tesisat", "pl": "Instalacja sanitarna", "uk": "Сантехніка"},
      "Heizung und Warmwasser": {"en": "Heating and hot water", "tr": "Isıtma ve sıcak su", "pl": "Ogrzewanie i ciepła woda", "uk": "Опалення та гаряча вода"},
      "Elektrik": {"en": "Electrics", "tr": "Elektrik", "pl": "Instalacja elektryczna", "uk": "Електрика"},
      "Fenster und Türen": {"en": "Windows and doors", "tr": "Pencereler ve kapılar", "pl": "Okna i drzwi", "uk": "Вікна та двері"},
      "Feuchtigkeit und Schimmel": {"en": "Damp and mould", "tr": "Nem ve küf", "pl": "Wilgoć i pleśń", "uk": "Вологість і пліснява"},
      "Beleuchtung": {"en": "Lighting", "tr": "Aydınlatma", "pl": "Oświetlenie", "uk": "Освітлення"},
      "Haustür und Klingel": {"en": "Front door and doorbell", "tr": "Bina kapısı ve zil", "pl": "Drzwi wejściowe i dzwonek", "uk": "Вхідні двері та дзвінок"},
      "Treppen und Böden": {"en": "Stairs and floors", "tr": "Merdivenler ve zeminler", "pl": "Schody i podłogi", "uk": "Сходи та підлога"},
      "Feuchtigkeit": {"en": "Damp", "tr": "Nem", "pl": "Wilgoć", "uk": "Вологість"},
      "Türen und Beleuchtung": {"en": "Doors and lighting", "tr": "Kapılar ve aydınlatma", "pl": "Drzwi i oświetlenie", "uk": "Двері та освітлення"},
      "Dach": {"en": "Roof", "tr": "Çatı", "pl": "Dach", "uk": "Дах"},
      "Fassade": {"en": "Facade", "tr": "Cephe", "pl": "Elewacja", "uk": "Фасад"},
      "Wege und Grünflächen": {"en": "Paths and green spaces", "tr": "Yollar ve yeşil alanlar", "pl": "Chodniki i tereny zielone", "uk": "Доріжки та зелені насадження"},
      "Müllplatz": {"en": "Bin area", "tr": "Çöp alanı", "pl": "Wiata śmietnikowa", "uk": "Сміттєвий майданчик"},
      "Wasserhahn tropft": {"en": "Dripping tap", "tr": "Musluk damlatıyor", "pl": "Kapiący kran", "uk": "Капає кран"},
      "Toilettenspülung defekt": {"en": "Toilet flush broken", "tr": "Tuvalet sifonu bozuk", "pl": "Uszkodzona spłuczka", "uk": "Несправний зливний бачок"},
      "Abfluss verstopft": {"en": "Blocked drain", "tr": "Gider tıkalı", "pl": "Zatkany odpływ", "uk": "Засмічений злив"},
      "Wasserschaden / Leck": {"en": "Water damage / leak", "tr": "Su hasarı / sızıntı", "pl": "Zalanie / przeciek", "uk": "Пошкодження водою / протікання"},
      "Heizkörper wird nicht warm": {"en": "Radiator does not get warm", "tr": "Kalorifer peteği ısınmıyor", "pl": "Kaloryfer nie grzeje", "uk": "Радіатор не гріє"},
      "Kein Warmwasser": {"en": "No hot water", "tr": "Sıcak su yok", "pl": "Brak ciepłej wody", "uk": "Немає гарячої води"},
      "Thermostatventil defekt": {"en": "Thermostatic valve broken", "tr": "Termostatik vana arızalı", "pl": "Uszkodzony zawór termostatyczny", "uk": "Несправний термостатичний клапан"},
      "Steckdose oder Schalter defekt": {"en": "Socket or switch broken", "tr": "Priz veya anahtar arızalı", "pl": "Uszkodzone gniazdko lub włącznik", "uk": "Несправна розетка або вимикач"},
      "Sicherung löst immer wieder aus": {"en": "Fuse keeps tripping", "tr": "Sigorta sürekli atıyor", "pl": "Bezpiecznik ciągle wybija", "uk": "Запобіжник постійно вибиває"},
      "Stromausfall in der Wohnung": {"en": "Power cut in the flat", "tr": "Dairede elektrik kesintisi", "pl": "Brak prądu w mieszkaniu", "uk": "Немає електрики у квартирі"},
      "Fenster schließt nicht": {"en": "Window does not close", "tr": "Pencere kapanmıyor", "pl": "Okno się nie domyka", "uk": "Вікно не зачиняється"},
      "Wohnungstür oder Schloss defekt": {"en": "Flat door or lock broken", "tr": "Daire kapısı veya kilit arızalı", "pl": "Uszkodzone drzwi do mieszkania lub zamek", "uk": "Несправні двері квартири або замок"},
      "Rollladen defekt": {"en": "Roller shutter broken", "tr": "Panjur arızalı", "pl": "Uszkodzona roleta zewnętrzna", "uk": "Несправні ролети"},
      "Schimmelbildung": {"en": "Mould", "tr": "Küf oluşumu", "pl": "Pleśń", "uk": "Утворення плісняви"},
      "Feuchte Wände": {"en": "Damp walls", "tr": "Nemli duvarlar", "pl": "Wilgotne ściany", "uk": "Вологі стіни"},
      "Licht im Treppenhaus defekt": {"en": "Stairwell light broken", "tr": "Merdiven boşluğu lambası arızalı", "pl": "Nie działa światło na klatce schodowej", "uk": "Не працює освітлення на сходовій клітці"},
      "Haustür schließt nicht": {"en": "Front door does not close", "tr": "Bina kapısı kapanmıyor", "pl": "Drzwi wejściowe się nie domykają", "uk": "Вхідні двері не зачиняються"},
      "Klingel oder Gegensprechanlage defekt": {"en": "Doorbell or intercom broken", "tr": "Zil veya diyafon arızalı", "pl": "Uszkodzony dzwonek lub domofon", "uk": "Несправний дзвінок або домофон"},
      "Briefkasten defekt": {"en": "Letterbox broken", "tr": "Posta kutusu arızalı", "pl": "Uszkodzona skrzynka pocztowa", "uk": "Несправна поштова скринька"},
      "Stolperstelle oder Beschädigung": {"en": "Trip hazard or damage", "tr": "Takılma tehlikesi veya hasar", "pl": "Miejsce grożące potknięciem lub uszkodzenie", "uk": "Небезпека спіткнутися або пошкодження"},
      "Wasser im Keller": {"en": "Water in the cellar", "tr": "Bodrumda su", "pl": "Woda w piwnicy", "uk": "Вода в підвалі"},
      "Tür oder Schloss defekt": {"en": "Door or lock broken", "tr": "Kapı veya kilit arızalı", "pl": "Uszkodzone drzwi lub zamek", "uk": "Несправні двері або замок"},
      "Licht defekt": {"en": "Light broken", "tr": "Lamba arızalı", "pl": "Nie działa światło", "uk": "Не працює світло"},
      "Aufzug steht still": {"en": "Lift not working", "tr": "Asansör çalışmıyor", "pl": "Winda nie działa", "uk": "Ліфт не працює"},
      "Tür schließt nicht": {"en": "Door does not close", "tr": "Kapı kapanmıyor", "pl": "Drzwi się nie zamykają", "uk": "Двері не зачиняються"},
      "Ungewöhnliche Geräusche": {"en": "Unusual noises", "tr": "Olağandışı sesler", "pl": "Nietypowe odgłosy", "uk": "Незвичні звуки"},
      "Dach undicht": {"en": "Roof leaking", "tr": "Çatı akıtıyor", "pl": "Przeciekający dach", "uk": "Дах протікає"},
      "Dachrinne verstopft oder beschädigt": {"en": "Gutter blocked or damaged", "tr": "Oluk tıkalı veya hasarlı", "pl": "Zatkana lub uszkodzona rynna", "uk": "Ринва засмічена або пошкоджена"},
      "Risse oder Putzschäden": {"en": "Cracks or damaged plaster", "tr": "Çatlaklar veya sıva hasarı", "pl": "Pęknięcia lub uszkodzony tynk", "uk": "Тріщини або пошкоджена штукатурка"},
      "Balkon beschädigt": {"en": "Balcony damaged", "tr": "Balkon hasarlı", "pl": "Uszkodzony balkon", "uk": "Пошкоджений балкон"},
      "Weg oder Zufahrt beschädigt": {"en": "Path or driveway damaged", "tr": "Yol veya giriş yolu hasarlı", "pl": "Uszkodzony chodnik lub podjazd", "uk": "Пошкоджена доріжка або під’їзд"},
      "Baum oder Ast droht abzubrechen": {"en": "Tree or branch about to break off", "tr": "Ağaç veya dal kırılmak üzere", "pl": "Drzewo lub gałąź grozi złamaniem", "uk": "Дерево або гілка можуть обламатися"},
      "Müllbehälter beschädigt": {"en": "Bin damaged", "tr": "Çöp konteyneri hasarlı", "pl": "Uszkodzony pojemnik na śmieci", "uk": "Пошкоджений сміттєвий контейнер"}
    }';
  documents CONSTANT jsonb := '{
      "tenant_certificate": {"en": "Tenancy certificate", "tr": "Kiracılık belgesi", "pl": "Zaświadczenie o najmie", "uk": "Довідка про оренду"},
      "landlord_confirmation": {"en": "Landlord’s confirmation for registering your address", "tr": "Adres kaydı için ev sahibi onayı", "pl": "Potwierdzenie wynajmującego do zameldowania", "uk": "Підтвердження орендодавця для реєстрації місця проживання"},
      "lease_copy": {"en": "Copy of the tenancy agreement", "tr": "Kira sözleşmesinin kopyası", "pl": "Kopia umowy najmu", "uk": "Копія договору оренди"},
      "house_rules": {"en": "House rules", "tr": "Bina kuralları", "pl": "Regulamin domu", "uk": "Правила будинку"},
      "utility_statement_copy": {"en": "Service charge statement (copy)", "tr": "Yan gider hesap dökümü (kopya)", "pl": "Rozliczenie kosztów eksploatacyjnych (kopia)", "uk": "Розрахунок експлуатаційних витрат (копія)"},
      "rent_clearance_certificate": {"en": "Certificate of no rent arrears", "tr": "Kira borcu olmadığına dair belge", "pl": "Zaświadczenie o niezaleganiu z czynszem", "uk": "Довідка про відсутність заборгованості з орендної плати"}
    }';
BEGIN
  UPDATE damage_locations SET label_translations = damage -> label WHERE label_translations = '{}' AND damage ? label;
  UPDATE damage_categories SET label_translations = damage -> label WHERE label_translations = '{}' AND damage ? label;
  UPDATE damage_kinds SET label_translations = damage -> label WHERE label_translations = '{}' AND damage ? label;
  UPDATE document_types SET label_translations = documents -> key WHERE label_translations = '{}' AND documents ? key;
END $$;
REVOKE ALL ON FUNCTION translate_default_catalogue() FROM PUBLIC;
GRANT EXECUTE ON FUNCTION translate_default_catalogue() TO mieterportal_app;

-- 3. The housing companies that exist get the translations of their default rows. The owner is held to
-- FORCE ROW LEVEL SECURITY like everyone else; lift it for this one back-fill, inside this transaction.
ALTER TABLE damage_locations NO FORCE ROW LEVEL SECURITY;
ALTER TABLE damage_categories NO FORCE ROW LEVEL SECURITY;
ALTER TABLE damage_kinds NO FORCE ROW LEVEL SECURITY;
ALTER TABLE document_types NO FORCE ROW LEVEL SECURITY;
SELECT translate_default_catalogue();
ALTER TABLE damage_locations FORCE ROW LEVEL SECURITY;
ALTER TABLE damage_categories FORCE ROW LEVEL SECURITY;
ALTER TABLE damage_kinds FORCE ROW LEVEL SECURITY;
ALTER TABLE document_types FORCE ROW LEVEL SECURITY;

-- 4. What residents read of damage reports through the SECURITY DEFINER functions ("Bereits gemeldet?",
-- "Ich bin auch betroffen") carries the translations too; otherwise unchanged (0004, 0009).
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
     AND c.type = 'damage'
     AND c.damage_category_id = category
     AND c.status NOT IN ('erledigt', 'abgelehnt')
     AND c.building_id = (SELECT u.building_id
                            FROM residents r JOIN units u ON u.tenant_id = r.tenant_id AND u.id = r.unit_id
                           WHERE r.tenant_id = app_tenant() AND r.id = app_resident())
   ORDER BY c.created_at DESC
   LIMIT 20
$$;

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
$$;

DROP FUNCTION my_joined_incidents();
CREATE FUNCTION my_joined_incidents()
  RETURNS TABLE (case_number text, damage_location text, damage_category text, damage_kind text,
                 status text, reported_at timestamptz, joined_at timestamptz, damage_location_translations jsonb,
                 damage_category_translations jsonb, damage_kind_translations jsonb)
  LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT c.case_number, l.label, k_cat.label, k.label, c.status, c.created_at, p.joined_at,
         l.label_translations, k_cat.label_translations, k.label_translations
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

REVOKE ALL ON FUNCTION open_damage_reports_in_my_building(uuid), open_damage_report_in_my_building(text), my_joined_incidents()
  FROM PUBLIC;
GRANT EXECUTE ON FUNCTION open_damage_reports_in_my_building(uuid), open_damage_report_in_my_building(text), my_joined_incidents()
  TO mieterportal_app;
