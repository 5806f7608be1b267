import { z } from 'zod';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { receiveFile } from './multipart.ts';
import { createUploadUseCases } from './uploads.ts';
import { STORED_TYPES } from './file-inspection.ts';
import { createAttachmentUseCases, sendAttachment } from './attachments.ts';

const tag = 'Dateien';
const id = z.uuid({ error: 'Ungültige Kennung.' });
const idParams = z.object({ id });
const attachmentParams = z.object({ id, attachmentId: id });
const uploadResponse = z.object({
  upload: z.object({ id: z.uuid(), fileName: z.string(), contentType: z.enum(STORED_TYPES), size: z.number().int() }),
});

/** Uploads (staged files) and downloads of case attachments. */
export function registerAttachmentRoutes(api: Api, ctx: AppContext): void {
  const uploads = createUploadUseCases(ctx.db);
  const attachments = createAttachmentUseCases(ctx.db);

  api.route(
    {
      method: 'post',
      path: '/uploads',
      summary:
        'Datei hochladen (multipart/form-data, Feld „file“, höchstens 10 MB; JPEG, PNG, WebP oder PDF). Bilder werden ohne EXIF/GPS gespeichert; die Datei wartet 24 h auf ihren Vorgang.',
      tag,
      access: 'session',
      response: uploadResponse,
      status: 201,
    },
    async ({ req, res }) => {
      const context = tenantContext(req);
      return uploads.stage(context, await receiveFile(req, res));
    },
  );
  api.route(
    {
      method: 'delete',
      path: '/uploads/:id',
      summary: 'Hochgeladene, noch nicht gesendete Datei entfernen',
      tag,
      access: 'session',
      params: idParams,
    },
    ({ req, params }) => uploads.discard(tenantContext(req), params.id),
  );

  api.route(
    {
      method: 'get',
      path: '/cases/:id/attachments/:attachmentId',
      summary: 'Datei meines Anliegens herunterladen',
      tag,
      access: 'resident',
      params: attachmentParams,
      status: 200,
    },
    async ({ req, res, params }) => sendAttachment(res, await attachments.download(tenantContext(req), params.id, params.attachmentId)),
  );
  api.route(
    {
      method: 'get',
      path: '/staff/cases/:id/attachments/:attachmentId',
      summary: 'Datei eines Vorgangs herunterladen',
      tag,
      access: 'staff',
      params: attachmentParams,
      status: 200,
    },
    async ({ req, res, params }) => sendAttachment(res, await attachments.download(tenantContext(req), params.id, params.attachmentId)),
  );
}
