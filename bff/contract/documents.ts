import { z } from 'zod';
import { id, idParams, page, pageQuery, timestamp } from './common.ts';
import { caseIdParams, staffCase } from './cases.ts';
import { DOCUMENT_AUDIENCES, DOCUMENT_CATEGORIES, DOCUMENT_READERS } from './enums.ts';
import { operation } from './operation.ts';

/** Documents ("Meine Dokumente"): files the housing company publishes to residents (docs/cases.md). */

const tag = 'Dokumente';
const title = z
  .string({ error: 'Bitte geben Sie einen Titel ein.' })
  .trim()
  .min(1, 'Bitte geben Sie einen Titel ein.')
  .max(200, 'Bitte höchstens 200 Zeichen.');
const category = z.enum(DOCUMENT_CATEGORIES, {
  error:
    'Bitte wählen Sie eine Kategorie: letter, utility_statement, certificate, contract, other, owner_statement, business_plan oder meeting_minutes.',
});
const readers = z.enum(DOCUMENT_READERS, { error: 'Bitte wählen Sie, für wen das Dokument ist: all, tenants oder owners.' });

export const documentIdParams = idParams;
export const staffDocumentQuery = pageQuery.extend({ residentId: id.optional(), unitId: id.optional(), buildingId: id.optional() });

export const publishInput = z
  .object({
    uploadId: z.uuid({ error: 'Bitte laden Sie zuerst eine Datei hoch.' }),
    title,
    category,
    audience: z.enum(DOCUMENT_AUDIENCES, { error: 'Bitte wählen Sie die Empfänger: resident, unit oder building.' }),
    audienceId: z.uuid({ error: 'Bitte wählen Sie eine Mieterin, eine Wohnung oder ein Gebäude aus.' }),
    /** For a unit or building: everyone (default), only its tenants, or only its owners. */
    readers: readers.default('all'),
  })
  .refine((input) => input.audience !== 'resident' || input.readers === 'all', {
    message: 'Nur für Mieter oder nur für Eigentümer lässt sich für eine Wohnung oder ein Gebäude wählen, nicht für eine Person.',
    path: ['readers'],
  });
export type PublishInput = z.output<typeof publishInput>;

export const casePublishInput = z.object({
  uploadId: z.uuid({ error: 'Bitte laden Sie zuerst eine Datei hoch.' }),
  title,
  category: category.default('other'),
});
export type CasePublishInput = z.output<typeof casePublishInput>;

export const residentDocument = z
  .object({
    id: z.uuid(),
    title: z.string(),
    category,
    fileName: z.string(),
    contentType: z.string(),
    size: z.number().int(),
    publishedAt: timestamp,
    readAt: timestamp.nullable(),
    caseNumber: z.string().nullable(),
  })
  .meta({ id: 'ResidentDocument' });
export type ResidentDocument = z.output<typeof residentDocument>;

export const staffDocument = residentDocument
  .omit({ readAt: true })
  .extend({
    audience: z.object({ type: z.enum(DOCUMENT_AUDIENCES), id: z.uuid(), label: z.string() }),
    readers,
    caseId: z.uuid().nullable(),
    publishedBy: z.object({ id: z.uuid(), name: z.string().nullable() }),
    readCount: z.number().int(),
    audienceSize: z.number().int(),
  })
  .meta({ id: 'StaffDocument' });
export type StaffDocument = z.output<typeof staffDocument>;

export const residentDocumentList = page(residentDocument).extend({ unreadCount: z.number().int() });
export const staffDocumentList = page(staffDocument);
export const casePublishedResponse = z.object({ case: staffCase, document: staffDocument });

/** Hex SHA-256 over the data that goes into a Mieterbescheinigung (bff/documents/certificate.ts). */
export const certificateDigest = z
  .string()
  .regex(/^[0-9a-f]{64}$/)
  .meta({ id: 'CertificateDigest' });

/** What a Mieterbescheinigung states, as the clerk checks it before releasing it. */
export const tenantCertificateSummary = z
  .object({
    residentName: z.string(),
    unitLabel: z.string(),
    /** Street, postal code and city, as printed. */
    address: z.string(),
    /** YYYY-MM-DD; null: the certificate says "laut Mietvertrag". */
    tenancyStart: z.iso.date().nullable(),
    companyName: z.string(),
    caseNumber: z.string(),
    /** The date the certificate bears (Berlin day, YYYY-MM-DD). */
    issuedOn: z.iso.date(),
  })
  .meta({ id: 'TenantCertificateSummary' });
export type TenantCertificateSummary = z.output<typeof tenantCertificateSummary>;

/** The certificate exactly as releasing it now would issue it; nothing is stored or published. */
export const tenantCertificatePreview = z
  .object({
    /** Send it back with the release: a different one means the data changed since this preview (409 certificate_changed). */
    digest: certificateDigest,
    certificate: tenantCertificateSummary,
    fileName: z.string(),
    /** The PDF, base64-encoded. */
    pdf: z.string(),
  })
  .meta({ id: 'TenantCertificatePreview' });
export type TenantCertificatePreview = z.output<typeof tenantCertificatePreview>;

/**
 * The clerk's confirmation of the preview. Without a digest the release is refused (422
 * certificate_preview_required); any other than the current one is refused as stale (409 certificate_changed).
 */
export const tenantCertificateRelease = z.object({ digest: z.string().trim().max(200).optional() });
export type TenantCertificateRelease = z.output<typeof tenantCertificateRelease>;

export const documentOperations = {
  listOwnDocuments: operation({
    operationId: 'listOwnDocuments',
    method: 'get',
    path: '/documents',
    summary: 'Meine Dokumente (neueste zuerst, mit Anzahl ungelesener)',
    tag,
    access: 'resident',
    query: pageQuery,
    response: residentDocumentList,
  }),
  unreadDocumentCount: operation({
    operationId: 'unreadDocumentCount',
    method: 'get',
    path: '/documents/unread-count',
    summary: 'Anzahl ungelesener Dokumente',
    tag,
    access: 'resident',
    response: z.object({ unreadCount: z.number().int() }),
  }),
  downloadOwnDocument: operation({
    operationId: 'downloadOwnDocument',
    method: 'get',
    path: '/documents/:id/file',
    summary: 'Dokument herunterladen (gilt als gelesen); Antwort: die Datei, nicht JSON',
    tag,
    access: 'resident',
    params: documentIdParams,
    file: true,
  }),
  markDocumentRead: operation({
    operationId: 'markDocumentRead',
    method: 'post',
    path: '/documents/:id/read',
    summary: 'Dokument als gelesen markieren',
    tag,
    access: 'resident',
    params: documentIdParams,
  }),
  listDocuments: operation({
    operationId: 'listDocuments',
    method: 'get',
    path: '/staff/documents',
    summary: 'Veröffentlichte Dokumente mit Lesebestätigungen (residentId: alles, was die Person erhält)',
    tag,
    access: 'staff',
    query: staffDocumentQuery,
    response: staffDocumentList,
  }),
  publishDocument: operation({
    operationId: 'publishDocument',
    method: 'post',
    path: '/staff/documents',
    summary: 'Hochgeladene Datei an eine Mieterin, eine Wohnung oder ein Gebäude veröffentlichen',
    tag,
    access: 'staff',
    body: publishInput,
    response: z.object({ document: staffDocument }),
    status: 201,
    idempotent: true,
  }),
  publishCaseDocument: operation({
    operationId: 'publishCaseDocument',
    method: 'post',
    path: '/staff/cases/:id/documents',
    summary: 'Hochgeladene Datei an die Mieterin des Vorgangs veröffentlichen (erscheint im Verlauf)',
    tag,
    access: 'staff',
    params: caseIdParams,
    body: casePublishInput,
    response: casePublishedResponse,
    status: 201,
    idempotent: true,
  }),
  previewTenantCertificate: operation({
    operationId: 'previewTenantCertificate',
    method: 'get',
    path: '/staff/cases/:id/certificate/preview',
    summary: 'Vorschau der Mieterbescheinigung (PDF und Angaben, mit Prüfsumme); speichert und veröffentlicht nichts',
    tag,
    access: 'staff',
    params: caseIdParams,
    response: tenantCertificatePreview,
  }),
  issueTenantCertificate: operation({
    operationId: 'issueTenantCertificate',
    method: 'post',
    path: '/staff/cases/:id/certificate',
    summary:
      'Mieterbescheinigung nach bestätigter Vorschau (digest) erstellen, veröffentlichen und den Vorgang erledigen; 409 certificate_changed, wenn sich die Angaben seither geändert haben',
    tag,
    access: 'staff',
    params: caseIdParams,
    body: tenantCertificateRelease,
    response: casePublishedResponse,
    status: 201,
    idempotent: true,
  }),
};
