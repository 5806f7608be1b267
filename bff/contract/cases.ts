import { z } from 'zod';
import { attachmentIdsInput, caseAttachment } from './attachments.ts';
import { commaList, id, idParams, labelled, optionalText, page, pageQuery, text, timestamp } from './common.ts';
import {
  ACTOR_ROLES,
  CASE_EVENT_KINDS,
  CASE_SOURCES,
  CASE_STATUSES,
  CASE_TYPES,
  COMPLAINT_URGENCIES,
  MESSAGE_AUTHORS,
  PRIORITIES,
  RESIDENT_EVENT_KINDS,
  STAFF_ROLES,
  URGENCIES,
} from './enums.ts';
import { operation } from './operation.ts';

/** Cases (Vorgänge): what residents file and follow, what clerks work (docs/cases.md). */

const tag = 'Vorgänge';
const catalogueId = (what: string) => z.uuid({ error: `Bitte wählen Sie ${what} aus.` });

// ---------------------------------------------------------------------------------------------------
// Requests

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
  urgency: z.enum(COMPLAINT_URGENCIES, { error: 'Bitte wählen Sie „normal“ oder „dringend“.' }).default('normal'),
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

/** The body of `POST /api/cases`, by type. */
export const newCaseInput = z
  .discriminatedUnion('type', [contactCase, complaintCase, damageCase, documentRequestCase], {
    error: 'Bitte wählen Sie die Art Ihres Anliegens: contact, complaint, damage oder document_request.',
  })
  .meta({ id: 'NewCase' });
export type NewCase = z.output<typeof newCaseInput>;

export const caseIdParams = idParams;
export const messageInput = z.object({ body: text(5000) });
/** A resident's message: text, files (staged upload ids), or both. */
export const residentMessageInput = z
  .object({ body: text(5000).optional(), attachmentIds: attachmentIdsInput })
  .refine((message) => message.body !== undefined || message.attachmentIds.length > 0, {
    message: 'Bitte schreiben Sie eine Nachricht oder hängen Sie eine Datei an.',
    path: ['body'],
  });

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

/** The staff list's filters without paging, and the file format: the export of what the board shows. */
export const caseExportQuery = staffCaseQuery.omit({ limit: true, cursor: true }).extend({
  format: z.enum(['csv', 'xlsx'], { error: 'Bitte „csv“ oder „xlsx“ angeben.' }),
});

export const openDamageReportsQuery = z.object({ categoryId: catalogueId('eine Schadenskategorie') });

export const statusChangeInput = z.object({
  status: z.enum(CASE_STATUSES, { error: 'Unbekannter Status.' }),
  /** Shown to the resident in the timeline and the e-mail. */
  message: text(5000).optional(),
});
/** A clerk's account id, `me` (the signed-in clerk: the board's „Mir zuweisen“) or null (not assigned). */
export const assigneeChangeInput = z.object({
  assigneeId: z
    .string({ error: 'Bitte eine Kennung, „me“ oder null angeben.' })
    .refine((value) => value === 'me' || id.safeParse(value).success, 'Bitte eine Kennung, „me“ oder null angeben.')
    .nullable(),
});

export const routingRuleInput = z.object({
  caseType: z.enum(CASE_TYPES, { error: 'Unbekannte Vorgangsart.' }),
  damageCategoryId: id.nullable().default(null),
  assigneeId: id,
});
export type RoutingRuleInput = z.output<typeof routingRuleInput>;

/** Joining a reported incident: the case number of an open damage report of the own building. */
export const caseNumberParams = z.object({
  caseNumber: z.string().regex(/^\d{4}-\d{4,}$/, 'Bitte geben Sie eine Vorgangsnummer wie 2026-0182 an.'),
});

// ---------------------------------------------------------------------------------------------------
// Responses

export const caseCatalogue = z
  .object({
    damageLocations: z.array(labelled.extend({ categories: z.array(labelled.extend({ kinds: z.array(labelled) })) })),
    documentTypes: z.array(labelled),
  })
  .meta({ id: 'CaseCatalogue' });
export type CaseCatalogue = z.output<typeof caseCatalogue>;

const caseCore = {
  id: z.uuid(),
  caseNumber: z.string(),
  type: z.enum(CASE_TYPES),
  title: z.string(),
  description: z.string(),
  status: z.enum(CASE_STATUSES),
  urgency: z.enum(URGENCIES),
  damage: z.object({ location: labelled, category: labelled, kind: labelled }).nullable(),
  /** `key` is stable across a company's renaming (e.g. `tenant_certificate`); null for a company's own types. */
  documentType: labelled.extend({ key: z.string().nullable() }).nullable(),
  residentAvailability: z.string().nullable(),
  accessConsent: z.boolean(),
  createdAt: timestamp,
};

/** A case as its resident sees it: public fields only. */
export const residentCase = z
  .object({
    ...caseCore,
    lastActivityAt: timestamp,
    /** Something public happened (a reply, a status, a document) since the resident last opened the case. */
    hasNews: z.boolean().default(false),
  })
  .meta({ id: 'ResidentCase' });
export type ResidentCase = z.output<typeof residentCase>;

/** A case as clerks see it on the board. */
export const staffCase = z
  .object({
    ...caseCore,
    priority: z.enum(PRIORITIES),
    /** Where the case came from; cases filed before sources were recorded came through the portal. */
    source: z.enum(CASE_SOURCES).default('portal'),
    deadlineAt: timestamp,
    overdue: z.boolean(),
    assignee: labelled.nullable(),
    /** Null on a letting case: it belongs to a rental applicant, not to a resident. */
    resident: z.object({ id: z.uuid(), name: z.string().nullable() }).nullable(),
    applicant: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).nullable().default(null),
    building: z.object({ id: z.uuid(), address: z.string().nullable() }),
    unitLabel: z.string().nullable(),
    updatedAt: timestamp,
    lastActivityAt: timestamp,
  })
  .meta({ id: 'StaffCase' });
export type StaffCase = z.output<typeof staffCase>;

export const residentTimelineEvent = z
  .object({
    id: z.uuid(),
    kind: z.enum(RESIDENT_EVENT_KINDS),
    actor: z.enum(ACTOR_ROLES),
    data: z.record(z.string(), z.unknown()),
    createdAt: timestamp,
  })
  .meta({ id: 'ResidentTimelineEvent' });
export const staffCaseEvent = z
  .object({
    id: z.uuid(),
    kind: z.enum(CASE_EVENT_KINDS),
    public: z.boolean(),
    actor: z.enum(ACTOR_ROLES),
    actorName: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    createdAt: timestamp,
  })
  .meta({ id: 'StaffCaseEvent' });
export const residentCaseMessage = z
  .object({ id: z.uuid(), author: z.enum(MESSAGE_AUTHORS), body: z.string(), createdAt: timestamp })
  .meta({ id: 'ResidentCaseMessage' });
export const staffCaseMessage = residentCaseMessage
  .extend({ authorName: z.string().nullable(), internal: z.boolean() })
  .meta({ id: 'StaffCaseMessage' });

export const residentCaseList = page(residentCase);
export const staffCaseList = page(staffCase);
export const residentCaseDetail = z
  .object({
    case: residentCase,
    timeline: z.array(residentTimelineEvent),
    messages: z.array(residentCaseMessage),
    attachments: z.array(caseAttachment),
  })
  .meta({ id: 'ResidentCaseDetail' });
export type ResidentCaseDetail = z.output<typeof residentCaseDetail>;
export const staffCaseDetail = z
  .object({
    case: staffCase,
    events: z.array(staffCaseEvent),
    messages: z.array(staffCaseMessage),
    /** The reporter plus every resident who joined the incident ("Ich bin auch betroffen"). */
    affectedResidents: z.number().int().min(1),
    attachments: z.array(caseAttachment),
  })
  .meta({ id: 'StaffCaseDetail' });
export type StaffCaseDetail = z.output<typeof staffCaseDetail>;

export const residentCaseResponse = z.object({ case: residentCase });
export const staffCaseResponse = z.object({ case: staffCase });

/** An open damage case of the resident's building, without personal data. */
export const openDamageReport = z
  .object({
    caseNumber: z.string(),
    damageLocation: z.string(),
    damageCategory: z.string(),
    damageKind: z.string(),
    status: z.enum(CASE_STATUSES),
    reportedAt: timestamp,
  })
  .meta({ id: 'OpenDamageReport' });
export type OpenDamageReport = z.output<typeof openDamageReport>;

/** A damage report of someone else that the resident joined: status only, never the reporter's text. */
export const joinedIncident = openDamageReport.extend({ joinedAt: timestamp }).meta({ id: 'JoinedIncident' });
export type JoinedIncident = z.output<typeof joinedIncident>;

export const routingRule = z
  .object({
    id: z.uuid(),
    caseType: z.enum(CASE_TYPES),
    damageCategoryId: z.uuid().nullable(),
    assigneeId: z.uuid(),
    assigneeName: z.string().nullable(),
  })
  .meta({ id: 'RoutingRule' });

export const staffAccount = z.object({ id: z.uuid(), label: z.string(), role: z.enum(STAFF_ROLES) }).meta({ id: 'StaffAccount' });
export type StaffAccount = z.output<typeof staffAccount>;

// ---------------------------------------------------------------------------------------------------
// Operations

export const caseOperations = {
  caseCatalogue: operation({
    operationId: 'caseCatalogue',
    method: 'get',
    path: '/cases/catalogue',
    summary: 'Schadens- und Dokumentenkatalog der Hausverwaltung',
    tag,
    access: 'session',
    response: caseCatalogue,
  }),
  openDamageReports: operation({
    operationId: 'openDamageReports',
    method: 'get',
    path: '/cases/open-damage-reports',
    summary: 'Bereits gemeldet? Offene Schadensmeldungen im eigenen Gebäude (ohne personenbezogene Daten)',
    tag,
    access: 'resident',
    query: openDamageReportsQuery,
    response: z.object({ items: z.array(openDamageReport) }),
  }),
  joinIncident: operation({
    operationId: 'joinIncident',
    method: 'post',
    path: '/cases/open-damage-reports/:caseNumber/join',
    summary: 'Ich bin auch betroffen: einer offenen Schadensmeldung im eigenen Gebäude anschließen',
    tag,
    access: 'resident',
    params: caseNumberParams,
    response: z.object({ incident: joinedIncident }),
    status: 201,
    idempotent: true,
  }),
  listJoinedIncidents: operation({
    operationId: 'listJoinedIncidents',
    method: 'get',
    path: '/cases/joined',
    summary: 'Schadensmeldungen, denen ich mich angeschlossen habe',
    tag,
    access: 'resident',
    response: z.object({ items: z.array(joinedIncident) }),
  }),
  fileCase: operation({
    operationId: 'fileCase',
    method: 'post',
    path: '/cases',
    summary: 'Anliegen melden',
    tag,
    access: 'resident',
    body: newCaseInput,
    response: residentCaseResponse,
    status: 201,
    idempotent: true,
  }),
  listOwnCases: operation({
    operationId: 'listOwnCases',
    method: 'get',
    path: '/cases',
    summary: 'Meine Anliegen',
    tag,
    access: 'resident',
    query: pageQuery,
    response: residentCaseList,
  }),
  ownCaseDetail: operation({
    operationId: 'ownCaseDetail',
    method: 'get',
    path: '/cases/:id',
    summary: 'Mein Anliegen mit öffentlichem Verlauf',
    tag,
    access: 'resident',
    params: caseIdParams,
    response: residentCaseDetail,
  }),
  postResidentMessage: operation({
    operationId: 'postResidentMessage',
    method: 'post',
    path: '/cases/:id/messages',
    summary: 'Nachricht zu meinem offenen Anliegen',
    tag,
    access: 'resident',
    params: caseIdParams,
    body: residentMessageInput,
    response: residentCaseResponse,
    status: 201,
    idempotent: true,
  }),
  listCases: operation({
    operationId: 'listCases',
    method: 'get',
    path: '/staff/cases',
    summary: 'Vorgänge nach Frist, mit Filtern',
    tag,
    access: 'staff',
    query: staffCaseQuery,
    response: staffCaseList,
  }),
  exportCases: operation({
    operationId: 'exportCases',
    method: 'get',
    path: '/staff/case-export',
    summary:
      'Gefilterte Vorgangsliste herunterladen: CSV (UTF-8 mit BOM, Semikolon, für Excel) oder XLSX; dieselben Filter wie die Liste; Antwort: die Datei, nicht JSON',
    tag,
    access: 'staff',
    query: caseExportQuery,
    file: true,
  }),
  caseDetail: operation({
    operationId: 'caseDetail',
    method: 'get',
    path: '/staff/cases/:id',
    summary: 'Vorgang mit Aktivitätenprotokoll und internen Notizen',
    tag,
    access: 'staff',
    params: caseIdParams,
    response: staffCaseDetail,
  }),
  changeCaseStatus: operation({
    operationId: 'changeCaseStatus',
    method: 'patch',
    path: '/staff/cases/:id/status',
    summary: 'Status ändern (optional mit öffentlicher Nachricht; der Mieter erhält eine E-Mail)',
    tag,
    access: 'staff',
    params: caseIdParams,
    body: statusChangeInput,
    response: staffCaseResponse,
  }),
  assignCase: operation({
    operationId: 'assignCase',
    method: 'patch',
    path: '/staff/cases/:id/assignee',
    summary: 'Vorgang zuweisen',
    tag,
    access: 'staff',
    params: caseIdParams,
    body: assigneeChangeInput,
    response: staffCaseResponse,
  }),
  replyToCase: operation({
    operationId: 'replyToCase',
    method: 'post',
    path: '/staff/cases/:id/replies',
    summary: 'Öffentliche Antwort an den Mieter',
    tag,
    access: 'staff',
    params: caseIdParams,
    body: messageInput,
    response: staffCaseResponse,
    status: 201,
    idempotent: true,
  }),
  addInternalNote: operation({
    operationId: 'addInternalNote',
    method: 'post',
    path: '/staff/cases/:id/notes',
    summary: 'Interne Notiz (für Mieter nie sichtbar)',
    tag,
    access: 'staff',
    params: caseIdParams,
    body: messageInput,
    response: staffCaseResponse,
    status: 201,
    idempotent: true,
  }),
  listClerks: operation({
    operationId: 'listClerks',
    method: 'get',
    path: '/staff/clerks',
    summary: 'Sachbearbeitung der Hausverwaltung (für die Zuweisung)',
    tag,
    access: 'staff',
    response: z.object({ items: z.array(staffAccount) }),
  }),
  listRoutingRules: operation({
    operationId: 'listRoutingRules',
    method: 'get',
    path: '/staff/case-routing-rules',
    summary: 'Zuständigkeitsregeln',
    tag,
    access: 'staff',
    response: z.object({ items: z.array(routingRule) }),
  }),
  setRoutingRule: operation({
    operationId: 'setRoutingRule',
    method: 'put',
    path: '/staff/case-routing-rules',
    summary: 'Zuständigkeit für eine Vorgangsart (und Schadenskategorie) festlegen',
    tag,
    access: 'admin',
    body: routingRuleInput,
    response: z.object({ id: z.uuid() }),
  }),
  deleteRoutingRule: operation({
    operationId: 'deleteRoutingRule',
    method: 'delete',
    path: '/staff/case-routing-rules/:id',
    summary: 'Zuständigkeitsregel löschen',
    tag,
    access: 'admin',
    params: idParams,
  }),
  setDamageLocationCommonArea: operation({
    operationId: 'setDamageLocationCommonArea',
    method: 'put',
    path: '/staff/damage-locations/:id/common-area',
    summary:
      'Schadensort als Gemeinschaftsfläche markieren: Meldungen dort werden allen Mietern des Gebäudes unter „Bereits gemeldet?“ angeboten, sonst nur den Mietern derselben Wohnung',
    tag,
    access: 'admin',
    params: idParams,
    body: z.object({ commonArea: z.boolean() }),
    response: z.object({ id: z.uuid(), label: z.string(), commonArea: z.boolean() }),
  }),
};
