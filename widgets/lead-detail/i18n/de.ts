import type { IncomeBand } from '../../internal/lead-detail-api.ts';
import type {
  ContactChannel,
  ContactVerification,
  HouseholdType,
  LeadColumn,
  LeadEventKind,
  LeadSource,
} from '../../../bff/contract/enums.ts';

/**
 * The texts of `<lead-detail>` in German: an area of its own, in the detail's chunk (loaded when a clerk first opens
 * a lead). The board's labels (columns, sources, the trail's entries) come from `<lead-kanban>`'s area, which the
 * detail imports from there; general texts (errors, "Erneut versuchen") from the common areas of localize.ts.
 */
const detail = {
  // The lead's fields and trail, as the board names them (the same words as <lead-kanban>'s texts).
  columnLabels: {
    offen: 'Offen',
    kontaktiert: 'Kontaktiert',
    besichtigt: 'Besichtigt',
    akzeptiert: 'Akzeptiert',
    abgelehnt: 'Abgelehnt',
    nicht_zugeordnet: 'Nicht zugeordnet',
  } satisfies Record<LeadColumn, string>,
  sourceLabels: {
    immoscout24: 'ImmoScout24',
    immowelt: 'Immowelt',
    webhook: 'Webhook',
    email: 'E-Mail',
    'openimmo-ftp': 'OpenImmo (Ordner)',
    upload: 'Hochgeladen',
    manuell: 'Manuell',
  } satisfies Record<LeadSource, string>,
  householdLabels: { single: 'allein', couple: 'Paar', family: 'Familie', shared: 'WG' } satisfies Record<HouseholdType, string>,
  eventLabels: {
    created: 'Eingegangen',
    status_changed: 'Verschoben',
    owner_changed: 'Zuständigkeit geändert',
    listing_assigned: 'Inserat zugeordnet',
    anonymised: 'Anonymisiert',
    contact_verified: 'Kontaktweg bestätigt',
    viewing_planned: 'Besichtigung geplant',
    self_disclosure_recorded: 'Selbstauskunft erfasst',
    rejection_message_released: 'Absage versandt',
    legal_hold_set: 'Sperre gegen Anonymisierung gesetzt',
    legal_hold_cleared: 'Sperre gegen Anonymisierung aufgehoben',
    decisions_exported: 'Entscheidungsverlauf exportiert',
    credit_check_consent_requested: 'Einwilligung zur Bonitätsprüfung angefragt',
    credit_check_consent_given: 'Einwilligung zur Bonitätsprüfung erteilt',
    credit_check_consent_revoked: 'Einwilligung zur Bonitätsprüfung widerrufen',
    credit_check_done: 'Bonität geprüft',
  } satisfies Record<LeadEventKind, string>,
  fieldListing: 'Inserat',
  fieldStatus: 'Spalte',
  fieldSource: 'Quelle',
  fieldEmail: 'E-Mail',
  fieldPhone: 'Telefon',
  fieldAddress: 'Anschrift',
  fieldMoveIn: 'Gewünschter Einzug',
  fieldHousehold: 'Haushalt',
  householdOf: (size: number | null, type: string | null) => [size ? `${size} Personen` : '', type ?? ''].filter(Boolean).join(', ') || '–',
  fieldPets: 'Haustiere',
  petsYes: 'ja',
  petsNo: 'nein',
  fieldOwner: 'Zuständig',
  fieldCommission: 'Provision',
  fieldReceived: 'Eingegangen',
  fieldMessage: 'Nachricht',
  contactHidden: 'Telefon und Anschrift sehen nur Mitarbeitende mit dem Recht „Vermietung“.',
  contactLogged: 'Jeder Blick auf Telefon und Anschrift wird protokolliert.',
  none: '–',
  duplicatesHeading: 'Mögliche Dubletten',
  matchedBy: (fields: string[]) =>
    `gleiche ${fields.map((field) => (field === 'phone' ? 'Telefonnummer' : 'E-Mail-Adresse')).join(' und ')}`,
  eventsHeading: 'Verlauf',
  eventBy: (name: string | null) => (name ? `von ${name}` : 'vom System'),
  eventMove: (from: string, to: string) => `${from} → ${to}`,
  accessLogHeading: 'Zugriffsprotokoll',
  accessLogEmpty: 'Noch niemand hat Telefon oder Anschrift gesehen.',
  accessEntry: (who: string, fields: string[], via: string) =>
    `${who} sah ${fields.map((field) => (field === 'phone' ? 'Telefon' : 'Anschrift')).join(' und ')} (${via === 'search' ? 'Suche' : 'Ansicht'})`,
  duplicate: 'Dublette',
  duplicateHint: 'Gleiche E-Mail-Adresse oder Telefonnummer wie ein anderer Interessent dieses Inserats',
  selfDisclosureOffered: 'Selbstauskunft angeboten',
  selfDisclosureHint:
    'Das Portal hat Selbstauskunftsdaten mitgeschickt; sie wurden nicht gespeichert und dürfen erst ab „Besichtigt“ erhoben werden.',

  loading: 'Der Interessent wird geladen …',
  loadFailed: 'Der Interessent konnte nicht geladen werden.',
  conflictReloaded:
    'Jemand anderes hat diesen Interessenten inzwischen geändert. Die Ansicht zeigt jetzt den aktuellen Stand – bitte entscheiden Sie erneut.',

  // Assignment to a listing ("nicht zugeordnet").
  assignHeading: 'Inserat zuordnen',
  assignIntro: 'Die Anfrage passte zu keinem Inserat. Ordnen Sie sie einem aktiven Inserat zu, dann erscheint sie in „Offen“.',
  assignListing: 'Inserat',
  assignChoose: '– bitte wählen –',
  assignSubmit: 'Zuordnen',
  assignPending: 'Wird zugeordnet …',
  assignMissing: 'Bitte ein Inserat wählen.',
  assignNoListings: 'Es gibt kein aktives Inserat. Legen Sie zuerst eines an.',
  assigned: (title: string) => `Zugeordnet zu „${title}“.`,

  // Contact channels.
  contactHeading: 'Kontaktwege',
  channelLabels: { email: 'E-Mail', phone: 'Telefon' } satisfies Record<ContactChannel, string>,
  channelMissing: 'nicht hinterlegt',
  channelUnverified: 'noch nicht bestätigt',
  channelVerified: (how: ContactVerification, when: string, by: string | null) =>
    `bestätigt am ${when}${by ? ` von ${by}` : ''} (${how === 'answered' ? 'Person hat geantwortet' : 'Person erreicht'})`,
  verifyReached: (channel: string) => `${channel}: als erreicht vermerken`,
  verifyPending: 'Wird vermerkt …',
  verified: (channel: string) => `${channel} ist als bestätigter Kontaktweg vermerkt.`,
  contactHint: 'Nur vermerken, wenn Sie die Person dort wirklich erreicht haben – eine gültig aussehende Adresse genügt nicht.',

  // Mail thread.
  threadHeading: 'Nachrichten',
  threadEmpty: 'Noch keine Nachrichten mit dieser Person.',
  threadLoading: 'Nachrichten werden geladen …',
  threadFailed: 'Die Nachrichten konnten nicht geladen werden.',
  threadNoEmail: 'Für diesen Interessenten ist keine E-Mail-Adresse hinterlegt: Nachrichten sind nicht möglich.',
  replyAddress: (address: string) => `Antworten der Person kommen über ${address} in diesen Verlauf.`,
  messageOut: (by: string | null) => (by ? `Gesendet von ${by}` : 'Gesendet'),
  messageIn: (from: string | null) => (from ? `Antwort von ${from}` : 'Antwort'),
  messageSubject: 'Betreff (optional)',
  messageSubjectHint: 'Ohne Betreff: „Ihre Anfrage zur Wohnung“.',
  messageBody: 'Nachricht',
  messageBodyMissing: 'Bitte eine Nachricht eingeben.',
  messageSend: 'Nachricht senden',
  messageSending: 'Wird gesendet …',
  messageSent: 'Die Nachricht wird versandt.',
  lettingEmailMissing:
    'Es fehlt die Absenderadresse der Vermietung. Ein Administrator muss sie unter „Einstellungen“ eintragen, bevor Nachrichten an Interessenten möglich sind.',
  messageArrived: (from: string) => `Neue Nachricht von ${from}`,

  // Viewings.
  viewingsHeading: 'Besichtigungen',
  viewingsEmpty: 'Noch keine Besichtigung geplant.',
  viewingWhen: (when: string, minutes: number) => `${when}, ${minutes} Minuten`,
  viewingBy: (name: string) => `geplant von ${name}`,
  viewingLock: (from: string, until: string) => `Zutritt per Smart Lock von ${from} bis ${until}`,
  viewingClosed: 'Für angenommene oder abgelehnte Interessenten wird keine Besichtigung mehr geplant.',
  viewingNeedsListing:
    'Besichtigungen sind erst möglich, wenn der Interessent einem Inserat zugeordnet ist (die Bestätigung nennt dessen Anschrift).',
  planHeading: 'Besichtigung planen',
  planDate: 'Datum',
  planTime: 'Uhrzeit',
  planDuration: 'Dauer in Minuten',
  planNote: 'Notiz (optional)',
  planNoteHint: 'Z. B. Treffpunkt, Klingel, wer die Besichtigung führt.',
  planSubmit: 'Besichtigung planen',
  planPending: 'Wird geplant …',
  planMissing: 'Bitte Datum und Uhrzeit angeben.',
  planDurationInvalid: 'Bitte eine Dauer zwischen 5 und 480 Minuten angeben.',
  planned: (when: string) => `Besichtigung am ${when} geplant.`,
  planSmartLock: 'Zutritt per Smart Lock für den Termin freigeben (wenn ein Schloss verbunden ist)',
  inviteHeading: 'Zur Selbstbuchung einladen',
  inviteIntro: 'Die Person bekommt eine E-Mail mit einem persönlichen Link und bucht selbst einen der angebotenen Termine des Inserats.',
  inviteNeedsListing: 'Eine Einladung ist erst möglich, wenn der Interessent einem Inserat zugeordnet ist.',
  inviteSubmit: 'Einladung zur Terminbuchung senden',
  invitePending: 'Einladung wird gesendet …',
  invited: (to: string, until: string) => `Einladung an ${to} gesendet. Der Link gilt bis ${until}.`,
  inviteLink: 'Link der Einladung (falls Sie ihn auf anderem Weg weitergeben müssen)',

  // Self-disclosure.
  disclosureHeading: 'Selbstauskunft',
  disclosureLocked:
    'Die Selbstauskunft (Beruf, Arbeitgeber, Einkommen, Mietschuldenfreiheit) darf erst ab „Besichtigt“ erhoben werden – vorher lehnt das System sie ab. So werden keine Daten gesammelt, die für eine Entscheidung noch nicht nötig sind.',
  disclosureLoading: 'Die Selbstauskunft wird geladen …',
  disclosureProfession: 'Beruf',
  disclosureEmployer: 'Arbeitgeber',
  disclosureIncome: 'Nettohaushaltseinkommen im Monat',
  incomeBands: {
    unter_1500: 'unter 1.500 €',
    '1500_2500': '1.500 – 2.500 €',
    '2500_3500': '2.500 – 3.500 €',
    '3500_5000': '3.500 – 5.000 €',
    ueber_5000: 'über 5.000 €',
  } satisfies Record<IncomeBand, string>,
  disclosureCertificate: 'Mietschuldenfreiheitsbescheinigung',
  certificateYes: 'liegt vor',
  certificateNo: 'liegt nicht vor',
  unknown: 'nicht angegeben',
  disclosureRecorded: (when: string) => `Zuletzt erfasst am ${when}.`,
  disclosureSave: 'Selbstauskunft speichern',
  disclosurePending: 'Wird gespeichert …',
  disclosureSaved: 'Die Selbstauskunft ist gespeichert.',
  disclosureNothing: 'Bitte mindestens eine Angabe machen.',
  disclosureReadOnly: 'Der Interessent ist abgelehnt: die Selbstauskunft kann nur noch gelesen werden.',

  // Rejection message.
  rejectionHeading: 'Absage',
  rejectionPrepared: 'Die Absage ist vorbereitet und noch nicht versandt. Prüfen und ändern Sie sie, dann geben Sie sie frei.',
  rejectionSubject: 'Betreff',
  rejectionBody: 'Text',
  rejectionSave: 'Entwurf speichern',
  rejectionSaving: 'Wird gespeichert …',
  rejectionSaved: 'Der Entwurf ist gespeichert.',
  rejectionRelease: 'Absage freigeben und senden',
  rejectionReleasing: 'Wird freigegeben …',
  rejectionReleased: (when: string, to: string | null, by: string | null) =>
    `Versandt am ${when}${to ? ` an ${to}` : ''}${by ? `, freigegeben von ${by}` : ''}.`,
  rejectionNone: 'Für diesen Interessenten gibt es keine vorbereitete Absage.',

  // Legal hold and § 21 AGG.
  legalHeading: 'Sperre und Auskunft nach § 21 AGG',
  legalOnlyLetting: 'Sperre und Export sind Mitarbeitenden mit dem Recht „Vermietung“ vorbehalten.',
  legalHoldActive: (reason: string, since: string) => `Gesperrt gegen Anonymisierung seit ${since}: ${reason}`,
  legalHoldNone: 'Keine Sperre: der Interessent wird nach drei Monaten anonymisiert.',
  legalHoldReason: 'Grund der Sperre',
  legalHoldReasonHint: 'Z. B. „Anfrage nach § 21 AGG vom 12.03.2026“.',
  legalHoldReasonMissing: 'Bitte einen Grund für die Sperre angeben.',
  legalHoldSet: 'Sperre setzen',
  legalHoldClear: 'Sperre aufheben',
  legalHoldPending: 'Wird gespeichert …',
  legalHoldWasSet: 'Die Sperre ist gesetzt.',
  legalHoldWasCleared: 'Die Sperre ist aufgehoben.',
  exportButton: 'Entscheidungsverlauf herunterladen (JSON)',
  exportPending: 'Export wird erstellt …',
  exportDone: 'Der Entscheidungsverlauf wurde heruntergeladen; der Export steht im Verlauf.',
  exportFileName: (name: string) => `entscheidungsverlauf-${name}.json`,

  // The credit check's place (another element fills it).
  creditHeading: 'Bonitätsprüfung',
};

export type LeadDetailMessages = typeof detail;
export default detail;
