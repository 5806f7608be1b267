import { z } from 'zod';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { receiveFile } from './multipart.ts';
import { createUploadUseCases } from './uploads.ts';
import { STORED_TYPES } from './file-inspection.ts';

const tag = 'Dateien';
const idParams = z.object({ id: z.uuid({ error: 'Ungültige Kennung.' }) });
const uploadResponse = z.object({
  upload: z.object({ id: z.uuid(), fileName: z.string(), contentType: z.enum(STORED_TYPES), size: z.number().int() }),
});

/** Uploads (staged files) and downloads of case attachments. */
export function registerAttachmentRoutes(api: Api, ctx: AppContext): void {
  const uploads = createUploadUseCases(ctx.db);

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
    { method: 'delete', path: '/uploads/:id', summary: 'Hochgeladene, noch nicht gesendete Datei entfernen', tag, access: 'session', params: idParams },
    ({ req, params }) => uploads.discard(tenantContext(req), params.id),
  );
}
