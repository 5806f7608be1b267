import { z } from 'zod';
import { id, idParams, optionalText, text, timestamp } from './common.ts';
import { operation } from './operation.ts';

/**
 * Contractor orders from a damage case (docs/contractors.md): a housing company's contractors (Handwerker), the work
 * order a clerk gives one of them from a damage case (mailed with the order as PDF and a signed link), and the
 * contractor's answer through that link (`X-Link-Token` header), without an account: accept with an appointment,
 * decline with a reason, or report the work done.
 */

const tag = 'Handwerker';

export const WORK_ORDER_STATUSES = ['ordered', 'accepted', 'declined', 'done'] as const;
export type WorkOrderStatus = (typeof WORK_ORDER_STATUSES)[number];

/** The order stays open while it is `ordered` or `accepted`; a case has at most one open order. */
export const OPEN_WORK_ORDER_STATUSES = ['ordered', 'accepted'] as const satisfies readonly WorkOrderStatus[];

const linkHeaders = z.object({
  'X-Link-Token': z.string().meta({ description: 'Das Token des signierten Links aus der Auftrags-E-Mail (nach `#token=`)' }),
});

const email = z.email({ error: 'Bitte eine gültige E-Mail-Adresse angeben.' }).max(254, 'Bitte höchstens 254 Zeichen.');
const buildingIds = z
  .array(z.uuid({ error: 'Ungültige Kennung eines Gebäudes.' }), { error: 'buildingIds: Liste von Gebäude-Kennungen.' })
  .max(500, 'Höchstens 500 Gebäude.');

export const contractorInput = z
  .object({
    name: text(200),
    /** Gewerk: Sanitär, Elektro, Heizung, Schlüsseldienst, … */
    trade: text(100),
    email,
    phone: optionalText(50).optional(),
    /** The buildings the contractor serves; empty (the default): all of the company's buildings. */
    buildingIds: buildingIds.default([]),
    active: z.boolean({ error: 'active: true oder false.' }).default(true),
  })
  .meta({ id: 'ContractorInput' });
export type ContractorInput = z.input<typeof contractorInput>;

export const contractorPatch = z
  .object({
    name: text(200).optional(),
    trade: text(100).optional(),
    email: email.optional(),
    phone: optionalText(50).optional(),
    buildingIds: buildingIds.optional(),
    active: z.boolean({ error: 'active: true oder false.' }).optional(),
  })
  .meta({ id: 'ContractorPatch' });

export const contractor = z
  .object({
    id,
    name: z.string(),
    trade: z.string(),
    email: z.string(),
    phone: z.string().nullable(),
    buildingIds: z.array(id),
    active: z.boolean(),
  })
  .meta({ id: 'Contractor' });
export type Contractor = z.output<typeof contractor>;

export const workOrderInput = z
  .object({
    contractorId: z.uuid({ error: 'Bitte einen Handwerker auswählen.' }),
    /** The clerk's note to the contractor, printed in the order. */
    note: optionalText(2000).default(''),
  })
  .meta({ id: 'WorkOrderInput' });
export type WorkOrderInput = z.input<typeof workOrderInput>;

/** A work order as the clerk sees it on the case. */
export const workOrder = z
  .object({
    id,
    caseId: id,
    contractor: z.object({ id, name: z.string(), trade: z.string() }),
    status: z.enum(WORK_ORDER_STATUSES),
    note: z.string(),
    appointmentAt: timestamp.nullable(),
    /** The contractor's reason (declined) or note on the work (done). */
    answerNote: z.string().nullable(),
    orderedAt: timestamp,
    answeredAt: timestamp.nullable(),
    /** Until when the contractor's link works. */
    linkExpiresAt: timestamp,
  })
  .meta({ id: 'WorkOrder' });
export type WorkOrder = z.output<typeof workOrder>;

export const workOrderCreated = z
  .object({
    workOrder,
    /** The answer link as mailed: for the clerk to pass on by phone or another way if needed. */
    url: z.string(),
    sentTo: z.string(),
  })
  .meta({ id: 'WorkOrderCreated' });

/** What the contractor sees through the link: the job, never more of the resident than they allowed. */
export const contractorOrderView = z
  .object({
    company: z.object({ name: z.string() }),
    contractor: z.object({ name: z.string() }),
    caseNumber: z.string(),
    /** Street, postal code, city of the building, and the unit. */
    location: z.object({ address: z.string().nullable(), unit: z.string().nullable() }),
    /** Damage location, category and kind as the resident chose them, e.g. "Bad · Sanitär · Wasserhahn tropft". */
    damage: z.string().nullable(),
    title: z.string(),
    description: z.string(),
    /** When the resident is at home, in their words. */
    residentAvailability: z.string().nullable(),
    /** The resident allowed entering the flat in their absence. */
    accessConsent: z.boolean(),
    note: z.string(),
    status: z.enum(WORK_ORDER_STATUSES),
    appointmentAt: timestamp.nullable(),
    answerNote: z.string().nullable(),
    linkExpiresAt: timestamp,
  })
  .meta({ id: 'ContractorOrderView' });
export type ContractorOrderView = z.output<typeof contractorOrderView>;

export const contractorAnswerInput = z
  .discriminatedUnion(
    'answer',
    [
      z.object({
        answer: z.literal('accept'),
        appointmentAt: z.iso.datetime({
          offset: true,
          error: 'Termin als Zeitpunkt mit Zeitzone erwartet, z. B. 2026-05-04T09:00:00+02:00.',
        }),
      }),
      z.object({ answer: z.literal('decline'), reason: text(2000) }),
      z.object({ answer: z.literal('done'), note: text(2000) }),
    ],
    { error: 'Bitte wählen Sie: accept (mit Termin), decline (mit Grund) oder done (mit Notiz).' },
  )
  .meta({ id: 'ContractorAnswerInput' });
export type ContractorAnswerInput = z.input<typeof contractorAnswerInput>;

export const contractorOperations = {
  listContractors: operation({
    operationId: 'listContractors',
    method: 'get',
    path: '/staff/contractors',
    summary: 'Handwerker der Hausverwaltung (Gewerk, Kontakt, betreute Gebäude, aktiv)',
    tag,
    access: 'staff',
    response: z.object({ items: z.array(contractor) }),
  }),
  createContractor: operation({
    operationId: 'createContractor',
    method: 'post',
    path: '/staff/contractors',
    summary: 'Handwerker anlegen',
    tag,
    access: 'staff',
    body: contractorInput,
    response: contractor,
    status: 201,
  }),
  updateContractor: operation({
    operationId: 'updateContractor',
    method: 'patch',
    path: '/staff/contractors/:id',
    summary: 'Handwerker ändern oder deaktivieren',
    tag,
    access: 'staff',
    params: idParams,
    body: contractorPatch,
    response: contractor,
  }),
  createWorkOrder: operation({
    operationId: 'createWorkOrder',
    method: 'post',
    path: '/staff/cases/:id/work-orders',
    summary: 'Handwerker beauftragen: Auftrag als PDF per E-Mail mit Antwort-Link, der Vorgang wird „beauftragt“',
    tag,
    access: 'staff',
    params: idParams,
    body: workOrderInput,
    response: workOrderCreated,
    status: 201,
  }),
  listWorkOrders: operation({
    operationId: 'listWorkOrders',
    method: 'get',
    path: '/staff/cases/:id/work-orders',
    summary: 'Aufträge eines Vorgangs mit dem Stand der Antworten, neueste zuerst',
    tag,
    access: 'staff',
    params: idParams,
    response: z.object({ items: z.array(workOrder) }),
  }),
  contractorOrder: operation({
    operationId: 'contractorOrder',
    method: 'get',
    path: '/contractor-answer',
    summary: 'Öffentlich, mit signiertem Link: der Auftrag, wie der Handwerker ihn sieht',
    tag,
    access: 'public',
    headers: linkHeaders,
    response: contractorOrderView,
  }),
  answerContractorOrder: operation({
    operationId: 'answerContractorOrder',
    method: 'post',
    path: '/contractor-answer',
    summary: 'Öffentlich, mit signiertem Link: annehmen mit Termin, ablehnen mit Grund, oder erledigt melden',
    tag,
    access: 'public',
    headers: linkHeaders,
    body: contractorAnswerInput,
    response: contractorOrderView,
  }),
};
