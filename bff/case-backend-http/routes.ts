import type { IncomingMessage } from 'node:http';
import { caseBackendOperations as operations } from '../contract/case-backend.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import { AppError } from '../errors.ts';
import type { AppContext } from '../context.ts';
import { fetchPage } from '../db/pagination.ts';
import { withTenant } from '../db/scope.ts';
import type { CaseUseCases } from '../cases/use-cases.ts';
import { asTenantAdmin, requireTenant } from '../tenants/use-cases.ts';
import { listDeadLetters, requeueDeadLetter } from '../outbox/outbox-repository.ts';
import { deleteConnection, saveConnection } from './connection-repository.ts';
import { attachmentForVorgangApi, receiveCaseBackendEvent } from './use-cases.ts';
import { sendFile } from '../http/send-file.ts';
import { CASE_BACKEND_TOPIC, SIGNATURE_HEADER, TIMESTAMP_HEADER, type OutboundRequest } from './wire.ts';
import { sealConnection } from './connection-secrets.ts';

/** The raw bytes of a webhook request, kept by the JSON parser (bff/server.ts) for the signature check. */
interface WithRawBody {
  rawBody?: Buffer;
}

/** `verify` hook of express.json: keeps the raw body of webhook requests only. */
export function keepWebhookRawBody(req: IncomingMessage, _res: unknown, buffer: Buffer): void {
  const url = (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';
  if (url.startsWith('/api/integrations/')) (req as IncomingMessage & WithRawBody).rawBody = buffer;
}

/**
 * The http case backend's routes: the platform connects a housing company to its Vorgang API, the
 * company's admins see and requeue dead letters, the Vorgang API reports status changes by webhook and
 * fetches the files of forwarded attachments (both signed with the company's webhook secret).
 */
export function registerCaseBackendHttpRoutes(api: Api, ctx: AppContext, deps: { cases: CaseUseCases; outbox: { wake(): void } }): void {
  const { db } = ctx;
  const { cases, outbox } = deps;

  api.route(operations.connectCaseBackend, async ({ params, body }) => {
    // The token and every resident's case travel over this connection: plain http only outside production.
    if (ctx.config.NODE_ENV === 'production' && !body.baseUrl.startsWith('https://')) {
      throw new AppError(400, 'https_required', 'Die Vorgangs-API muss in Produktion über https erreichbar sein.');
    }
    const tenant = await requireTenant(db, params.slug);
    await asTenantAdmin(db, tenant.id, (tx) => saveConnection(tx, tenant.id, sealConnection(ctx.secrets, tenant.id, body)));
    return {
      baseUrl: body.baseUrl,
      webhookUrl: `${ctx.publicUrl()}/api${operations.receiveCaseBackendEvent.path.replace(':tenantSlug', tenant.slug)}`,
    };
  });
  api.route(operations.disconnectCaseBackend, async ({ params }) => {
    const tenant = await requireTenant(db, params.slug);
    if (!(await asTenantAdmin(db, tenant.id, (tx) => deleteConnection(tx)))) {
      throw new AppError(404, 'not_found', 'Für diese Hausverwaltung ist keine Vorgangs-API angebunden.');
    }
  });

  api.route(operations.listDeadLetters, async ({ req, query }) => {
    const page = await withTenant(db, tenantContext(req), (tx) =>
      fetchPage(query.limit, (limit) => listDeadLetters(tx, CASE_BACKEND_TOPIC, { limit, cursor: query.cursor })),
    );
    return {
      items: page.items.map((row) => {
        const { body } = row.payload as OutboundRequest;
        return {
          id: row.id,
          event: body.event,
          caseId: row.orderingKey,
          caseNumber: body.caseNumber ?? null,
          idempotencyKey: row.idempotencyKey,
          attempts: row.attempts,
          lastError: row.lastError,
          createdAt: row.createdAt.toISOString(),
          failedAt: row.failedAt.toISOString(),
        };
      }),
      nextCursor: page.nextCursor,
    };
  });
  api.route(operations.retryDeadLetter, async ({ req, params }) => {
    const requeued = await withTenant(db, tenantContext(req), (tx) => requeueDeadLetter(tx, CASE_BACKEND_TOPIC, params.id));
    if (!requeued) throw new AppError(404, 'not_found', 'Keine unzustellbare Weiterleitung mit dieser Kennung.');
    outbox.wake();
    return { id: params.id, status: 'pending' as const };
  });

  api.route(operations.receiveCaseBackendEvent, ({ req, params }) =>
    receiveCaseBackendEvent(db, ctx.secrets, cases, {
      tenantSlug: params.tenantSlug,
      timestamp: req.get(TIMESTAMP_HEADER),
      signature: req.get(SIGNATURE_HEADER),
      rawBody: (req as WithRawBody).rawBody,
    }),
  );

  api.route(operations.downloadForCaseBackend, async ({ req, res, params }) =>
    sendFile(
      res,
      await attachmentForVorgangApi(db, ctx.secrets, {
        tenantSlug: params.tenantSlug,
        attachmentId: params.id,
        method: req.method,
        timestamp: req.get(TIMESTAMP_HEADER),
        signature: req.get(SIGNATURE_HEADER),
      }),
    ),
  );
}
