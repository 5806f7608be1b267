import type {
  CaseCatalogue as CaseCatalogueView,
  JoinedIncident,
  OpenDamageReport as OpenDamageReportView,
  ResidentCase,
  ResidentCaseDetail,
  StaffCase,
  StaffCaseDetail,
} from '../contract/cases.ts';
import { DEFAULT_LANGUAGE, isClosedStatus, RESIDENT_EVENT_KINDS, type Language, type ResidentEventKind } from '../contract/enums.ts';
import type { CaseAttachment as CaseAttachmentView } from '../contract/attachments.ts';
import type { CaseAttachment } from './attachment-repository.ts';
import type { Incident } from './incident-repository.ts';
import type { CaseCatalogue, CaseEvent, CaseMessage, CaseRecord, CatalogueEntry, LabelTranslations, OpenDamageReport } from './model.ts';

/**
 * What each audience gets to see of a case, typed by the contract. The resident view is built field by
 * field from the public fields, so an internal field added to CaseRecord never reaches a resident by accident.
 * Catalogue labels come in the language the person asked for (`ctx.language`, from Accept-Language); pushed
 * views go to several people and stay German.
 */

/** A catalogue label in `language`: the housing company's translation, else its German label. The one place that picks. */
export function labelIn(language: Language, label: string, translations: LabelTranslations): string {
  return translations[language] ?? label;
}

const entryIn = (language: Language, entry: CatalogueEntry) => ({
  id: entry.id,
  label: labelIn(language, entry.label, entry.translations),
});

export function toCatalogueView(catalogue: CaseCatalogue, language: Language = DEFAULT_LANGUAGE): CaseCatalogueView {
  return {
    damageLocations: catalogue.damageLocations.map((location) => ({
      ...entryIn(language, location),
      categories: location.categories.map((category) => ({
        ...entryIn(language, category),
        kinds: category.kinds.map((kind) => entryIn(language, kind)),
      })),
    })),
    documentTypes: catalogue.documentTypes.map((documentType) => entryIn(language, documentType)),
  };
}

/** "Bereits gemeldet?": an open damage report of the resident's building, without personal data. */
export function toOpenDamageReportView(report: OpenDamageReport, language: Language = DEFAULT_LANGUAGE): OpenDamageReportView {
  return {
    caseNumber: report.caseNumber,
    damageLocation: labelIn(language, report.damageLocation, report.labelTranslations.damageLocation),
    damageCategory: labelIn(language, report.damageCategory, report.labelTranslations.damageCategory),
    damageKind: labelIn(language, report.damageKind, report.labelTranslations.damageKind),
    status: report.status,
    reportedAt: report.reportedAt.toISOString(),
  };
}

function publicFields(record: CaseRecord, language: Language) {
  const translations = record.labelTranslations;
  const labelled = (entry: { id: string; label: string }, entryTranslations: LabelTranslations) => ({
    id: entry.id,
    label: labelIn(language, entry.label, entryTranslations),
  });
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
        ? {
            location: labelled(record.damageLocation, translations.damageLocation),
            category: labelled(record.damageCategory, translations.damageCategory),
            kind: labelled(record.damageKind, translations.damageKind),
          }
        : null,
    documentType: record.documentType && { ...labelled(record.documentType, translations.documentType), key: record.documentType.key },
    residentAvailability: record.residentAvailability,
    accessConsent: record.accessConsent,
    createdAt: record.createdAt.toISOString(),
  };
}

export function toResidentCase(record: CaseRecord, language: Language = DEFAULT_LANGUAGE): ResidentCase {
  return { ...publicFields(record, language), lastActivityAt: record.lastPublicActivityAt.toISOString(), hasNews: record.hasNews ?? false };
}

export function toStaffCase(record: CaseRecord, language: Language = DEFAULT_LANGUAGE, now = new Date()): StaffCase {
  return {
    ...publicFields(record, language),
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
  language: Language = DEFAULT_LANGUAGE,
): Omit<StaffCaseDetail, 'attachments'> {
  return {
    case: toStaffCase(record, language),
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
export function toIncidentView(incident: Incident, language: Language = DEFAULT_LANGUAGE): JoinedIncident {
  return {
    caseNumber: incident.caseNumber,
    damageLocation: labelIn(language, incident.damageLocation, incident.labelTranslations.damageLocation),
    damageCategory: labelIn(language, incident.damageCategory, incident.labelTranslations.damageCategory),
    damageKind: labelIn(language, incident.damageKind, incident.labelTranslations.damageKind),
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
    labelTranslations: record.labelTranslations,
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
