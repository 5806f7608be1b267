import { createEvent } from 'ics';
import type { Mail } from '../mail/mailer.ts';

/** The calendar file and e-mails of a viewing (German: the invited people are addressed in the company's language). */

export interface ViewingFacts {
  bookingId: string;
  companyName: string;
  listingTitle: string;
  address: { street: string; postalCode: string; city: string };
  startsAt: Date;
  durationMinutes: number;
  note: string;
  lockGrant?: { from: Date; until: Date } | null;
}

const TIME_ZONE = 'Europe/Berlin';
const dateFormat = new Intl.DateTimeFormat('de-DE', {
  timeZone: TIME_ZONE,
  weekday: 'long',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});
const timeFormat = new Intl.DateTimeFormat('de-DE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

export const addressLine = (address: ViewingFacts['address']) => `${address.street}, ${address.postalCode} ${address.city}`;

/** „Montag, 04.05.2026, 17:00–17:30 Uhr“ in German time. */
export function viewingTime(startsAt: Date, durationMinutes: number): string {
  const endsAt = new Date(startsAt.getTime() + durationMinutes * 60_000);
  return `${dateFormat.format(startsAt)}, ${timeFormat.format(startsAt)}–${timeFormat.format(endsAt)} Uhr`;
}

/** The viewing as an iCalendar file (RFC 5545, built by the `ics` library), times in UTC. */
export function viewingCalendar(facts: ViewingFacts): string {
  const { error, value } = createEvent({
    productId: 'mieterportal/viewings',
    uid: `viewing-${facts.bookingId}@mieterportal`,
    method: 'PUBLISH',
    title: `Besichtigung: ${facts.listingTitle}`,
    description: [`Besichtigung bei ${facts.companyName}`, facts.note].filter(Boolean).join('\n\n'),
    location: addressLine(facts.address),
    start: facts.startsAt.getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    duration: { minutes: facts.durationMinutes },
    status: 'CONFIRMED',
    busyStatus: 'BUSY',
  });
  if (error || !value) throw error ?? new Error('ICS could not be built');
  return value;
}

/** The viewing's facts; `link`: where to move or cancel it (null: by answering the mail). */
const details = (facts: ViewingFacts, link: string | null) =>
  [
    `Wohnung: ${facts.listingTitle}`,
    `Adresse: ${addressLine(facts.address)}`,
    `Zeit: ${viewingTime(facts.startsAt, facts.durationMinutes)}`,
    ...(facts.note ? [`Hinweis: ${facts.note}`] : []),
    ...(facts.lockGrant
      ? [
          `Zugang: Das Türschloss öffnet sich für Sie von ${timeFormat.format(facts.lockGrant.from)} bis ${timeFormat.format(facts.lockGrant.until)} Uhr.`,
        ]
      : []),
    '',
    link ? `Termin verlegen oder absagen: ${link}` : 'Falls der Termin nicht passt, antworten Sie bitte einfach auf diese E-Mail.',
  ].join('\n');

/** The confirmation of a viewing a clerk planned for the person, with the ICS file; answers go to the lead's thread. */
export function plannedViewingMail(to: string, name: string, facts: ViewingFacts): Mail {
  return {
    to,
    subject: `Besichtigung am ${dateFormat.format(facts.startsAt)} um ${timeFormat.format(facts.startsAt)} Uhr – ${facts.listingTitle}`,
    text: `Guten Tag ${name},\n\nwir haben für Sie einen Besichtigungstermin eingeplant.\n\n${details(facts, null)}\n\nDen Termin finden Sie auch im Anhang (besichtigung.ics) für Ihren Kalender.\n\nMit freundlichen Grüßen\n${facts.companyName}`,
    attachments: [
      { filename: 'besichtigung.ics', content: viewingCalendar(facts), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' },
    ],
  };
}

/** The confirmation of a booked viewing, with the ICS file. `promoted`: the place came from the waitlist. */
export function confirmationMail(to: string, facts: ViewingFacts, link: string, promoted = false): Mail {
  const intro = promoted
    ? 'ein Platz ist frei geworden: Sie sind von der Warteliste nachgerückt, Ihr Besichtigungstermin ist bestätigt.'
    : 'Ihr Besichtigungstermin ist bestätigt.';
  return {
    to,
    subject: `${promoted ? 'Nachgerückt: ' : ''}Besichtigung am ${dateFormat.format(facts.startsAt)} um ${timeFormat.format(facts.startsAt)} Uhr – ${facts.listingTitle}`,
    text: `Guten Tag,\n\n${intro}\n\n${details(facts, link)}\n\nDen Termin finden Sie auch im Anhang (besichtigung.ics) für Ihren Kalender.\n\nMit freundlichen Grüßen\n${facts.companyName}`,
    attachments: [
      { filename: 'besichtigung.ics', content: viewingCalendar(facts), contentType: 'text/calendar; charset=utf-8; method=PUBLISH' },
    ],
  };
}

export function waitlistMail(to: string, facts: ViewingFacts, position: number, link: string): Mail {
  return {
    to,
    subject: `Warteliste: Besichtigung am ${dateFormat.format(facts.startsAt)} – ${facts.listingTitle}`,
    text: `Guten Tag,\n\nder Termin ist ausgebucht; Sie stehen auf Platz ${position} der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine Bestätigung per E-Mail.\n\n${details(facts, link)}\n\nMit freundlichen Grüßen\n${facts.companyName}`,
  };
}

export function cancellationMail(to: string, facts: ViewingFacts, link: string): Mail {
  return {
    to,
    subject: `Abgesagt: Besichtigung am ${dateFormat.format(facts.startsAt)} – ${facts.listingTitle}`,
    text: `Guten Tag,\n\nSie haben Ihren Besichtigungstermin abgesagt. Solange der Link gilt, können Sie einen anderen Termin wählen: ${link}\n\nMit freundlichen Grüßen\n${facts.companyName}`,
  };
}

export function invitationMail(
  to: string,
  input: { name: string; companyName: string; listingTitle: string; address: ViewingFacts['address']; link: string; expiresAt: Date },
): Mail {
  return {
    to,
    subject: `Einladung zur Besichtigung – ${input.listingTitle}`,
    text:
      `Guten Tag ${input.name},\n\nvielen Dank für Ihr Interesse an der Wohnung „${input.listingTitle}“ (${addressLine(input.address)}).\n` +
      `Bitte wählen Sie über diesen persönlichen Link einen Besichtigungstermin; dort können Sie ihn auch verlegen oder absagen:\n\n${input.link}\n\n` +
      `Der Link gilt bis ${dateFormat.format(input.expiresAt)}, ${timeFormat.format(input.expiresAt)} Uhr. Bitte geben Sie ihn nicht weiter.\n\n` +
      `Mit freundlichen Grüßen\n${input.companyName}`,
  };
}
