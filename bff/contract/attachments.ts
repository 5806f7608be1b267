import { z } from 'zod';
import { id, idParams } from './common.ts';
import { MESSAGE_AUTHORS, STORED_FILE_TYPES, UPLOAD_LIMITS } from './enums.ts';
import { operation } from './operation.ts';

/** Uploads (staged files) and the attachments of cases (docs/cases.md, "Uploads and attachments"). */

const tag = 'Dateien';

/** `attachmentIds` of a filing or a message: staged upload ids, each once. */
export const attachmentIdsInput = z
  .array(z.uuid({ error: 'Ungültige Datei-Kennung.' }), { error: 'Bitte geben Sie die Dateien als Liste an.' })
  .max(UPLOAD_LIMITS.maxFilesPerRequest, `Bitte hängen Sie höchstens ${UPLOAD_LIMITS.maxFilesPerRequest} Dateien auf einmal an.`)
  .refine((ids) => new Set(ids).size === ids.length, 'Jede Datei kann nur einmal angehängt werden.')
  .default([]);

export const caseAttachment = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    contentType: z.enum(STORED_FILE_TYPES),
    size: z.number().int(),
    createdAt: z.iso.datetime(),
    uploadedBy: z.enum(MESSAGE_AUTHORS),
  })
  .meta({ id: 'CaseAttachment' });
export type CaseAttachment = z.output<typeof caseAttachment>;

export const stagedUpload = z
  .object({ id: z.uuid(), fileName: z.string(), contentType: z.enum(STORED_FILE_TYPES), size: z.number().int() })
  .meta({ id: 'StagedUpload' });
export type StagedUpload = z.output<typeof stagedUpload>;

const attachmentParams = z.object({ id, attachmentId: id });

/** `?size=thumbnail`: a photo made small (WebP, at most 320 px on its longer edge) for a case view's list. */
const attachmentQuery = z.object({
  size: z.enum(['thumbnail'], { error: 'Als Größe gibt es nur „thumbnail“ (Vorschaubild).' }).optional(),
});

export const attachmentOperations = {
  stageUpload: operation({
    operationId: 'stageUpload',
    method: 'post',
    path: '/uploads',
    summary:
      'Datei hochladen (multipart/form-data, Feld „file“, höchstens 10 MB; JPEG, PNG, WebP oder PDF). Bilder werden ohne EXIF/GPS gespeichert; die Datei wartet 24 h auf ihren Vorgang.',
    tag,
    access: 'session',
    upload: { field: 'file' },
    response: z.object({ upload: stagedUpload }),
    status: 201,
    idempotent: true,
  }),
  discardUpload: operation({
    operationId: 'discardUpload',
    method: 'delete',
    path: '/uploads/:id',
    summary: 'Hochgeladene, noch nicht gesendete Datei entfernen',
    tag,
    access: 'session',
    params: idParams,
  }),
  downloadOwnCaseAttachment: operation({
    operationId: 'downloadOwnCaseAttachment',
    method: 'get',
    path: '/cases/:id/attachments/:attachmentId',
    summary: 'Datei meines Anliegens herunterladen (mit ?size=thumbnail ein Foto als Vorschaubild)',
    tag,
    access: 'resident',
    params: attachmentParams,
    query: attachmentQuery,
    file: true,
  }),
  downloadCaseAttachment: operation({
    operationId: 'downloadCaseAttachment',
    method: 'get',
    path: '/staff/cases/:id/attachments/:attachmentId',
    summary: 'Datei eines Vorgangs herunterladen (mit ?size=thumbnail ein Foto als Vorschaubild)',
    tag,
    access: 'staff',
    params: attachmentParams,
    query: attachmentQuery,
    file: true,
  }),
};
