import { isHoliday } from 'feiertagejs';
import type { CaseType, Urgency } from '../contract/enums.ts';
import { DEADLINE_HOURS, type FederalState } from '../contract/deadlines.ts';
import type { DeadlineWorkingDays } from '../contract/settings.ts';

/**
 * A case's deadline: the housing company's deadline in working days for its type and urgency where it set
 * one (company settings), else the product's default in hours (`DEADLINE_HOURS`).
 *
 * Working days are Monday to Friday without the public holidays of the company's state (nationwide holidays
 * only while no state is set), counted in German time: the deadline is the filing's time of day on the n-th
 * working day after the filing day. A report filed on a Friday afternoon with 1 working day is due Monday
 * afternoon, or Tuesday after Easter Monday.
 */

const ZONE = 'Europe/Berlin';
const DAY_MS = 86_400_000;

export interface DeadlineRules {
  federalState: FederalState | null;
  deadlineWorkingDays: DeadlineWorkingDays;
}

export function caseDeadline(filedAt: Date, type: CaseType, urgency: Urgency, rules: DeadlineRules): Date {
  const days = rules.deadlineWorkingDays[type]?.[urgency];
  if (!days) return new Date(filedAt.getTime() + DEADLINE_HOURS[type][urgency] * 3_600_000);
  return addWorkingDays(filedAt, days, rules.federalState);
}

/** Whether a German calendar day (`YYYY-MM-DD`) is a working day in the state. */
export function isWorkingDay(day: string, federalState: FederalState | null): boolean {
  const noon = new Date(`${day}T12:00:00Z`);
  const weekday = noon.getUTCDay();
  return weekday !== 0 && weekday !== 6 && !isHoliday(noon, federalState ?? 'BUND');
}

export function addWorkingDays(from: Date, days: number, federalState: FederalState | null): Date {
  const startDay = berlinDay(from);
  let day = startDay;
  for (let counted = 0; counted < days;) {
    day = nextDay(day);
    if (isWorkingDay(day, federalState)) counted += 1;
  }
  // Same wall-clock time in Berlin: the calendar days passed, corrected by a change of the UTC offset (DST).
  const calendarDays = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${startDay}T00:00:00Z`)) / DAY_MS);
  const naive = new Date(from.getTime() + calendarDays * DAY_MS);
  return new Date(naive.getTime() + (berlinOffsetMinutes(from) - berlinOffsetMinutes(naive)) * 60_000);
}

/** The calendar day in Germany at an instant, `YYYY-MM-DD`. */
function berlinDay(instant: Date): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
}

/** Germany's offset from UTC at an instant, in minutes (60 in winter, 120 in summer). */
function berlinOffsetMinutes(instant: Date): number {
  const name = new Intl.DateTimeFormat('en-US', { timeZone: ZONE, timeZoneName: 'longOffset' })
    .formatToParts(instant)
    .find((part) => part.type === 'timeZoneName')!.value; // "GMT+01:00"
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
}
