import {
  catalogueEntryChange,
  catalogueEntryInput,
  type AdminCatalogue,
  type CatalogueEntryChange,
  type CatalogueEntryInput,
  type CatalogueLevel,
} from '../contract/catalogue-admin.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withTenant, type TenantContext } from '../db/scope.ts';
import { AppError, notFound } from '../errors.ts';
import { insertAuditEntry } from '../settings/repository.ts';
import * as repository from './catalogue-admin-repository.ts';

/**
 * The housing company's admins edit their catalogues (docs/portal-admin.md): every change in one transaction
 * with its `catalogue.changed` entry in the audit log, and the whole catalogue as the answer, so the
 * editor shows exactly what residents now choose from.
 */
export const CATALOGUE_CHANGED = 'catalogue.changed';

const PARENT_LEVEL: Partial<Record<CatalogueLevel, CatalogueLevel>> = { categories: 'locations', kinds: 'categories' };
const LEVEL_NAMES: Record<CatalogueLevel, string> = {
  locations: 'Schadensort',
  categories: 'Schadenskategorie',
  kinds: 'Schadensart',
  'document-types': 'Dokumentart',
};

const fieldError = (path: string, message: string) =>
  new AppError(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: [{ path, code: 'custom', message }] });

/** The database's refusals as what the admin can do about them. */
function translateDatabaseError(error: unknown, level: CatalogueLevel): never {
  const code = (error as { code?: string }).code;
  if (code === '23505') throw fieldError('label', `Diese Bezeichnung gibt es hier schon. Bitte wählen Sie eine andere.`);
  if (code === '23503') {
    throw new AppError(
      409,
      'catalogue_entry_in_use',
      `${LEVEL_NAMES[level]} wird noch von Vorgängen oder Zuständigkeitsregeln verwendet und kann nicht entfernt werden. Sie können ihn umbenennen.`,
    );
  }
  throw error;
}

export function createCatalogueAdminUseCases(db: Database) {
  const run = async (ctx: TenantContext, level: CatalogueLevel, fn: (tx: Queryable) => Promise<void>): Promise<AdminCatalogue> => {
    try {
      return await withTenant(db, ctx, async (tx) => {
        await fn(tx);
        return repository.loadAdminCatalogue(tx);
      });
    } catch (error) {
      translateDatabaseError(error, level);
    }
  };
  const audit = (tx: Queryable, ctx: TenantContext, details: Record<string, unknown>) =>
    insertAuditEntry(tx, { tenantId: ctx.tenantId, actorAccountId: ctx.accountId, action: CATALOGUE_CHANGED, details });
  const requireEntry = async (tx: Queryable, level: CatalogueLevel, id: string) => {
    const entry = await repository.findEntry(tx, level, id);
    if (!entry) throw notFound(`${LEVEL_NAMES[level]} nicht gefunden.`);
    return entry;
  };

  return {
    read: (ctx: TenantContext) => withTenant(db, ctx, (tx) => repository.loadAdminCatalogue(tx)),

    add: (ctx: TenantContext, level: CatalogueLevel, input: CatalogueEntryInput) =>
      run(ctx, level, async (tx) => {
        const entry = catalogueEntryInput.parse(input);
        const parentLevel = PARENT_LEVEL[level];
        if (parentLevel) {
          if (!entry.parentId) throw fieldError('parentId', `Bitte angeben, wozu die ${LEVEL_NAMES[level]} gehört.`);
          if (!(await repository.findEntry(tx, parentLevel, entry.parentId))) {
            throw fieldError('parentId', `${LEVEL_NAMES[parentLevel]} gibt es im Katalog nicht.`);
          }
        }
        const id = await repository.insertEntry(tx, ctx.tenantId, level, {
          label: entry.label,
          translations: entry.translations,
          parentId: parentLevel ? entry.parentId! : null,
          commonArea: entry.commonArea ?? false,
          readers: entry.readers ?? 'all',
        });
        await audit(tx, ctx, { level, change: 'added', id, label: entry.label, translations: entry.translations });
      }),

    change: (ctx: TenantContext, level: CatalogueLevel, id: string, input: CatalogueEntryChange) =>
      run(ctx, level, async (tx) => {
        const change = catalogueEntryChange.parse(input);
        const before = await requireEntry(tx, level, id);
        const after = {
          label: change.label ?? before.label,
          translations: change.translations ?? before.translations,
          commonArea: level === 'locations' ? (change.commonArea ?? before.commonArea) : undefined,
          readers: level === 'document-types' ? (change.readers ?? before.readers) : undefined,
        };
        await repository.updateEntry(tx, level, id, after);
        if (change.position !== undefined) await repository.moveEntry(tx, level, before, change.position);
        const changes = Object.fromEntries(
          Object.entries({ ...after, position: change.position })
            .filter(([key, value]) => value !== undefined && JSON.stringify(value) !== JSON.stringify(before[key as keyof typeof before]))
            .map(([key, value]) => [key, { from: before[key as keyof typeof before], to: value }]),
        );
        if (Object.keys(changes).length) await audit(tx, ctx, { level, change: 'changed', id, label: after.label, changes });
      }),

    remove: (ctx: TenantContext, level: CatalogueLevel, id: string) =>
      run(ctx, level, async (tx) => {
        const before = await requireEntry(tx, level, id);
        await repository.deleteEntry(tx, level, id);
        await audit(tx, ctx, { level, change: 'removed', id, label: before.label });
      }),
  };
}
