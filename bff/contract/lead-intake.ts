import { z } from 'zod';
import { id, idParams, page, pageQuery, slug, timestamp } from './common.ts';
import { leadCard, leadWebhookHeaders } from './leads.ts';
import { operation } from './operation.ts';

/**
 * The lead pipeline's intake paths beside the signed webhook (docs/lead-intake.md): portal mails from a mail relay,
 * OpenImmo-Feedback files uploaded by a clerk, manual entry, and the dead-letter list of what could not be read.
 * (The mailbox poller and the folder watcher have no API: they are configured, docs/operations.md.)
 */

const tag = 'Vermietung';

/** Why a mail or file is in the dead-letter list: the parser's codes, and `not_storable` (read, but refused by the database). */
export const LEAD_DEAD_LETTER_REASONS = [
  'empty',
  'unreadable_mail',
  'malformed_xml',
  'unknown_xml',
  'openimmo_transfer',
  'no_enquiry',
  'unknown_sender',
  'not_storable',
] as const;
export type LeadDeadLetterReason = (typeof LEAD_DEAD_LETTER_REASONS)[number];

/** How a dead letter arrived: a mail (relay or mailbox), a file from the folder, a clerk's upload. */
export const LEAD_DEAD_LETTER_CHANNELS = ['email', 'ftp', 'upload'] as const;

/** The portals whose formats the parsers know: a retry may name one for a mail whose sender does not tell. */
export const INTAKE_PROVIDERS = ['immoscout24', 'immowelt', 'openimmo'] as const;

export const leadDeadLetter = z
  .object({
    id: z.uuid(),
    receivedAt: timestamp,
    channel: z.enum(LEAD_DEAD_LETTER_CHANNELS),
    reasonCode: z.enum(LEAD_DEAD_LETTER_REASONS),
    /** German, for the clerk: what was wrong (the XML's line and column, the missing contact data, …). */
    reason: z.string(),
    /** A mail's sender address and subject; a file's name. */
    sender: z.string().nullable(),
    subject: z.string().nullable(),
    fileName: z.string().nullable(),
    /** `message/rfc822` or `application/xml`: what the raw download is. */
    contentType: z.enum(['message/rfc822', 'application/xml']),
    /** Bytes as received (the stored copy lacks the self-disclosure data cut out of it). */
    originalSize: z.number().int(),
    /** Deliveries and retries so far. */
    attempts: z.number().int(),
    lastAttemptAt: timestamp,
  })
  .meta({ id: 'LeadDeadLetter' });
export type LeadDeadLetter = z.output<typeof leadDeadLetter>;

/** What a mail or a file became: its leads (one per interested person; `duplicate`: delivered before), or a dead letter. */
export const leadIntakeOutcome = z
  .object({
    leads: z.array(z.object({ leadId: z.uuid(), duplicate: z.boolean() })),
    deadLetter: z.object({ id: z.uuid(), reasonCode: z.enum(LEAD_DEAD_LETTER_REASONS), reason: z.string() }).nullable(),
    /** A mail answering a clerk's mail to a lead: filed in that lead's thread (docs/leads.md), not read as an enquiry. */
    reply: z.boolean().default(false),
  })
  .meta({ id: 'LeadIntakeOutcome' });
export type LeadIntakeOutcome = z.output<typeof leadIntakeOutcome>;

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Bitte höchstens ${max} Zeichen.`)
    .transform((value) => value || undefined)
    .optional();

/** A lead a clerk enters by hand (a phone call, a walk-in): the same checks and data minimisation as every intake path. */
export const manualLeadInput = z
  .object({
    /** The listing it is about; without one the lead waits in "nicht zugeordnet". */
    listingId: id.optional(),
    name: optionalText(200),
    firstName: optionalText(100),
    lastName: optionalText(100),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .transform((value) => value || undefined)
      .pipe(z.email('Ungültige E-Mail-Adresse.').max(254, 'Bitte höchstens 254 Zeichen.').optional())
      .optional(),
    phone: optionalText(50),
    address: optionalText(300),
    /** What the person said; self-disclosure (income, employment, SCHUFA, …) is cut before it is stored. */
    message: z.string().max(10_000, 'Die Nachricht ist zu lang (höchstens 10 000 Zeichen).').default(''),
    /** Move-in, household, pets by label ("Gewünschter Einzugstermin", "Haushaltsgröße", "Tiere im Haushalt"); nothing else is kept. */
    fields: z
      .record(z.string().max(100), z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]))
      .refine((fields) => Object.keys(fields).length <= 50, 'Höchstens 50 Felder.')
      .default({}),
  })
  .refine((lead) => [lead.name, lead.firstName, lead.lastName, lead.email, lead.phone].some((value) => value), {
    message: 'Bitte Name, E-Mail-Adresse oder Telefonnummer angeben.',
    path: ['name'],
  })
  .meta({ id: 'ManualLead' });
export type ManualLeadInput = z.output<typeof manualLeadInput>;

export const deadLetterRetryInput = z
  .object({
    /** The portal whose format the mail has, when its sender does not tell (a mail a clerk forwarded). */
    provider: z.enum(INTAKE_PROVIDERS, { error: 'Portal: immoscout24, immowelt oder openimmo.' }).optional(),
    /** The listing the leads are about, when the message names none the portals know. */
    listingId: id.optional(),
  })
  .meta({ id: 'LeadDeadLetterRetry' });

const mailHeaders = leadWebhookHeaders.extend({
  authorization: z.string().optional().meta({
    description:
      '`Bearer <Geheimnis>` oder `Basic base64(<beliebig>:<Geheimnis>)` (Zugangsdaten in der Relay-URL) – alternativ die Signatur-Header wie beim Webhook',
  }),
});

export const leadIntakeOperations = {
  receiveLeadMail: operation({
    operationId: 'receiveLeadMail',
    method: 'post',
    path: '/hooks/:tenantSlug/mail',
    outsideApi: true,
    summary: 'Portal-E-Mail (RFC 822, roh) von einem Mail-Relay: Interessent(en) oder Eintrag in der Fehlerliste (docs/lead-intake.md)',
    tag,
    access: 'public',
    params: z.object({ tenantSlug: slug }),
    headers: mailHeaders,
    rawBody: {
      contentTypes: ['message/rfc822', 'text/plain', 'application/octet-stream'],
      description: 'Die E-Mail, wie der Mailserver sie empfangen hat (höchstens 10 MB)',
    },
    response: leadIntakeOutcome,
  }),
  createManualLead: operation({
    operationId: 'createManualLead',
    method: 'post',
    path: '/staff/leads',
    summary: 'Interessent von Hand erfassen (Quelle „manuell“)',
    tag,
    access: 'staff',
    idempotent: true,
    body: manualLeadInput,
    response: z.object({ lead: leadCard, duplicateOf: z.array(z.uuid()) }),
    status: 201,
  }),
  uploadOpenImmoFeedback: operation({
    operationId: 'uploadOpenImmoFeedback',
    method: 'post',
    path: '/staff/lead-intake/openimmo',
    summary: 'OpenImmo-Feedback-Datei hochladen: Interessenten, oder Eintrag in der Fehlerliste mit Grund',
    tag,
    access: 'staff',
    upload: { field: 'file' },
    response: leadIntakeOutcome,
  }),
  listLeadDeadLetters: operation({
    operationId: 'listLeadDeadLetters',
    method: 'get',
    path: '/staff/lead-intake/dead-letters',
    summary: 'Nicht lesbare Portal-Mails und Dateien mit Grund, neueste zuerst (30 Tage aufbewahrt)',
    tag,
    access: 'staff',
    query: pageQuery,
    response: page(leadDeadLetter),
  }),
  leadDeadLetterRaw: operation({
    operationId: 'leadDeadLetterRaw',
    method: 'get',
    path: '/staff/lead-intake/dead-letters/:id/raw',
    summary: 'Die Nachricht oder Datei eines Eintrags der Fehlerliste (ohne Selbstauskunft)',
    tag,
    access: 'staff',
    params: idParams,
    file: true,
  }),
  retryLeadDeadLetter: operation({
    operationId: 'retryLeadDeadLetter',
    method: 'post',
    path: '/staff/lead-intake/dead-letters/:id/retry',
    summary: 'Eintrag der Fehlerliste erneut lesen, optional mit Portal und Inserat; gelesen wird er zu Interessenten und entfernt',
    tag,
    access: 'staff',
    params: idParams,
    body: deadLetterRetryInput,
    response: leadIntakeOutcome,
  }),
  deleteLeadDeadLetter: operation({
    operationId: 'deleteLeadDeadLetter',
    method: 'delete',
    path: '/staff/lead-intake/dead-letters/:id',
    summary: 'Eintrag der Fehlerliste löschen',
    tag,
    access: 'staff',
    params: idParams,
  }),
};
