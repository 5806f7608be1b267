/**
 * The product's fixed vocabularies, shared by the BFF and the widgets. Plain constants without zod, so a
 * widget can import them as values without zod weighing on its bundle. What a housing company defines for
 * itself (request subtypes, damage catalogue, document types) is data with translations, never a value here.
 */

/** Kinds of cases (Vorgänge). `letting` is filed by the lead pipeline when a rental applicant is accepted. */
export const CASE_TYPES = ['contact', 'complaint', 'damage', 'document_request', 'letting'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

/** The kinds a resident files in the portal (a letting case has an applicant, not a resident). */
export const RESIDENT_CASE_TYPES = ['contact', 'complaint', 'damage', 'document_request'] as const satisfies readonly CaseType[];
export type ResidentCaseType = (typeof RESIDENT_CASE_TYPES)[number];

export const CASE_STATUSES = ['eingegangen', 'in_bearbeitung', 'beauftragt', 'erledigt', 'abgelehnt'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

/** Final statuses: nothing can be added to such a case by its resident. */
export const CLOSED_STATUSES = ['erledigt', 'abgelehnt'] as const satisfies readonly CaseStatus[];
export const isClosedStatus = (status: CaseStatus): boolean => (CLOSED_STATUSES as readonly CaseStatus[]).includes(status);

/**
 * Allowed status changes on the board. Work moves forward; a commissioned job can go back to
 * "in Bearbeitung" (the craftsman found more to do); "erledigt" and "abgelehnt" are final. (The external
 * Vorgang API is where a connected company works its cases: its status wins even where this would not allow it.)
 */
export const STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  eingegangen: ['in_bearbeitung', 'beauftragt', 'erledigt', 'abgelehnt'],
  in_bearbeitung: ['beauftragt', 'erledigt', 'abgelehnt'],
  beauftragt: ['in_bearbeitung', 'erledigt', 'abgelehnt'],
  erledigt: [],
  abgelehnt: [],
};

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** A complaint is normal or urgent; only damage can be an emergency. */
export const COMPLAINT_URGENCIES = ['normal', 'urgent'] as const satisfies readonly Urgency[];

export const PRIORITIES = ['normal', 'high', 'critical'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** Where a case came from: shown on the board and in the activity log. */
export const CASE_SOURCES = ['portal', 'chat', 'lead', 'staff', 'email'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** Entries of a case's activity log. */
export const CASE_EVENT_KINDS = [
  'created',
  'routed',
  'status_changed',
  'assigned',
  'public_reply',
  'internal_note',
  'resident_message',
  'attachments_added',
  'document_published',
  /** A contractor was ordered from the case, or answered the order (data.action; docs/contractors.md). */
  'work_order',
] as const;
export type CaseEventKind = (typeof CASE_EVENT_KINDS)[number];

/** The entries a resident sees in their case's timeline (never routing, assignment or internal notes). */
export const RESIDENT_EVENT_KINDS = [
  'created',
  'status_changed',
  'public_reply',
  'resident_message',
  'attachments_added',
  'document_published',
  // Public only for an accepted appointment and for the work reported done.
  'work_order',
] as const satisfies readonly CaseEventKind[];
export type ResidentEventKind = (typeof RESIDENT_EVENT_KINDS)[number];

export const ACTOR_ROLES = ['resident', 'staff', 'system'] as const;
export type ActorRole = (typeof ACTOR_ROLES)[number];

export const MESSAGE_AUTHORS = ['resident', 'staff'] as const;
export type MessageAuthor = (typeof MESSAGE_AUTHORS)[number];

export const ACCOUNT_ROLES = ['resident', 'clerk', 'admin'] as const;
export type AccountRole = (typeof ACCOUNT_ROLES)[number];

export const STAFF_ROLES = ['clerk', 'admin'] as const satisfies readonly AccountRole[];
export type StaffRole = (typeof STAFF_ROLES)[number];

/** Languages of the product: German is the default; residents also get English, Turkish, Polish, Ukrainian. */
export const LANGUAGES = ['de', 'en', 'tr', 'pl', 'uk'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'de';

export const DOCUMENT_CATEGORIES = [
  'letter',
  'utility_statement',
  'certificate',
  'contract',
  'other',
  // For owners: Hausgeldabrechnung, Wirtschaftsplan, Protokoll der Eigentümerversammlung.
  'owner_statement',
  'business_plan',
  'meeting_minutes',
] as const;
export type DocumentCategory = (typeof DOCUMENT_CATEGORIES)[number];

/** Who a published document reaches: one resident, everyone living in a unit, or in a building. */
export const DOCUMENT_AUDIENCES = ['resident', 'unit', 'building'] as const;
export type DocumentAudience = (typeof DOCUMENT_AUDIENCES)[number];

/** A person's relation to a unit (Mietverhältnis or Eigentum); one person may hold both, for different units. */
export const UNIT_RELATIONS = ['tenant', 'owner'] as const;
export type UnitRelation = (typeof UNIT_RELATIONS)[number];

/** Of the people of a unit or building, whom a document (or an offered document type) is for. */
export const DOCUMENT_READERS = ['all', 'tenants', 'owners'] as const;
export type DocumentReaders = (typeof DOCUMENT_READERS)[number];

/** The stable key of the document type whose document the BFF generates (the Mieterbescheinigung). */
export const TENANT_CERTIFICATE_KEY = 'tenant_certificate';

/** File types stored for attachments and documents (decided from the file's bytes, never its name). */
export const STORED_FILE_TYPES = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const;
export type StoredFileType = (typeof STORED_FILE_TYPES)[number];

export const SESSION_STATES = ['anonymous', 'second_factor', 'enroll', 'signed_in'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

export const SECOND_FACTORS = ['totp', 'email'] as const;
export type SecondFactor = (typeof SECOND_FACTORS)[number];

/** Which sign-in page a person uses: residents on the portal, staff on the staff page. */
export const SIGN_IN_AUDIENCES = ['resident', 'staff'] as const;
export type SignInAudience = (typeof SIGN_IN_AUDIENCES)[number];

/** Limits of uploads and attachments, enforced by the BFF and announced by the widgets. */
export const UPLOAD_LIMITS = {
  /** Bytes per file. */
  maxBytes: 10 * 1024 * 1024,
  /** Files per filing or message. */
  maxFilesPerRequest: 10,
  /** Files per case over its whole life. */
  maxFilesPerCase: 20,
  /** Staged (not yet sent) uploads per account. */
  maxStagedPerAccount: 20,
} as const;

/** What staff may do beyond their role: `letting` (Vermietung) shows and searches a lead's phone and address. */
export const STAFF_PERMISSIONS = ['letting'] as const;
export type StaffPermission = (typeof STAFF_PERMISSIONS)[number];

/** A listing (Inserat) is offered until it is let. */
export const LISTING_STATUSES = ['aktiv', 'vermietet'] as const;
export type ListingStatus = (typeof LISTING_STATUSES)[number];

/** Portals and relays a listing has an id on; a company may name others (any lower-case slug). */
export const KNOWN_LEAD_PROVIDERS = ['immoscout24', 'immowelt', 'openimmo', 'estatesync'] as const;

/** The stages of a rental lead (Interessent): offen → kontaktiert → besichtigt → akzeptiert, or abgelehnt. */
export const LEAD_STATUSES = ['offen', 'kontaktiert', 'besichtigt', 'akzeptiert', 'abgelehnt'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

/**
 * The columns of the lead board: `nicht_zugeordnet` holds the open leads without a listing (the provider's
 * listing id matched none), `offen` the open ones with a listing, the others their status.
 */
export const LEAD_COLUMNS = ['nicht_zugeordnet', ...LEAD_STATUSES] as const;
export type LeadColumn = (typeof LEAD_COLUMNS)[number];

/**
 * Where a lead came from, as the board filters and counts it: a portal (by its webhook, a relay naming it or
 * its e-mail), another provider's signed webhook, an e-mail of no known portal, an OpenImmo file from the
 * folder or uploaded by a clerk, or a clerk's manual entry.
 */
export const LEAD_SOURCES = ['immoscout24', 'immowelt', 'webhook', 'email', 'openimmo-ftp', 'upload', 'manuell'] as const;
export type LeadSource = (typeof LEAD_SOURCES)[number];

/** How a lead arrived (the provider, when there is one, is recorded beside it). */
export const LEAD_CHANNELS = ['webhook', 'email', 'ftp', 'upload', 'manuell'] as const;
export type LeadChannel = (typeof LEAD_CHANNELS)[number];

/** Household of an applicant, as portals and the qualification ask for it. */
export const HOUSEHOLD_TYPES = ['single', 'couple', 'family', 'shared'] as const;
export type HouseholdType = (typeof HOUSEHOLD_TYPES)[number];

/** Entries of a lead's audit trail. */
export const LEAD_EVENT_KINDS = [
  'created',
  'status_changed',
  'owner_changed',
  'listing_assigned',
  'anonymised',
  'contact_verified',
  'viewing_planned',
  'self_disclosure_recorded',
  'rejection_message_released',
  'legal_hold_set',
  'legal_hold_cleared',
  /** The decision history was exported (§ 21 AGG). */
  'decisions_exported',
  /** Credit check (docs/leads.md, "Bonitätsprüfung"): a clerk asked the person for consent through a signed link. */
  'credit_check_consent_requested',
  /** The person consented on the page of the signed link (no values of what they entered). */
  'credit_check_consent_given',
  /** The person withdrew (or declined) consent on that page. */
  'credit_check_consent_revoked',
  /** The check ran: the trail names the score class, never the bureau's reference or answer. */
  'credit_check_done',
] as const;
export type LeadEventKind = (typeof LEAD_EVENT_KINDS)[number];

/** The score class a credit check answers with: all a lead keeps of the bureau's answer (with its reference). */
export const CREDIT_CHECK_CLASSES = ['unbedenklich', 'mit_auflagen', 'kritisch'] as const;
export type CreditCheckClass = (typeof CREDIT_CHECK_CLASSES)[number];

/** Where a lead's consent to the credit check stands: none asked, asked (link mailed), given, withdrawn. */
export const CREDIT_CHECK_CONSENT_STATUSES = ['none', 'requested', 'given', 'revoked'] as const;
export type CreditCheckConsentStatus = (typeof CREDIT_CHECK_CONSENT_STATUSES)[number];

/**
 * The moves of the lead lifecycle (docs/leads.md, "Lifecycle"): forward one stage at a time, to `abgelehnt` from
 * every open stage, and a rejected lead back to `kontaktiert` (reactivation). `akzeptiert` is final.
 */
export const LEAD_TRANSITIONS: Record<LeadStatus, readonly LeadStatus[]> = {
  offen: ['kontaktiert', 'abgelehnt'],
  kontaktiert: ['besichtigt', 'abgelehnt'],
  besichtigt: ['akzeptiert', 'abgelehnt'],
  akzeptiert: [],
  abgelehnt: ['kontaktiert'],
};

/** A contact channel of a lead, and how it was verified: the clerk reached the person on it, or the person answered from it. */
export const CONTACT_CHANNELS = ['email', 'phone'] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];
export const CONTACT_VERIFICATIONS = ['reached', 'answered'] as const;
export type ContactVerification = (typeof CONTACT_VERIFICATIONS)[number];

/** Net household income per month, in bands (self-disclosure, from `besichtigt` on). */
export const INCOME_BANDS = ['unter_1500', '1500_2500', '2500_3500', '3500_5000', 'ueber_5000'] as const;
export type IncomeBand = (typeof INCOME_BANDS)[number];

/** The self-disclosure fields (Selbstauskunft): neither read nor written before `besichtigt`. */
export const SELF_DISCLOSURE_FIELDS = ['profession', 'employer', 'incomeBand', 'rentDebtFreeCertificate'] as const;

/**
 * Objective reasons to reject a lead (§ 19 AGG: none of them is a protected characteristic), with their German
 * labels. `anderweitig_vermietet` is also what the acceptance of another lead gives the others.
 */
export const LEAD_REJECTION_REASONS = {
  anderweitig_vermietet: 'Wohnung anderweitig vermietet',
  einkommen_nicht_ausreichend: 'Einkommen im Verhältnis zur Miete nicht ausreichend',
  mietschulden: 'Mietrückstände beim Vorvermieter / keine Mietschuldenfreiheitsbescheinigung',
  bonitaet_kritisch: 'Bonitätsprüfung mit Ergebnis „kritisch“',
  unterlagen_unvollstaendig: 'Unterlagen trotz Nachfrage unvollständig',
  unzutreffende_angaben: 'Unzutreffende Angaben in der Selbstauskunft',
  besichtigung_nicht_wahrgenommen: 'Besichtigungstermin ohne Absage nicht wahrgenommen',
  interesse_zurueckgezogen: 'Interesse zurückgezogen',
  nicht_erreichbar: 'Trotz mehrerer Versuche nicht erreichbar',
  belegungsvorgaben: 'Belegungsvorgaben nicht erfüllt (z. B. Wohnberechtigungsschein)',
  tierhaltung: 'Gewünschte Tierhaltung in dieser Wohnung nicht möglich',
  einzugstermin_unpassend: 'Gewünschter Einzugstermin passt nicht zur Verfügbarkeit',
} as const;
export type LeadRejectionReason = keyof typeof LEAD_REJECTION_REASONS;
export const LEAD_REJECTION_REASON_CODES = Object.keys(LEAD_REJECTION_REASONS) as [LeadRejectionReason, ...LeadRejectionReason[]];

/** The characteristics protected by § 19 AGG, with German labels: a rejection's free text touching one warns the clerk. */
export const AGG_CHARACTERISTICS = {
  herkunft: 'Rasse oder ethnische Herkunft',
  geschlecht: 'Geschlecht',
  religion: 'Religion oder Weltanschauung',
  behinderung: 'Behinderung',
  alter: 'Alter',
  sexuelle_identitaet: 'Sexuelle Identität',
} as const;
export type AggCharacteristic = keyof typeof AGG_CHARACTERISTICS;

/** Why a lead webhook request was refused (its audit entry). */
export const LEAD_INTAKE_REJECTION_REASONS = [
  'signature_missing',
  'signature_invalid',
  'signature_expired',
  'unknown_provider',
  'invalid_json',
  'validation_failed',
] as const;
export type LeadIntakeRejectionReason = (typeof LEAD_INTAKE_REJECTION_REASONS)[number];

/** How a report divides its period (bff/contract/reports.ts): weeks from Monday or calendar months. */
export const REPORT_INTERVALS = ['week', 'month'] as const;
export type ReportInterval = (typeof REPORT_INTERVALS)[number];

/** Where the backlog's age groups end, in days since filing: under 7, 7–13, 14–29, 30–89, 90 and more. */
export const BACKLOG_AGE_LIMITS = [7, 14, 30, 90] as const;
