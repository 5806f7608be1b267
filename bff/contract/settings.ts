import { z } from 'zod';
import { slugParams } from './common.ts';
import { CASE_TYPES, URGENCIES } from './enums.ts';
import { FEDERAL_STATES } from './deadlines.ts';
import { operation } from './operation.ts';

/**
 * Company settings (docs/settings.md): one typed model per housing company. Each field is one line here —
 * its schema, its default (what a new company has, and what a company has that never set it) and its
 * label (`title`, German: the operator's and admins' word for it). Nothing else is needed for a new field:
 * storage keeps what was set as JSON, reading fills in the defaults, updates are checked by this schema.
 */

const tag = 'Einstellungen';

const PHONE = /^\+?[0-9][0-9 ()/-]{1,28}[0-9]$/;
const phone = z
  .string({ error: 'Bitte eine Telefonnummer angeben.' })
  .trim()
  .regex(PHONE, 'Bitte eine Telefonnummer aus Ziffern angeben, z. B. 040 123 456 oder +49 40 123456.');

const webPage = z
  .url({ protocol: /^https?$/, error: 'Bitte eine vollständige Adresse mit http:// oder https:// angeben.' })
  .max(500, 'Bitte höchstens 500 Zeichen.');

const days = (max: number) =>
  z
    .number({ error: 'Bitte eine Anzahl Tage angeben.' })
    .int('Bitte eine ganze Zahl angeben.')
    .min(1, 'Mindestens 1 Tag.')
    .max(max, `Höchstens ${max} Tage.`);

export const emergencyNumber = z
  .object({
    label: z
      .string({ error: 'Bitte eine Bezeichnung angeben.' })
      .trim()
      .min(1, 'Bitte eine Bezeichnung angeben, z. B. „Notdienst Heizung“.')
      .max(100, 'Bitte höchstens 100 Zeichen.'),
    phone,
  })
  .meta({ id: 'EmergencyNumber' });
export type EmergencyNumber = z.output<typeof emergencyNumber>;

export const houseRule = z
  .object({
    title: z
      .string({ error: 'Bitte einen Titel angeben.' })
      .trim()
      .min(1, 'Bitte einen Titel angeben, z. B. „Ruhezeiten“.')
      .max(100, 'Bitte höchstens 100 Zeichen.'),
    text: z
      .string({ error: 'Bitte den Text angeben.' })
      .trim()
      .min(1, 'Bitte den Text der Regel angeben.')
      .max(2000, 'Bitte höchstens 2000 Zeichen.'),
  })
  .meta({ id: 'HouseRule' });
export type HouseRule = z.output<typeof houseRule>;

/** Control characters and line breaks: a header line would end there and another begin (header injection). */
const CONTROL = /[\p{Cc}\p{Zl}\p{Zp}]/u;
/** In a text of several lines: control characters other than the line break and tab. */
const CONTROL_BUT_LINES = /[^\P{Cc}\n\r\t]|[\p{Zl}\p{Zp}]/u;

/**
 * The display name of the residents' mails' sender. The address stays the platform's (MAIL_FROM): the mailer
 * puts the name beside it as an address object, which quotes and encodes it; a line break or an address in
 * the name is refused here, before anything is stored.
 */
const senderName = z
  .string({ error: 'Bitte den Absendernamen als Text angeben.' })
  .refine((name) => !CONTROL.test(name), {
    error: 'Bitte den Absendernamen in einer Zeile angeben, ohne Zeilenumbrüche oder Steuerzeichen.',
    abort: true,
  })
  .trim()
  .min(1, 'Bitte einen Absendernamen angeben, z. B. „Wohnbau Nord eG – Mieterservice“.')
  .max(100, 'Bitte höchstens 100 Zeichen.')
  .regex(/^[^<>@]*$/, 'Bitte nur den Namen angeben, ohne E-Mail-Adresse und ohne < > @: Die Absenderadresse ist die des Portals.');

/** The company's closing under residents' mails: plain text, a few lines, shown as written. */
const signature = z
  .string({ error: 'Bitte die Signatur als Text angeben.' })
  .refine((text) => !CONTROL_BUT_LINES.test(text), {
    error: 'Bitte nur Text und Zeilenumbrüche verwenden, keine Steuerzeichen.',
    abort: true,
  })
  .overwrite((text) => text.replace(/\r\n?/g, '\n'))
  .trim()
  .max(500, 'Bitte höchstens 500 Zeichen.')
  .refine((text) => text.split('\n').length <= 8, 'Bitte höchstens 8 Zeilen.');

/** A deadline in working days (Monday to Friday without the state's public holidays). */
const workingDays = z
  .number({ error: 'Bitte eine Anzahl Arbeitstage angeben.' })
  .int('Bitte eine ganze Zahl angeben.')
  .min(1, 'Mindestens 1 Arbeitstag.')
  .max(60, 'Höchstens 60 Arbeitstage.');

/** Deadlines per case type and urgency; a missing one keeps the product's default (`DEADLINE_HOURS`). */
/** A record's message: the unknown keys named (a partial record over an enum reports them as `unrecognized_keys`). */
const unknownKeys =
  (what: string, known: readonly string[], otherwise: string) =>
  (issue: { code?: string }): string => {
    const keys = (issue as { keys?: string[] }).keys;
    return issue.code === 'unrecognized_keys' && keys ? `${what}: ${keys.join(', ')} (möglich: ${known.join(', ')}).` : otherwise;
  };

export const deadlineWorkingDays = z.partialRecord(
  z.enum(CASE_TYPES),
  z.partialRecord(z.enum(URGENCIES), workingDays, {
    error: unknownKeys('Unbekannte Dringlichkeit', URGENCIES, 'Bitte Arbeitstage je Dringlichkeit angeben.'),
  }),
  { error: unknownKeys('Unbekannte Vorgangsart', CASE_TYPES, 'Bitte Fristen je Vorgangsart und Dringlichkeit angeben.') },
);
export type DeadlineWorkingDays = z.output<typeof deadlineWorkingDays>;

/** The model. A field: schema, `.default(…)`, `.meta({ title })` — the settings test holds every field to that. */
export const companySettings = z
  .object({
    emergencyNumbers: z
      .array(emergencyNumber, { error: 'Liste von Notrufnummern erwartet.' })
      .max(10, 'Höchstens 10 Notrufnummern.')
      .default([])
      .meta({ title: 'Notrufnummern (Bezeichnung und Telefonnummer)' }),
    officeHours: z
      .string({ error: 'Bitte die Bürozeiten als Text angeben.' })
      .trim()
      .max(500, 'Bitte höchstens 500 Zeichen.')
      .default('')
      .meta({ title: 'Bürozeiten' }),
    contactEmail: z.email('Ungültige E-Mail-Adresse.').nullable().default(null).meta({ title: 'Kontakt-E-Mail für Mieter' }),
    contactPhone: phone.nullable().default(null).meta({ title: 'Kontakttelefon für Mieter' }),
    portalPageUrl: webPage.nullable().default(null).meta({ title: 'Adresse der Seite mit dem Mieterportal (für Links in E-Mails)' }),
    houseRules: z
      .array(houseRule, { error: 'Liste von Auszügen aus der Hausordnung erwartet.' })
      .max(30, 'Höchstens 30 Auszüge.')
      .default([])
      .meta({ title: 'Auszüge aus der Hausordnung (Titel und Text; der Chat zitiert sie)' }),
    /** Never longer than the 90 days residents are told in the chat's privacy notice. */
    chatHistoryDays: days(90).default(90).meta({ title: 'Aufbewahrung der Chatverläufe (Tage)' }),
    chatMonthlyTokenBudget: z
      .number({ error: 'Bitte eine Anzahl Tokens angeben.' })
      .int('Bitte eine ganze Zahl angeben.')
      .min(0, 'Mindestens 0 (0 schaltet den Chat ab).')
      .max(1_000_000_000, 'Höchstens 1 000 000 000 Tokens.')
      .default(2_000_000)
      .meta({ title: 'Monatliches Token-Budget des Chats (Eingabe und Ausgabe; 0 schaltet den Chat ab)' }),
    lettingEmail: z
      .email('Ungültige E-Mail-Adresse.')
      .nullable()
      .default(null)
      .meta({ title: 'Absenderadresse der Vermietung (Antworten der Interessenten kommen an dieselbe Adresse mit +lead-…)' }),
    residentMailSenderName: senderName
      .nullable()
      .default(null)
      .meta({ title: 'Absendername der E-Mails an Bewohner (ohne Angabe: der Name des Portals)' }),
    residentMailReplyTo: z
      .email('Ungültige E-Mail-Adresse.')
      .nullable()
      .default(null)
      .meta({ title: 'Antwortadresse der E-Mails an Bewohner (ohne Angabe: keine)' }),
    residentMailSignature: signature
      .default('')
      .meta({ title: 'Signatur der E-Mails an Bewohner (unter dem Gruß, statt des Namens der Hausverwaltung)' }),
    leadAnonymisationDays: days(3650).default(90).meta({ title: 'Anonymisierung von Interessenten (Tage)' }),
    outboxRetentionDays: days(365).default(7).meta({ title: 'Aufbewahrung zugestellter Nachrichten (Tage)' }),
    federalState: z
      .enum(FEDERAL_STATES, { error: 'Bitte ein Bundesland als Kürzel angeben, z. B. NI oder BY.' })
      .nullable()
      .default(null)
      .meta({ title: 'Bundesland (seine gesetzlichen Feiertage zählen nicht als Arbeitstage)' }),
    deadlineWorkingDays: deadlineWorkingDays
      .default({})
      .meta({ title: 'Fristen in Arbeitstagen je Vorgangsart und Dringlichkeit (ohne Angabe: Standardfrist)' }),
  })
  .meta({ id: 'CompanySettings' });
export type CompanySettings = z.output<typeof companySettings>;
export type SettingKey = keyof CompanySettings;

/** The settings of a company that never set anything: every field's default. */
export const DEFAULT_SETTINGS: CompanySettings = companySettings.parse({});

/** Each field's label, from its `title`. */
export const SETTING_LABELS = Object.fromEntries(
  Object.entries(companySettings.shape).map(([key, field]) => [key, String(field.meta()?.title ?? key)]),
) as Record<SettingKey, string>;

/**
 * A change: any of the fields, each replacing the value it had (a list as a whole). Unknown names are
 * refused, so a typo is not silently dropped. Built from the model, without its defaults.
 */
export const settingsChange = z
  .strictObject(
    Object.fromEntries(Object.entries(companySettings.shape).map(([key, field]) => [key, field.unwrap().optional()])) as {
      [K in SettingKey]: z.ZodOptional<(typeof companySettings.shape)[K]['def']['innerType']>;
    },
    {
      error: (issue) =>
        issue.code === 'unrecognized_keys'
          ? `Unbekannte Einstellung: ${issue.keys.join(', ')}`
          : 'Bitte ein Objekt mit Einstellungen senden.',
    },
  )
  .meta({ id: 'CompanySettingsChange' });
export type SettingsChange = z.input<typeof settingsChange>;

/**
 * What residents and visitors of the company's pages may see without signing in (the damage form's
 * emergency hint, contact details). A field is private until it is named here.
 */
export const companyContact = companySettings
  .pick({ emergencyNumbers: true, officeHours: true, contactEmail: true, contactPhone: true })
  .meta({ id: 'CompanyContact' });
export type CompanyContact = z.output<typeof companyContact>;

/** A company's settings with when and by whom they were last changed. */
export const settingsResponse = z
  .object({
    settings: companySettings,
    labels: z.record(z.string(), z.string()),
    updatedAt: z.string().nullable(),
  })
  .meta({ id: 'CompanySettingsView' });

export const settingsOperations = {
  companyContact: operation({
    operationId: 'companyContact',
    method: 'get',
    path: '/tenants/:slug/contact',
    summary: 'Notrufnummern, Bürozeiten und Kontakt einer Hausverwaltung (öffentlich)',
    tag,
    access: 'public',
    params: slugParams,
    response: companyContact,
  }),
  companySettings: operation({
    operationId: 'companySettings',
    method: 'get',
    path: '/staff/settings',
    summary: 'Einstellungen der eigenen Hausverwaltung',
    tag,
    access: 'admin',
    response: settingsResponse,
  }),
  changeCompanySettings: operation({
    operationId: 'changeCompanySettings',
    method: 'patch',
    path: '/staff/settings',
    summary: 'Einstellungen der eigenen Hausverwaltung ändern (nur die genannten Felder; jede Änderung im Audit-Log)',
    tag,
    access: 'admin',
    body: settingsChange,
    response: settingsResponse,
  }),
  platformCompanySettings: operation({
    operationId: 'platformCompanySettings',
    method: 'get',
    path: '/admin/tenants/:slug/settings',
    summary: 'Einstellungen einer Hausverwaltung',
    tag: 'Plattform-Admin',
    access: 'platform',
    params: slugParams,
    response: settingsResponse,
  }),
  platformChangeCompanySettings: operation({
    operationId: 'platformChangeCompanySettings',
    method: 'patch',
    path: '/admin/tenants/:slug/settings',
    summary: 'Einstellungen einer Hausverwaltung ändern (jede Änderung im Audit-Log)',
    tag: 'Plattform-Admin',
    access: 'platform',
    params: slugParams,
    body: settingsChange,
    response: settingsResponse,
  }),
};
