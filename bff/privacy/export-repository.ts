/**
 * Which tables the Art. 15 export reads, and how it finds the person's rows in each (docs/data-subject-rights.md). Every tenant
 * table is in exactly one of the two lists below: the export test walks the isolation suite's tables and fails for
 * a table in neither, so a new table is either exported or explained.
 *
 * Parameters of every `where`: $1 the resident's id, $2 their account's id, $3 the hash of their sign-in address
 * (login throttling), $4 their e-mail address (may be null). The rows are exported as stored (`to_jsonb`), minus
 * `hidden` columns: file contents (listed by name instead), secrets and hashes that would let no one learn anything
 * about the person but would weaken the account's protection.
 */
export interface ExportTable {
  table: string;
  /** What the rows are, in German (section heading of the JSON and the PDF). */
  title: string;
  where: string;
  hidden?: string[];
}

const myCases = `SELECT c.id FROM cases c WHERE c.resident_id = $1`;
const myUnits = `SELECT t.unit_id FROM tenancies t WHERE t.resident_id = $1 UNION SELECT r.unit_id FROM residents r WHERE r.id = $1`;

export const EXPORT_TABLES: readonly ExportTable[] = [
  { table: 'accounts', title: 'Ihr Konto im Portal', where: `id = $2`, hidden: ['password_hash', 'totp_secret', 'totp_last_step'] },
  { table: 'residents', title: 'Ihre Stammdaten', where: `id = $1` },
  { table: 'tenancies', title: 'Ihre Miet- und Eigentumsverhältnisse', where: `resident_id = $1` },
  { table: 'units', title: 'Ihre Wohnungen', where: `id IN (${myUnits})` },
  { table: 'buildings', title: 'Ihre Gebäude', where: `id IN (SELECT u.building_id FROM units u WHERE u.id IN (${myUnits}))` },
  { table: 'cases', title: 'Ihre Anliegen (Vorgänge)', where: `resident_id = $1` },
  { table: 'case_events', title: 'Verlauf Ihrer Anliegen', where: `resident_id = $1` },
  { table: 'case_messages', title: 'Nachrichten zu Ihren Anliegen (auch interne Notizen)', where: `resident_id = $1` },
  { table: 'case_attachments', title: 'Anhänge Ihrer Anliegen (ohne Dateiinhalt)', where: `resident_id = $1`, hidden: ['content'] },
  { table: 'incident_participants', title: 'Gemeinschaftsschäden, denen Sie sich angeschlossen haben', where: `resident_id = $1` },
  { table: 'case_views', title: 'Wann Sie Ihre Anliegen zuletzt geöffnet haben', where: `resident_id = $1` },
  { table: 'work_orders', title: 'Handwerkeraufträge zu Ihren Anliegen', where: `case_id IN (${myCases})` },
  {
    table: 'documents',
    title: 'Dokumente an Sie (ohne Dateiinhalt)',
    where: `recipient_resident_id = $1 OR case_id IN (${myCases})`,
    hidden: ['content'],
  },
  { table: 'document_reads', title: 'Lesebestätigungen Ihrer Dokumente', where: `resident_id = $1` },
  {
    table: 'staged_uploads',
    title: 'Hochgeladene, noch nicht versendete Dateien (ohne Dateiinhalt)',
    where: `account_id = $2`,
    hidden: ['content'],
  },
  { table: 'chatbot_conversations', title: 'Ihre Gespräche mit dem Assistenten', where: `resident_id = $1` },
  { table: 'chatbot_messages', title: 'Nachrichten Ihrer Gespräche mit dem Assistenten', where: `resident_id = $1` },
  { table: 'chat_drafts', title: 'Entwürfe aus Gesprächen mit dem Assistenten', where: `resident_id = $1` },
  { table: 'chat_notice_acknowledgements', title: 'Bestätigte Datenschutzhinweise des Assistenten', where: `account_id = $2` },
  { table: 'notification_preferences', title: 'Ihre E-Mail-Einstellungen', where: `resident_id = $1` },
  { table: 'sessions', title: 'Ihre Anmeldungen (Sitzungen)', where: `account_id = $2`, hidden: ['session_key', 'data'] },
  { table: 'activation_codes', title: 'Aktivierungscodes Ihres Kontos', where: `account_id = $2`, hidden: ['code_hash'] },
  { table: 'password_resets', title: 'Angeforderte Passwort-Zurücksetzungen', where: `account_id = $2`, hidden: ['token_hash'] },
  { table: 'recovery_codes', title: 'Wiederherstellungscodes (nur ob und wann benutzt)', where: `account_id = $2`, hidden: ['code_hash'] },
  { table: 'email_changes', title: 'Änderungen Ihrer E-Mail-Adresse', where: `account_id = $2`, hidden: ['token_hash'] },
  { table: 'login_throttle', title: 'Fehlgeschlagene Anmeldeversuche', where: `email_hash = $3`, hidden: ['email_hash'] },
  {
    table: 'idempotency_keys',
    title: 'Gespeicherte Antworten auf wiederholbare Anfragen',
    where: `account_id = $2`,
    hidden: ['fingerprint'],
  },
  {
    table: 'outbox',
    title: 'E-Mails und Übermittlungen, die Sie betreffen',
    where: `strpos(payload::text, $1::text) > 0 OR strpos(payload::text, $2::text) > 0
            OR ($4::text IS NOT NULL AND strpos(payload::text, $4::text) > 0)
            OR EXISTS (SELECT 1 FROM cases c WHERE c.resident_id = $1 AND strpos(payload::text, c.id::text) > 0)`,
  },
  {
    table: 'audit_log',
    title: 'Protokolleinträge der Hausverwaltung, die Sie betreffen',
    where: `actor_account_id = $2 OR strpos(details::text, $1::text) > 0 OR strpos(details::text, $2::text) > 0`,
  },
  { table: 'erasure_requests', title: 'Ihre Löschanträge', where: `resident_id = $1` },
];

/**
 * Tenant tables that hold nothing about a resident of the portal, each with the reason. A table here must never
 * hold a resident's id, account id or e-mail address (the export test checks that too).
 */
export const HOLDS_NOTHING_ABOUT_A_RESIDENT: Readonly<Record<string, string>> = {
  // The housing company's catalogues and configuration.
  damage_locations: 'Auswahlliste der Schadensorte',
  damage_categories: 'Auswahlliste der Schadenskategorien',
  damage_kinds: 'Auswahlliste der Schadensarten',
  document_types: 'Auswahlliste der Dokumentarten',
  case_routing_rules: 'Zuständigkeiten der Sachbearbeitung (nennen nur Beschäftigte)',
  case_number_counters: 'Zähler der Vorgangsnummern',
  company_settings: 'Einstellungen der Hausverwaltung',
  case_backend_connections: 'Verbindung zum Vorgangssystem der Hausverwaltung',
  webhook_receipts: 'Kennungen empfangener Meldungen des Vorgangssystems (Doppelschutz, ohne Inhalt)',
  chat_token_usage: 'Monatssummen des Assistenten je Hausverwaltung, nicht je Person',
  contractors: 'Handwerksbetriebe (Geschäftspartner der Hausverwaltung)',
  // Technical links to contractors and interested people: purpose, validity, the order or lead they open.
  signed_links: 'Signierte Links für Handwerker und Interessenten (Zweck und Gültigkeit, keine Personendaten)',
  // The lead pipeline: interested people (Interessenten) are no accounts of the portal; their own access right is
  // served by the letting team from the lead (docs/leads.md). A resident never appears in these tables.
  listings: 'Inserate',
  listing_portal_ids: 'Kennungen der Inserate bei Portalen',
  leads: 'Interessenten an Inseraten (keine Portal-Konten)',
  lead_events: 'Verlauf der Interessenten',
  lead_access_log: 'Zugriffe von Beschäftigten auf Interessenten',
  lead_webhook_secrets: 'Schlüssel der Portal-Anbindungen',
  webhook_deliveries: 'Empfangene Portal-Anfragen (Doppelschutz)',
  lead_intake_rejections: 'Abgewiesene Portal-Anfragen',
  lead_contact_verifications: 'Geprüfte Kontaktdaten von Interessenten',
  lead_viewings: 'Besichtigungen mit Interessenten',
  lead_self_disclosures: 'Selbstauskünfte von Interessenten',
  lead_rejection_messages: 'Absagen an Interessenten',
  lead_dead_letters: 'Unlesbare Portal-E-Mails',
  lead_messages: 'Nachrichten mit Interessenten',
  viewing_slots: 'Besichtigungstermine',
  viewing_bookings: 'Buchungen von Interessenten',
  lead_credit_check_consents: 'Einwilligungen von Interessenten in die Bonitätsprüfung',
  lead_credit_checks: 'Ergebnisse von Bonitätsprüfungen für Interessenten',
};
