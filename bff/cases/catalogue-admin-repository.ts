import type { Queryable } from '../db/database.ts';
import type { AdminCatalogue, CatalogueLevel } from '../contract/catalogue-admin.ts';
import type { DocumentReaders } from '../contract/enums.ts';
import type { LabelTranslations } from './model.ts';

/** SQL of the admins' catalogue editing (admin scope: the write policies of migration 0004 hold it to their company). */

interface Table {
  table: string;
  /** The column naming the entry's parent, whose siblings share its positions. */
  parent?: string;
}

const TABLES: Record<CatalogueLevel, Table> = {
  locations: { table: 'damage_locations' },
  categories: { table: 'damage_categories', parent: 'location_id' },
  kinds: { table: 'damage_kinds', parent: 'category_id' },
  'document-types': { table: 'document_types' },
};

/** What an entry was before a change (for the audit log). */
export interface StoredEntry {
  id: string;
  label: string;
  translations: LabelTranslations;
  position: number;
  parentId: string | null;
  commonArea?: boolean;
  readers?: DocumentReaders;
}

export async function loadAdminCatalogue(tx: Queryable): Promise<AdminCatalogue> {
  const order = 'ORDER BY position, label';
  const [locations, categories, kinds, documentTypes] = await Promise.all([
    tx.query<{ id: string; label: string; translations: LabelTranslations; position: number; commonArea: boolean }>(
      `SELECT id, label, label_translations AS translations, position, common_area AS "commonArea" FROM damage_locations ${order}`,
    ),
    tx.query<{ id: string; label: string; translations: LabelTranslations; position: number; parentId: string }>(
      `SELECT id, label, label_translations AS translations, position, location_id AS "parentId" FROM damage_categories ${order}`,
    ),
    tx.query<{ id: string; label: string; translations: LabelTranslations; position: number; parentId: string }>(
      `SELECT id, label, label_translations AS translations, position, category_id AS "parentId" FROM damage_kinds ${order}`,
    ),
    tx.query<{ id: string; label: string; translations: LabelTranslations; position: number; readers: DocumentReaders }>(
      `SELECT id, label, label_translations AS translations, position, readers FROM document_types ${order}`,
    ),
  ]);
  const strip = <T extends { parentId?: string }>({ parentId: _parent, ...rest }: T) => rest;
  return {
    damageLocations: locations.rows.map((location) => ({
      ...location,
      categories: categories.rows
        .filter((category) => category.parentId === location.id)
        .map((category) => ({ ...strip(category), kinds: kinds.rows.filter((kind) => kind.parentId === category.id).map(strip) })),
    })),
    documentTypes: documentTypes.rows,
  };
}

export async function findEntry(tx: Queryable, level: CatalogueLevel, id: string): Promise<StoredEntry | undefined> {
  const { table, parent } = TABLES[level];
  const extra = level === 'locations' ? ', common_area AS "commonArea"' : level === 'document-types' ? ', readers' : '';
  const { rows } = await tx.query<StoredEntry>(
    `SELECT id, label, label_translations AS translations, position, ${parent ?? 'NULL'} AS "parentId"${extra}
       FROM ${table} WHERE id = $1`,
    [id],
  );
  return rows[0];
}

/** The next free position among the entry's siblings. */
async function nextPosition(tx: Queryable, level: CatalogueLevel, parentId: string | null): Promise<number> {
  const { table, parent } = TABLES[level];
  const { rows } = await tx.query<{ next: number }>(
    `SELECT COALESCE(MAX(position) + 1, 0)::int AS next FROM ${table} ${parent ? `WHERE ${parent} = $1` : ''}`,
    parent ? [parentId] : [],
  );
  return rows[0].next;
}

export async function insertEntry(
  tx: Queryable,
  tenantId: string,
  level: CatalogueLevel,
  entry: { label: string; translations: LabelTranslations; parentId: string | null; commonArea: boolean; readers: DocumentReaders },
): Promise<string> {
  const position = await nextPosition(tx, level, entry.parentId);
  const translations = JSON.stringify(entry.translations);
  const insert = (sql: string, values: unknown[]) => tx.query<{ id: string }>(`${sql} RETURNING id`, values);
  const { rows } =
    level === 'locations'
      ? await insert(
          `INSERT INTO damage_locations (tenant_id, label, position, label_translations, common_area) VALUES ($1, $2, $3, $4, $5)`,
          [tenantId, entry.label, position, translations, entry.commonArea],
        )
      : level === 'categories'
        ? await insert(
            `INSERT INTO damage_categories (tenant_id, location_id, label, position, label_translations) VALUES ($1, $2, $3, $4, $5)`,
            [tenantId, entry.parentId, entry.label, position, translations],
          )
        : level === 'kinds'
          ? await insert(
              `INSERT INTO damage_kinds (tenant_id, category_id, label, position, label_translations) VALUES ($1, $2, $3, $4, $5)`,
              [tenantId, entry.parentId, entry.label, position, translations],
            )
          : await insert(
              `INSERT INTO document_types (tenant_id, label, position, label_translations, readers) VALUES ($1, $2, $3, $4, $5)`,
              [tenantId, entry.label, position, translations, entry.readers],
            );
  return rows[0].id;
}

export async function updateEntry(
  tx: Queryable,
  level: CatalogueLevel,
  id: string,
  entry: { label: string; translations: LabelTranslations; commonArea?: boolean; readers?: DocumentReaders },
): Promise<void> {
  const { table } = TABLES[level];
  await tx.query(`UPDATE ${table} SET label = $2, label_translations = $3 WHERE id = $1`, [
    id,
    entry.label,
    JSON.stringify(entry.translations),
  ]);
  if (level === 'locations' && entry.commonArea !== undefined) {
    await tx.query(`UPDATE damage_locations SET common_area = $2 WHERE id = $1`, [id, entry.commonArea]);
  }
  if (level === 'document-types' && entry.readers !== undefined) {
    await tx.query(`UPDATE document_types SET readers = $2 WHERE id = $1`, [id, entry.readers]);
  }
}

/** Puts the entry at `position` among its siblings and numbers them all again from 0. */
export async function moveEntry(tx: Queryable, level: CatalogueLevel, entry: StoredEntry, position: number): Promise<void> {
  const { table, parent } = TABLES[level];
  const { rows } = await tx.query<{ id: string }>(
    `SELECT id FROM ${table} ${parent ? `WHERE ${parent} = $1` : ''} ORDER BY position, label`,
    parent ? [entry.parentId] : [],
  );
  const ids = rows.map((row) => row.id).filter((sibling) => sibling !== entry.id);
  ids.splice(Math.min(position, ids.length), 0, entry.id);
  await tx.query(
    `UPDATE ${table} t SET position = o.position - 1 FROM unnest($1::uuid[]) WITH ORDINALITY AS o(id, position) WHERE t.id = o.id`,
    [ids],
  );
}

/**
 * Removes an entry with what hangs below it (a location's categories and their kinds). A case or routing rule
 * that uses any of them makes the database refuse (foreign key), and nothing is removed.
 */
export async function deleteEntry(tx: Queryable, level: CatalogueLevel, id: string): Promise<void> {
  if (level === 'locations') {
    await tx.query(`DELETE FROM damage_kinds WHERE category_id IN (SELECT id FROM damage_categories WHERE location_id = $1)`, [id]);
    await tx.query(`DELETE FROM damage_categories WHERE location_id = $1`, [id]);
  }
  if (level === 'categories') await tx.query(`DELETE FROM damage_kinds WHERE category_id = $1`, [id]);
  await tx.query(`DELETE FROM ${TABLES[level].table} WHERE id = $1`, [id]);
}
