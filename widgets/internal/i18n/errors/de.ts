import type { ErrorCode } from '../../../../bff/contract/errors.ts';
import { UPLOAD_LIMITS } from '../../../../bff/contract/enums.ts';

/**
 * Codes only clerks and admins meet (board, admin API, Vorgang API, lead pipeline), and contractors answering an
 * order through their link: their texts are German (`staff-de.ts`, not part of the residents' first load) and English.
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
  | 'origin_in_use'
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

/**
 * Codes only the public pages of signed links meet (`<viewing-booking>`, `<credit-check-consent>`,
 * `<contractor-answer>`): each language those pages speak has a text for it.
 */
export type LinkPageErrorCode =
  | 'link_missing'
  | 'link_invalid'
  | 'link_wrong_purpose'
  | 'link_expired'
  | 'link_revoked'
  | 'link_used'
  | 'slot_full'
  | 'viewing_slot_unavailable';

/** Codes only the release of a Mieterbescheinigung meets: their texts come with the staff area (widgets/internal/i18n/staff). */
export type CertificateErrorCode = 'certificate_preview_required' | 'certificate_changed';

/** Every other code can reach a resident: each language the residents' elements speak has a text for it. */
export type ResidentErrorCode = Exclude<
  ErrorCode,
  StaffErrorCode | LinkPageErrorCode | ChatRefusalCode | CreditCheckErrorCode | PrivacyErrorCode | CertificateErrorCode
>;

const maxMegabytes = UPLOAD_LIMITS.maxBytes / (1024 * 1024);
const unreadableRequest = 'Die Anfrage konnte nicht gelesen werden. Bitte laden Sie die Seite neu und versuchen Sie es erneut.';

const residentErrorCodes: Record<ResidentErrorCode, string> = {
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
};

/**
 * German is part of every first load, so it holds only the codes a resident's portal can meet; the German texts
 * of staff and link-page codes come with the elements that meet them (`internal/staff-errors.ts`).
 */
const errorCodes: Partial<Record<ErrorCode, string>> = residentErrorCodes;

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
