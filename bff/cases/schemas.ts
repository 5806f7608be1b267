import { z } from 'zod';
import { CASE_STATUSES, CASE_TYPES, URGENCIES } from './model.ts';
import { attachmentIdsInput, caseAttachmentView } from '../attachments/attachments.ts';

/**
 * Request and response schemas of the case API: they validate every input and feed /api/openapi.json.
 * Messages are German because a form shows them next to its fields.
 */

const text = (max: number) =>
  z
    .string({ error: 'Bitte geben Sie einen Text ein.' })
    .trim()
    .min(1, 'Bitte füllen Sie dieses Feld aus.')
    .max(max, `Bitte höchstens ${max} Zeichen.`);
const optionalText = (max: number) =>
  z.string({ error: 'Bitte geben Sie einen Text ein.' }).trim().max(max, `Bitte höchstens ${max} Zeichen.`);
const catalogueId = (what: string) => z.uuid({ error: `Bitte wählen Sie ${what} aus.` });
const id = z.uuid({ error: 'Ungültige Kennung.' });

const contactCase = z.object({
  type: z.literal('contact'),
  attachmentIds: attachmentIdsInput,
  title: text(200),
  description: text(5000),
});
const complaintCase = z.object({
  type: z.literal('complaint'),
  attachmentIds: attachmentIdsInput,
  title: text(200),
  description: text(5000),
  urgency: z.enum(['normal', 'urgent'], { error: 'Bitte wählen Sie „normal“ oder „dringend“.' }).default('normal'),
});
const damageCase = z.object({
  type: z.literal('damage'),
  attachmentIds: attachmentIdsInput,
  damageLocationId: catalogueId('einen Schadensort'),
  damageCategoryId: catalogueId('eine Schadenskategorie'),
  damageKindId: catalogueId('eine Schadensart'),
  urgency: z.enum(URGENCIES, { error: 'Bitte wählen Sie die Dringlichkeit aus.' }).default('normal'),
  /** Defaults to the damage kind and location. */
  title: text(200).optional(),
  description: text(5000),
  /** When the resident is at home, e.g. "werktags ab 16 Uhr". */
  residentAvailability: optionalText(500).optional(),
  accessConsent: z.boolean({ error: 'Bitte geben Sie an, ob wir die Wohnung betreten dürfen.' }).default(false),
});
const documentRequestCase = z.object({
  type: z.literal('document_request'),
  attachmentIds: attachmentIdsInput,
  documentTypeId: catalogueId('ein Dokument'),
  description: optionalText(5000).default(''),
});

export const newCaseInput = z.discriminatedUnion('type', [contactCase, complaintCase, damageCase, documentRequestCase], {
  error: 'Bitte wählen Sie die Art Ihres Anliegens: contact, complaint, damage oder document_request.',
});
export type NewCase = z.output<typeof newCaseInput>;

export const caseIdParams = z.object({ id });
export const messageInput = z.object({ body: text(5000) });
/** A resident's message: text, files (staged upload ids), or both. */
export const residentMessageInput = z
  .object({ body: text(5000).optional(), attachmentIds: attachmentIdsInput })
  .refine((message) => message.body !== undefined || message.attachmentIds.length > 0, {
    message: 'Bitte schreiben Sie eine Nachricht oder hängen Sie eine Datei an.',
    path: ['body'],
  });

export const pageQuery = z.object({
  limit: z.coerce.number({ error: 'Ungültige Seitengröße.' }).int().min(1).max(100).default(20),
  cursor: id.optional(),
});

const commaList = <T extends readonly [string, ...string[]]>(values: T, error: string) =>
  z
    .string()
    .transform((value) => value.split(',').filter(Boolean))
    .pipe(z.array(z.enum(values, { error })).min(1, error));

export const staffCaseQuery = pageQuery.extend({
  type: commaList(CASE_TYPES, 'Unbekannte Vorgangsart.').optional(),
  status: commaList(CASE_STATUSES, 'Unbekannter Status.').optional(),
  /** A clerk's account id, `me` or `none` (unassigned). */
  assignee: z.union([id, z.enum(['me', 'none'])], { error: 'Bitte eine Kennung, „me“ oder „none“ angeben.' }).optional(),
  building: id.optional(),
  overdue: z
    .enum(['true', 'false'], { error: 'Bitte „true“ oder „false“ angeben.' })
    .transform((value) => value === 'true')
    .optional(),
});

export const openDamageReportsQuery = z.object({ categoryId: catalogueId('eine Schadenskategorie') });

export const statusChangeInput = z.object({
  status: z.enum(CASE_STATUSES, { error: 'Unbekannter Status.' }),
  /** Shown to the resident in the timeline and the e-mail. */
  message: text(5000).optional(),
});
export const assigneeChangeInput = z.object({ assigneeId: id.nullable() });

export const routingRuleInput = z.object({
  caseType: z.enum(CASE_TYPES, { error: 'Unbekannte Vorgangsart.' }),
  damageCategoryId: id.nullable().default(null),
  assigneeId: id,
});

const labelled = z.object({ id: z.uuid(), label: z.string() });
const timestamp = z.iso.datetime();

export const catalogueResponse = z.object({
  damageLocations: z.array(labelled.extend({ categories: z.array(labelled.extend({ kinds: z.array(labelled) })) })),
  documentTypes: z.array(labelled),
});

const caseCore = {
  id: z.uuid(),
  caseNumber: z.string(),
  type: z.enum(CASE_TYPES),
  title: z.string(),
  description: z.string(),
  status: z.enum(CASE_STATUSES),
  urgency: z.enum(URGENCIES),
  damage: z.object({ location: labelled, category: labelled, kind: labelled }).nullable(),
  documentType: labelled.extend({ key: z.string().nullable() }).nullable(),
  residentAvailability: z.string().nullable(),
  accessConsent: z.boolean(),
  createdAt: timestamp,
};

export const residentCase = z.object({ ...caseCore, lastActivityAt: timestamp });
export const staffCase = z.object({
  ...caseCore,
  priority: z.enum(['normal', 'high', 'critical']),
  deadlineAt: timestamp,
  overdue: z.boolean(),
  assignee: labelled.nullable(),
  resident: z.object({ id: z.uuid(), name: z.string().nullable() }),
  building: z.object({ id: z.uuid(), address: z.string().nullable() }),
  unitLabel: z.string().nullable(),
  updatedAt: timestamp,
  lastActivityAt: timestamp,
});

const residentEvent = z.object({
  id: z.uuid(),
  kind: z.enum(['created', 'status_changed', 'public_reply', 'resident_message', 'attachments_added', 'document_published']),
  actor: z.enum(['resident', 'staff', 'system']),
  data: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
});
const staffEvent = z.object({
  id: z.uuid(),
  kind: z.enum([
    'created',
    'routed',
    'status_changed',
    'assigned',
    'public_reply',
    'internal_note',
    'resident_message',
    'attachments_added',
    'document_published',
  ]),
  public: z.boolean(),
  actor: z.enum(['resident', 'staff', 'system']),
  actorName: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  createdAt: timestamp,
});
const residentMessage = z.object({ id: z.uuid(), author: z.enum(['resident', 'staff']), body: z.string(), createdAt: timestamp });
const staffMessage = residentMessage.extend({ authorName: z.string().nullable(), internal: z.boolean() });

export const residentCaseList = z.object({ items: z.array(residentCase), nextCursor: z.uuid().nullable() });
export const staffCaseList = z.object({ items: z.array(staffCase), nextCursor: z.uuid().nullable() });
export const residentCaseDetail = z.object({
  case: residentCase,
  timeline: z.array(residentEvent),
  messages: z.array(residentMessage),
  attachments: z.array(caseAttachmentView),
});
export const staffCaseDetail = z.object({
  case: staffCase,
  events: z.array(staffEvent),
  messages: z.array(staffMessage),
  /** The reporter plus every resident who joined the incident ("Ich bin auch betroffen"). */
  affectedResidents: z.number().int().min(1),
  attachments: z.array(caseAttachmentView),
});
export const createdCaseResponse = z.object({ case: residentCase });
export const openDamageReportsResponse = z.object({
  items: z.array(
    z.object({
      caseNumber: z.string(),
      damageLocation: z.string(),
      damageCategory: z.string(),
      damageKind: z.string(),
      status: z.enum(CASE_STATUSES),
      reportedAt: timestamp,
    }),
  ),
});
export const routingRulesResponse = z.object({
  items: z.array(
    z.object({
      id: z.uuid(),
      caseType: z.enum(CASE_TYPES),
      damageCategoryId: z.uuid().nullable(),
      assigneeId: z.uuid(),
      assigneeName: z.string().nullable(),
    }),
  ),
});

/** Joining a reported incident: the case number of an open damage report of the own building. */
export const caseNumberParams = z.object({
  caseNumber: z.string().regex(/^\d{4}-\d{4,}$/, 'Bitte geben Sie eine Vorgangsnummer wie 2026-0182 an.'),
});
const incident = z.object({
  caseNumber: z.string(),
  damageLocation: z.string(),
  damageCategory: z.string(),
  damageKind: z.string(),
  status: z.enum(CASE_STATUSES),
  reportedAt: timestamp,
  joinedAt: timestamp,
});
export const joinedIncidentResponse = z.object({ incident });
export const joinedIncidentsResponse = z.object({ items: z.array(incident) });
