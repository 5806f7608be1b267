import type { LeadCard, LeadDetail, LeadEvent, Listing } from '../contract/leads.ts';
import { columnOf, type DuplicateRecord, type LeadEventRecord, type LeadRecord, type ListingRecord } from './model.ts';

/** Records → the contract's shapes, field by field: a card never carries a telephone number or address. */

export function toListing(record: ListingRecord): Listing {
  return {
    id: record.id,
    title: record.title,
    unit: { id: record.unitId, label: record.unitLabel },
    address: { street: record.street, postalCode: record.postalCode, city: record.city },
    rooms: record.rooms,
    livingArea: record.livingArea,
    coldRent: record.coldRent,
    serviceCharges: record.serviceCharges,
    availableFrom: record.availableFrom,
    commission: record.commission,
    status: record.status,
    portalIds: record.portalIds,
    leadCount: record.leadCount,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
  };
}

export function toLeadCard(record: LeadRecord): LeadCard {
  return {
    id: record.id,
    listing: record.listingId ? { id: record.listingId, title: record.listingTitle ?? '' } : null,
    status: record.status,
    column: columnOf(record),
    source: record.source,
    channel: record.channel,
    provider: record.provider,
    name: record.name,
    email: record.email,
    owner: record.ownerId ? { id: record.ownerId, label: record.ownerName ?? '' } : null,
    desiredMoveIn: record.desiredMoveIn,
    householdSize: record.householdSize,
    householdType: record.householdType,
    pets: record.pets,
    selfDisclosureOffered: record.selfDisclosureOffered,
    duplicate: record.duplicate,
    version: record.version,
    createdAt: record.createdAt.toISOString(),
    updatedAt: record.updatedAt.toISOString(),
    statusChangedAt: record.statusChangedAt.toISOString(),
  };
}

export function toLeadEvent(record: LeadEventRecord): LeadEvent {
  return {
    id: record.id,
    kind: record.kind,
    at: record.at.toISOString(),
    actor: { role: record.actorRole, name: record.actorName },
    from: record.fromStatus,
    to: record.toStatus,
    reason: record.reason,
    details: record.details,
  };
}

/** The lead with its trail; phone and address only for a viewer with the letting permission (`contactVisible`). */
export function toLeadDetail(
  record: LeadRecord,
  events: LeadEventRecord[],
  duplicates: DuplicateRecord[],
  contactVisible: boolean,
): LeadDetail {
  return {
    lead: {
      ...toLeadCard(record),
      message: record.message,
      petsNote: record.petsNote,
      commission: record.commission,
      sentAt: record.sentAt?.toISOString() ?? null,
      externalId: record.externalId,
      phone: contactVisible ? record.phone : null,
      address: contactVisible ? record.address : null,
    },
    contactVisible,
    events: events.map(toLeadEvent),
    duplicates: duplicates.map((duplicate) => ({ ...duplicate, createdAt: duplicate.createdAt.toISOString() })),
  };
}
