import { AppError } from '../errors.ts';

/**
 * A resident's move-out (Auszugsdatum, from the ERP's resident list): access ends with that day in Germany.
 * Sign-in is refused from the next day on, and a session that was signed in before ends then.
 */

const berlinDay = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Berlin', year: 'numeric', month: '2-digit', day: '2-digit' });

/** Today in Germany (Europe/Berlin), `2026-03-31`: the day a move-out date is compared with. */
export function berlinToday(now = new Date()): string {
  return berlinDay.format(now);
}

/** Whether access has ended: the move-out day is over. */
export function accessHasEnded(movedOutOn: string | null | undefined, now = new Date()): boolean {
  return !!movedOutOn && berlinToday(now) > movedOutOn;
}

export const accessEnded = (movedOutOn: string) =>
  new AppError(
    403,
    'access_ended',
    `Ihr Zugang zum Mieterportal ist mit Ihrem Auszug am ${movedOutOn.split('-').reverse().join('.')} beendet. ` +
      'Bei Fragen wenden Sie sich bitte an Ihre Hausverwaltung.',
  );
