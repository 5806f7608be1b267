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
};

export type AccountMessages = typeof account;
export default account;
