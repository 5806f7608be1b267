import { randomBytes } from 'node:crypto';
import { readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { z, ZodError } from 'zod';
import { ConfigError, loadConfig } from '../config.ts';
import { openDatabase, type Database } from '../db/database.ts';
import { assertSchemaIsCurrent, listMigrations, migrate, SchemaNotCurrentError } from '../db/migrate.ts';
import { provisionDatabase } from '../db/provision.ts';
import { AppError } from '../errors.ts';
import {
  addBuilding,
  addResident,
  addStaff,
  addUnit,
  listOnboardedTenants,
  readmitAccount,
  reissueActivationCode,
  setTenancy,
  type TenancyInput,
} from './use-cases.ts';
import { asTenantAdmin, createTenant, requireTenant } from '../tenants/use-cases.ts';
import { importResidentsCsv } from './csv-import.ts';
import type { ImportResult } from '../contract/onboarding.ts';
import { DataDirInUseError, lockDataDir } from './data-dir-lock.ts';
import { formatTable } from './text-table.ts';
import { settingsCommand } from './settings-command.ts';

/**
 * Admin CLI for the platform operator: `npm run admin -- <Befehl> [--Optionen]`.
 * Opens the database exactly like the server (DATABASE_URL, otherwise PGlite in DATA_DIR).
 */

z.config(z.locales.de());

const HELP = `Mieterportal – Verwaltung (Betrieb und Onboarding von Hausverwaltungen)

Aufruf:  npm run admin -- <Befehl> [--Optionen]

Betrieb (docs/operations.md):
  db provision      --admin-url <postgres://admin@host:5432/postgres> [--database <name>]
                    [--owner-password <pw>] [--app-password <pw>]
                    legt die beiden Rollen und die Datenbank an (erneut ausführbar) und gibt
                    DATABASE_URL und DATABASE_OWNER_URL aus
  db migrate        bringt das Schema der konfigurierten Datenbank auf den Stand des Codes

Onboarding (docs/onboarding.md):
  create-tenant     --slug <kennung> --name <name> [--origin <url> ...] [--theme-json '{"--mp-…":"…"}']
  add-staff         --tenant <kennung> --email <adresse> --name <anzeigename> --role clerk|admin [--letting]
                    (--letting: Vermietungsrecht – Telefon und Anschrift von Interessenten; docs/leads.md)
  add-building      --tenant <kennung> --ref <gebäudenr> --street <straße> --postal-code <plz> --city <ort>
  add-unit          --tenant <kennung> --ref <wohnungsnr> --building <gebäudenr> --label <lage>
  add-resident      --tenant <kennung> --ref <mieternr> --unit <wohnungsnr> --first-name <vorname>
                    --last-name <nachname> [--email <kontaktadresse>]
  set-tenancy       --tenant <kennung> --resident-ref <mieternr> --json '{"tenancyStart":"2019-04-01",…}'
                    (Mietverhältnis: Mietbeginn, Kaltmiete, Vorauszahlungen, Hausmeisterbereich, Klauseln,
                    Abrechnungszeitraum; docs/onboarding.md)
  import-residents  --tenant <kennung> --file <mieterliste.csv> [--out <aktivierungscodes.csv>] [--dry-run]
                    legt neue Mieter an, aktualisiert bekannte (gleiche Mieternummer) und trägt Auszüge ein
                    (Spalte Auszugsdatum); --dry-run zeigt nur, was sich ändern würde, und schreibt nichts
  issue-code        --tenant <kennung> (--resident-ref <mieternr> | --email <mitarbeiteradresse>)
  re-admit          --tenant <kennung> (--resident-ref <mieternr> | --email <mitarbeiteradresse>)
  list-tenants
  settings          --tenant <kennung> [--set '{"chatHistoryDays":30,…}'] [--history]   (docs/settings.md)

Jeder neue Mieter und Mitarbeiter erhält einen Aktivierungscode für den Brief; issue-code stellt einen
neuen aus und macht frühere ungültig – nur für noch nicht aktivierte Konten. Ein aktiviertes Konto (etwa nach
einem verlorenen Telefon) wird mit re-admit wieder zugelassen: alle Sitzungen enden, Passwort und zweiter Faktor
werden zurückgesetzt, die E-Mail-Adresse des Kontos wird benachrichtigt und ein neuer Code für den Brief
ausgestellt. Das CSV-Format steht in docs/onboarding.md.

Datenbank: wie der Server – DATABASE_URL/DATABASE_OWNER_URL, sonst die eingebettete Datenbank in
DATA_DIR (Standard .data). Die eingebettete Datenbank erlaubt nur einen Prozess: vorher npm start beenden.`;

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | string[] | boolean | undefined>;

interface Command {
  options: Options;
  required: string[];
  /** `false`: opening the database neither migrates nor checks the schema (db migrate does it itself). */
  checksSchema?: false;
  run(db: Database, values: Values): Promise<string>;
}

/** A command that works without the configured database (db provision prepares it). */
interface CommandWithoutDatabase {
  options: Options;
  required: string[];
  withoutDatabase: true;
  run(values: Values): Promise<string>;
}

const str = (values: Values, name: string) => values[name] as string | undefined;
const tenantFlag: Options = { tenant: { type: 'string' } };

/** Flag names for the fields of the use-case inputs, so validation messages name what the user typed. */
const FLAG_FOR_FIELD: Record<string, string> = {
  externalRef: '--ref',
  buildingRef: '--building',
  unitRef: '--unit',
  displayName: '--name',
  postalCode: '--postal-code',
  firstName: '--first-name',
  lastName: '--last-name',
  contactEmail: '--email',
  allowedOrigins: '--origin',
  theme: '--theme-json',
};

const codeTable = (rows: string[][]) => formatTable(['Mieternummer/E-Mail', 'Name', 'Aktivierungscode'], rows);

/** Password of a role created by `db provision` without a given one; URL-safe, so it fits a connection string. */
const generatePassword = () => randomBytes(24).toString('base64url');

const COMMANDS: Record<string, Command | CommandWithoutDatabase> = {
  'db provision': {
    options: {
      'admin-url': { type: 'string' },
      database: { type: 'string', default: 'mieterportal' },
      'owner-password': { type: 'string' },
      'app-password': { type: 'string' },
    },
    required: ['admin-url'],
    withoutDatabase: true,
    async run(values: Values) {
      const adminUrl = str(values, 'admin-url')!;
      if (!/^postgres(ql)?:\/\//.test(adminUrl))
        throw new UsageError('--admin-url muss eine PostgreSQL-URL sein, z. B. postgres://postgres@127.0.0.1:5432/postgres');
      const database = str(values, 'database')!;
      if (!/^[a-z_][a-z0-9_]{0,62}$/.test(database)) {
        throw new UsageError(`--database: „${database}“ ist kein gültiger Name (Kleinbuchstaben, Ziffern, _; höchstens 63 Zeichen).`);
      }
      const result = await provisionDatabase({
        adminUrl,
        database,
        ownerPassword: str(values, 'owner-password'),
        appPassword: str(values, 'app-password'),
        newRolePassword: generatePassword,
      });
      const state = (created: boolean, passwordSet: boolean) =>
        `${created ? 'angelegt' : 'bestand schon'}, ${passwordSet ? (created ? 'Passwort erzeugt bzw. gesetzt' : 'Passwort neu gesetzt') : 'Passwort unverändert'}`;
      const lines = [
        `PostgreSQL vorbereitet (Datenbank ${database}):`,
        `  Rolle mieterportal_owner (Migrationen): ${state(result.created.ownerRole, result.passwordSet.ownerRole)}`,
        `  Rolle mieterportal_app (Server):        ${state(result.created.appRole, result.passwordSet.appRole)}`,
        `  Datenbank ${database}: ${result.created.database ? 'angelegt' : 'bestand schon'}`,
        '',
        'Für die Umgebung des Servers und der Verwaltung:',
        `DATABASE_URL=${result.url}`,
        `DATABASE_OWNER_URL=${result.ownerUrl}`,
      ];
      if (!result.passwordSet.ownerRole || !result.passwordSet.appRole) {
        lines.push(
          '',
          'Hinweis: Bei bestehenden Rollen bleibt das Passwort unverändert und steht nicht in der URL – das bisherige',
          'ergänzen oder mit --owner-password/--app-password ein neues setzen (laufende Server brauchen dann die neue URL).',
        );
      }
      lines.push('', 'Weiter: npm run admin -- db migrate (mit diesen beiden Variablen in der Umgebung)');
      return lines.join('\n');
    },
  },
  'db migrate': {
    options: {},
    required: [],
    checksSchema: false,
    async run(db: Database) {
      const applied = await migrate(db);
      const total = listMigrations().length;
      if (!applied.length) return `Das Schema ist aktuell (${total} Migrationen), nichts zu tun.`;
      return `${applied.length} Migration(en) angewandt: ${applied.join(', ')}\nDas Schema ist aktuell (${total} Migrationen).`;
    },
  },
  'create-tenant': {
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      origin: { type: 'string', multiple: true },
      'theme-json': { type: 'string' },
    },
    required: ['slug', 'name'],
    async run(db, values) {
      const themeJson = str(values, 'theme-json');
      let theme: unknown;
      try {
        theme = themeJson ? JSON.parse(themeJson) : undefined;
      } catch {
        throw new UsageError('--theme-json ist kein gültiges JSON, z. B. \'{"--mp-color-primary":"#005ca9"}\'.');
      }
      const tenant = await createTenant(db, {
        slug: str(values, 'slug')!,
        name: str(values, 'name')!,
        allowedOrigins: (values.origin as string[] | undefined) ?? [],
        theme: theme as Record<string, string> | undefined,
      });
      return [
        `Hausverwaltung angelegt: ${tenant.name} (${tenant.slug})`,
        `  Erlaubte Origins: ${tenant.allowedOrigins.join(', ') || '(keine)'}`,
        `  Theme: ${JSON.stringify(tenant.theme)}`,
      ].join('\n');
    },
  },
  'add-staff': {
    options: { ...tenantFlag, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string' }, letting: { type: 'boolean' } },
    required: ['tenant', 'email', 'name', 'role'],
    async run(db, values) {
      const tenant = await requireTenant(db, str(values, 'tenant')!);
      const staff = await asTenantAdmin(db, tenant.id, (tx) =>
        addStaff(tx, tenant.id, {
          email: str(values, 'email')!,
          displayName: str(values, 'name')!,
          role: str(values, 'role') as 'clerk' | 'admin',
          permissions: values.letting ? ['letting'] : [],
        }),
      );
      const role = staff.role === 'admin' ? 'Administrator' : 'Sachbearbeiter';
      const letting = staff.permissions.includes('letting') ? ' mit Vermietungsrecht' : '';
      return `${role}${letting} angelegt bei ${tenant.name}:\n\n${codeTable([[staff.email, staff.displayName, staff.activationCode]])}`;
    },
  },
  'add-building': {
    options: {
      ...tenantFlag,
      ref: { type: 'string' },
      street: { type: 'string' },
      'postal-code': { type: 'string' },
      city: { type: 'string' },
    },
    required: ['tenant', 'ref', 'street', 'postal-code', 'city'],
    async run(db, values) {
      const tenant = await requireTenant(db, str(values, 'tenant')!);
      const building = await asTenantAdmin(db, tenant.id, (tx) =>
        addBuilding(tx, tenant.id, {
          externalRef: str(values, 'ref')!,
          street: str(values, 'street')!,
          postalCode: str(values, 'postal-code')!,
          city: str(values, 'city')!,
        }),
      );
      return `Gebäude ${building.externalRef} angelegt: ${building.street}, ${building.postalCode} ${building.city}`;
    },
  },
  'add-unit': {
    options: { ...tenantFlag, ref: { type: 'string' }, building: { type: 'string' }, label: { type: 'string' } },
    required: ['tenant', 'ref', 'building', 'label'],
    async run(db, values) {
      const tenant = await requireTenant(db, str(values, 'tenant')!);
      const unit = await asTenantAdmin(db, tenant.id, (tx) =>
        addUnit(tx, tenant.id, { externalRef: str(values, 'ref')!, buildingRef: str(values, 'building')!, label: str(values, 'label')! }),
      );
      return `Wohnung ${unit.externalRef} (${unit.label}) in Gebäude ${unit.buildingRef} angelegt.`;
    },
  },
  'add-resident': {
    options: {
      ...tenantFlag,
      ref: { type: 'string' },
      unit: { type: 'string' },
      'first-name': { type: 'string' },
      'last-name': { type: 'string' },
      email: { type: 'string' },
    },
    required: ['tenant', 'ref', 'unit', 'first-name', 'last-name'],
    async run(db, values) {
      const tenant = await requireTenant(db, str(values, 'tenant')!);
      const resident = await asTenantAdmin(db, tenant.id, (tx) =>
        addResident(tx, tenant.id, {
          externalRef: str(values, 'ref')!,
          unitRef: str(values, 'unit')!,
          firstName: str(values, 'first-name')!,
          lastName: str(values, 'last-name')!,
          contactEmail: str(values, 'email'),
        }),
      );
      const name = `${resident.firstName} ${resident.lastName}`;
      return `Mieter angelegt in Wohnung ${resident.unitRef}:\n\n${codeTable([[resident.externalRef, name, resident.activationCode]])}`;
    },
  },
  'set-tenancy': {
    options: { ...tenantFlag, 'resident-ref': { type: 'string' }, json: { type: 'string' } },
    required: ['tenant', 'resident-ref', 'json'],
    async run(db, values) {
      let input: unknown;
      try {
        input = JSON.parse(str(values, 'json')!);
      } catch {
        throw new UsageError('--json ist kein gültiges JSON, z. B. \'{"tenancyStart":"2019-04-01","coldRent":650}\'.');
      }
      const tenant = await requireTenant(db, str(values, 'tenant')!);
      const residentRef = str(values, 'resident-ref')!;
      const tenancy = await asTenantAdmin(db, tenant.id, (tx) => setTenancy(tx, tenant.id, residentRef, input as TenancyInput));
      const period = tenancy.billingPeriodStart ? `${tenancy.billingPeriodStart} bis ${tenancy.billingPeriodEnd}` : '–';
      return [
        `Mietverhältnis von ${residentRef} gespeichert.`,
        `  Mietbeginn: ${tenancy.tenancyStart ?? '–'}`,
        `  Kaltmiete: ${tenancy.coldRent ?? '–'}`,
        `  Vorauszahlungen: ${tenancy.advancePayments.map((p) => `${p.label} ${p.amount}`).join('; ') || '–'}`,
        `  Abrechnungszeitraum: ${period}`,
      ].join('\n');
    },
  },
  'import-residents': {
    options: { ...tenantFlag, file: { type: 'string' }, out: { type: 'string' }, 'dry-run': { type: 'boolean' } },
    required: ['tenant', 'file'],
    async run(db, values) {
      const file = str(values, 'file')!;
      let csv: string;
      try {
        csv = readFileSync(file, 'utf8');
      } catch (error) {
        throw new UsageError(`Datei ${file} kann nicht gelesen werden (${(error as NodeJS.ErrnoException).code ?? 'Fehler'}).`);
      }
      const tenant = await requireTenant(db, str(values, 'tenant')!);
      const dryRun = values['dry-run'] === true;
      const result = await importResidentsCsv(db, tenant, csv, { dryRun });
      const out = str(values, 'out');
      if (out && !dryRun) {
        const lines = [
          'Mieternummer;Name;Wohnung;Aktivierungscode',
          ...result.activationCodes.map((c) => [c.residentRef, c.name, c.unitRef, c.activationCode].map(csvCell).join(';')),
        ];
        writeFileSync(out, '\uFEFF' + lines.join('\r\n') + '\r\n', { mode: 0o600 });
      }
      return dryRun ? dryRunReport(tenant.name, result) : importReport(tenant.name, result, out);
    },
  },
  'issue-code': {
    options: { ...tenantFlag, 'resident-ref': { type: 'string' }, email: { type: 'string' } },
    required: ['tenant'],
    async run(db, values) {
      const residentRef = str(values, 'resident-ref');
      const email = str(values, 'email');
      if (!residentRef === !email) throw new UsageError('Bitte genau eines angeben: --resident-ref <mieternr> oder --email <adresse>.');
      const tenant = await requireTenant(db, str(values, 'tenant')!);
      const code = await asTenantAdmin(db, tenant.id, (tx) => reissueActivationCode(tx, tenant.id, { residentRef, email }));
      const table = formatTable([residentRef ? 'Mieternummer' : 'E-Mail', 'Aktivierungscode'], [[residentRef ?? email!, code]]);
      return `Neuer Aktivierungscode für ${tenant.name} (frühere Codes sind ungültig):\n\n${table}`;
    },
  },
  're-admit': {
    options: { ...tenantFlag, 'resident-ref': { type: 'string' }, email: { type: 'string' } },
    required: ['tenant'],
    async run(db, values) {
      const residentRef = str(values, 'resident-ref');
      const email = str(values, 'email');
      if (!residentRef === !email) throw new UsageError('Bitte genau eines angeben: --resident-ref <mieternr> oder --email <adresse>.');
      const tenant = await requireTenant(db, str(values, 'tenant')!);
      const { activationCode, sessionsEnded, notified } = await readmitAccount(db, tenant, { residentRef, email });
      const table = formatTable([residentRef ? 'Mieternummer' : 'E-Mail', 'Aktivierungscode'], [[residentRef ?? email!, activationCode]]);
      const notice = notified ? `Benachrichtigt: ${notified}.` : 'Keine E-Mail-Adresse hinterlegt: niemand wurde benachrichtigt.';
      return `Konto bei ${tenant.name} wieder zugelassen: ${sessionsEnded} Sitzung(en) beendet, Passwort und zweiter Faktor zurückgesetzt. ${notice}\n\n${table}`;
    },
  },
  'list-tenants': {
    options: {},
    required: [],
    async run(db: Database) {
      const tenants = await listOnboardedTenants(db);
      if (!tenants.length) return 'Noch keine Hausverwaltungen angelegt.';
      const rows = tenants.map((tenant) => [
        tenant.slug,
        tenant.name,
        String(tenant.buildings),
        String(tenant.units),
        String(tenant.residents),
        String(tenant.staff),
        tenant.allowedOrigins.join(' '),
      ]);
      return formatTable(['Kennung', 'Name', 'Gebäude', 'Wohnungen', 'Mieter', 'Mitarbeiter', 'Origins'], rows);
    },
  },
  settings: settingsCommand,
};

class UsageError extends Error {}

function importSummary(result: ImportResult): string {
  return (
    `neu ${result.imported} (${result.createdBuildings} Gebäude, ${result.createdUnits} Wohnungen), ` +
    `aktualisiert ${result.updated.length}, ausgezogen ${result.movedOut.length}, unverändert ${result.unchanged.length}`
  );
}

function changeTable(result: ImportResult): string[] {
  const rows = [
    ...result.created.map((c) => [String(c.line), c.residentRef, c.name, 'neu', `Wohnung ${c.unitRef}`]),
    ...result.updated.flatMap((u) =>
      u.changes.map((change) => [
        String(u.line),
        u.residentRef,
        u.name,
        'geändert',
        `${change.field}: ${change.before ?? '–'} → ${change.after ?? '–'}`,
      ]),
    ),
    ...result.movedOut.map((m) => [
      String(m.line),
      m.residentRef,
      m.name,
      'Auszug',
      `Zugang endet mit dem ${m.movedOutOn.split('-').reverse().join('.')}`,
    ]),
  ].sort((a, b) => Number(a[0]) - Number(b[0]));
  return rows.length ? ['', formatTable(['Zeile', 'Mieternummer', 'Name', 'Art', 'Änderung'], rows)] : [];
}

function importReport(tenantName: string, result: ImportResult, out: string | undefined): string {
  return [
    `${result.imported} Mieter importiert in ${tenantName} (neu: ${result.createdBuildings} Gebäude, ${result.createdUnits} Wohnungen).`,
    `Mieterliste: ${importSummary(result)}.`,
    ...changeTable(result),
    ...(result.activationCodes.length
      ? [
          '',
          formatTable(
            ['Zeile', 'Mieternummer', 'Name', 'Wohnung', 'Aktivierungscode'],
            result.activationCodes.map((c) => [String(c.line), c.residentRef, c.name, c.unitRef, c.activationCode]),
          ),
        ]
      : []),
    ...(out ? ['', `Aktivierungscodes für den Serienbrief gespeichert in ${out}.`] : []),
  ].join('\n');
}

function dryRunReport(tenantName: string, result: ImportResult): string {
  return [
    `Probelauf für ${tenantName} – es wurde nichts geschrieben.`,
    `Würde: ${importSummary(result)}; fehlerhafte Zeilen ${result.errors.length}.`,
    ...changeTable(result),
    ...(result.errors.length ? ['', 'Fehler:', ...result.errors.map((e) => `  Zeile ${e.line}: ${e.message}`)] : []),
  ].join('\n');
}

function csvCell(value: string): string {
  return /[;"\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Validation failures in German, naming the flag the user typed. */
function describeError(error: unknown): string {
  if (error instanceof ZodError) {
    const lines = error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      const flag = FLAG_FOR_FIELD[field] ?? `--${field}`;
      return `  ${flag}${issue.path.length > 1 ? ` (${issue.path.slice(1).join('.')})` : ''}: ${issue.message}`;
    });
    return `Ungültige Eingabe:\n${lines.join('\n')}`;
  }
  if (error instanceof AppError) {
    const rows = (error.details as { rows?: { line: number; message: string }[] } | undefined)?.rows;
    return rows ? `${error.message}\n${rows.map((row) => `  Zeile ${row.line}: ${row.message}`).join('\n')}` : error.message;
  }
  return (error as Error).message;
}

/**
 * Opens the database like the server does and, like the server, migrates it first — or, with
 * MIGRATE_AT_START=false, refuses to work on a schema that is behind.
 */
async function openConfiguredDatabase(checksSchema: boolean): Promise<{ db: Database; close(): Promise<void> }> {
  const config = loadConfig(process.env);
  const prepare = async (db: Database) => {
    if (!checksSchema) return;
    if (config.MIGRATE_AT_START) await migrate(db);
    else await assertSchemaIsCurrent(db);
  };
  if (config.DATABASE_URL) {
    const db = await openDatabase({ url: config.DATABASE_URL, ownerUrl: config.DATABASE_OWNER_URL, poolSize: 2 });
    try {
      await prepare(db);
    } catch (error) {
      await db.close();
      throw error;
    }
    return { db, close: () => db.close() };
  }
  const release = lockDataDir(config.DATA_DIR, 'npm run admin');
  try {
    const db = await openDatabase({ dataDir: join(config.DATA_DIR, 'pglite') });
    await prepare(db).catch(async (error: unknown) => {
      await db.close();
      throw error;
    });
    return {
      db,
      async close() {
        await db.close();
        release();
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export async function runCli(argv: string[]): Promise<number> {
  const [first, ...rest] = argv;
  // `db provision`, `db migrate`: a command group of two words.
  const name = first === 'db' && rest[0] && !rest[0].startsWith('-') ? `db ${rest.shift()}` : first;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    console.log(HELP);
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command) {
    console.error(`Unbekannter Befehl „${name}“. Übersicht: npm run admin -- --help`);
    return 2;
  }
  let values: Values;
  try {
    ({ values } = parseArgs({
      args: rest,
      options: { ...command.options, help: { type: 'boolean', short: 'h' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    console.error(`${germanParseError(error as Error)}\nÜbersicht: npm run admin -- --help`);
    return 2;
  }
  if (values.help) {
    console.log(HELP);
    return 0;
  }
  const missing = command.required.filter((flag) => values[flag] === undefined || values[flag] === '');
  if (missing.length) {
    console.error(`Es fehlen Angaben für ${name}: ${missing.map((flag) => `--${flag}`).join(', ')}\nÜbersicht: npm run admin -- --help`);
    return 2;
  }

  let database: Awaited<ReturnType<typeof openConfiguredDatabase>> | undefined;
  try {
    if ('withoutDatabase' in command) {
      console.log(await command.run(values));
    } else {
      database = await openConfiguredDatabase(command.checksSchema !== false);
      console.log(await command.run(database.db, values));
    }
    return 0;
  } catch (error) {
    if (
      error instanceof UsageError ||
      error instanceof DataDirInUseError ||
      error instanceof ConfigError ||
      error instanceof SchemaNotCurrentError
    ) {
      console.error(`Fehler: ${error.message}`);
      return error instanceof UsageError ? 2 : 1;
    }
    if (error instanceof ZodError || error instanceof AppError) {
      console.error(`Fehler: ${describeError(error)}`);
      return 1;
    }
    console.error(`Unerwarteter Fehler: ${(error instanceof Error && error.stack) || String(error)}`);
    return 1;
  } finally {
    await database?.close();
  }
}

function germanParseError(error: Error & { code?: string }): string {
  const option = /'(--[a-z-]+)/.exec(error.message)?.[1];
  switch (error.code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `Unbekannte Option ${option ?? ''}.`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return `Option ${option ?? ''} braucht einen Wert.`;
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return `Unerwartetes Argument ${option ?? ''} (Werte bitte als --option wert angeben).`;
    default:
      return error.message;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  process.exitCode = await runCli(process.argv.slice(2));
}
