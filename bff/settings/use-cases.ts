import {
  companyContact,
  companySettings,
  settingsChange,
  SETTING_LABELS,
  type CompanyContact,
  type CompanySettings,
  type SettingKey,
  type SettingsChange,
} from '../contract/settings.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withScope, withTenant, type TenantContext } from '../db/scope.ts';
import * as repository from './repository.ts';

/**
 * Company settings (docs/settings.md): read in any scope of the company (other capabilities call
 * `readCompanySettings` in their own transaction), changed by the company's admins or the platform, each
 * change with an entry in the audit log. A shared mechanism like mail/ and outbox/: it depends on no other
 * capability (callers resolve slugs to companies), so every capability may read settings.
 */

export const SETTINGS_CHANGED = 'settings.changed';

export interface SettingsView {
  settings: CompanySettings;
  labels: Record<SettingKey, string>;
  updatedAt: string | null;
}

const keys = Object.keys(companySettings.shape) as SettingKey[];

/**
 * What was stored, field by field, with the default where nothing (or no longer valid data, after a
 * field's rules got stricter) is stored: a stored value never makes the settings unreadable.
 */
function effective(values: Record<string, unknown>): CompanySettings {
  const settings: Record<string, unknown> = {};
  for (const key of keys) {
    const field = companySettings.shape[key];
    const parsed = field.safeParse(values[key]);
    settings[key] = parsed.success ? parsed.data : field.parse(undefined);
  }
  return settings as CompanySettings;
}

/** The settings of the scope's housing company (defaults for a company that never set any). */
export async function readCompanySettings(tx: Queryable): Promise<CompanySettings> {
  return effective((await repository.findStoredSettings(tx))?.values ?? {});
}

async function readView(tx: Queryable): Promise<SettingsView> {
  const stored = await repository.findStoredSettings(tx);
  return { settings: effective(stored?.values ?? {}), labels: SETTING_LABELS, updatedAt: stored?.updatedAt ?? null };
}

/**
 * Applies a change as an admin of the company (`actorAccountId`; null: the platform). Only fields whose
 * value really changes are written and logged, each with its old and new value.
 */
async function change(tx: Queryable, tenantId: string, actorAccountId: string | null, input: SettingsChange): Promise<SettingsView> {
  const requested = settingsChange.parse(input);
  const stored = (await repository.lockStoredSettings(tx, tenantId))?.values ?? {};
  const before = effective(stored);
  const values = { ...stored, ...requested };
  const after = effective(values);
  const changes = Object.fromEntries(
    keys
      .filter((key) => key in requested && JSON.stringify(before[key]) !== JSON.stringify(after[key]))
      .map((key) => [key, { from: before[key], to: after[key] }]),
  );
  if (Object.keys(changes).length) {
    await repository.saveSettings(tx, tenantId, values);
    await repository.insertAuditEntry(tx, { tenantId, actorAccountId, action: SETTINGS_CHANGED, details: { changes } });
  }
  return readView(tx);
}

export function createSettingsUseCases(db: Database) {
  const asPlatform = <T>(tenantId: string, fn: (tx: Queryable) => Promise<T>) => withScope(db, { role: 'admin', tenantId }, fn);
  return {
    /** The company's admin. */
    read: (ctx: TenantContext) => withTenant(db, ctx, readView),
    change: (ctx: TenantContext, input: SettingsChange) => withTenant(db, ctx, (tx) => change(tx, ctx.tenantId, ctx.accountId, input)),

    /** The platform operator (admin API, CLI) acts as an admin of the company, without an account of it. */
    readAsPlatform: (tenantId: string) => asPlatform(tenantId, readView),
    changeAsPlatform: (tenantId: string, input: SettingsChange) => asPlatform(tenantId, (tx) => change(tx, tenantId, null, input)),

    /** Anyone, without a session: what the company's pages may show (emergency numbers, contact). */
    async contact(tenantId: string): Promise<CompanyContact> {
      const settings = await withScope(db, { role: 'auth', tenantId }, readCompanySettings);
      return companyContact.parse(settings);
    },

    /** The newest changes of the settings (the CLI's history). */
    history: (tenantId: string, limit = 20) =>
      asPlatform(tenantId, (tx) => repository.listAuditEntries(tx, { action: SETTINGS_CHANGED, limit })),
  };
}

export type SettingsUseCases = ReturnType<typeof createSettingsUseCases>;
