import { attachmentOperations as operations } from '../contract/attachments.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { receiveFile } from './multipart.ts';
import { createUploadUseCases } from './uploads.ts';
import { createAttachmentUseCases, sendAttachment } from './attachments.ts';

/** Uploads (staged files) and downloads of case attachments. */
export function registerAttachmentRoutes(api: Api, ctx: AppContext): void {
  const uploads = createUploadUseCases(ctx.db);
  const attachments = createAttachmentUseCases(ctx.db);

  api.route(operations.stageUpload, async ({ req, res }) => uploads.stage(tenantContext(req), await receiveFile(req, res)));
  api.route(operations.discardUpload, ({ req, params }) => uploads.discard(tenantContext(req), params.id));
  api.route(operations.downloadOwnCaseAttachment, async ({ req, res, params }) =>
    sendAttachment(res, await attachments.download(tenantContext(req), params.id, params.attachmentId)),
  );
  api.route(operations.downloadCaseAttachment, async ({ req, res, params }) =>
    sendAttachment(res, await attachments.download(tenantContext(req), params.id, params.attachmentId)),
  );
}
