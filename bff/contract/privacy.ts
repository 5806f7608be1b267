import { z } from 'zod';
import { idParams, timestamp } from './common.ts';
import { operation } from './operation.ts';

/**
 * Art. 15 / Art. 17 DSGVO self-service (docs/data-subject-rights.md): a resident downloads everything the portal holds about
 * them (JSON and PDF) and asks for erasure; the housing company's admins see the requests and complete them.
 */

const tag = 'Datenschutz';

/** Why something stays after an erasure, in German (the resident reads it before asking, the admin after completing). */
export const retainedItem = z
  .object({
    /** What stays: `cases`, `openCases`, `documents`, `tenancies`, `request`. */
    kind: z.enum(['cases', 'openCases', 'documents', 'tenancies', 'request']),
    count: z.number().int(),
    /** What it is, e.g. „3 Anliegen (Vorgänge)“. */
    what: z.string(),
    /** Why it must stay, with the legal ground. */
    reason: z.string(),
    /** Until when at the latest, as far as it can be said now (ISO date); null while open or under contract. */
    keptUntil: z.string().nullable(),
  })
  .meta({ id: 'RetainedItem' });
export type RetainedItem = z.output<typeof retainedItem>;

export const ERASURE_STATUSES = ['open', 'completed'] as const;

/** What an erasure did, in counts (never the person's data). */
export const erasureOutcome = z
  .object({
    removed: z.record(z.string(), z.number().int()),
    anonymised: z.object({ account: z.boolean(), names: z.boolean(), expiredCases: z.number().int() }),
    kept: z.array(retainedItem),
  })
  .meta({ id: 'ErasureOutcome' });
export type ErasureOutcome = z.output<typeof erasureOutcome>;

export const erasureRequest = z
  .object({
    id: z.uuid(),
    status: z.enum(ERASURE_STATUSES),
    requestedAt: timestamp,
    completedAt: timestamp.nullable(),
  })
  .meta({ id: 'ErasureRequest' });
export type ErasureRequest = z.output<typeof erasureRequest>;

/** The resident's "Meine Daten": their open or last erasure request, and what an erasure would have to keep. */
export const privacyOverview = z
  .object({
    erasureRequest: erasureRequest.nullable(),
    retained: z.array(retainedItem),
  })
  .meta({ id: 'PrivacyOverview' });
export type PrivacyOverview = z.output<typeof privacyOverview>;

export const erasureRequestInput = z
  .object({
    confirm: z.literal(true, { error: 'Bitte bestätigen Sie, dass Sie die Löschung Ihrer Daten beantragen möchten.' }),
  })
  .strict();

/** One request as the company's admins see it. */
export const adminErasureRequest = erasureRequest
  .extend({
    /** The person's name and tenant number as the request was made (after completion as now on record). */
    residentName: z.string(),
    externalRef: z.string(),
    unit: z.string().nullable(),
    completedBy: z.string().nullable(),
    outcome: erasureOutcome.nullable(),
  })
  .meta({ id: 'AdminErasureRequest' });
export type AdminErasureRequest = z.output<typeof adminErasureRequest>;

/**
 * The machine-readable Art. 15 export: every row about the person, table by table (`rows` as stored, without
 * file contents and secrets such as password hashes), with the information Art. 15 Abs. 1 asks for.
 */
export const privacyExport = z
  .object({
    format: z.literal('mieterportal-auskunft'),
    version: z.literal(1),
    generatedAt: timestamp,
    controller: z.object({ name: z.string() }),
    subject: z.object({ name: z.string(), email: z.string().nullable(), externalRef: z.string() }),
    /** Purposes, recipients, storage periods and rights (Art. 15 Abs. 1 lit. a–h, Abs. 2 DSGVO), in German. */
    information: z.array(z.object({ heading: z.string(), text: z.string() })),
    sections: z.array(
      z.object({
        /** The table the rows come from. */
        table: z.string(),
        /** What the table holds, in German. */
        title: z.string(),
        rows: z.array(z.record(z.string(), z.unknown())),
      }),
    ),
  })
  .meta({ id: 'PrivacyExport' });
export type PrivacyExport = z.output<typeof privacyExport>;

export const privacyOperations = {
  privacyOverview: operation({
    operationId: 'privacyOverview',
    method: 'get',
    path: '/account/privacy',
    summary: 'Meine Daten: Stand meines Löschantrags und was aufbewahrt werden muss',
    tag,
    access: 'resident',
    response: privacyOverview,
  }),
  privacyExport: operation({
    operationId: 'privacyExport',
    method: 'get',
    path: '/account/privacy/export',
    summary: 'Auskunft nach Art. 15 DSGVO: alle über mich gespeicherten Daten als JSON (Download)',
    tag,
    access: 'resident',
    response: privacyExport,
  }),
  privacyExportPdf: operation({
    operationId: 'privacyExportPdf',
    method: 'get',
    path: '/account/privacy/export.pdf',
    summary: 'Auskunft nach Art. 15 DSGVO als lesbares PDF',
    tag,
    access: 'resident',
    file: true,
  }),
  requestErasure: operation({
    operationId: 'requestErasure',
    method: 'post',
    path: '/account/privacy/erasure-request',
    summary: 'Löschung meiner Daten beantragen (Art. 17 DSGVO)',
    tag,
    access: 'resident',
    body: erasureRequestInput,
    response: erasureRequest,
    status: 201,
  }),
  listErasureRequests: operation({
    operationId: 'listErasureRequests',
    method: 'get',
    path: '/privacy/erasure-requests',
    summary: 'Löschanträge der Mieterinnen und Mieter (offene zuerst)',
    tag,
    access: 'admin',
    response: z.object({ requests: z.array(adminErasureRequest) }),
  }),
  completeErasureRequest: operation({
    operationId: 'completeErasureRequest',
    method: 'post',
    path: '/privacy/erasure-requests/:id/complete',
    summary: 'Löschantrag erledigen: löschen und anonymisieren, was gehen darf; Aufbewahrungspflichtiges behalten',
    tag,
    access: 'admin',
    params: idParams,
    response: adminErasureRequest,
  }),
};
