import type { DocumentAudience as Audience, DocumentCategory, DocumentReaders } from '../contract/enums.ts';
import { notFound } from '../errors.ts';

export type { Audience, DocumentCategory, DocumentReaders };

/**
 * Documents ("Meine Dokumente"): files the housing company publishes to one resident, a unit or a building.
 */

/** Another housing company's document, or one not addressed to the resident, looks exactly like a missing one. */
export const documentNotFound = () => notFound('Dokument nicht gefunden.');

/** A document as a resident sees it (and the common part of the staff view). */
export interface PublishedDocument {
  id: string;
  title: string;
  category: DocumentCategory;
  fileName: string;
  contentType: string;
  size: number;
  publishedAt: Date;
  /** When this resident first opened it; null for staff and while unread. */
  readAt: Date | null;
  caseNumber: string | null;
}

export interface StaffDocument extends PublishedDocument {
  audience: { type: Audience; id: string; label: string };
  readers: DocumentReaders;
  caseId: string | null;
  publishedBy: { id: string; name: string | null };
  readCount: number;
  /** Residents the document reaches today (1 for a resident; of a unit or building, the readers it is for). */
  audienceSize: number;
}
