import type { ErrorCode } from '../../../../bff/contract/errors.ts';
import { UPLOAD_LIMITS } from '../../../../bff/contract/enums.ts';

/**
 * Codes only clerks and admins meet (board, admin API, Vorgang API, lead pipeline), and contractors answering an
 * order through their link: their texts are German and English.
 */
export type StaffErrorCode =
  | 'case_changed'
  | 'invalid_status_transition'
  | 'unknown_assignee'
  | 'unknown_damage_category'
  | 'category_needs_damage'
  | 'not_a_certificate_request'
  | 'case_without_resident'
  | 'catalogue_entry_in_use'
  | 'second_factor_not_allowed'
  | 'unknown_audience'
  | 'slug_taken'
  | 'duplicate_ref'
  | 'unknown_building'
  | 'unknown_unit'
  | 'csv_expected'
  | 'csv_invalid'
  | 'account_already_active'
  | 'https_required'
  | 'json_expected'
  | 'signature_missing'
  | 'signature_invalid'
  | 'signature_expired'
  | 'portal_id_taken'
  | 'too_many_secrets'
  | 'lead_conflict'
  | 'lead_transition_invalid'
  | 'lead_gate_failed'
  | 'self_disclosure_locked'
  | 'viewing_required'
  | 'rejection_reason_required'
  | 'agg_warning'
  | 'listing_already_let'
  | 'lead_without_listing'
  | 'lead_without_email'
  | 'rejection_message_missing'
  | 'contact_channel_missing'
  | 'letting_email_missing'
  | 'viewing_slot_has_bookings'
  | 'lead_closed'
  | 'not_a_damage_case'
  | 'work_order_open'
  | 'contractor_unavailable'
  | 'work_order_answered';

/** Codes only `<tenant-chat>` meets: their texts come with the chat's own chunk (widgets/tenant-chat/i18n). */
export type ChatRefusalCode = 'chat_notice_required' | 'chat_busy' | 'chat_budget_exhausted';

/** Codes only `<lead-credit-check>` meets: their texts come with its own chunk (widgets/lead-credit-check/i18n). */
export type CreditCheckErrorCode =
  'credit_check_stage' | 'credit_check_consent_missing' | 'credit_check_consent_present' | 'credit_check_unavailable';

/**
 * Codes only "Meine Daten" of `<account-settings>` and `<privacy-requests>` meet: their texts come with those
 * elements' own chunks (widgets/account-settings/i18n, widgets/privacy-requests/i18n).
 */
export type PrivacyErrorCode = 'erasure_already_requested' | 'erasure_request_completed';

/** Codes only the release of a Mieterbescheinigung meets: their texts come with the staff area (widgets/internal/i18n/staff). */
export type CertificateErrorCode = 'certificate_preview_required' | 'certificate_changed';

/** Every other code can reach a resident: each language the residents' elements speak has a text for it. */
export type ResidentErrorCode = Exclude<
  ErrorCode,
  StaffErrorCode | ChatRefusalCode | CreditCheckErrorCode | PrivacyErrorCode | CertificateErrorCode
>;

const maxMegabytes = UPLOAD_LIMITS.maxBytes / (1024 * 1024);
const unreadableRequest = 'Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es erneut.';

export const residentErrorCodes: Record<ResidentErrorCode, string> = {
  validation_failed: 'Bitte prüfen Sie Ihre Eingaben.',
  invalid_json: unreadableRequest,
  payload_too_large: 'Die Anfrage ist zu groß. Bitte kürzen Sie Ihre Eingaben.',
  unsupported_encoding: unreadableRequest,
  route_not_found: 'Diese Funktion ist gerade nicht verfügbar.',
  not_found: 'Das wurde nicht gefunden. Vielleicht wurde es inzwischen entfernt.',
  forbidden: 'Dafür fehlt Ihnen die Berechtigung.',
  unauthenticated: 'Bitte melden Sie sich an.',
  csrf_invalid: 'Ihre Sitzung ist abgelaufen. Bitte laden Sie die Seite neu.',
  origin_not_allowed: 'Diese Seite darf nicht auf Ihr Konto zugreifen.',
  rate_limited: 'Zu viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  internal_error: 'Auf dem Server ist ein Fehler aufgetreten. Bitte versuchen Sie es später noch einmal.',
  database_unavailable: 'Der Dienst ist gerade nicht verfügbar. Bitte versuchen Sie es in einigen Minuten noch einmal.',
  service_unavailable: 'Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später noch einmal.',
  idempotency_key_invalid: unreadableRequest,
  idempotency_key_reused: 'Diese Anfrage unterscheidet sich von einer bereits gesendeten. Bitte senden Sie sie noch einmal ab.',
  idempotency_in_progress: 'Ihre Anfrage wird gerade noch bearbeitet. Bitte warten Sie einen Moment und versuchen Sie es dann erneut.',
  tenant_not_found: 'Diese Hausverwaltung wurde nicht gefunden. Bitte prüfen Sie den Link.',
  invalid_credentials: 'E-Mail-Adresse oder Passwort ist falsch.',
  locked: 'Zu viele Fehlversuche. Bitte warten Sie einige Minuten und versuchen Sie es dann erneut.',
  invalid_code: 'Der Code ist falsch oder abgelaufen.',
  invalid_activation_code: 'Der Aktivierungscode ist ungültig, abgelaufen oder bereits verwendet.',
  invalid_reset_token: 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.',
  invalid_state: 'Es läuft keine passende Anmeldung. Bitte melden Sie sich erneut an.',
  enrolment_not_started: 'Bitte richten Sie zuerst die Authenticator-App ein.',
  no_email: 'Für dieses Konto ist keine E-Mail-Adresse hinterlegt.',
  no_email_factor: 'Für diese Anmeldung wird kein Code per E-Mail verschickt.',
  too_many_codes: 'Es wurden zu viele Codes angefordert. Bitte melden Sie sich erneut an.',
  too_many_wrong_codes: 'Zu viele falsche Codes. Bitte melden Sie sich erneut an.',
  access_ended: 'Ihr Zugang zum Mieterportal ist mit Ihrem Auszug beendet. Bei Fragen wenden Sie sich bitte an Ihre Hausverwaltung.',
  wrong_password: 'Das aktuelle Passwort ist falsch.',
  no_totp_factor: 'Für Ihr Konto ist keine Authenticator-App eingerichtet.',
  invalid_email_change_token:
    'Der Bestätigungslink ist ungültig, abgelaufen oder wurde bereits verwendet. Bitte ändern Sie die Adresse erneut.',
  email_taken: 'Diese E-Mail-Adresse wird bereits für ein anderes Konto verwendet.',
  case_closed: 'Dieses Anliegen ist abgeschlossen. Für etwas Neues melden Sie bitte ein neues Anliegen.',
  unknown_damage_selection: 'Bitte wählen Sie Schadensort, Schadenskategorie und Schadensart aus der Liste.',
  unknown_document_type: 'Bitte wählen Sie ein Dokument aus der Liste.',
  own_report: 'Diese Schadensmeldung haben Sie selbst erstellt; Sie erhalten dazu bereits alle Neuigkeiten.',
  already_joined: 'Sie haben sich dieser Schadensmeldung bereits angeschlossen.',
  file_missing: 'Bitte wählen Sie eine Datei aus.',
  file_empty: 'Die Datei ist leer.',
  file_too_large: `Die Datei ist zu groß. Erlaubt sind höchstens ${maxMegabytes}\u00A0MB pro Datei.`,
  too_many_files: 'Bitte laden Sie die Dateien einzeln hoch.',
  unsupported_file_type: 'Dieser Dateityp wird nicht unterstützt. Bitte laden Sie ein Foto (JPEG, PNG, WebP) oder ein PDF hoch.',
  invalid_upload: 'Die Datei konnte nicht gelesen werden. Bitte versuchen Sie es erneut.',
  unknown_upload: 'Eine angehängte Datei wurde nicht gefunden oder ist abgelaufen. Bitte laden Sie sie erneut hoch.',
  too_many_uploads: `Sie haben bereits ${UPLOAD_LIMITS.maxStagedPerAccount} Dateien hochgeladen, die noch nicht gesendet wurden. Bitte senden Sie Ihr Anliegen ab oder entfernen Sie Dateien.`,
  too_many_attachments: `Ein Anliegen kann höchstens ${UPLOAD_LIMITS.maxFilesPerCase} Dateien haben. Bitte entfernen Sie Dateien.`,
  image_too_large: 'Das Bild hat zu viele Bildpunkte. Bitte verkleinern Sie es oder senden Sie ein Foto in normaler Auflösung.',
  pdf_active_content:
    'Dieses PDF enthält Skripte, Programmaufrufe oder eingebettete Dateien. Bitte senden Sie ein einfaches PDF (z.\u00A0B. über „Drucken als PDF“).',
  link_missing: 'Der Link ist unvollständig. Bitte öffnen Sie den Link aus Ihrer E-Mail vollständig.',
  link_invalid: 'Dieser Link ist ungültig oder wurde verändert. Bitte öffnen Sie den Link aus Ihrer E-Mail.',
  link_wrong_purpose: 'Dieser Link ist für einen anderen Zweck bestimmt und gilt hier nicht.',
  link_expired: 'Dieser Link ist abgelaufen. Bitte bitten Sie Ihre Hausverwaltung um einen neuen Link.',
  link_revoked: 'Dieser Link gilt nicht mehr. Bitte wenden Sie sich an Ihre Hausverwaltung.',
  link_used: 'Dieser Link wurde bereits verwendet und gilt nur einmal.',
  slot_full: 'Dieser Termin ist ausgebucht. Sie können sich auf die Warteliste setzen oder einen anderen Termin wählen.',
  viewing_slot_unavailable: 'Dieser Termin ist nicht mehr buchbar (er hat begonnen oder wurde abgesagt).',
};

export const staffErrorCodes: Record<StaffErrorCode, string> = {
  case_changed: 'Der Vorgang wurde zwischenzeitlich geändert. Bitte laden Sie ihn neu.',
  invalid_status_transition: 'Diese Statusänderung ist nicht möglich.',
  unknown_assignee: 'Diese Person ist keine Sachbearbeitung dieser Hausverwaltung.',
  unknown_damage_category: 'Diese Schadenskategorie gibt es im Katalog nicht.',
  category_needs_damage: 'Eine Schadenskategorie gibt es nur bei Schadensmeldungen.',
  not_a_certificate_request: 'Dieser Vorgang ist keine Anforderung einer Mieterbescheinigung.',
  case_without_resident: 'Dieser Vorgang gehört keiner Mieterin und keinem Mieter; Dokumente gehen nur an Mieter.',
  catalogue_entry_in_use:
    'Dieser Eintrag wird noch von Vorgängen oder Zuständigkeitsregeln verwendet und kann nicht entfernt werden. Sie können ihn umbenennen.',
  second_factor_not_allowed: 'Mitarbeitende müssen eine Authenticator-App verwenden.',
  unknown_audience: 'Die gewählte Mieterin, Wohnung oder das Gebäude gibt es bei dieser Hausverwaltung nicht.',
  slug_taken: 'Diese Kennung ist bereits vergeben.',
  duplicate_ref: 'Ein Eintrag mit dieser Kennung existiert bereits.',
  unknown_building: 'Dieses Gebäude ist unbekannt.',
  unknown_unit: 'Diese Wohneinheit ist unbekannt.',
  csv_expected: 'Bitte senden Sie die Mieterliste als CSV-Datei.',
  csv_invalid: 'Die CSV-Datei enthält Fehler. Es wurde nichts importiert.',
  account_already_active: 'Das Konto ist bereits aktiviert. Ein neuer Code wird nur über „Wieder zulassen“ ausgestellt.',
  https_required: 'Die Vorgangs-API muss über https erreichbar sein.',
  json_expected: 'Bitte senden Sie das Ereignis als JSON.',
  signature_missing: 'Signatur oder Zeitstempel fehlt.',
  signature_invalid: 'Die Signatur ist ungültig.',
  signature_expired: 'Der Zeitstempel liegt mehr als 5 Minuten zurück oder in der Zukunft.',
  portal_id_taken: 'Diese Kennung beim Portal gehört schon zu einem anderen Inserat.',
  too_many_secrets: 'Für diesen Anbieter sind schon 5 Geheimnisse gültig. Bitte zuerst ein altes widerrufen.',
  lead_conflict: 'Jemand anderes hat diesen Interessenten inzwischen geändert. Bitte neu laden und erneut entscheiden.',
  lead_transition_invalid: 'Dieser Schritt ist im Status des Interessenten nicht möglich.',
  lead_gate_failed: 'Für diesen Schritt fehlen noch Angaben.',
  self_disclosure_locked: 'Angaben zur Selbstauskunft dürfen erst nach der Besichtigung erhoben werden.',
  viewing_required: '„Besichtigt“ setzt eine Besichtigung voraus, deren Termin vorbei ist.',
  rejection_reason_required: 'Bitte einen sachlichen Grund aus der Liste wählen oder eine Begründung eingeben.',
  agg_warning: 'Die Begründung berührt ein nach § 19 AGG geschütztes Merkmal. Bitte prüfen und ausdrücklich bestätigen.',
  listing_already_let: 'Die Wohnung ist bereits vermietet.',
  lead_without_listing: 'Der Interessent ist keinem Inserat zugeordnet.',
  lead_without_email: 'Für diesen Interessenten ist keine E-Mail-Adresse hinterlegt.',
  rejection_message_missing: 'Es gibt keine vorbereitete Absage, die freigegeben werden kann.',
  contact_channel_missing: 'Dieser Kontaktweg ist für den Interessenten nicht hinterlegt.',
  letting_email_missing: 'Es fehlt die Absenderadresse der Vermietung. Ein Administrator trägt sie unter „Einstellungen“ ein.',
  viewing_slot_has_bookings: 'Für diesen Termin gibt es Buchungen oder eine Warteliste. Bitte sagen Sie ihn den Personen zuerst ab.',
  lead_closed: 'Dieser Interessent ist angenommen oder abgelehnt: keine Besichtigung mehr.',
  not_a_damage_case: 'Handwerker werden nur für Schadensmeldungen beauftragt.',
  work_order_open: 'Für diesen Vorgang ist schon ein Handwerker beauftragt, der noch nicht abgesagt oder fertig gemeldet hat.',
  contractor_unavailable: 'Dieser Handwerker ist deaktiviert oder betreut das Gebäude des Vorgangs nicht.',
  work_order_answered: 'Dieser Auftrag ist bereits beantwortet oder abgeschlossen; diese Antwort passt nicht mehr.',
};

const errorCodes: Partial<Record<ErrorCode, string>> = { ...residentErrorCodes, ...staffErrorCodes };

/**
 * Error answers of the BFF in words: a text per stable code (bff/contract/errors.ts), and the phrases for a
 * field of `validation_failed` by its issue code and limit (see `fieldErrorText` in localize.ts).
 */
const errors = {
  errorCodes,
  fieldTooShort: (min: number) => `Bitte mindestens ${min} Zeichen.`,
  fieldTooMany: (max: number) => `Bitte höchstens ${max} auswählen.`,
  fieldInvalidEmail: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.',
  fieldInvalidCode: 'Bitte geben Sie den 6-stelligen Code ein.',
  fieldInvalidFormat: 'Bitte prüfen Sie diese Angabe.',
  fieldInvalidChoice: 'Bitte wählen Sie einen der angebotenen Werte.',
};

export type ErrorMessages = typeof errors;
export default errors;
