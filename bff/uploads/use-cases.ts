import { availableParallelism } from 'node:os';
import type { Database, Queryable } from '../db/database.ts';
import { withScope, withTenant, type TenantContext } from '../db/scope.ts';
import { beforeUnitOfWork } from '../db/unit-of-work.ts';
import { UPLOAD_LIMITS } from '../contract/enums.ts';
import { AppError, notFound } from '../errors.ts';
import { inspectUpload } from './file-inspection.ts';
import { createDecodeQueue } from './decode-queue.ts';
import {
  countStagedUploads,
  deleteExpiredUploads,
  deleteStagedUpload,
  insertStagedUpload,
  lockAccountUploads,
  removeStagedUpload,
  type StagedFile,
} from './repository.ts';

/**
 * Staged uploads: step one of attaching a file. The file is checked and cleaned on the way in, kept for
 * the uploading account, and taken by a case filing, a message or a published document in that use
 * case's own transaction.
 */

const MAX_STAGED_UPLOADS = UPLOAD_LIMITS.maxStagedPerAccount;

export const unknownUpload = () =>
  new AppError(
    400,
    'unknown_upload',
    'Eine angehängte Datei wurde nicht gefunden, ist abgelaufen oder wurde bereits verwendet. Bitte laden Sie sie erneut hoch.',
  );

/**
 * Takes one of the calling account's staged uploads for the caller's transaction: the staged row is
 * deleted there, so it is gone exactly when the caller's work commits (and stays staged if it rolls back).
 * Someone else's, expired or already used uploads throw `400 unknown_upload`.
 */
export async function takeStagedUpload(tx: Queryable, actor: Pick<TenantContext, 'accountId'>, uploadId: string): Promise<StagedFile> {
  const file = await removeStagedUpload(tx, actor.accountId, uploadId);
  if (!file) throw unknownUpload();
  return file;
}

const tooManyUploads = () =>
  new AppError(
    429,
    'too_many_uploads',
    `Sie haben bereits ${MAX_STAGED_UPLOADS} Dateien hochgeladen, die noch nicht gesendet wurden. Bitte senden Sie Ihr Anliegen ab oder entfernen Sie Dateien.`,
  );

export interface UploadLimits {
  /** Largest image in pixels (width × height). */
  maxPixels: number;
  /** Files decoded and checked at the same time. */
  decodeConcurrency: number;
}

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxPixels: 50_000_000,
  decodeConcurrency: Math.max(1, availableParallelism() - 1),
};

export function createUploadUseCases(db: Database, limits: UploadLimits = DEFAULT_UPLOAD_LIMITS) {
  const queue = createDecodeQueue(limits.decodeConcurrency);
  return {
    /** `takeStagedUpload` for each id, in order: all or (by throwing) none. */
    async take(tx: Queryable, actor: Pick<TenantContext, 'accountId'>, uploadIds: string[]): Promise<StagedFile[]> {
      const files: StagedFile[] = [];
      for (const uploadId of uploadIds) files.push(await takeStagedUpload(tx, actor, uploadId));
      return files;
    },

    async stage(ctx: TenantContext, upload: { originalName: string; content: Buffer }) {
      // The account's cap is checked before any decoding (and again, locked, when the file is stored).
      // Outside the request's unit of work (an idempotent upload): its transaction begins after the decoding.
      const staged = await beforeUnitOfWork(() => withTenant(db, ctx, (tx) => countStagedUploads(tx, ctx.accountId)));
      if (staged >= MAX_STAGED_UPLOADS) throw tooManyUploads();
      const file = await inspectUpload(upload.content, upload.originalName, {
        maxPixels: limits.maxPixels,
        decode: (work) => queue.run(ctx.accountId, work),
      });
      const stored = await withTenant(db, ctx, async (tx) => {
        await lockAccountUploads(tx, ctx.accountId);
        if ((await countStagedUploads(tx, ctx.accountId)) >= MAX_STAGED_UPLOADS) throw tooManyUploads();
        return insertStagedUpload(tx, { tenantId: ctx.tenantId, accountId: ctx.accountId, ...file });
      });
      return { upload: stored };
    },

    async discard(ctx: TenantContext, uploadId: string) {
      const deleted = await withTenant(db, ctx, (tx) => deleteStagedUpload(tx, ctx.accountId, uploadId));
      if (!deleted) throw notFound('Datei nicht gefunden.');
    },
  };
}

/** The periodic clean-up: uploads no case or document took within 24 hours, of every housing company. */
export function purgeExpiredUploads(db: Database): Promise<number> {
  return withScope(db, { role: 'system' }, (tx) => deleteExpiredUploads(tx));
}

export type UploadUseCases = ReturnType<typeof createUploadUseCases>;
