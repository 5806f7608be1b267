import type { LeadChannel, LeadSource } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { appendLeadEvent, findLead, insertLead, listDuplicates } from './lead-repository.ts';
import { findActiveListingByPortalId, findListing } from './listing-repository.ts';
import { minimiseEnquiry, type FieldValue } from './minimisation.ts';
import type { LeadActor, LeadRecord } from './model.ts';
import { normalisePhone } from './phone.ts';
import { toLeadCard } from './views.ts';

/**
 * The one door of every intake path (signed webhook; later portal e-mail, OpenImmo files, manual entry): an
 * enquiry becomes a lead in status `offen` with its source recorded, after data minimisation, with its
 * listing resolved from the provider's listing id (none found: "nicht zugeordnet") and a `created` entry in
 * its audit trail — all in the caller's transaction. The live event follows the commit (`announceNewLead`).
 */

export interface Enquiry {
  source: LeadSource;
  channel: LeadChannel;
  /** The webhook's provider or the sending portal; null for a manual entry. */
  provider: string | null;
  /** The provider's id of the enquiry. */
  externalId: string | null;
  /** The listing's id at these providers, tried in order (a relay's portal first, then the relay). */
  listingRef: { providers: string[]; providerListingId: string } | null;
  /** A listing of the company a clerk chose (manual entry, a dead letter's retry): used instead of `listingRef`. */
  listingId?: string;
  name: string;
  email: string | null;
  phone: string | null;
  address: string | null;
  /** As sent: minimisation happens here, not at the caller. */
  message: string;
  fields: Record<string, FieldValue>;
  sentAt: Date | null;
}

export interface TakenLead {
  lead: LeadRecord;
  /** Leads of the same listing with the same e-mail address or telephone number. */
  duplicateOf: string[];
}

export async function takeEnquiry(tx: Queryable, tenantId: string, actor: LeadActor, enquiry: Enquiry): Promise<TakenLead> {
  const kept = minimiseEnquiry({ message: enquiry.message, fields: enquiry.fields });
  const listing = enquiry.listingId
    ? await findListing(tx, enquiry.listingId)
    : enquiry.listingRef
      ? await findActiveListingByPortalId(tx, enquiry.listingRef.providers, enquiry.listingRef.providerListingId)
      : undefined;
  const leadId = await insertLead(tx, tenantId, {
    listingId: listing?.id ?? null,
    commission: listing?.commission ?? null,
    source: enquiry.source,
    channel: enquiry.channel,
    provider: enquiry.provider,
    externalId: enquiry.externalId,
    name: enquiry.name.slice(0, 200),
    email: enquiry.email,
    phone: enquiry.phone,
    phoneNormalised: enquiry.phone ? normalisePhone(enquiry.phone) : null,
    address: enquiry.address,
    message: kept.message,
    desiredMoveIn: kept.desiredMoveIn,
    householdSize: kept.householdSize,
    householdType: kept.householdType,
    pets: kept.pets,
    petsNote: kept.petsNote,
    selfDisclosureOffered: kept.selfDisclosureOffered,
    sentAt: enquiry.sentAt,
  });
  await appendLeadEvent(tx, tenantId, {
    leadId,
    actor,
    kind: 'created',
    toStatus: 'offen',
    details: {
      source: enquiry.source,
      channel: enquiry.channel,
      provider: enquiry.provider,
      listingId: listing?.id ?? null,
      // What the sender named, so a clerk can assign a lead of "nicht zugeordnet" by hand.
      providerListingId: enquiry.listingRef?.providerListingId ?? null,
      selfDisclosureOffered: kept.selfDisclosureOffered,
    },
  });
  const lead = (await findLead(tx, leadId))!;
  const duplicateOf = lead.duplicate ? (await listDuplicates(tx, leadId)).map((duplicate) => duplicate.id) : [];
  return { lead, duplicateOf };
}

/** After the commit: every open board of the housing company shows the new card. */
export function announceNewLead(realtime: Realtime, tenantId: string, taken: TakenLead): void {
  realtime.toStaff(tenantId, 'lead:created', { lead: toLeadCard(taken.lead), duplicateOf: taken.duplicateOf });
}
