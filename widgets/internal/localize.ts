/** The one place for every text the widgets show, including aria labels. German is the default. */
export type Locale = 'de' | 'en';

const de = {
  loading: 'Wird geladen …',
  busy: 'Wird gesendet …',
  unexpectedError: 'Das hat leider nicht geklappt. Bitte versuchen Sie es später noch einmal.',
  networkError: 'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.',
  fieldErrorsSummary: (count: number) =>
    count === 1 ? 'Bitte korrigieren Sie die markierte Angabe.' : `Bitte korrigieren Sie die ${count} markierten Angaben.`,
  email: 'E-Mail-Adresse',
  password: 'Passwort',
  newPassword: 'Neues Passwort',
  passwordRepeat: 'Passwort wiederholen',
  passwordHint: 'Mindestens 10 Zeichen.',
  passwordsDiffer: 'Die Passwörter stimmen nicht überein.',
  required: 'Bitte füllen Sie dieses Feld aus.',
  code: 'Code',
  activationCode: 'Aktivierungscode aus Ihrem Brief',
  back: 'Zurück zur Anmeldung',
  loginHeading: 'Anmelden',
  staffLoginHeading: 'Anmeldung für Mitarbeitende',
  loginSubmit: 'Anmelden',
  forgotPassword: 'Passwort vergessen?',
  activateLink: 'Erstmals hier? Konto mit Brief-Code aktivieren',
  secondFactorHeading: 'Bestätigungscode eingeben',
  secondFactorTotp: 'Geben Sie den 6-stelligen Code aus Ihrer Authenticator-App ein.',
  secondFactorEmail: (sentTo: string | undefined) =>
    sentTo ? `Wir haben Ihnen einen Code an ${sentTo} geschickt.` : 'Wir haben Ihnen einen Code per E-Mail geschickt.',
  verifySubmit: 'Bestätigen',
  resendCode: 'Code erneut senden',
  codeResent: (sentTo: string) => `Ein neuer Code ist unterwegs an ${sentTo}.`,
  activateHeading: 'Konto aktivieren',
  activateIntro: 'Mit dem Code aus Ihrem Brief legen Sie Ihren Zugang an.',
  activateSubmit: 'Konto aktivieren',
  enrollChoiceHeading: 'Zweiten Faktor einrichten',
  enrollChoiceIntro: 'Zum Schutz Ihrer Daten bestätigen Sie jede Anmeldung mit einem zweiten Faktor. Wählen Sie, wie:',
  enrollTotpOption: 'Authenticator-App',
  enrollTotpOptionHint: 'Ein Code aus einer App auf Ihrem Smartphone, auch ohne Internet.',
  enrollEmailOption: 'Code per E-Mail',
  enrollEmailOptionHint: 'Wir senden Ihnen bei jeder Anmeldung einen Code.',
  enrollTotpHeading: 'Authenticator-App einrichten',
  enrollTotpIntro: 'Scannen Sie den QR-Code mit Ihrer Authenticator-App und geben Sie den angezeigten Code ein.',
  qrCodeAlt: 'QR-Code für Ihre Authenticator-App',
  manualSecret: 'Kein Scan möglich? Geben Sie diesen Schlüssel in der App ein:',
  enrollEmailHeading: 'Code per E-Mail bestätigen',
  enrollSubmit: 'Einrichtung abschließen',
  otherMethod: 'Andere Methode wählen',
  resetRequestHeading: 'Passwort vergessen',
  resetRequestIntro: 'Wir schicken Ihnen einen Link, mit dem Sie ein neues Passwort festlegen.',
  resetRequestSubmit: 'Link anfordern',
  resetSentHeading: 'Bitte prüfen Sie Ihr Postfach',
  resetSent: 'Falls ein Konto zu dieser Adresse existiert, haben wir Ihnen einen Link geschickt. Er ist 60 Minuten gültig.',
  resetCompleteHeading: 'Neues Passwort festlegen',
  resetCompleteSubmit: 'Passwort speichern',
  resetDone: 'Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.',
  requestNewLink: 'Neuen Link anfordern',
  signedInAs: (name: string) => `Angemeldet als ${name}`,
  logout: 'Abmelden',
  logoutEverywhere: 'Auf allen Geräten abmelden',
  accountActions: 'Konto',
  signedOut: 'Sie wurden abgemeldet.',
  signedOutEverywhere: 'Sie wurden auf allen Geräten abgemeldet.',
  myCasesHeading: 'Meine Anliegen',
  casesSummary: (count: number) =>
    count === 0 ? 'Sie haben noch keine Anliegen.' : count === 1 ? 'Sie haben ein Anliegen.' : `Sie haben ${count} Anliegen.`,
  boardHeading: 'Vorgänge',
  boardSummary: (count: number) =>
    count === 0 ? 'Keine offenen Vorgänge.' : count === 1 ? 'Ein offener Vorgang.' : `${count} offene Vorgänge.`,
  portalLabel: (tenantName: string) => `Mieterportal ${tenantName}`.trim(),
  staffPortalLabel: (tenantName: string) => `Vorgangsbearbeitung ${tenantName}`.trim(),
  // — cases: shared (case types, statuses, uploads) —
  caseTypeLabels: {
    contact: 'Allgemeine Kontaktanfrage',
    complaint: 'Meldung/Beschwerde',
    damage: 'Schadensmeldung',
    document_request: 'Dokumentenanforderung',
    letting: 'Vermietung',
  },
  caseStatusLabels: {
    eingegangen: 'Eingegangen',
    in_bearbeitung: 'In Bearbeitung',
    beauftragt: 'Beauftragt',
    erledigt: 'Erledigt',
    abgelehnt: 'Abgelehnt',
  },
  urgencyLabels: { normal: 'Normal', urgent: 'Dringend', emergency: 'Notfall' },
  attachmentsLabel: 'Fotos und Dokumente',
  attachmentsLimits: (maxFiles: number, maxMegabytes: number) =>
    `Bis zu ${maxFiles} Dateien, je höchstens ${maxMegabytes} MB, als JPEG, PNG, WebP oder PDF.`,
  chooseFiles: 'Dateien auswählen',
  dropFiles: 'oder hierher ziehen',
  attachedFiles: 'Ausgewählte Dateien',
  uploadProgressLabel: (fileName: string) => `Hochladen von ${fileName}`,
  uploadingPercent: (percent: number) => `Wird hochgeladen … ${percent} %`,
  uploadWaiting: 'Wird hochgeladen …',
  uploadDone: 'Hochgeladen',
  uploadFailed: 'Nicht hochgeladen',
  removeFile: 'Entfernen',
  removeFileLabel: (fileName: string) => `${fileName} entfernen`,
  cancelUpload: 'Abbrechen',
  cancelUploadLabel: (fileName: string) => `Hochladen von ${fileName} abbrechen`,
  fileUploaded: (fileName: string) => `${fileName} wurde hochgeladen.`,
  fileRemoved: (fileName: string) => `${fileName} wurde entfernt.`,
  fileRejected: (fileName: string, reason: string) => `${fileName} wurde nicht hochgeladen: ${reason}`,
  fileTooLarge: (maxMegabytes: number) => `Die Datei ist größer als ${maxMegabytes} MB.`,
  tooManyFiles: (maxFiles: number) => `Es sind höchstens ${maxFiles} Dateien möglich. Bitte entfernen Sie zuerst eine andere Datei.`,
  uploadsPending: 'Bitte warten Sie, bis alle Dateien hochgeladen sind.',
  fileSize: (bytes: number) =>
    bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('de-DE')} KB`
      : `${(bytes / (1024 * 1024)).toLocaleString('de-DE', { maximumFractionDigits: 1 })} MB`,
  // — cases: damage-report-form —
  // — cases: tenant-portal (Meine Anliegen, Meine Dokumente) —
  // — cases: case-board —
};

export type Messages = typeof de;

const en: Messages = {
  loading: 'Loading …',
  busy: 'Sending …',
  unexpectedError: 'Something went wrong. Please try again later.',
  networkError: 'The server cannot be reached right now. Please check your connection.',
  fieldErrorsSummary: (count) => (count === 1 ? 'Please correct the marked field.' : `Please correct the ${count} marked fields.`),
  email: 'E-mail address',
  password: 'Password',
  newPassword: 'New password',
  passwordRepeat: 'Repeat password',
  passwordHint: 'At least 10 characters.',
  passwordsDiffer: 'The passwords do not match.',
  required: 'Please fill in this field.',
  code: 'Code',
  activationCode: 'Activation code from your letter',
  back: 'Back to sign-in',
  loginHeading: 'Sign in',
  staffLoginHeading: 'Staff sign-in',
  loginSubmit: 'Sign in',
  forgotPassword: 'Forgot your password?',
  activateLink: 'New here? Activate your account with the code from your letter',
  secondFactorHeading: 'Enter your confirmation code',
  secondFactorTotp: 'Enter the 6-digit code from your authenticator app.',
  secondFactorEmail: (sentTo) => (sentTo ? `We have sent a code to ${sentTo}.` : 'We have sent you a code by e-mail.'),
  verifySubmit: 'Confirm',
  resendCode: 'Send a new code',
  codeResent: (sentTo) => `A new code is on its way to ${sentTo}.`,
  activateHeading: 'Activate your account',
  activateIntro: 'Use the code from your letter to set up your access.',
  activateSubmit: 'Activate account',
  enrollChoiceHeading: 'Set up a second factor',
  enrollChoiceIntro: 'To protect your data, you confirm every sign-in with a second factor. Choose how:',
  enrollTotpOption: 'Authenticator app',
  enrollTotpOptionHint: 'A code from an app on your phone, works offline.',
  enrollEmailOption: 'Code by e-mail',
  enrollEmailOptionHint: 'We send you a code at every sign-in.',
  enrollTotpHeading: 'Set up your authenticator app',
  enrollTotpIntro: 'Scan the QR code with your authenticator app and enter the code it shows.',
  qrCodeAlt: 'QR code for your authenticator app',
  manualSecret: 'Cannot scan? Enter this key in the app:',
  enrollEmailHeading: 'Confirm the code from your e-mail',
  enrollSubmit: 'Finish setup',
  otherMethod: 'Choose another method',
  resetRequestHeading: 'Forgot your password',
  resetRequestIntro: 'We will send you a link to set a new password.',
  resetRequestSubmit: 'Send link',
  resetSentHeading: 'Please check your inbox',
  resetSent: 'If an account exists for this address, we have sent you a link. It is valid for 60 minutes.',
  resetCompleteHeading: 'Set a new password',
  resetCompleteSubmit: 'Save password',
  resetDone: 'Your password has been changed. Please sign in with your new password.',
  requestNewLink: 'Request a new link',
  signedInAs: (name) => `Signed in as ${name}`,
  logout: 'Sign out',
  logoutEverywhere: 'Sign out on all devices',
  accountActions: 'Account',
  signedOut: 'You have been signed out.',
  signedOutEverywhere: 'You have been signed out on all devices.',
  myCasesHeading: 'My requests',
  casesSummary: (count) =>
    count === 0 ? 'You have no requests yet.' : count === 1 ? 'You have one request.' : `You have ${count} requests.`,
  boardHeading: 'Cases',
  boardSummary: (count) => (count === 0 ? 'No open cases.' : count === 1 ? 'One open case.' : `${count} open cases.`),
  portalLabel: (tenantName) => `Tenant portal ${tenantName}`.trim(),
  staffPortalLabel: (tenantName) => `Case desk ${tenantName}`.trim(),
  // — cases: shared (case types, statuses, uploads) —
  caseTypeLabels: {
    contact: 'General enquiry',
    complaint: 'Report or complaint',
    damage: 'Damage report',
    document_request: 'Document request',
    letting: 'Letting',
  },
  caseStatusLabels: {
    eingegangen: 'Received',
    in_bearbeitung: 'In progress',
    beauftragt: 'Commissioned',
    erledigt: 'Done',
    abgelehnt: 'Declined',
  },
  urgencyLabels: { normal: 'Normal', urgent: 'Urgent', emergency: 'Emergency' },
  attachmentsLabel: 'Photos and documents',
  attachmentsLimits: (maxFiles, maxMegabytes) => `Up to ${maxFiles} files of at most ${maxMegabytes} MB each, as JPEG, PNG, WebP or PDF.`,
  chooseFiles: 'Choose files',
  dropFiles: 'or drop them here',
  attachedFiles: 'Selected files',
  uploadProgressLabel: (fileName) => `Uploading ${fileName}`,
  uploadingPercent: (percent) => `Uploading … ${percent} %`,
  uploadWaiting: 'Uploading …',
  uploadDone: 'Uploaded',
  uploadFailed: 'Not uploaded',
  removeFile: 'Remove',
  removeFileLabel: (fileName) => `Remove ${fileName}`,
  cancelUpload: 'Cancel',
  cancelUploadLabel: (fileName) => `Cancel uploading ${fileName}`,
  fileUploaded: (fileName) => `${fileName} has been uploaded.`,
  fileRemoved: (fileName) => `${fileName} has been removed.`,
  fileRejected: (fileName, reason) => `${fileName} was not uploaded: ${reason}`,
  fileTooLarge: (maxMegabytes) => `The file is larger than ${maxMegabytes} MB.`,
  tooManyFiles: (maxFiles) => `At most ${maxFiles} files are possible. Please remove another file first.`,
  uploadsPending: 'Please wait until all files have been uploaded.',
  fileSize: (bytes) =>
    bytes < 1024 * 1024
      ? `${Math.max(1, Math.round(bytes / 1024)).toLocaleString('en-GB')} KB`
      : `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`,
  // — cases: damage-report-form —
  // — cases: tenant-portal (Meine Anliegen, Meine Dokumente) —
  // — cases: case-board —
};

const catalogues: Record<Locale, Messages> = { de, en };

/** `en`, `en-GB` … select English; everything else falls back to German. */
export function localeFromLang(lang: string | null | undefined): Locale {
  return lang?.toLowerCase().startsWith('en') ? 'en' : 'de';
}

export function messagesFor(locale: Locale): Messages {
  return catalogues[locale];
}

/** The nearest `lang` attribute, looking through shadow roots up to the document. */
export function langOf(node: Node): string {
  for (let current: Node | null = node; current; ) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? '';
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return document.documentElement.lang;
}
