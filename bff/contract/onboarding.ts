import { z } from 'zod';
import { slug, slugParams } from './common.ts';
import { STAFF_PERMISSIONS, STAFF_ROLES, UNIT_RELATIONS } from './enums.ts';
import { operation } from './operation.ts';

/**
 * Platform admin API (docs/sign-in.md, "Platform admin API", and docs/onboarding.md): the operator
 * onboards a housing company. Authenticated with the bearer ADMIN_API_TOKEN; no cookies, no CSRF.
 * Messages are German because they reach the operator (API, CLI).
 */

const tag = 'Plattform-Admin';
const REQUIRED = 'Bitte ausfüllen.';
const requiredText = (max: number) => z.string({ error: REQUIRED }).trim().min(1, REQUIRED).max(max, `Höchstens ${max} Zeichen.`);
const email = z.email('Ungültige E-Mail-Adresse');
const origin = z
  .string({ error: 'Ungültige Origin' })
  .url('Ungültige Origin')
  .transform((value) => new URL(value).origin);
const theme = z
  .record(
    z.string().regex(/^--mp-[a-z0-9-]+$/, 'Theme-Schlüssel müssen mit --mp- beginnen'),
    z.string({ error: 'Theme-Werte müssen Text sein.' }).max(200, 'Höchstens 200 Zeichen.'),
    { error: 'Das Theme muss ein Objekt aus --mp-*-Eigenschaften sein.' },
  )
  .default({});

export const tenantInput = z.object({
  slug,
  name: requiredText(200),
  allowedOrigins: z.array(origin, { error: 'Liste von Origins erwartet.' }).max(50, 'Höchstens 50 Origins.').default([]),
  theme,
});
export const staffInput = z.object({
  email: email.transform((value) => value.toLowerCase()),
  displayName: requiredText(200),
  role: z.enum(STAFF_ROLES, { error: 'Rolle muss „clerk“ (Sachbearbeitung) oder „admin“ sein.' }),
  /** Rights beyond the role: `letting` (Vermietung) shows and searches the phone and address of rental leads. */
  permissions: z
    .array(z.enum(STAFF_PERMISSIONS, { error: 'Unbekanntes Recht (erlaubt: letting).' }), { error: 'Liste von Rechten erwartet.' })
    .max(STAFF_PERMISSIONS.length)
    .default([]),
});
export const buildingInput = z.object({
  externalRef: requiredText(64),
  street: requiredText(200),
  postalCode: z
    .string({ error: REQUIRED })
    .trim()
    .regex(/^\d{5}$/, 'Postleitzahl muss fünfstellig sein'),
  city: requiredText(100),
});
export const unitInput = z.object({
  externalRef: requiredText(64),
  buildingRef: requiredText(64),
  label: requiredText(100),
});
const isoDate = z.iso.date('Datum im Format JJJJ-MM-TT erwartet, z. B. 2019-04-01.');
const euros = z
  .number({ error: 'Betrag in Euro als Zahl erwartet, z. B. 650.5.' })
  .min(0, 'Der Betrag darf nicht negativ sein.')
  .max(99_999_999, 'Der Betrag ist zu groß.')
  .transform((amount) => Math.round(amount * 100) / 100);

/**
 * What the ERP knows of a resident's tenancy (Mietverhältnis): the chat answers from it (getMieterInfo), the
 * Mieterbescheinigung states its start. Every field optional: a company imports what it has.
 */
export const tenancyInput = z
  .object({
    /** Mietbeginn. */
    tenancyStart: isoDate.optional(),
    /** Kaltmiete per month in euros. */
    coldRent: euros.optional(),
    /** Monthly advance payments (Vorauszahlungen), e.g. Betriebskosten, Heizkosten. */
    advancePayments: z
      .array(z.object({ label: requiredText(100), amount: euros }), { error: 'Liste von Vorauszahlungen erwartet.' })
      .max(10, 'Höchstens 10 Vorauszahlungen.')
      .default([]),
    /** Hausmeisterbereich, e.g. "Hausmeister Nord, Herr Krause, 040 123 457". */
    caretakerArea: requiredText(200).optional(),
    /** Clauses of the lease that apply (e.g. Haustiere, Kleinreparaturen), as the resident may read them. */
    clauses: z
      .array(z.object({ title: requiredText(100), text: requiredText(2000) }), { error: 'Liste von Vertragsklauseln erwartet.' })
      .max(20, 'Höchstens 20 Klauseln.')
      .default([]),
    /** The current utility billing period (Abrechnungszeitraum), e.g. the calendar year 2025. */
    billingPeriodStart: isoDate.optional(),
    billingPeriodEnd: isoDate.optional(),
  })
  .refine((tenancy) => (tenancy.billingPeriodStart === undefined) === (tenancy.billingPeriodEnd === undefined), {
    message: 'Bitte Beginn und Ende des Abrechnungszeitraums angeben.',
    path: ['billingPeriodEnd'],
  })
  .refine((tenancy) => !tenancy.billingPeriodStart || !tenancy.billingPeriodEnd || tenancy.billingPeriodStart <= tenancy.billingPeriodEnd, {
    message: 'Der Abrechnungszeitraum endet vor seinem Beginn.',
    path: ['billingPeriodEnd'],
  });
export type TenancyInput = z.input<typeof tenancyInput>;
export type Tenancy = z.output<typeof tenancyInput>;

const relation = z.enum(UNIT_RELATIONS, { error: 'Verhältnis zur Wohnung: tenant (Mieter) oder owner (Eigentümer).' });

export const residentInput = z
  .object({
    externalRef: requiredText(64),
    unitRef: requiredText(64),
    /** The person's relation to that unit: tenant (default) or owner (docs/owners.md). */
    relation: relation.default('tenant'),
    firstName: requiredText(100),
    lastName: requiredText(100),
    contactEmail: email.optional(),
    /** The resident's tenancy of the unit; without it the tenancy holds only the unit. Tenants only. */
    tenancy: tenancyInput.optional(),
    /** Further units the person rents or owns (an owner of several flats, a tenant who owns another one). */
    furtherUnits: z
      .array(z.object({ unitRef: requiredText(64), relation }), { error: 'Liste weiterer Wohnungen erwartet.' })
      .max(50, 'Höchstens 50 weitere Wohnungen.')
      .default([]),
  })
  .refine((resident) => resident.relation === 'tenant' || resident.tenancy === undefined, {
    message: 'Mietdaten (Mietbeginn, Kaltmiete, …) gibt es nur für Mieter, nicht für Eigentümer.',
    path: ['tenancy'],
  })
  .refine(
    (resident) => {
      const pairs = [
        `${resident.unitRef}|${resident.relation}`,
        ...resident.furtherUnits.map((unit) => `${unit.unitRef}|${unit.relation}`),
      ];
      return new Set(pairs).size === pairs.length;
    },
    { message: 'Jede Wohnung mit demselben Verhältnis nur einmal angeben.', path: ['furtherUnits'] },
  );
export type TenantInput = z.input<typeof tenantInput>;
export type StaffInput = z.input<typeof staffInput>;
export type BuildingInput = z.input<typeof buildingInput>;
export type UnitInput = z.input<typeof unitInput>;
export type ResidentInput = z.input<typeof residentInput>;

export const activationCodeInput = z
  .object({
    residentRef: z.string().trim().min(1).max(64).optional(),
    email: z.email('Ungültige E-Mail-Adresse').optional(),
  })
  .refine((who) => !!who.residentRef !== !!who.email, {
    message: 'Bitte genau eines angeben: residentRef (Mieternummer) oder email (Mitarbeiter).',
  });
export type ActivationCodeInput = z.output<typeof activationCodeInput>;

const tenantResponse = z.object({
  id: z.uuid(),
  slug: z.string(),
  name: z.string(),
  allowedOrigins: z.array(z.string()),
  theme: z.record(z.string(), z.string()),
});
const staffResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  displayName: z.string(),
  role: z.enum(STAFF_ROLES),
  permissions: z.array(z.enum(STAFF_PERMISSIONS)),
  activationCode: z.string(),
});
const buildingResponse = z.object({ id: z.uuid(), externalRef: z.string(), street: z.string(), postalCode: z.string(), city: z.string() });
const unitResponse = z.object({ id: z.uuid(), externalRef: z.string(), buildingRef: z.string(), label: z.string() });
const residentResponse = z.object({
  id: z.uuid(),
  externalRef: z.string(),
  unitRef: z.string(),
  relation,
  furtherUnits: z.array(z.object({ unitRef: z.string(), relation })),
  firstName: z.string(),
  lastName: z.string(),
  contactEmail: z.string().optional(),
  activationCode: z.string(),
});
const importRow = z.object({ line: z.number().int(), residentRef: z.string(), name: z.string() });
/** One field a row changes: the value before and after, as shown to people (dates `31.03.2026`, amounts `650,00`). */
const fieldChange = z.object({ field: z.string(), before: z.string().nullable(), after: z.string().nullable() });
export const importQuery = z.object({
  dryRun: z
    .enum(['true', 'false'], { error: 'Bitte „true“ oder „false“ angeben.' })
    .transform((value) => value === 'true')
    .optional(),
});
export const importResponse = z.object({
  /** A dry run (`?dryRun=true`, CLI `--dry-run`) only reports what would change; nothing is written. */
  dryRun: z.boolean(),
  /** New residents. */
  imported: z.number().int(),
  createdBuildings: z.number().int(),
  createdUnits: z.number().int(),
  /** One code per new resident; empty in a dry run. */
  activationCodes: z.array(
    z.object({ line: z.number().int(), residentRef: z.string(), unitRef: z.string(), name: z.string(), activationCode: z.string() }),
  ),
  created: z.array(importRow.extend({ unitRef: z.string() })),
  /** Residents who exist already (same Mieternummer in this housing company) and whose row changes something. */
  updated: z.array(importRow.extend({ changes: z.array(fieldChange) })),
  /** Residents whose move-out date this file sets or changes: access ends with that day. */
  movedOut: z.array(importRow.extend({ movedOutOn: z.string() })),
  unchanged: z.array(importRow),
  /** Rows that are refused (only in a dry run: otherwise the import is refused as a whole, `csv_invalid`). */
  errors: z.array(z.object({ line: z.number().int(), message: z.string() })),
});
export type ImportResult = z.output<typeof importResponse>;

/** What every admin route shares: platform token, documented under one tag, 201 on success. */
const adminOperation = { method: 'post', tag, access: 'platform', status: 201 } as const;

export const onboardingOperations = {
  createTenant: operation({
    ...adminOperation,
    operationId: 'createTenant',
    path: '/admin/tenants',
    summary: 'Hausverwaltung anlegen',
    body: tenantInput,
    response: tenantResponse,
  }),
  addStaff: operation({
    ...adminOperation,
    operationId: 'addStaff',
    path: '/admin/tenants/:slug/staff',
    summary: 'Mitarbeiter anlegen (mit Aktivierungscode)',
    params: slugParams,
    body: staffInput,
    response: staffResponse,
  }),
  addBuilding: operation({
    ...adminOperation,
    operationId: 'addBuilding',
    path: '/admin/tenants/:slug/buildings',
    summary: 'Gebäude anlegen',
    params: slugParams,
    body: buildingInput,
    response: buildingResponse,
  }),
  addUnit: operation({
    ...adminOperation,
    operationId: 'addUnit',
    path: '/admin/tenants/:slug/units',
    summary: 'Wohneinheit anlegen',
    params: slugParams,
    body: unitInput,
    response: unitResponse,
  }),
  addResident: operation({
    ...adminOperation,
    operationId: 'addResident',
    path: '/admin/tenants/:slug/residents',
    summary: 'Mieter anlegen (mit Aktivierungscode)',
    params: slugParams,
    body: residentInput,
    response: residentResponse,
  }),
  importResidents: operation({
    ...adminOperation,
    operationId: 'importResidents',
    path: '/admin/tenants/:slug/residents/import',
    summary:
      'Mieterliste als CSV importieren (Body text/csv; alles oder nichts): neue Mieter anlegen, bekannte aktualisieren, Auszüge eintragen; ?dryRun=true zeigt nur, was sich ändern würde',
    params: slugParams,
    query: importQuery,
    rawBody: {
      contentTypes: ['text/csv', 'text/plain'],
      description: 'Mieterliste im CSV-Format von docs/onboarding.md, „Resident list (CSV)“ (UTF-8, höchstens 5 MB)',
    },
    response: importResponse,
  }),
  reissueActivationCode: operation({
    ...adminOperation,
    operationId: 'reissueActivationCode',
    path: '/admin/tenants/:slug/activation-codes',
    summary: 'Neuen Aktivierungscode ausstellen (ersetzt frühere)',
    params: slugParams,
    body: activationCodeInput,
    response: z.object({ activationCode: z.string() }),
  }),
  readmitAccount: operation({
    ...adminOperation,
    operationId: 'readmitAccount',
    path: '/admin/tenants/:slug/readmissions',
    summary:
      'Konto wieder zulassen (verlorenes Telefon): Sitzungen beenden, Passwort und zweiten Faktor zurücksetzen, neuer Aktivierungscode',
    params: slugParams,
    body: activationCodeInput,
    response: z.object({
      activationCode: z.string(),
      sessionsEnded: z.number().int(),
      notified: z.string().nullable().meta({ description: 'Die (maskierte) E-Mail-Adresse des Kontos, die benachrichtigt wurde' }),
    }),
  }),
};
