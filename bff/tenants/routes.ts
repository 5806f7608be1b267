import { embeddingOperations as operations } from '../contract/embedding.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { createEmbeddingUseCases } from './embedding.ts';

/** The admins' embed origins and colours (docs/portal-admin.md). */
export function registerEmbeddingRoutes(api: Api, ctx: AppContext): void {
  const embedding = createEmbeddingUseCases(ctx.db, () => (ctx.publicUrl() ? new URL(ctx.publicUrl()).origin : ''));
  api.route(operations.embedding, async ({ req }) => embedding.read(tenantContext(req)));
  api.route(operations.changeEmbedding, async ({ req, body }) =>
    embedding.change(tenantContext(req), body, req.get('origin') ?? undefined),
  );
}
