import type { HouseholdType, LeadChannel, LeadColumn, LeadEventKind, LeadSource, LeadStatus, ListingStatus } from '../contract/enums.ts';
import type { ListingPortalId } from '../contract/leads.ts';
import { notFound } from '../errors.ts';

/** Records of the lead pipeline as the repositories read them (views.ts turns them into the contract's shapes). */

export interface ListingRecord {
  id: string;
  title: string;
  unitId: string;
  unitLabel: string;
  street: string;
  postalCode: string;
  city: string;
  rooms: number;
  livingArea: number;
  coldRent: number;
  serviceCharges: number;
  availableFrom: string | null;
  commission: string;
  status: ListingStatus;
  portalIds: ListingPortalId[];
  leadCount: number;
  createdAt: Date;
  updatedAt: Date;
}

/** What a new lead is stored with, after data minimisation (every intake path builds one). */
export interface NewLead {
  listingId: string | null;
  commission: string | null;
  source: LeadSource;
  channel: LeadChannel;
  provider: string | null;
  externalId: string | null;
  name: string;
  email: string | null;
  phone: string | null;
  phoneNormalised: string | null;
  address: string | null;
  message: string;
  desiredMoveIn: string | null;
  householdSize: number | null;
  householdType: HouseholdType | null;
  pets: boolean | null;
  petsNote: string | null;
  selfDisclosureOffered: boolean;
  sentAt: Date | null;
}

/** A lead as stored: contact data included (views decide who sees the telephone number and address). */
export interface LeadRecord extends NewLead {
  id: string;
  listingTitle: string | null;
  status: LeadStatus;
  ownerId: string | null;
  ownerName: string | null;
  version: number;
  createdAt: Date;
  updatedAt: Date;
  statusChangedAt: Date;
  /** Another lead of the same listing has the same e-mail address or telephone number. */
  duplicate: boolean;
}

/** The board column of a lead: open leads without a listing wait in "nicht zugeordnet". */
export const columnOf = (lead: Pick<LeadRecord, 'status' | 'listingId'>): LeadColumn =>
  lead.status === 'offen' && lead.listingId === null ? 'nicht_zugeordnet' : lead.status;

export interface LeadEventRecord {
  id: string;
  kind: LeadEventKind;
  at: Date;
  actorRole: 'staff' | 'system';
  actorName: string | null;
  fromStatus: LeadStatus | null;
  toStatus: LeadStatus | null;
  reason: string | null;
  details: Record<string, unknown>;
}

/** Who writes an entry of the audit trail: a clerk in their own name, or the system (intake, jobs). */
export type LeadActor = { role: 'staff'; accountId: string } | { role: 'system' };

export interface NewLeadEvent {
  leadId: string;
  actor: LeadActor;
  kind: LeadEventKind;
  fromStatus?: LeadStatus | null;
  toStatus?: LeadStatus | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

export interface DuplicateRecord {
  id: string;
  name: string;
  status: LeadStatus;
  matchedBy: Array<'email' | 'phone'>;
  createdAt: Date;
}

export const leadNotFound = () => notFound('Interessent nicht gefunden.');
export const listingNotFound = () => notFound('Inserat nicht gefunden.');
