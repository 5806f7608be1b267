/**
 * The texts of `<account-settings>` in German: an area of its own, loaded with the element's chunk when the
 * person first opens their account settings; the shape the other languages provide too. General texts
 * (errors, "Wird geladen …") come from the common areas of localize.ts.
 */
const account = {
  heading: 'Mein Konto',
  sessionsHeading: 'Angemeldete Geräte',
  sessionsIntro: 'Hier sind Sie gerade angemeldet. Beenden Sie Sitzungen, die Sie nicht kennen, und ändern Sie dann Ihr Passwort.',
  thisDevice: 'Dieses Gerät',
  sessionTimes: (since: string, lastSeen: string) => `Angemeldet seit ${since}, zuletzt aktiv ${lastSeen}`,
  endSession: 'Beenden',
  endSessionOf: (device: string) => `Sitzung „${device}“ beenden`,
  endOthers: 'Alle anderen Geräte abmelden',
  noOtherSessions: 'Sie sind auf keinem anderen Gerät angemeldet.',
  sessionEnded: 'Die Sitzung wurde beendet.',
  othersEnded: (count: number) =>
    count === 0 ? 'Es gab keine anderen Sitzungen.' : count === 1 ? 'Eine Sitzung wurde beendet.' : `${count} Sitzungen wurden beendet.`,
  passwordHeading: 'Passwort',
  currentPassword: 'Aktuelles Passwort',
  newPassword: 'Neues Passwort',
  newPasswordHint: 'Mindestens 10 Zeichen.',
  changePassword: 'Passwort ändern',
  passwordChanged: 'Ihr Passwort wurde geändert. Auf allen anderen Geräten sind Sie nun abgemeldet.',
  secondFactorHeading: 'Zweiter Faktor',
  factorTotp: 'Sie bestätigen Anmeldungen mit einer Authenticator-App.',
  factorEmail: 'Sie bestätigen Anmeldungen mit einem Code per E-Mail.',
  factorNone: 'Für Ihr Konto ist noch kein zweiter Faktor eingerichtet.',
  recoveryLeft: (count: number) =>
    count === 1 ? 'Ihnen bleibt 1 Wiederherstellungscode.' : `Ihnen bleiben ${count} Wiederherstellungscodes.`,
  reenrolTotp: 'Authenticator-App neu einrichten',
  switchToTotp: 'Zur Authenticator-App wechseln',
  reenrolIntro: 'Bestätigen Sie mit Ihrem Passwort. Ihre bisherige App gilt, bis die neue bestätigt ist.',
  startReenrol: 'Weiter',
  scanQr: 'Scannen Sie den QR-Code mit Ihrer Authenticator-App oder geben Sie den Schlüssel ein:',
  qrAlt: 'QR-Code für die Authenticator-App',
  newAppCode: 'Code aus der neuen App',
  confirmReenrol: 'Neue App bestätigen',
  reenrolled: 'Die neue Authenticator-App ist eingerichtet. Die bisherige gilt nicht mehr.',
  newRecoveryCodes: 'Neue Wiederherstellungscodes',
  recoveryIntro: 'Bestätigen Sie mit Ihrem Passwort. Ihre bisherigen Wiederherstellungscodes werden damit ungültig.',
  createRecoveryCodes: 'Codes erstellen',
  recoveryCodesHeading: 'Ihre Wiederherstellungscodes',
  recoveryCodesOnce:
    'Notieren Sie diese Codes jetzt und bewahren Sie sie sicher auf: Sie werden nur dieses eine Mal angezeigt. Jeder Code funktioniert einmal anstelle eines Codes aus der App.',
  recoveryCodesDone: 'Ich habe die Codes notiert',
  cancel: 'Abbrechen',
  emailHeading: 'E-Mail-Adresse',
  currentEmail: (email: string) => `Ihre Adresse: ${email}`,
  pendingEmail: (email: string) => `Noch nicht bestätigt: ${email}. Bitte öffnen Sie den Link in der E-Mail an diese Adresse.`,
  newEmail: 'Neue E-Mail-Adresse',
  confirmPassword: 'Passwort zur Bestätigung',
  password: 'Passwort',
  changeEmail: 'Bestätigungslink senden',
  emailSent: (to: string) => `Wir haben einen Bestätigungslink an ${to} geschickt. Ihre Adresse ändert sich, sobald Sie ihn öffnen.`,
  pending: 'Wird gesendet …',
  signInFirst: 'Bitte melden Sie sich an, um Ihr Konto zu verwalten.',
  retry: 'Erneut versuchen',
  // "Meine Daten" (residents only; Art. 15 / 17 DSGVO)
  privacyHeading: 'Meine Daten',
  privacyIntro:
    'Laden Sie alles herunter, was das Mieterportal über Sie gespeichert hat (Auskunft nach Art. 15 DSGVO), oder beantragen Sie die Löschung Ihrer Daten (Art. 17 DSGVO).',
  downloadJson: 'Alle Daten herunterladen (JSON, maschinenlesbar)',
  downloadPdf: 'Alle Daten herunterladen (PDF, zum Lesen)',
  erasureHeading: 'Löschung beantragen',
  erasureIntro:
    'Die Hausverwaltung prüft Ihren Antrag und löscht oder anonymisiert alles, was sie nicht aufbewahren muss. Ihr Zugang zum Portal wird dabei gelöscht: Danach können Sie sich nicht mehr anmelden.',
  keptHeading: 'Was aufbewahrt werden muss – und warum',
  kept: {
    openCases: (count: number) => (count === 1 ? '1 offenes Anliegen' : `${count} offene Anliegen`),
    cases: (count: number, until: string) =>
      `${count === 1 ? '1 abgeschlossenes Anliegen' : `${count} abgeschlossene Anliegen`} mit Nachrichten und Anhängen, längstens bis ${until}`,
    documents: (count: number, until: string) => `${count} Schreiben der Hausverwaltung an Sie, längstens bis ${until}`,
    tenancies: () => 'Ihr Miet- oder Eigentumsverhältnis (Name, Wohnung, Vertragsdaten)',
    request: (_count: number, until: string) => `Ihr Löschantrag und seine Erledigung (ohne Inhalte), bis ${until}`,
  },
  keptWhy: {
    openCases:
      'Die Hausverwaltung bearbeitet sie zu Ende, etwa eine Reparatur in Ihrer Wohnung; danach gelten die Fristen für abgeschlossene Anliegen. Ihre Angaben zur Erreichbarkeit werden sofort entfernt.',
    cases:
      'Anliegen sind Geschäftskorrespondenz: 6 Jahre nach Abschluss (§ 257 HGB), mit Handwerkerauftrag 10 Jahre, weil sie Rechnungen begründen (§ 147 AO). Ihre Angaben zur Erreichbarkeit werden entfernt.',
    documents: 'Abrechnungen, Bescheinigungen und Briefe sind Handels- und Steuerunterlagen (§ 257 HGB, § 147 AO).',
    tenancies:
      'Die Hausverwaltung braucht diese Daten für Ihren Vertrag und die gesetzliche Aufbewahrung (Art. 6 Abs. 1 lit. b und c DSGVO).',
    request: 'Als Nachweis, dass Ihr Antrag erfüllt wurde (Art. 5 Abs. 2 DSGVO).',
  },
  startErasure: 'Löschung beantragen …',
  confirmErasureQuestion:
    'Möchten Sie die Löschung Ihrer Daten wirklich beantragen? Sobald die Hausverwaltung den Antrag erledigt hat, lässt sich das nicht rückgängig machen.',
  confirmErasureCheck: 'Ja, ich beantrage die Löschung meiner Daten und weiß, dass ich mich danach nicht mehr anmelden kann.',
  confirmErasure: 'Löschung verbindlich beantragen',
  erasureRequested: 'Ihr Löschantrag ist eingegangen. Die Hausverwaltung bearbeitet ihn.',
  erasureOpen: (date: string) =>
    `Sie haben die Löschung am ${date} beantragt. Die Hausverwaltung bearbeitet Ihren Antrag; bis dahin können Sie das Portal weiter nutzen und Ihre Daten herunterladen.`,
  erasureCompleted: (date: string) => `Ein früherer Löschantrag wurde am ${date} erledigt.`,
  /** The BFF's refusals only this element meets (kept out of the portals' common chunk). */
  errors: {
    erasure_already_requested: 'Sie haben die Löschung Ihrer Daten bereits beantragt. Die Hausverwaltung bearbeitet Ihren Antrag.',
  } as Partial<Record<string, string>>,
};

export type AccountMessages = typeof account;
export default account;
