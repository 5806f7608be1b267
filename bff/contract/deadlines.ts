import type { CaseType, Urgency } from './enums.ts';

/**
 * Case deadlines (docs/settings.md): the standard hours and the states whose public holidays a company's
 * working days skip. Apart from the enums so the residents' widgets, which never show deadlines, do not load them.
 */

/** Germany's states by their official abbreviation: the public holidays that do not count as working days. */
export const FEDERAL_STATES = ['BW', 'BY', 'BE', 'BB', 'HB', 'HH', 'HE', 'MV', 'NI', 'NW', 'RP', 'SL', 'SN', 'ST', 'SH', 'TH'] as const;
export type FederalState = (typeof FEDERAL_STATES)[number];

/** The standard hours from filing to the deadline, by case type and urgency (a company may set working days instead). */
export const DEADLINE_HOURS: Record<CaseType, Record<Urgency, number>> = {
  damage: { emergency: 24, urgent: 3 * 24, normal: 14 * 24 },
  complaint: { emergency: 3 * 24, urgent: 3 * 24, normal: 10 * 24 },
  contact: { emergency: 2 * 24, urgent: 2 * 24, normal: 5 * 24 },
  document_request: { emergency: 5 * 24, urgent: 5 * 24, normal: 10 * 24 },
  letting: { emergency: 3 * 24, urgent: 3 * 24, normal: 7 * 24 },
};
