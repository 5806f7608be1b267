/**
 * The texts of `<viewing-booking>` in German: its own area (the element is public and loads alone), and the shape
 * every other language provides. Error codes (the link's refusals, `slot_full`) come from the common `errors` area.
 */
const viewing = {
  heading: 'Besichtigungstermin',
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  greeting: (name: string) => `Guten Tag ${name},`,
  intro: (company: string) => `${company} lädt Sie zur Besichtigung ein. Bitte wählen Sie einen Termin.`,
  address: 'Adresse',
  linkValidUntil: (when: string) => `Ihr persönlicher Link gilt bis ${when}.`,
  yourViewing: 'Ihr Termin',
  yourWaitlist: 'Sie stehen auf der Warteliste',
  waitlistPosition: (position: number) =>
    `Platz ${position} der Warteliste. Wird ein Platz frei, rücken Sie automatisch nach und erhalten eine E-Mail.`,
  lockAccess: (from: string, until: string) => `Das Türschloss öffnet sich für Sie von ${from} bis ${until} Uhr.`,
  downloadCalendar: 'In den Kalender (ICS)',
  cancel: 'Termin absagen',
  leaveWaitlist: 'Warteliste verlassen',
  slotsHeading: 'Angebotene Termine',
  noSlots: 'Zurzeit sind keine Termine frei. Ihre Hausverwaltung meldet sich bei Ihnen.',
  minutes: (count: number) => `${count} Minuten`,
  freePlaces: (count: number) => (count === 1 ? '1 freier Platz' : `${count} freie Plätze`),
  full: 'ausgebucht',
  waiting: (count: number) => (count === 1 ? '1 Person auf der Warteliste' : `${count} Personen auf der Warteliste`),
  book: 'Buchen',
  move: 'Hierher verlegen',
  joinWaitlist: 'Auf die Warteliste',
  ownSlot: 'Ihr Termin',
  busy: 'Wird gespeichert …',
  booked: 'Ihr Termin ist gebucht. Eine Bestätigung mit Kalenderdatei ist per E-Mail unterwegs.',
  moved: 'Ihr Termin ist verlegt. Eine neue Bestätigung ist per E-Mail unterwegs.',
  waitlisted: 'Sie stehen auf der Warteliste. Wir schreiben Ihnen, sobald ein Platz frei wird.',
  cancelled: 'Ihr Termin ist abgesagt. Sie können jederzeit einen anderen wählen, solange der Link gilt.',
  fullNow: 'Dieser Termin ist inzwischen ausgebucht. Sie können sich auf die Warteliste setzen.',
  calendarSaved: 'Die Kalenderdatei wurde heruntergeladen.',
  linkProblem: 'Der Link funktioniert nicht',
};
export default viewing;
export type ViewingMessages = typeof viewing;
