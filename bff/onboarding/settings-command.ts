import type { ParseArgsConfig } from 'node:util';
import { settingsChange, SETTING_LABELS, type SettingKey } from '../contract/settings.ts';
import type { Database } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { formatTable } from './text-table.ts';
import { requireTenant } from '../tenants/use-cases.ts';
import { createSettingsUseCases } from '../settings/use-cases.ts';

/**
 * `npm run admin -- settings --tenant <kennung> [--set '<json>'] [--history]`: prints a housing company's
 * settings with their labels; `--set` changes the named fields first (as the platform, logged),
 * `--history` lists the latest changes.
 */
export const settingsCommand = {
  options: { tenant: { type: 'string' }, set: { type: 'string' }, history: { type: 'boolean' } } satisfies NonNullable<
    ParseArgsConfig['options']
  >,
  required: ['tenant'],
  async run(db: Database, values: Record<string, string | string[] | boolean | undefined>): Promise<string> {
    const tenant = await requireTenant(db, values.tenant as string);
    const settings = createSettingsUseCases(db);
    const out: string[] = [];
    if (typeof values.set === 'string') {
      await settings.changeAsPlatform(tenant.id, parseChange(values.set));
      out.push(`Einstellungen von ${tenant.name} geändert (im Audit-Log vermerkt).`, '');
    }
    const view = await settings.readAsPlatform(tenant.id);
    const rows = (Object.keys(view.settings) as SettingKey[]).map((key) => [SETTING_LABELS[key], key, show(view.settings[key])]);
    out.push(`Einstellungen von ${tenant.name} (${tenant.slug}):`, '', formatTable(['Einstellung', 'Feld', 'Wert'], rows));
    if (values.history) {
      const entries = await settings.history(tenant.id);
      const changes = entries.flatMap((entry) =>
        Object.entries((entry.details.changes ?? {}) as Record<string, { from: unknown; to: unknown }>).map(([key, change]) => [
          entry.at,
          entry.actorName ?? (entry.actorAccountId ? entry.actorAccountId : 'Plattform'),
          key,
          `${show(change.from)} → ${show(change.to)}`,
        ]),
      );
      out.push('', 'Letzte Änderungen:', '', changes.length ? formatTable(['Zeitpunkt', 'Von', 'Feld', 'Änderung'], changes) : '(keine)');
    }
    return out.join('\n');
  },
};

/** The `--set` JSON, checked like the API checks a change; messages name the setting by its label. */
function parseChange(json: string) {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    throw new AppError(400, 'invalid_json', `--set ist kein gültiges JSON, z. B. '{"chatHistoryDays": 30}'.`);
  }
  const parsed = settingsChange.safeParse(raw);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((issue) => {
    const key = String(issue.path[0] ?? '');
    const name = key in SETTING_LABELS ? `${SETTING_LABELS[key as SettingKey]} (${issue.path.join('.')})` : '--set';
    return `  ${name}: ${issue.message}`;
  });
  throw new AppError(400, 'validation_failed', `Ungültige Einstellungen:\n${lines.join('\n')}`);
}

/** A value for the table: lists as `a: b; c: d`, nothing as `–`. */
function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.length ? value.map(show).join('; ') : '–';
  if (typeof value === 'object') return Object.values(value).map(show).join(': ');
  return typeof value === 'string' ? value : JSON.stringify(value);
}
