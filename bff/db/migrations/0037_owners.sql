-- Owners (Eigentümer) beside tenants (docs/owners.md). A person's relation to a unit is 'tenant' or 'owner' (also
-- both, for different units); every resident has at least the relation to the unit they were onboarded with.
-- What reaches a unit or a building now follows the relation, not only the address: a document published to a
-- rented-out flat "for tenants" reaches its tenant and not its owner, one "for owners" (Hausgeldabrechnung,
-- Wirtschaftsplan, Protokoll der Eigentümerversammlung) the owner and not the tenant, one "for all" both.
ALTER TABLE tenancies DROP CONSTRAINT tenancies_relation_check;
ALTER TABLE tenancies ADD CONSTRAINT tenancies_relation_check CHECK (relation IN ('tenant', 'owner'));

-- Who of a unit's or building's people a document reaches; a document to one resident reaches that resident.
ALTER TABLE documents ADD COLUMN readers text NOT NULL DEFAULT 'all' CHECK (readers IN ('all', 'tenants', 'owners'));
ALTER TABLE documents ADD CONSTRAINT documents_readers_of_group CHECK (readers = 'all' OR recipient_resident_id IS NULL);
ALTER TABLE documents DROP CONSTRAINT documents_category_check;
ALTER TABLE documents ADD CONSTRAINT documents_category_check CHECK (category IN (
  'letter', 'utility_statement', 'certificate', 'contract', 'other',
  -- For owners: Hausgeldabrechnung, Wirtschaftsplan, Protokoll der Eigentümerversammlung.
  'owner_statement', 'business_plan', 'meeting_minutes'));

-- Which document types (requested through the portal) the company offers tenants, owners or both.
ALTER TABLE document_types ADD COLUMN readers text NOT NULL DEFAULT 'all' CHECK (readers IN ('all', 'tenants', 'owners'));

-- Whether a resident has a relation to the unit (or to a unit of the building) that the readers take in; false for
-- neither unit nor building. Read under the caller's policies: staff see every tenancy of the company, a resident
-- only their own (asked about someone else, the answer is false).
CREATE FUNCTION resident_reached(resident uuid, unit uuid, building uuid, readers text) RETURNS boolean LANGUAGE sql STABLE AS
  $$ SELECT (unit IS NOT NULL OR building IS NOT NULL) AND EXISTS (
       SELECT 1 FROM tenancies t JOIN units u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
        WHERE t.tenant_id = app_tenant() AND t.resident_id = resident
          AND (unit IS NULL OR t.unit_id = unit) AND (building IS NULL OR u.building_id = building)
          AND (readers = 'all' OR t.relation = CASE readers WHEN 'tenants' THEN 'tenant' WHEN 'owners' THEN 'owner' END)) $$;
GRANT EXECUTE ON FUNCTION resident_reached(uuid, uuid, uuid, text) TO mieterportal_app;

DROP POLICY documents_read ON documents;
CREATE POLICY documents_read ON documents FOR SELECT USING (
  tenant_id = app_tenant() AND (
    app_is_staff()
    OR (app_role() = 'resident' AND (recipient_resident_id = app_resident()
                                     OR (recipient_resident_id IS NULL
                                         AND resident_reached(app_resident(), recipient_unit_id, recipient_building_id, readers))))));

-- A resident sees the document types offered to a relation they hold (a type for owners is not offered to a
-- tenant, and the other way round); staff see all. Filing a request for a type one cannot see is refused.
DROP POLICY document_types_read ON document_types;
CREATE POLICY document_types_read ON document_types FOR SELECT USING (
  tenant_id = app_tenant() AND (
    app_role() IS DISTINCT FROM 'resident' OR readers = 'all'
    OR EXISTS (SELECT 1 FROM tenancies t
                WHERE t.tenant_id = app_tenant() AND t.resident_id = app_resident()
                  AND t.relation = CASE readers WHEN 'tenants' THEN 'tenant' WHEN 'owners' THEN 'owner' END)));

-- The default document types (bff/cases/seed-catalogue.ts) get their readers, and the types owners request
-- (Hausgeldabrechnung, Wirtschaftsplan, Protokoll der Eigentümerversammlung) join the default catalogue with
-- their translations — for the companies that exist too (those that renamed or removed defaults keep theirs).
CREATE OR REPLACE FUNCTION translate_default_catalogue() RETURNS void
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
      "rent_clearance_certificate": {"en": "Certificate of no rent arrears", "tr": "Kira borcu olmadığına dair belge", "pl": "Zaświadczenie o niezaleganiu z czynszem", "uk": "Довідка про відсутність заборгованості з орендної плати"},
      "owner_statement_copy": {"en": "Owners’ service charge statement (copy)", "tr": "Aidat hesap dökümü (kopya)", "pl": "Rozliczenie opłat wspólnoty (kopia)", "uk": "Розрахунок внесків власника (копія)"},
      "business_plan": {"en": "Budget plan", "tr": "Bütçe planı", "pl": "Plan gospodarczy", "uk": "Господарський план"},
      "meeting_minutes": {"en": "Minutes of the owners’ meeting", "tr": "Kat malikleri toplantı tutanağı", "pl": "Protokół zebrania właścicieli", "uk": "Протокол зборів власників"}
    }';
BEGIN
  UPDATE damage_locations SET label_translations = damage -> label WHERE label_translations = '{}' AND damage ? label;
  UPDATE damage_categories SET label_translations = damage -> label WHERE label_translations = '{}' AND damage ? label;
  UPDATE damage_kinds SET label_translations = damage -> label WHERE label_translations = '{}' AND damage ? label;
  UPDATE document_types SET label_translations = documents -> key WHERE label_translations = '{}' AND documents ? key;
END $$;
ALTER TABLE document_types NO FORCE ROW LEVEL SECURITY;
UPDATE document_types SET readers = 'tenants'
 WHERE key IN ('tenant_certificate', 'landlord_confirmation', 'lease_copy', 'utility_statement_copy', 'rent_clearance_certificate');
INSERT INTO document_types (tenant_id, label, position, key, readers)
SELECT t.tenant_id, owner_type.label, t.last_position + owner_type.n, owner_type.key, 'owners'
  FROM (SELECT tenant_id, max(position) AS last_position FROM document_types GROUP BY tenant_id) t
 CROSS JOIN (VALUES (1, 'owner_statement_copy', 'Hausgeldabrechnung (Kopie)'),
                    (2, 'business_plan', 'Wirtschaftsplan'),
                    (3, 'meeting_minutes', 'Protokoll der Eigentümerversammlung')) AS owner_type (n, key, label)
ON CONFLICT DO NOTHING;
SELECT translate_default_catalogue();
ALTER TABLE document_types FORCE ROW LEVEL SECURITY;
