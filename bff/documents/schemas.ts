import { z } from 'zod';
import { staffCase } from '../cases/schemas.ts';
import { AUDIENCES, DOCUMENT_CATEGORIES, type PublishedDocument, type StaffDocument } from './model.ts';

/** Request and response schemas of the document API; they validate every input and feed /api/openapi.json. */

const id = z.uuid({ error: 'Ungültige Kennung.' });
const title = z
  .string({ error: 'Bitte geben Sie einen Titel ein.' })
  .trim()
  .min(1, 'Bitte geben Sie einen Titel ein.')
  .max(200, 'Bitte höchstens 200 Zeichen.');
const category = z.enum(DOCUMENT_CATEGORIES, {
  error: 'Bitte wählen Sie eine Kategorie: letter, utility_statement, certificate, contract oder other.',
});
const timestamp = z.iso.datetime();

export const documentIdParams = z.object({ id });

export const pageQuery = z.object({
  limit: z.coerce.number({ error: 'Ungültige Seitengröße.' }).int().min(1).max(100).default(20),
  cursor: id.optional(),
});

export const staffDocumentQuery = pageQuery.extend({ residentId: id.optional(), unitId: id.optional(), buildingId: id.optional() });

export const publishInput = z.object({
  uploadId: z.uuid({ error: 'Bitte laden Sie zuerst eine Datei hoch.' }),
  title,
  category,
  audience: z.enum(AUDIENCES, { error: 'Bitte wählen Sie die Empfänger: resident, unit oder building.' }),
  audienceId: z.uuid({ error: 'Bitte wählen Sie eine Mieterin, eine Wohnung oder ein Gebäude aus.' }),
});
export type PublishInput = z.output<typeof publishInput>;

export const casePublishInput = z.object({
  uploadId: z.uuid({ error: 'Bitte laden Sie zuerst eine Datei hoch.' }),
  title,
  category: category.default('other'),
});
export type CasePublishInput = z.output<typeof casePublishInput>;

export const residentDocument = z.object({
  id: z.uuid(),
  title: z.string(),
  category,
  fileName: z.string(),
  contentType: z.string(),
  size: z.number().int(),
  publishedAt: timestamp,
  readAt: timestamp.nullable(),
  caseNumber: z.string().nullable(),
});
export const staffDocument = residentDocument.omit({ readAt: true }).extend({
  audience: z.object({ type: z.enum(AUDIENCES), id: z.uuid(), label: z.string() }),
  caseId: z.uuid().nullable(),
  publishedBy: z.object({ id: z.uuid(), name: z.string().nullable() }),
  readCount: z.number().int(),
  audienceSize: z.number().int(),
});

export const residentDocumentList = z.object({
  items: z.array(residentDocument),
  nextCursor: z.uuid().nullable(),
  unreadCount: z.number().int(),
});
export const unreadCountResponse = z.object({ unreadCount: z.number().int() });
export const staffDocumentList = z.object({ items: z.array(staffDocument), nextCursor: z.uuid().nullable() });
export const publishedResponse = z.object({ document: staffDocument });
export const casePublishedResponse = z.object({ case: staffCase, document: staffDocument });

/** Views built field by field, so nothing of the stored row reaches a client by accident. */
export function toResidentDocument(document: PublishedDocument): z.input<typeof residentDocument> {
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

export function toStaffDocument(document: StaffDocument): z.input<typeof staffDocument> {
  const { readAt: _readAt, ...common } = toResidentDocument(document);
  return {
    ...common,
    audience: document.audience,
    caseId: document.caseId,
    publishedBy: document.publishedBy,
    readCount: document.readCount,
    audienceSize: document.audienceSize,
  };
}
