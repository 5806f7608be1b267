import { attachmentOperations as operations } from '../contract/attachments.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { createUploadUseCases, DEFAULT_UPLOAD_LIMITS } from './use-cases.ts';

/** Uploads: files staged for a case, a message or a published document. */
export function registerUploadRoutes(api: Api, ctx: AppContext): void {
  const { config } = ctx;
  const uploads = createUploadUseCases(ctx.db, {
    maxPixels: config.UPLOAD_MAX_MEGAPIXELS * 1_000_000,
    decodeConcurrency: config.UPLOAD_DECODE_CONCURRENCY ?? DEFAULT_UPLOAD_LIMITS.decodeConcurrency,
  });
  // Per account (per address before sign-in), checked before the body is even read.
  const perMinute = config.UPLOAD_RATE_LIMIT_PER_MINUTE ?? (config.NODE_ENV === 'test' ? 1000 : 30);
  api.router.post(
    operations.stageUpload.path,
    ctx.rateLimits.limiter({
      name: 'uploads',
      perMinute,
      key: (req) => req.session?.auth?.accountId,
      message: `Sie haben in einer Minute ${perMinute} Dateien hochgeladen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.`,
    }),
  );
  api.route(operations.stageUpload, ({ req, file }) => uploads.stage(tenantContext(req), file));
  api.route(operations.discardUpload, ({ req, params }) => uploads.discard(tenantContext(req), params.id));
}
