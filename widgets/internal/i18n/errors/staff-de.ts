import type { LinkPageErrorCode, StaffErrorCode } from './de.ts';

/**
 * The German texts of codes a resident's portal never meets: staff views, contractors' and interested people's
 * link pages. `internal/staff-errors.ts` adds them for the elements that can meet them, so they are not part of the
 * residents' first load. Every other language has them in its own chunk (i18n/errors/<language>.ts).
 */
export const staffErrorCodes: Record<StaffErrorCode, string> = {
  case_changed: 'Der Vorgang wurde zwischenzeitlich geändert. Bitte laden Sie ihn neu.',
  invalid_status_transition: 'Diese Statusänderung ist nicht möglich.',
  unknown_assignee: 'Diese Person ist keine Sachbearbeitung dieser Hausverwaltung.',
  unknown_damage_category: 'Diese Schadenskategorie gibt es im Katalog nicht.',
  category_needs_damage: 'Eine Schadenskategorie gibt es nur bei Schadensmeldungen.',
  not_a_certificate_request: 'Dieser Vorgang ist keine Anforderung einer Mieterbescheinigung.',
  case_without_resident: 'Dieser Vorgang gehört keiner Mieterin und keinem Mieter; Dokumente gehen nur an Mieter.',
  origin_in_use: 'Die Adresse, von der aus Sie gerade arbeiten, kann nicht entfernt werden: Sie würden sich selbst aussperren.',
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

export const linkPageErrorCodes: Record<LinkPageErrorCode, string> = {
  link_missing: 'Der Link ist unvollständig. Bitte öffnen Sie den Link aus Ihrer E-Mail vollständig.',
  link_invalid: 'Dieser Link ist ungültig oder wurde verändert. Bitte öffnen Sie den Link aus Ihrer E-Mail.',
  link_wrong_purpose: 'Dieser Link ist für einen anderen Zweck bestimmt und gilt hier nicht.',
  link_expired: 'Dieser Link ist abgelaufen. Bitte bitten Sie Ihre Hausverwaltung um einen neuen Link.',
  link_revoked: 'Dieser Link gilt nicht mehr. Bitte wenden Sie sich an Ihre Hausverwaltung.',
  link_used: 'Dieser Link wurde bereits verwendet und gilt nur einmal.',
  slot_full: 'Dieser Termin ist ausgebucht. Sie können sich auf die Warteliste setzen oder einen anderen Termin wählen.',
  viewing_slot_unavailable: 'Dieser Termin ist nicht mehr buchbar (er hat begonnen oder wurde abgesagt).',
};
