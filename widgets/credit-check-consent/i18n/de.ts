/**
 * The texts of `<credit-check-consent>` in German: its own area (the element is public and loads alone), and the shape
 * English provides too. Error codes (the link's refusals) come from the common `errors` area.
 */
const consent = {
  heading: 'Einwilligung zur Bonitätsprüfung',
  loading: 'Wird geladen …',
  retry: 'Erneut versuchen',
  greeting: (name: string) => `Guten Tag ${name},`,
  intro: (company: string, listing: string) =>
    `${company} möchte für die Vermietung der Wohnung „${listing}“ Ihre Bonität prüfen lassen – nur, wenn Sie hier einwilligen.`,
  whoHeading: 'Wer erhält welche Angaben?',
  recipient: (bureau: string) => `Empfängerin: ${bureau} (Auskunftei)`,
  transmittedLabel: 'Übermittelt werden:',
  transmitted: { name: 'Ihr Name', address: 'Ihre aktuelle Anschrift', birthDate: 'Ihr Geburtsdatum (freiwillig)' },
  keptLabel: (company: string) =>
    `${company} erhält von der Auskunftei nur eine Einstufung („unbedenklich“, „mit Auflagen“ oder „kritisch“) und deren Vorgangsnummer – keine weiteren Daten. Ihre Eingaben auf dieser Seite werden nur für die Abfrage verwendet und danach gelöscht.`,
  voluntary:
    'Die Einwilligung ist freiwillig (Art. 6 Abs. 1 lit. a, Art. 7 DSGVO). Wenn Sie nicht einwilligen, entstehen Ihnen daraus keine Nachteile außer, dass die Bonität nicht geprüft wird. Sie können die Einwilligung jederzeit über diesen Link widerrufen; der Widerruf gilt für die Zukunft.',
  listingLabel: 'Wohnung',
  formHeading: 'Ihre Angaben für die Abfrage',
  street: 'Straße und Hausnummer',
  postalCode: 'Postleitzahl',
  city: 'Ort',
  birthDate: 'Geburtsdatum (freiwillig)',
  agree: (bureau: string, company: string) =>
    `Ich willige ein, dass ${company} meine Bonität bei ${bureau} mit den oben genannten Angaben prüfen lässt.`,
  mustAgree: 'Bitte setzen Sie das Häkchen, wenn Sie einwilligen möchten.',
  required: 'Bitte füllen Sie dieses Feld aus.',
  postalCodeInvalid: 'Die Postleitzahl hat 5 Ziffern.',
  give: 'Einwilligen',
  decline: 'Nicht einwilligen',
  givenHeading: 'Sie haben eingewilligt',
  givenAt: (when: string) => `Ihre Einwilligung liegt seit ${when} vor.`,
  checkedNote: 'Die Bonitätsprüfung wurde durchgeführt; Ihre Eingaben wurden danach gelöscht.',
  withdraw: 'Einwilligung widerrufen',
  revokedHeading: 'Keine Einwilligung',
  revoked:
    'Sie haben nicht eingewilligt bzw. Ihre Einwilligung widerrufen. Ihre Bonität wird nicht geprüft. Ihre Eingaben wurden gelöscht.',
  givenNow: 'Danke. Ihre Einwilligung ist gespeichert.',
  revokedNow: 'Ihre Einwilligung ist widerrufen. Dieser Link gilt nun nicht mehr.',
  linkValidUntil: (when: string) => `Ihr persönlicher Link gilt bis ${when}.`,
  linkProblem: 'Der Link funktioniert nicht',
};
export default consent;
export type ConsentMessages = typeof consent;
