import type { ResidentCaseType, Urgency } from '../../../../bff/contract/enums.ts';
import { pluralOf } from '../plural.ts';

const plural = pluralOf('de');

/** The damage report form, the request form and the receipt after filing. */
const filing = {
  damageFormHeading: 'Schaden melden',
  damageFormIntro: 'Beschreiben Sie, was kaputt ist. Wir melden uns mit dem nächsten Schritt.',
  signInToReport: 'Bitte melden Sie sich zuerst im Mieterportal an. Danach können Sie hier Ihr Anliegen senden.',
  catalogueError: 'Die Auswahllisten konnten nicht geladen werden.',
  catalogueRetry: 'Erneut versuchen',
  damageLocation: 'Schadensort',
  damageCategory: 'Schadenskategorie',
  damageKind: 'Schadensart',
  choosePlaceholder: 'Bitte auswählen',
  chooseLocationFirst: 'Zuerst den Schadensort wählen',
  chooseCategoryFirst: 'Zuerst die Schadenskategorie wählen',
  chooseLocationError: 'Bitte wählen Sie einen Schadensort aus.',
  chooseCategoryError: 'Bitte wählen Sie eine Schadenskategorie aus.',
  chooseKindError: 'Bitte wählen Sie eine Schadensart aus.',
  urgency: 'Dringlichkeit',
  urgencyHints: {
    normal: 'Innerhalb der nächsten Tage',
    urgent: 'Deutliche Einschränkung, bitte bald',
    emergency: 'Gefahr für Menschen oder Gebäude',
  } satisfies Record<Urgency, string>,
  emergencyHint:
    'Notfall: Bei Gefahr für Menschen oder Gebäude – etwa Wasserrohrbruch, Gasgeruch oder Stromausfall im ganzen Haus – rufen Sie bitte zusätzlich sofort den Notdienst Ihrer Hausverwaltung an. Bei Gasgeruch, Feuer oder Verletzten wählen Sie 112.',
  emergencyWithoutSignIn:
    'Notfall? Bei Gefahr für Menschen oder Gebäude – etwa Wasserrohrbruch, Gasgeruch oder Stromausfall im ganzen Haus – rufen Sie sofort den Notdienst Ihrer Hausverwaltung an; dafür brauchen Sie keine Anmeldung. Bei Gasgeruch, Feuer oder Verletzten wählen Sie 112.',
  emergencyNumbersLabel: 'Notrufnummern Ihrer Hausverwaltung',
  description: 'Beschreibung',
  damageDescriptionHint: 'Was ist passiert, seit wann, wo genau? Höchstens 5000 Zeichen.',
  descriptionError: 'Bitte beschreiben Sie Ihr Anliegen.',
  availability: 'Wann sind Sie erreichbar? (freiwillig)',
  availabilityHint: 'Zum Beispiel „werktags ab 16 Uhr“ oder eine Telefonnummer.',
  accessConsent: 'Handwerker dürfen die Wohnung auch in meiner Abwesenheit betreten (mit dem Hausmeister).',
  alreadyReportedHeading: 'Bereits gemeldet?',
  alreadyReportedIntro: (count: number) =>
    plural(count, {
      one: 'In Ihrem Haus ist dazu bereits ein Schaden gemeldet. Wenn es derselbe ist, schließen Sie sich an, statt ihn neu zu melden.',
      other: `In Ihrem Haus sind dazu bereits ${count} Schäden gemeldet. Wenn einer davon Ihrer ist, schließen Sie sich an, statt ihn neu zu melden.`,
    }),
  alreadyReportedNone: 'Dazu ist in Ihrem Haus noch nichts gemeldet.',
  alreadyReportedError: 'Ob das schon gemeldet ist, konnten wir gerade nicht prüfen. Sie können trotzdem melden.',
  reportedAt: (when: string) => `gemeldet am ${when}`,
  joinIncident: 'Ich bin auch betroffen',
  joinIncidentLabel: (kind: string, caseNumber: string) => `Ich bin auch betroffen: ${kind}, Vorgang ${caseNumber}`,
  joinedIncident: 'Sie sind eingetragen und werden über den Fortschritt informiert. Eine eigene Meldung ist dafür nicht nötig.',
  joinUnavailable: 'Das Anschließen ist gerade nicht möglich. Bitte melden Sie den Schaden selbst.',
  submitDamage: 'Schaden melden',
  submitting: 'Wird gesendet …',
  receiptHeading: 'Vielen Dank, Ihr Anliegen ist eingegangen',
  receiptCaseNumber: 'Vorgangsnummer',
  receiptReceivedAt: 'Eingegangen am',
  receiptStatus: 'Status',
  receiptType: 'Art',
  receiptSubject: 'Betreff',
  receiptAttachments: 'Anhänge',
  receiptAttachmentCount: (count: number) => (count === 0 ? 'keine' : plural(count, { one: '1 Datei', other: `${count} Dateien` })),
  receiptNote: 'Bitte notieren Sie die Vorgangsnummer. Den Stand finden Sie jederzeit unter „Meine Anliegen“.',
  reportAnother: 'Weiteres Anliegen melden',
  requestFormHeading: 'Anliegen senden',
  requestType: 'Art des Anliegens',
  requestTypeHints: {
    contact: 'Fragen und alles, was sonst nirgends passt',
    complaint: 'Lärm, Sauberkeit, Hausordnung und Ähnliches',
    document_request: 'Bescheinigungen und Kopien Ihrer Unterlagen',
  } satisfies Record<Exclude<ResidentCaseType, 'damage'>, string>,
  subject: 'Betreff',
  subjectError: 'Bitte geben Sie einen Betreff ein.',
  complaintUrgency: 'Wie dringend ist es?',
  documentType: 'Gewünschtes Dokument',
  documentTypeError: 'Bitte wählen Sie ein Dokument aus.',
  documentNote: 'Anmerkung (freiwillig)',
  documentNoteHint: 'Zum Beispiel, wofür Sie das Dokument brauchen.',
  requestDescriptionHint: 'Höchstens 5000 Zeichen.',
  submitRequest: 'Anliegen senden',
};

export type FilingMessages = typeof filing;
export default filing;
