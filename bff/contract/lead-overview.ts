import { z } from 'zod';
import { timestamp } from './common.ts';
import { LEAD_COLUMNS, LEAD_SOURCES } from './enums.ts';
import { operation } from './operation.ts';

/**
 * The lead pipeline's daily overview (docs/leads.md, "Tagesübersicht"): leads per stage with their time in stage,
 * per listing and per source, and what happened in the last 24 hours. Counts only — no names, no contact data —
 * so every staff member may read it and the daily mail may carry it. Anonymised leads count like the others
 * (the statistics outlive the person's data).
 */

const count = z.number().int().min(0);
const days = z.number().min(0);

export const leadOverview = z
  .object({
    /** The time the figures were taken. */
    at: timestamp,
    total: count,
    /** Each board column, in board order, with how long its leads have been in it (in days, null: empty). */
    stages: z.array(
      z.object({
        column: z.enum(LEAD_COLUMNS),
        count,
        medianDaysInStage: days.nullable(),
        longestDaysInStage: days.nullable(),
      }),
    ),
    /** Listings with leads, most leads first; `listing` null: leads not yet assigned. */
    listings: z.array(
      z.object({
        listing: z.object({ id: z.uuid(), title: z.string(), status: z.enum(['aktiv', 'vermietet']) }).nullable(),
        total: count,
        /** nicht zugeordnet, offen, kontaktiert and besichtigt: still to be decided. */
        inProgress: count,
        columns: z.partialRecord(z.enum(LEAD_COLUMNS), count),
      }),
    ),
    sources: z.array(z.object({ source: z.enum(LEAD_SOURCES), count })),
    last24Hours: z.object({ newLeads: count, moves: count }),
  })
  .meta({ id: 'LeadOverview' });
export type LeadOverview = z.output<typeof leadOverview>;

export const leadOverviewOperations = {
  leadOverview: operation({
    operationId: 'leadOverview',
    method: 'get',
    path: '/staff/leads/overview',
    summary: 'Tagesübersicht der Vermietung: Interessenten je Phase (mit Verweildauer), je Inserat und je Quelle',
    tag: 'Vermietung',
    access: 'staff',
    response: leadOverview,
  }),
};
