import type { ResidentDocument, StaffDocument as StaffDocumentView } from '../contract/documents.ts';
import type { PublishedDocument, StaffDocument } from './model.ts';

/** Views built field by field, so nothing of the stored row reaches a client by accident. */
export function toResidentDocument(document: PublishedDocument): ResidentDocument {
  return {
    id: document.id,
    title: document.title,
    category: document.category,
    fileName: document.fileName,
    contentType: document.contentType,
    size: document.size,
    publishedAt: document.publishedAt.toISOString(),
    readAt: document.readAt?.toISOString() ?? null,
    caseNumber: document.caseNumber,
  };
}

export function toStaffDocument(document: StaffDocument): StaffDocumentView {
  const { readAt: _readAt, ...common } = toResidentDocument(document);
  return {
    ...common,
    audience: document.audience,
    readers: document.readers,
    caseId: document.caseId,
    publishedBy: document.publishedBy,
    readCount: document.readCount,
    audienceSize: document.audienceSize,
  };
}
