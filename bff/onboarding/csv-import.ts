import { parse, CsvError } from 'csv-parse/sync';
import { z } from 'zod';
import { hasUnstorableCharacter } from '../contract/common.ts';
import type { Database, Queryable } from '../db/database.ts';
import { AppError } from '../errors.ts';
import type { UnitRelation } from '../contract/enums.ts';
import type { ImportResult, TenancyInput } from '../contract/onboarding.ts';
import { addBuilding, addResident, addUnit } from './use-cases.ts';
import {
  deleteAccountSessions,
  findExistingRefs,
  findExistingResidents,
  findUnitId,
  updateResidentPerson,
  type ExistingRefs,
  type ExistingResident,
} from './repository.ts';
import { saveTenancy } from '../tenancies/repository.ts';
import { applyScope } from '../db/scope.ts';
import { berlinToday } from '../tenancies/move-out.ts';
import { asTenantAdmin, type Tenant } from '../tenants/use-cases.ts';

/**
 * Import of the resident list a housing company exports from its ERP (see docs/onboarding.md).
 * Every row is validated before anything is written; the import then runs in one transaction, so a
 * file is imported completely or not at all. Missing buildings and units are created from the row.
 */

export interface CsvRowError {
  line: number;
  message: string;
}

export interface ImportedResident {
  line: number;
  residentRef: string;
  unitRef: string;
  name: string;
  activationCode: string;
}

export type ResidentImportResult = ImportResult;

type Field =
  | 'residentRef'
  | 'unitRef'
  | 'buildingRef'
  | 'street'
  | 'postalCode'
  | 'city'
  | 'unitLabel'
  | 'firstName'
  | 'lastName'
  | 'contactEmail'
  | 'relation'
  | 'movedOutOn'
  | TenancyField;
/** Optional columns of the tenancy (docs/onboarding.md): what the chat answers from. */
type TenancyField = 'tenancyStart' | 'coldRent' | 'operatingCosts' | 'heatingCosts' | 'caretakerArea' | 'billingStart' | 'billingEnd';
const DATE_FIELDS: TenancyField[] = ['tenancyStart', 'billingStart', 'billingEnd'];
const AMOUNT_FIELDS: TenancyField[] = ['coldRent', 'operatingCosts', 'heatingCosts'];

/** Column name shown in messages, and the header spellings accepted (compared after `headerKey`). */
const COLUMNS: Record<Field, { label: string; headers: string[] }> = {
  residentRef: { label: 'Mieternummer', headers: ['mieternummer', 'mieternr', 'mieterid'] },
  unitRef: { label: 'Wohnung', headers: ['wohnung', 'wohnungsnummer', 'wohnungsnr', 'wohneinheit'] },
  buildingRef: { label: 'Gebäude', headers: ['gebaeude', 'gebaeudenummer', 'gebaeudenr', 'objekt', 'objektnummer'] },
  street: { label: 'Straße', headers: ['strasse', 'anschrift'] },
  postalCode: { label: 'PLZ', headers: ['plz', 'postleitzahl'] },
  city: { label: 'Ort', headers: ['ort', 'stadt'] },
  unitLabel: { label: 'Lage', headers: ['lage', 'wohnungslage', 'bezeichnung'] },
  firstName: { label: 'Vorname', headers: ['vorname'] },
  lastName: { label: 'Nachname', headers: ['nachname', 'name'] },
  contactEmail: { label: 'E-Mail', headers: ['email', 'emailadresse', 'mail'] },
  relation: { label: 'Verhältnis', headers: ['verhaeltnis', 'beziehung', 'rolle', 'vertragsart'] },
  movedOutOn: { label: 'Auszugsdatum', headers: ['auszugsdatum', 'auszug', 'auszugam', 'mietende', 'vertragsende'] },
  tenancyStart: { label: 'Mietbeginn', headers: ['mietbeginn', 'einzug', 'einzugsdatum', 'vertragsbeginn'] },
  coldRent: { label: 'Kaltmiete', headers: ['kaltmiete', 'nettokaltmiete', 'grundmiete'] },
  operatingCosts: {
    label: 'Betriebskostenvorauszahlung',
    headers: ['betriebskostenvorauszahlung', 'bkvorauszahlung', 'nebenkostenvorauszahlung', 'betriebskosten', 'nebenkosten'],
  },
  heatingCosts: { label: 'Heizkostenvorauszahlung', headers: ['heizkostenvorauszahlung', 'hkvorauszahlung', 'heizkosten'] },
  caretakerArea: { label: 'Hausmeisterbereich', headers: ['hausmeisterbereich', 'hausmeister'] },
  billingStart: { label: 'Abrechnungsbeginn', headers: ['abrechnungsbeginn', 'abrechnungszeitraumvon', 'abrechnungvon'] },
  billingEnd: { label: 'Abrechnungsende', headers: ['abrechnungsende', 'abrechnungszeitraumbis', 'abrechnungbis'] },
};
const REQUIRED_COLUMNS: Field[] = ['residentRef', 'unitRef', 'firstName', 'lastName'];
/** The PLZ is checked by its format instead. */
const MAX_LENGTH: Partial<Record<Field, number>> = {
  residentRef: 64,
  unitRef: 64,
  buildingRef: 64,
  street: 200,
  city: 100,
  unitLabel: 100,
  firstName: 100,
  lastName: 100,
  contactEmail: 254,
  caretakerArea: 200,
};

/** "01.04.2019" (German Excel) or "2019-04-01" → "2019-04-01"; undefined when it is no real date. */
export function csvDate(value: string): string | undefined {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  const iso = german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : value;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return undefined;
  const date = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(iso) ? iso : undefined;
}

/** "1.234,56" or "650,00" (German) or "650.00" → euros; undefined when it is no amount. */
export function csvAmount(value: string): number | undefined {
  const compact = value.replace(/\s|€|EUR/gi, '');
  const normal = /,\d{1,2}$/.test(compact) ? compact.replace(/\./g, '').replace(',', '.') : compact.replace(/,/g, '');
  if (!/^\d{1,8}(\.\d{1,2})?$/.test(normal)) return undefined;
  return Number(normal);
}

export type CsvResidentRow = { line: number } & { [F in Field]?: string };

/** "Mieter", "Mieterin", "Eigentümer", "ET" … → the relation; undefined when it is neither. Empty: tenant. */
export function csvRelation(value: string | undefined): UnitRelation | undefined {
  if (!value) return 'tenant';
  const key = value
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ü/g, 'ue')
    .replace(/[^a-z]/g, '');
  if (['mieter', 'mieterin', 'miete', 'tenant', 'm'].includes(key)) return 'tenant';
  if (['eigentuemer', 'eigentuemerin', 'eigentum', 'eigentuemergemeinschaft', 'owner', 'et', 'e'].includes(key)) return 'owner';
  return undefined;
}

const TENANCY_FIELDS: TenancyField[] = [
  'tenancyStart',
  'coldRent',
  'operatingCosts',
  'heatingCosts',
  'caretakerArea',
  'billingStart',
  'billingEnd',
];

/** "E-Mail" → "email", "Gebäude" → "gebaeude", "Straße" → "strasse". */
function headerKey(header: string): string {
  return header
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]/g, '');
}

const csvInvalid = (rows: CsvRowError[]) =>
  new AppError(
    400,
    'csv_invalid',
    rows.length === 1
      ? `Die CSV-Datei enthält einen Fehler (Zeile ${rows[0].line}). Es wurde nichts importiert.`
      : `Die CSV-Datei enthält ${rows.length} fehlerhafte Zeilen. Es wurde nichts importiert.`,
    { rows },
  );

/** Semicolon (German Excel, most ERPs) or comma, whichever the header line uses more. */
function detectDelimiter(text: string): ';' | ',' {
  const headerLine = text.split(/\r?\n/, 1)[0];
  const count = (char: string) => headerLine.split(char).length - 1;
  return count(',') > count(';') ? ',' : ';';
}

const CSV_ERROR_TEXT: Record<string, string> = {
  CSV_QUOTE_NOT_CLOSED: 'Ein Anführungszeichen wird nicht geschlossen.',
  CSV_INVALID_CLOSING_QUOTE: 'Nach einem schließenden Anführungszeichen folgt unerwartet ein Zeichen.',
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: 'Nach einem schließenden Anführungszeichen folgt unerwartet ein Zeichen.',
  CSV_QUOTE_WITHIN_FIELD: 'Ein Anführungszeichen steht mitten in einem Feld.',
};

/** Reads the file into rows keyed by field; structural problems (header, quoting) are reported by line. */
export function parseResidentCsv(text: string): CsvResidentRow[] {
  return readResidentCsv(text).rows;
}

/** The rows, and which columns the file has (a column that is there but empty clears what it stands for). */
function readResidentCsv(text: string): { rows: CsvResidentRow[]; columns: Set<Field> } {
  const content = text.replace(/^\uFEFF/, '');
  if (!content.trim()) throw csvInvalid([{ line: 1, message: 'Die Datei ist leer.' }]);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, {
      delimiter: detectDelimiter(content),
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) {
      const line = (error as CsvError & { lines?: number }).lines ?? 1;
      throw csvInvalid([{ line, message: CSV_ERROR_TEXT[error.code] ?? 'Die Zeile ist kein gültiges CSV.' }]);
    }
    throw error;
  }

  const [header, ...data] = records;
  const headerLine = header.info.lines;
  const fieldByColumn: (Field | undefined)[] = header.record.map((name) => {
    const key = headerKey(name);
    return (Object.keys(COLUMNS) as Field[]).find((field) => COLUMNS[field].headers.includes(key));
  });
  const headerProblems: string[] = [];
  const missing = REQUIRED_COLUMNS.filter((field) => !fieldByColumn.includes(field));
  if (missing.length) headerProblems.push(`Es fehlen die Spalten ${missing.map((f) => `„${COLUMNS[f].label}“`).join(', ')}.`);
  const twice = (Object.keys(COLUMNS) as Field[]).filter((field) => fieldByColumn.filter((f) => f === field).length > 1);
  if (twice.length) headerProblems.push(`Die Spalten ${twice.map((f) => `„${COLUMNS[f].label}“`).join(', ')} kommen mehrfach vor.`);
  if (headerProblems.length) {
    throw csvInvalid([{ line: headerLine, message: `Kopfzeile: ${headerProblems.join(' ')}` }]);
  }
  if (!data.length) throw csvInvalid([{ line: headerLine, message: 'Die Datei enthält keine Datenzeilen.' }]);

  const rows = data.map(({ record, info }) => {
    const row: CsvResidentRow = { line: info.lines };
    fieldByColumn.forEach((field, index) => {
      const value = record[index]?.trim();
      if (field && value) row[field] = value;
    });
    return row;
  });
  return { rows, columns: new Set(fieldByColumn.filter((field): field is Field => field !== undefined)) };
}

const emailSchema = z.email();

/** Checks one row on its own (no database): required values, formats, lengths. */
function rowProblems(row: CsvResidentRow): string[] {
  const problems: string[] = [];
  for (const field of REQUIRED_COLUMNS) {
    if (!row[field]) problems.push(`${COLUMNS[field].label} fehlt`);
  }
  for (const field of Object.keys(COLUMNS) as Field[]) {
    if (hasUnstorableCharacter(row[field] ?? '')) problems.push(`${COLUMNS[field].label} enthält ein Nullzeichen`);
  }
  for (const [field, max] of Object.entries(MAX_LENGTH) as [Field, number][]) {
    if ((row[field]?.length ?? 0) > max) problems.push(`${COLUMNS[field].label} ist zu lang (höchstens ${max} Zeichen)`);
  }
  if (row.postalCode && !/^\d{5}$/.test(row.postalCode)) problems.push(`PLZ „${row.postalCode}“ ist nicht fünfstellig`);
  if (row.contactEmail && !emailSchema.safeParse(row.contactEmail).success) {
    problems.push(`E-Mail „${row.contactEmail}“ ist ungültig`);
  }
  for (const field of [...DATE_FIELDS, 'movedOutOn' as const]) {
    const value = row[field];
    if (value && !csvDate(value)) problems.push(`${COLUMNS[field].label} „${value}“ ist kein Datum wie 01.04.2019`);
  }
  for (const field of AMOUNT_FIELDS) {
    const value = row[field];
    if (value && csvAmount(value) === undefined) problems.push(`${COLUMNS[field].label} „${value}“ ist kein Betrag wie 650,00`);
  }
  if (!row.billingStart !== !row.billingEnd) problems.push('Abrechnungsbeginn und Abrechnungsende gehören zusammen');
  const [billingStart, billingEnd] = [row.billingStart && csvDate(row.billingStart), row.billingEnd && csvDate(row.billingEnd)];
  if (billingStart && billingEnd && billingStart > billingEnd) problems.push('Das Abrechnungsende liegt vor dem Abrechnungsbeginn');
  const relation = csvRelation(row.relation);
  if (!relation) problems.push(`Verhältnis „${row.relation}“ ist weder Mieter noch Eigentümer`);
  if (relation === 'owner' && TENANCY_FIELDS.some((field) => row[field])) {
    problems.push('Mietdaten (Mietbeginn, Kaltmiete, …) gibt es nur für Mieter, nicht für Eigentümer');
  }
  return problems;
}

async function loadExistingRefs(tx: Queryable, rows: CsvResidentRow[]): Promise<ExistingRefs> {
  const refs = (field: Field) => [...new Set(rows.map((row) => row[field]).filter((v): v is string => !!v))];
  return findExistingRefs(tx, { buildings: refs('buildingRef'), units: refs('unitRef') });
}

interface ImportPlan {
  buildings: { externalRef: string; street: string; postalCode: string; city: string }[];
  units: { externalRef: string; buildingRef: string; label: string }[];
  residents: CsvResidentRow[];
  /** Further rows of a person (another unit they rent or own), by the person's reference. */
  furtherUnits: Map<string, { unitRef: string; relation: UnitRelation }[]>;
}

/**
 * Validates all rows against each other and the database and plans what to create. Buildings and units
 * that do not exist yet are created from their first row; later rows must agree with it.
 */
function planImport(rows: CsvResidentRow[], existing: ExistingRefs): { plan: ImportPlan; errors: CsvRowError[] } {
  const errors: CsvRowError[] = [];
  const plan: ImportPlan = { buildings: [], units: [], residents: [], furtherUnits: new Map() };
  const residentLine = new Map<string, number>();
  const firstRowOf = new Map<string, CsvResidentRow>();
  const relations = new Map<string, number>();
  let further = false;
  const newBuildings = new Map<string, { line: number; street: string; postalCode: string; city: string }>();
  const newUnits = new Map<string, { line: number; buildingRef: string }>();

  for (const row of rows) {
    const problems = rowProblems(row);
    const { residentRef, unitRef, buildingRef } = row;

    further = false;
    if (residentRef) {
      // A person in several rows: one row per unit they rent or own, the person's data in the first.
      const firstLine = residentLine.get(residentRef);
      const first = firstRowOf.get(residentRef);
      const pair = `${residentRef}|${unitRef}|${csvRelation(row.relation)}`;
      if (relations.has(pair)) {
        problems.push(
          `Mieternummer ${residentRef} kommt bereits in Zeile ${relations.get(pair)} vor (dieselbe Wohnung, dasselbe Verhältnis)`,
        );
      } else if (firstLine && first) {
        further = true;
        if (first.firstName !== row.firstName || first.lastName !== row.lastName) {
          problems.push(`Mieternummer ${residentRef} steht in Zeile ${firstLine} mit einem anderen Namen`);
        }
        if (TENANCY_FIELDS.some((field) => row[field])) {
          problems.push(`Mietdaten stehen in der ersten Zeile von Mieternummer ${residentRef} (Zeile ${firstLine})`);
        }
      } else {
        residentLine.set(residentRef, row.line);
        firstRowOf.set(residentRef, row);
      }
      relations.set(pair, row.line);
    }

    if (unitRef) {
      const existingBuilding = existing.units.get(unitRef);
      const plannedUnit = newUnits.get(unitRef);
      if (existingBuilding !== undefined) {
        if (buildingRef && buildingRef !== existingBuilding) {
          problems.push(`Wohnung ${unitRef} gehört zu Gebäude ${existingBuilding}, nicht zu ${buildingRef}`);
        }
      } else if (plannedUnit) {
        if (buildingRef && buildingRef !== plannedUnit.buildingRef) {
          problems.push(
            `Wohnung ${unitRef} steht in Zeile ${plannedUnit.line} in Gebäude ${plannedUnit.buildingRef}, nicht in ${buildingRef}`,
          );
        }
      } else if (!buildingRef || !row.unitLabel) {
        const need = [!buildingRef && 'Gebäude', !row.unitLabel && 'Lage'].filter(Boolean).join(' und ');
        problems.push(`Wohnung ${unitRef} ist unbekannt; zum Anlegen fehlt ${need}`);
      } else {
        const buildingProblem = planBuilding(row, buildingRef, existing, newBuildings, plan);
        if (buildingProblem) problems.push(buildingProblem);
        newUnits.set(unitRef, { line: row.line, buildingRef });
        plan.units.push({ externalRef: unitRef, buildingRef, label: row.unitLabel });
      }
    }

    if (problems.length) errors.push({ line: row.line, message: `${problems.join('; ')}.` });
    else if (further) {
      const list = plan.furtherUnits.get(residentRef!) ?? [];
      list.push({ unitRef: unitRef!, relation: csvRelation(row.relation)! });
      plan.furtherUnits.set(residentRef!, list);
    } else plan.residents.push(row);
  }
  return { plan, errors };
}

function planBuilding(
  row: CsvResidentRow,
  buildingRef: string,
  existing: ExistingRefs,
  newBuildings: Map<string, { line: number; street: string; postalCode: string; city: string }>,
  plan: ImportPlan,
): string | undefined {
  if (existing.buildings.has(buildingRef)) return undefined;
  const planned = newBuildings.get(buildingRef);
  const { street, postalCode, city } = row;
  if (planned) {
    const differs =
      (street && street !== planned.street) || (postalCode && postalCode !== planned.postalCode) || (city && city !== planned.city);
    return differs ? `Gebäude ${buildingRef} hat in Zeile ${planned.line} eine andere Adresse` : undefined;
  }
  if (!street || !postalCode || !city) {
    const need = [!street && 'Straße', !postalCode && 'PLZ', !city && 'Ort'].filter(Boolean).join(', ');
    return `Gebäude ${buildingRef} ist unbekannt; zum Anlegen fehlt ${need}`;
  }
  newBuildings.set(buildingRef, { line: row.line, street, postalCode, city });
  plan.buildings.push({ externalRef: buildingRef, street, postalCode, city });
  return undefined;
}

/** The tenancy columns of a checked row. */
function tenancyOf(row: CsvResidentRow): TenancyInput {
  const amount = (field: TenancyField) => (row[field] ? csvAmount(row[field]) : undefined);
  const date = (field: TenancyField) => (row[field] ? csvDate(row[field]) : undefined);
  const advancePayments = [
    { label: 'Betriebskosten', amount: amount('operatingCosts') },
    { label: 'Heizkosten', amount: amount('heatingCosts') },
  ].filter((payment): payment is { label: string; amount: number } => payment.amount !== undefined);
  return {
    tenancyStart: date('tenancyStart'),
    coldRent: amount('coldRent'),
    advancePayments,
    caretakerArea: row.caretakerArea,
    billingPeriodStart: date('billingStart'),
    billingPeriodEnd: date('billingEnd'),
  };
}

const germanDate = (iso: string | null) => (iso ? iso.split('-').reverse().join('.') : null);
const germanAmount = (amount: number | null | undefined) =>
  amount === null || amount === undefined ? null : amount.toLocaleString('de-DE', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const relationLabel = (relation: UnitRelation) => (relation === 'owner' ? 'Eigentümer' : 'Mieter');

type FieldChange = ImportResult['updated'][number]['changes'][number];

/** What the file does to a resident who exists already, and what is written for it. */
interface ResidentUpdate {
  row: CsvResidentRow;
  existing: ExistingResident;
  changes: FieldChange[];
  person?: { firstName: string; lastName: string; contactEmail: string | null; movedOutOn: string | null };
  tenancy?: TenancyInput & { clauses: Array<{ title: string; text: string }> };
  addedUnits: { unitRef: string; relation: UnitRelation }[];
  /** The move-out date this file sets or changes. */
  moveOut?: string;
}

/**
 * Compares an existing resident's first row (and further rows) with what is stored. Only what the file has a
 * column for is compared: a column that is there but empty clears an optional value (E-Mail, Auszugsdatum, a
 * tenancy field); a missing column leaves it as it is. A different unit is refused: a move within the company
 * is a new tenancy with a new Mieternummer (the old one gets its Auszugsdatum).
 */
function reviewUpdate(
  row: CsvResidentRow,
  further: { unitRef: string; relation: UnitRelation }[],
  existing: ExistingResident,
  columns: Set<Field>,
): { update?: ResidentUpdate; error?: string } {
  const relation = csvRelation(row.relation)!;
  if (row.unitRef !== existing.unitRef) {
    return {
      error:
        `Mieter ${existing.externalRef} wohnt laut Mieterportal in Wohnung ${existing.unitRef}, nicht in ${row.unitRef}. ` +
        'Für einen Umzug tragen Sie das Auszugsdatum ein und legen den neuen Vertrag mit einer neuen Mieternummer an',
    };
  }
  if (!existing.relations.includes(`${row.unitRef}|${relation}`)) {
    return {
      error: `Mieter ${existing.externalRef} ist für Wohnung ${row.unitRef} nicht als ${relationLabel(relation)} erfasst; das Verhältnis lässt sich nicht per Import ändern`,
    };
  }
  const changes: FieldChange[] = [];
  const compare = (field: string, before: string | null, after: string | null) => {
    if (before !== after) changes.push({ field, before, after });
  };
  const firstName = row.firstName!;
  const lastName = row.lastName!;
  const contactEmail = columns.has('contactEmail') ? (row.contactEmail ?? null) : existing.contactEmail;
  const movedOutOn = columns.has('movedOutOn') ? (row.movedOutOn ? csvDate(row.movedOutOn)! : null) : existing.movedOutOn;
  compare(COLUMNS.firstName.label, existing.firstName, firstName);
  compare(COLUMNS.lastName.label, existing.lastName, lastName);
  compare(COLUMNS.contactEmail.label, existing.contactEmail, contactEmail);
  compare(COLUMNS.movedOutOn.label, germanDate(existing.movedOutOn), germanDate(movedOutOn));
  const personChanged = changes.length > 0;

  let tenancy: ResidentUpdate['tenancy'];
  const stored = existing.tenancy;
  if (relation === 'tenant' && stored && TENANCY_FIELDS.some((field) => columns.has(field))) {
    const given = tenancyOf(row);
    const has = (field: TenancyField) => columns.has(field);
    const payment = (label: string) => stored.advancePayments.find((p) => p.label === label)?.amount ?? null;
    const givenPayment = (label: string) => given.advancePayments?.find((p) => p.label === label)?.amount ?? null;
    const next = {
      tenancyStart: has('tenancyStart') ? (given.tenancyStart ?? null) : stored.tenancyStart,
      coldRent: has('coldRent') ? (given.coldRent ?? null) : stored.coldRent,
      operatingCosts: has('operatingCosts') ? givenPayment('Betriebskosten') : payment('Betriebskosten'),
      heatingCosts: has('heatingCosts') ? givenPayment('Heizkosten') : payment('Heizkosten'),
      caretakerArea: has('caretakerArea') ? (given.caretakerArea ?? null) : stored.caretakerArea,
      billingStart: has('billingStart') ? (given.billingPeriodStart ?? null) : stored.billingPeriodStart,
      billingEnd: has('billingEnd') ? (given.billingPeriodEnd ?? null) : stored.billingPeriodEnd,
    };
    const before = changes.length;
    compare(COLUMNS.tenancyStart.label, germanDate(stored.tenancyStart), germanDate(next.tenancyStart));
    compare(COLUMNS.coldRent.label, germanAmount(stored.coldRent), germanAmount(next.coldRent));
    compare(COLUMNS.operatingCosts.label, germanAmount(payment('Betriebskosten')), germanAmount(next.operatingCosts));
    compare(COLUMNS.heatingCosts.label, germanAmount(payment('Heizkosten')), germanAmount(next.heatingCosts));
    compare(COLUMNS.caretakerArea.label, stored.caretakerArea, next.caretakerArea);
    compare(COLUMNS.billingStart.label, germanDate(stored.billingPeriodStart), germanDate(next.billingStart));
    compare(COLUMNS.billingEnd.label, germanDate(stored.billingPeriodEnd), germanDate(next.billingEnd));
    if (changes.length > before) {
      // Other advance payments (entered through the API) and the clauses are not in the file: they stay.
      const others = stored.advancePayments.filter((p) => p.label !== 'Betriebskosten' && p.label !== 'Heizkosten');
      const advancePayments = [
        ...(next.operatingCosts !== null ? [{ label: 'Betriebskosten', amount: next.operatingCosts }] : []),
        ...(next.heatingCosts !== null ? [{ label: 'Heizkosten', amount: next.heatingCosts }] : []),
        ...others,
      ];
      tenancy = {
        tenancyStart: next.tenancyStart ?? undefined,
        coldRent: next.coldRent ?? undefined,
        advancePayments,
        caretakerArea: next.caretakerArea ?? undefined,
        billingPeriodStart: next.billingStart ?? undefined,
        billingPeriodEnd: next.billingEnd ?? undefined,
        clauses: stored.clauses,
      };
    }
  }

  const addedUnits = further.filter((unit) => !existing.relations.includes(`${unit.unitRef}|${unit.relation}`));
  for (const unit of addedUnits) compare('Weitere Wohnung', null, `${unit.unitRef} (${relationLabel(unit.relation)})`);

  return {
    update: {
      row,
      existing,
      changes,
      person: personChanged ? { firstName, lastName, contactEmail, movedOutOn } : undefined,
      tenancy,
      addedUnits,
      moveOut: movedOutOn && movedOutOn !== existing.movedOutOn ? movedOutOn : undefined,
    },
  };
}

export interface ResidentImportOptions {
  /** Only report what would change; nothing is written. */
  dryRun?: boolean;
  /** Today (Europe/Berlin) as `YYYY-MM-DD`; a new resident cannot have moved out before it. */
  today?: string;
  /** Called after the import for every account whose sessions ended (its live connections end too). */
  sessionsEnded?: (tenantId: string, accountId: string) => void;
}

/**
 * Imports a resident list into one housing company: all rows or none. New Mieternummern become residents with
 * an activation code; known ones (of this company: row-level security keeps the lookup inside it) are updated
 * where the file differs, and an Auszugsdatum ends their access with that day. A dry run reports the same
 * without writing, and lists bad rows instead of refusing the file.
 */
export async function importResidentsCsv(
  db: Database,
  tenant: Tenant,
  csv: string,
  options: ResidentImportOptions = {},
): Promise<ResidentImportResult> {
  const { rows, columns } = readResidentCsv(csv);
  const today = options.today ?? berlinToday();
  const ended: string[] = [];
  const result = await asTenantAdmin(db, tenant.id, async (tx) => {
    const { plan, errors } = planImport(rows, await loadExistingRefs(tx, rows));
    const existing = await findExistingResidents(
      tx,
      plan.residents.map((row) => row.residentRef!),
    );
    const newRows: CsvResidentRow[] = [];
    const updates: ResidentUpdate[] = [];
    for (const row of plan.residents) {
      const known = existing.get(row.residentRef!);
      const further = plan.furtherUnits.get(row.residentRef!) ?? [];
      if (!known) {
        const movedOutOn = row.movedOutOn && csvDate(row.movedOutOn);
        if (movedOutOn && movedOutOn < today) {
          errors.push({
            line: row.line,
            message: `Mieter ${row.residentRef} ist laut Auszugsdatum ${germanDate(movedOutOn)} bereits ausgezogen und wird nicht neu angelegt.`,
          });
        } else newRows.push(row);
        continue;
      }
      const { update, error } = reviewUpdate(row, further, known, columns);
      if (error) errors.push({ line: row.line, message: `${error}.` });
      else updates.push(update!);
    }
    errors.sort((a, b) => a.line - b.line);

    const name = (row: CsvResidentRow) => `${row.firstName} ${row.lastName}`;
    const report: ResidentImportResult = {
      dryRun: options.dryRun ?? false,
      imported: newRows.length,
      createdBuildings: plan.buildings.length,
      createdUnits: plan.units.length,
      activationCodes: [],
      created: newRows.map((row) => ({ line: row.line, residentRef: row.residentRef!, name: name(row), unitRef: row.unitRef! })),
      updated: updates
        .filter((u) => u.changes.length)
        .map((u) => ({ line: u.row.line, residentRef: u.row.residentRef!, name: name(u.row), changes: u.changes })),
      movedOut: updates
        .filter((u) => u.moveOut)
        .map((u) => ({ line: u.row.line, residentRef: u.row.residentRef!, name: name(u.row), movedOutOn: u.moveOut! })),
      unchanged: updates
        .filter((u) => !u.changes.length)
        .map((u) => ({ line: u.row.line, residentRef: u.row.residentRef!, name: name(u.row) })),
      errors: options.dryRun ? errors : [],
    };
    if (options.dryRun) return report;
    if (errors.length) throw csvInvalid(errors);

    for (const building of plan.buildings) await addBuilding(tx, tenant.id, building);
    for (const unit of plan.units) await addUnit(tx, tenant.id, unit);
    for (const row of newRows) {
      const resident = await addResident(tx, tenant.id, {
        externalRef: row.residentRef!,
        unitRef: row.unitRef!,
        relation: csvRelation(row.relation),
        furtherUnits: plan.furtherUnits.get(row.residentRef!) ?? [],
        firstName: row.firstName!,
        lastName: row.lastName!,
        contactEmail: row.contactEmail,
        tenancy: csvRelation(row.relation) === 'owner' ? undefined : tenancyOf(row),
      });
      const movedOutOn = row.movedOutOn && csvDate(row.movedOutOn);
      if (movedOutOn) {
        await updateResidentPerson(tx, {
          id: resident.id,
          accountId: resident.accountId,
          firstName: resident.firstName,
          lastName: resident.lastName,
          contactEmail: resident.contactEmail ?? null,
          movedOutOn,
        });
      }
      report.activationCodes.push({
        line: row.line,
        residentRef: resident.externalRef,
        unitRef: resident.unitRef,
        name: `${resident.firstName} ${resident.lastName}`,
        activationCode: resident.activationCode,
      });
    }
    for (const update of updates) await applyUpdate(tx, tenant.id, update, ended);
    return report;
  });
  for (const accountId of ended) options.sessionsEnded?.(tenant.id, accountId);
  return result;
}

async function applyUpdate(tx: Queryable, tenantId: string, update: ResidentUpdate, ended: string[]): Promise<void> {
  const { existing } = update;
  if (update.person) await updateResidentPerson(tx, { id: existing.id, accountId: existing.accountId, ...update.person });
  if (update.tenancy) {
    const unitId = await findUnitId(tx, existing.unitRef);
    await saveTenancy(tx, tenantId, {
      residentId: existing.id,
      unitId: unitId!,
      relation: 'tenant',
      ...update.tenancy,
      advancePayments: update.tenancy.advancePayments ?? [],
    });
  }
  for (const unit of update.addedUnits) {
    const unitId = await findUnitId(tx, unit.unitRef);
    await saveTenancy(tx, tenantId, { residentId: existing.id, unitId: unitId!, relation: unit.relation });
  }
  if (update.moveOut) {
    // Sessions signed in before the date was known end now: the next sign-in carries the date (bff/http/guard.ts).
    await applyScope(tx, { role: 'auth', tenantId, accountId: existing.accountId });
    await deleteAccountSessions(tx, tenantId, existing.accountId);
    await applyScope(tx, { role: 'admin', tenantId });
    ended.push(existing.accountId);
  }
}
