/**
 * The texts of `<contractor-answer>` in German: its own area (the element is public and loads alone), and the shape
 * English provides too. Error codes (the link's refusals) come from the common `errors` area.
 */
const answer = {
  heading: (caseNumber: string) => `Auftrag ${caseNumber}`,
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  intro: (company: string, contractor: string) => `${company} beauftragt ${contractor}.`,
  where: 'Ort',
  damage: 'Schaden',
  description: 'Beschreibung',
  availability: 'Erreichbarkeit der Mieterin / des Mieters',
  noAvailability: 'Keine Angabe; bitte über die Hausverwaltung abstimmen.',
  access: 'Zutritt',
  accessYes: 'Die Wohnung darf auch in Abwesenheit betreten werden.',
  accessNo: 'Kein Zutritt in Abwesenheit: bitte einen Termin vereinbaren.',
  note: 'Hinweis der Hausverwaltung',
  state: {
    ordered: 'Noch nicht beantwortet',
    accepted: 'Zugesagt',
    declined: 'Abgelehnt',
    done: 'Als erledigt gemeldet',
  },
  appointment: (when: string) => `Termin: ${when}`,
  acceptHeading: 'Termin zusagen',
  appointmentLabel: 'Termin (Datum und Uhrzeit)',
  accept: 'Termin zusagen',
  reschedule: 'Termin ändern',
  declineHeading: 'Auftrag ablehnen',
  reasonLabel: 'Grund',
  decline: 'Ablehnen',
  doneHeading: 'Arbeit erledigt',
  doneNoteLabel: 'Was wurde gemacht?',
  done: 'Als erledigt melden',
  required: 'Bitte füllen Sie dieses Feld aus.',
  acceptedNow: (when: string) => `Danke. Der Termin am ${when} ist zugesagt; die Mieterin / der Mieter wird informiert.`,
  declinedNow: 'Der Auftrag ist abgelehnt. Die Hausverwaltung ist informiert.',
  doneNow: 'Danke. Die Arbeit ist als erledigt gemeldet.',
  closed: 'Dieser Auftrag ist abgeschlossen. Bei Fragen wenden Sie sich bitte an die Hausverwaltung.',
  linkValidUntil: (when: string) => `Ihr Link gilt bis ${when}. Bitte geben Sie ihn nicht weiter.`,
  linkProblem: 'Der Link funktioniert nicht',
};
export default answer;
export type AnswerMessages = typeof answer;
