import type { JoinedIncident, ResidentCase, ResidentCaseDetail, StaffCase, StaffCaseDetail } from '../contract/cases.ts';
import { isClosedStatus, RESIDENT_EVENT_KINDS, type ResidentEventKind } from '../contract/enums.ts';
import type { CaseAttachment as CaseAttachmentView } from '../contract/attachments.ts';
import type { CaseAttachment } from './attachment-repository.ts';
import type { Incident } from './incident-repository.ts';
import type { CaseEvent, CaseMessage, CaseRecord } from './model.ts';

/**
 * What each audience gets to see of a case, typed by the contract. The resident view is built field by
 * field from the public fields, so an internal field added to CaseRecord never reaches a resident by accident.
 */

function publicFields(record: CaseRecord) {
  return {
    id: record.id,
    caseNumber: record.caseNumber,
    type: record.type,
    title: record.title,
    description: record.description,
    status: record.status,
    urgency: record.urgency,
    damage:
      record.damageLocation && record.damageCategory && record.damageKind
        ? { location: record.damageLocation, category: record.damageCategory, kind: record.damageKind }
        : null,
    documentType: record.documentType,
    residentAvailability: record.residentAvailability,
    accessConsent: record.accessConsent,
    createdAt: record.createdAt.toISOString(),
  };
}

export function toResidentCase(record: CaseRecord): ResidentCase {
  return { ...publicFields(record), lastActivityAt: record.lastPublicActivityAt.toISOString() };
}

export function toStaffCase(record: CaseRecord, now = new Date()): StaffCase {
  return {
    ...publicFields(record),
    priority: record.priority,
    source: record.source,
    deadlineAt: record.deadlineAt.toISOString(),
    overdue: !isClosedStatus(record.status) && record.deadlineAt < now,
    assignee: record.assignee,
    resident: record.residentId ? { id: record.residentId, name: record.residentName } : null,
    applicant: record.applicant,
    building: { id: record.buildingId, address: record.buildingAddress },
    unitLabel: record.unitLabel,
    updatedAt: record.updatedAt.toISOString(),
    lastActivityAt: record.lastActivityAt.toISOString(),
  };
}

const residentVisible = (kind: string): kind is ResidentEventKind => (RESIDENT_EVENT_KINDS as readonly string[]).includes(kind);

/** Public events only; the caller passes what row-level security and the query already limited to public. */
export function toResidentTimeline(events: CaseEvent[]): ResidentCaseDetail['timeline'] {
  return events.flatMap((event) =>
    event.public && residentVisible(event.kind)
      ? [{ id: event.id, kind: event.kind, actor: event.actorRole, data: event.data, createdAt: event.createdAt.toISOString() }]
      : [],
  );
}

export function toResidentMessages(messages: CaseMessage[]): ResidentCaseDetail['messages'] {
  return messages.flatMap((message) =>
    message.internal
      ? []
      : [{ id: message.id, author: message.authorRole, body: message.body, createdAt: message.createdAt.toISOString() }],
  );
}

/** `joinedResidents`: residents who joined the incident besides its reporter. */
export function toStaffDetail(
  record: CaseRecord,
  events: CaseEvent[],
  messages: CaseMessage[],
  joinedResidents: number,
): Omit<StaffCaseDetail, 'attachments'> {
  return {
    case: toStaffCase(record),
    affectedResidents: 1 + joinedResidents,
    events: events.map((event) => ({
      id: event.id,
      kind: event.kind,
      public: event.public,
      actor: event.actorRole,
      actorName: event.actorName,
      data: event.data,
      createdAt: event.createdAt.toISOString(),
    })),
    messages: messages.map((message) => ({
      id: message.id,
      author: message.authorRole,
      authorName: message.authorName,
      internal: message.internal,
      body: message.body,
      createdAt: message.createdAt.toISOString(),
    })),
  };
}

/**
 * A damage report as a resident who joined it sees it ("Ich bin auch betroffen"): built field by field,
 * nothing of the case beyond its number, catalogue labels and status.
 */
export function toIncidentView(incident: Incident): JoinedIncident {
  return {
    caseNumber: incident.caseNumber,
    damageLocation: incident.damageLocation,
    damageCategory: incident.damageCategory,
    damageKind: incident.damageKind,
    status: incident.status,
    reportedAt: incident.reportedAt.toISOString(),
    joinedAt: incident.joinedAt.toISOString(),
  };
}

/** The incident as a participant sees it, from the staff record of its case. */
export function incidentOf(record: CaseRecord, participant: { joinedAt: Date }): Incident {
  return {
    caseNumber: record.caseNumber,
    damageLocation: record.damageLocation?.label ?? '',
    damageCategory: record.damageCategory?.label ?? '',
    damageKind: record.damageKind?.label ?? '',
    status: record.status,
    reportedAt: record.createdAt,
    joinedAt: participant.joinedAt,
  };
}

export function toAttachmentView(attachment: CaseAttachment): CaseAttachmentView {
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    size: attachment.size,
    createdAt: attachment.createdAt.toISOString(),
    uploadedBy: attachment.uploadedBy,
  };
}
