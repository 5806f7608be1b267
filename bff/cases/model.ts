import { notFound } from '../errors.ts';

/**
 * Cases (Vorgänge): the types, states and rules shared by the use cases and the CaseBackend adapters.
 */

export const CASE_TYPES = ['contact', 'complaint', 'damage', 'document_request', 'letting'] as const;
export type CaseType = (typeof CASE_TYPES)[number];

export const CASE_STATUSES = ['eingegangen', 'in_bearbeitung', 'beauftragt', 'erledigt', 'abgelehnt'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

export type Priority = 'normal' | 'high' | 'critical';

export const STATUS_LABELS: Record<CaseStatus, string> = {
  eingegangen: 'Eingegangen',
  in_bearbeitung: 'In Bearbeitung',
  beauftragt: 'Beauftragt',
  erledigt: 'Erledigt',
  abgelehnt: 'Abgelehnt',
};

/** Another housing company's or another resident's case looks exactly like a missing one. */
export const caseNotFound = () => notFound('Vorgang nicht gefunden.');

export const CLOSED_STATUSES: readonly CaseStatus[] = ['erledigt', 'abgelehnt'];
export const isClosed = (status: CaseStatus) => CLOSED_STATUSES.includes(status);

/**
 * Allowed status changes. Work moves forward; a commissioned job can go back to "in Bearbeitung"
 * (the craftsman found more to do); "erledigt" and "abgelehnt" are final.
 */
export const STATUS_TRANSITIONS: Record<CaseStatus, readonly CaseStatus[]> = {
  eingegangen: ['in_bearbeitung', 'beauftragt', 'erledigt', 'abgelehnt'],
  in_bearbeitung: ['beauftragt', 'erledigt', 'abgelehnt'],
  beauftragt: ['in_bearbeitung', 'erledigt', 'abgelehnt'],
  erledigt: [],
  abgelehnt: [],
};

/** Hours from filing to the deadline, by case type and urgency. */
export const DEADLINE_HOURS: Record<CaseType, Record<Urgency, number>> = {
  damage: { emergency: 24, urgent: 3 * 24, normal: 14 * 24 },
  complaint: { emergency: 3 * 24, urgent: 3 * 24, normal: 10 * 24 },
  contact: { emergency: 2 * 24, urgent: 2 * 24, normal: 5 * 24 },
  document_request: { emergency: 5 * 24, urgent: 5 * 24, normal: 10 * 24 },
  letting: { emergency: 3 * 24, urgent: 3 * 24, normal: 7 * 24 },
};

export const PRIORITY_BY_URGENCY: Record<Urgency, Priority> = { normal: 'normal', urgent: 'high', emergency: 'critical' };

export interface Labelled {
  id: string;
  label: string;
}

/** A case as stored, with the catalogue labels resolved. Internal fields included: never sent to residents as is. */
export interface CaseRecord {
  id: string;
  caseNumber: string;
  type: CaseType;
  title: string;
  description: string;
  damageLocation: Labelled | null;
  damageCategory: Labelled | null;
  damageKind: Labelled | null;
  /** `key` is stable across a company's renaming (e.g. `tenant_certificate`); null for a company's own types. */
  documentType: (Labelled & { key: string | null }) | null;
  urgency: Urgency;
  residentAvailability: string | null;
  accessConsent: boolean;
  status: CaseStatus;
  priority: Priority;
  deadlineAt: Date;
  residentId: string;
  residentName: string | null;
  buildingId: string;
  buildingAddress: string | null;
  unitLabel: string | null;
  assignee: Labelled | null;
  createdAt: Date;
  updatedAt: Date;
  /** Latest event of any kind (staff) and latest public event (what the resident sees as activity). */
  lastActivityAt: Date;
  lastPublicActivityAt: Date;
}

export type CaseEventKind =
  | 'created'
  | 'routed'
  | 'status_changed'
  | 'assigned'
  | 'public_reply'
  | 'internal_note'
  | 'attachments_added'
  | 'resident_message'
  | 'document_published';

export interface CaseEvent {
  id: string;
  kind: CaseEventKind;
  public: boolean;
  actorRole: 'resident' | 'staff' | 'system';
  /** Display name of the acting account; only staff can resolve it. */
  actorName: string | null;
  data: Record<string, unknown>;
  createdAt: Date;
}

export interface CaseMessage {
  id: string;
  authorRole: 'resident' | 'staff';
  /** Display name of the author; only staff can resolve it. */
  authorName: string | null;
  internal: boolean;
  body: string;
  createdAt: Date;
}

/** An open damage case of the resident's building, without personal data. */
export interface OpenDamageReport {
  caseNumber: string;
  damageLocation: string;
  damageCategory: string;
  damageKind: string;
  status: CaseStatus;
  reportedAt: Date;
}

export interface CaseCatalogue {
  damageLocations: Array<Labelled & { categories: Array<Labelled & { kinds: Labelled[] }> }>;
  documentTypes: Labelled[];
}
