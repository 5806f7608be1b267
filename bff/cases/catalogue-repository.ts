import type { DocumentReaders } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';
import type { CaseCatalogue, CatalogueEntry, LabelTranslations, Labelled } from './model.ts';

/** SQL for the housing company's damage and document-request catalogues. */

interface CatalogueRow {
  location_id: string;
  location_label: string;
  location_translations: LabelTranslations;
  category_id: string | null;
  category_label: string | null;
  category_translations: LabelTranslations | null;
  kind_id: string | null;
  kind_label: string | null;
  kind_translations: LabelTranslations | null;
}

export async function loadCatalogue(tx: Queryable): Promise<CaseCatalogue> {
  const { rows } = await tx.query<CatalogueRow>(
    `SELECT l.id AS location_id, l.label AS location_label, l.label_translations AS location_translations,
            c.id AS category_id, c.label AS category_label, c.label_translations AS category_translations,
            k.id AS kind_id, k.label AS kind_label, k.label_translations AS kind_translations
       FROM damage_locations l
       LEFT JOIN damage_categories c ON c.tenant_id = l.tenant_id AND c.location_id = l.id
       LEFT JOIN damage_kinds k ON k.tenant_id = c.tenant_id AND k.category_id = c.id
      ORDER BY l.position, l.label, c.position, c.label, k.position, k.label`,
  );
  const documentTypes = await tx.query<CatalogueEntry>(
    `SELECT id, label, label_translations AS translations FROM document_types ORDER BY position, label`,
  );

  const locations: CaseCatalogue['damageLocations'] = [];
  for (const row of rows) {
    let location = locations.at(-1);
    if (location?.id !== row.location_id) {
      location = { id: row.location_id, label: row.location_label, translations: row.location_translations, categories: [] };
      locations.push(location);
    }
    if (!row.category_id || !row.category_label) continue;
    let category = location.categories.at(-1);
    if (category?.id !== row.category_id) {
      category = { id: row.category_id, label: row.category_label, translations: row.category_translations ?? {}, kinds: [] };
      location.categories.push(category);
    }
    if (row.kind_id && row.kind_label)
      category.kinds.push({ id: row.kind_id, label: row.kind_label, translations: row.kind_translations ?? {} });
  }
  return { damageLocations: locations, documentTypes: documentTypes.rows };
}

export interface DamageSelection {
  location: Labelled;
  category: Labelled;
  kind: Labelled;
}

/** The three choices of a damage report, only if the kind belongs to the category and the category to the location. */
export async function findDamageSelection(
  tx: Queryable,
  ids: { locationId: string; categoryId: string; kindId: string },
): Promise<DamageSelection | undefined> {
  const { rows } = await tx.query<{ location_label: string; category_label: string; kind_label: string }>(
    `SELECT l.label AS location_label, c.label AS category_label, k.label AS kind_label
       FROM damage_kinds k
       JOIN damage_categories c ON c.tenant_id = k.tenant_id AND c.id = k.category_id
       JOIN damage_locations l ON l.tenant_id = c.tenant_id AND l.id = c.location_id
      WHERE l.id = $1 AND c.id = $2 AND k.id = $3`,
    [ids.locationId, ids.categoryId, ids.kindId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    location: { id: ids.locationId, label: row.location_label },
    category: { id: ids.categoryId, label: row.category_label },
    kind: { id: ids.kindId, label: row.kind_label },
  };
}

export async function findDocumentType(tx: Queryable, id: string): Promise<Labelled | undefined> {
  const { rows } = await tx.query<Labelled>(`SELECT id, label FROM document_types WHERE id = $1`, [id]);
  return rows[0];
}

export async function damageCategoryExists(tx: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(`SELECT 1 FROM damage_categories WHERE id = $1`, [id]);
  return rowCount > 0;
}

export async function hasCatalogue(tx: Queryable): Promise<{ damage: boolean; documents: boolean }> {
  const { rows } = await tx.query<{ damage: boolean; documents: boolean }>(
    `SELECT EXISTS (SELECT 1 FROM damage_locations) AS damage, EXISTS (SELECT 1 FROM document_types) AS documents`,
  );
  return rows[0];
}

// Every catalogue row has a German label and may have translations of it (see LabelTranslations).

export async function insertDamageLocation(
  tx: Queryable,
  tenantId: string,
  label: string,
  position: number,
  translations: LabelTranslations = {},
  commonArea = false,
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO damage_locations (tenant_id, label, position, label_translations, common_area) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [tenantId, label, position, JSON.stringify(translations), commonArea],
  );
  return rows[0].id;
}

/** Marks a damage location as a common area or not (admin scope); undefined when the company has no such location. */
export async function setDamageLocationCommonArea(
  tx: Queryable,
  locationId: string,
  commonArea: boolean,
): Promise<{ id: string; label: string; commonArea: boolean } | undefined> {
  const { rows } = await tx.query<{ id: string; label: string; commonArea: boolean }>(
    `UPDATE damage_locations SET common_area = $2 WHERE id = $1 AND tenant_id = app_tenant()
     RETURNING id, label, common_area AS "commonArea"`,
    [locationId, commonArea],
  );
  return rows[0];
}

export async function insertDamageCategory(
  tx: Queryable,
  tenantId: string,
  locationId: string,
  label: string,
  position: number,
  translations: LabelTranslations = {},
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO damage_categories (tenant_id, location_id, label, position, label_translations) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [tenantId, locationId, label, position, JSON.stringify(translations)],
  );
  return rows[0].id;
}

export async function insertDamageKind(
  tx: Queryable,
  tenantId: string,
  categoryId: string,
  label: string,
  position: number,
  translations: LabelTranslations = {},
): Promise<void> {
  await tx.query(`INSERT INTO damage_kinds (tenant_id, category_id, label, position, label_translations) VALUES ($1, $2, $3, $4, $5)`, [
    tenantId,
    categoryId,
    label,
    position,
    JSON.stringify(translations),
  ]);
}

export async function insertDocumentType(
  tx: Queryable,
  tenantId: string,
  label: string,
  position: number,
  key: string | null = null,
  translations: LabelTranslations = {},
  readers: DocumentReaders = 'all',
): Promise<void> {
  await tx.query(
    `INSERT INTO document_types (tenant_id, label, position, key, label_translations, readers) VALUES ($1, $2, $3, $4, $5, $6)`,
    [tenantId, label, position, key, JSON.stringify(translations), readers],
  );
}

/** Gives the default rows of the caller's housing company the translations of migration 0013 (where they have none). */
export async function translateDefaultCatalogue(tx: Queryable): Promise<void> {
  await tx.query(`SELECT translate_default_catalogue()`);
}
