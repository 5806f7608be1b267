/**
 * The texts of `<privacy-requests>` in German: an area of its own, loaded with the element's chunk when an admin
 * first opens "Datenschutz"; English is a chunk of its own.
 */
const privacy = {
  heading: 'Datenschutz: Löschanträge',
  intro:
    'Mieterinnen und Mieter beantragen hier die Löschung ihrer Daten (Art. 17 DSGVO). Beim Erledigen wird gelöscht oder anonymisiert, was gehen darf; Anliegen, Dokumente und Vertragsdaten mit Aufbewahrungspflicht bleiben. Die Person kann sich danach nicht mehr anmelden.',
  empty: 'Es liegen keine Löschanträge vor.',
  listLabel: 'Löschanträge',
  open: 'Offen',
  completed: 'Erledigt',
  requestedAt: (date: string) => `Beantragt am ${date}`,
  completedAt: (date: string, by: string | null) => `Erledigt am ${date}${by ? ` von ${by}` : ''}`,
  unit: (unit: string) => `Wohnung: ${unit}`,
  tenantNumber: (ref: string) => `Mieternummer ${ref}`,
  complete: 'Erledigen …',
  completeOf: (name: string) => `Löschantrag von ${name} erledigen`,
  confirmQuestion: (name: string) =>
    `Daten von ${name} jetzt löschen und anonymisieren? Das lässt sich nicht rückgängig machen. Aufbewahrungspflichtiges bleibt erhalten.`,
  confirm: 'Jetzt löschen und anonymisieren',
  cancel: 'Abbrechen',
  working: 'Wird erledigt …',
  done: (name: string) => `Der Löschantrag von ${name} ist erledigt.`,
  removedHeading: 'Gelöscht',
  anonymisedHeading: 'Anonymisiert',
  keptHeading: 'Aufbewahrt',
  removed: {
    chatConversations: 'Gespräche mit dem Assistenten',
    chatMessages: 'Nachrichten an den Assistenten',
    chatDrafts: 'Entwürfe aus dem Assistenten',
    sessions: 'Sitzungen',
    stagedUploads: 'nicht versendete Dateien',
    documentReads: 'Lesebestätigungen',
    incidentParticipations: 'Beteiligungen an Gemeinschaftsschäden',
  } as Record<string, string>,
  anonymisedAccount: 'Konto (keine E-Mail-Adresse, kein Passwort, kein zweiter Faktor)',
  anonymisedNames: 'Name (kein Miet- oder Eigentumsverhältnis mehr)',
  namesKept: 'Name bleibt für das bestehende Miet- oder Eigentumsverhältnis',
  expiredCases: (count: number) =>
    count === 1 ? '1 Anliegen nach Ablauf der Aufbewahrungsfrist' : `${count} Anliegen nach Ablauf der Aufbewahrungsfrist`,
  kept: {
    openCases: (count: number) => (count === 1 ? '1 offenes Anliegen' : `${count} offene Anliegen`),
    cases: (count: number) =>
      count === 1 ? '1 abgeschlossenes Anliegen (Aufbewahrungsfrist läuft)' : `${count} abgeschlossene Anliegen (Aufbewahrungsfrist läuft)`,
    documents: (count: number) => `${count} Schreiben an die Person`,
    tenancies: (count: number) => (count === 1 ? '1 Miet- oder Eigentumsverhältnis' : `${count} Miet- oder Eigentumsverhältnisse`),
    request: () => 'der Löschantrag als Nachweis',
  },
  until: (date: string) => `bis ${date}`,
  adminsOnly: 'Löschanträge sehen nur Administratorinnen und Administratoren.',
  signInFirst: 'Bitte melden Sie sich an.',
  /** The BFF's refusals only this element meets. */
  errors: {
    erasure_request_completed: 'Dieser Löschantrag ist bereits erledigt.',
  } as Partial<Record<string, string>>,
};

export type PrivacyRequestsMessages = typeof privacy;
export default privacy;
