import { leadMessage } from './lead-messages.ts';
import { z } from 'zod';
import { joinedIncident, residentCase, staffCase } from './cases.ts';
import { residentDocument } from './documents.ts';
import { CASE_EVENT_KINDS, LEAD_EVENT_KINDS } from './enums.ts';
import { leadCard } from './leads.ts';

/**
 * Live events over socket.io (docs/cases.md, "Realtime"; docs/leads.md): event name → payload, per audience. Clerks of a
 * housing company share one room; each resident has their own. The BFF can only emit what is listed here,
 * and the widgets' handlers are typed by the same map.
 */

const change = z.enum(CASE_EVENT_KINDS);

export const staffEvents = {
  /** A resident filed a case. */
  'case:created': z.object({ change, case: staffCase }),
  /** Anything changed on a case: status, assignment, a message, files, a document. */
  'case:updated': z.object({ change, case: staffCase }),
  /**
   * For one clerk (`accountId`; the board of that clerk shows it): a case was assigned to them, or its resident
   * wrote on their case. The clerk gets the same by e-mail.
   */
  'case:notification': z.object({ reason: z.enum(['assigned', 'resident_message']), accountId: z.uuid(), case: staffCase }),
  /** A new lead (any intake path); `duplicateOf`: leads of the same listing it shares an e-mail address or phone with. */
  'lead:created': z.object({ lead: leadCard, duplicateOf: z.array(z.uuid()) }),
  /** A lead changed: moved, given an owner, assigned to a listing, anonymised. */
  'lead:changed': z.object({ change: z.enum(LEAD_EVENT_KINDS), lead: leadCard }),
  /** A message of a lead's mail thread: a clerk wrote it, or the person answered. */
  'lead:message': z.object({ leadId: z.uuid(), message: leadMessage }),
};

export const residentEvents = {
  'case:updated': z.object({ change, case: residentCase }),
  'document:published': z.object({ document: residentDocument }),
  /** The status of a damage report the resident joined ("Ich bin auch betroffen"). */
  'incident:updated': z.object({ change, incident: joinedIncident }),
};

export type StaffEventMap = { [K in keyof typeof staffEvents]: z.output<(typeof staffEvents)[K]> };
export type ResidentEventMap = { [K in keyof typeof residentEvents]: z.output<(typeof residentEvents)[K]> };

/** One event as a subscriber gets it: `{ event, payload }`, discriminated by the name. */
export type LiveEventOf<M> = { [K in keyof M]: { event: K; payload: M[K] } }[keyof M];
export type StaffLiveEvent = LiveEventOf<StaffEventMap>;
export type ResidentLiveEvent = LiveEventOf<ResidentEventMap>;
