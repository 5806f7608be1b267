import { attachmentOperations as operations } from '../contract/attachments.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { receiveFile } from './multipart.ts';
import { createUploadUseCases } from './use-cases.ts';

/** Uploads: files staged for a case, a message or a published document. */
export function registerUploadRoutes(api: Api, ctx: AppContext): void {
  const uploads = createUploadUseCases(ctx.db);
  api.route(operations.stageUpload, async ({ req, res }) => uploads.stage(tenantContext(req), await receiveFile(req, res)));
  api.route(operations.discardUpload, ({ req, params }) => uploads.discard(tenantContext(req), params.id));
}
