import express, { type Express, type Request } from 'express';
import { leadOverviewOperations } from '../contract/lead-overview.ts';
import { leadOperations as operations } from '../contract/leads.ts';
import type { AppContext } from '../context.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import { unauthenticated } from '../errors.ts';
import type { LeadUseCases } from './use-cases.ts';
import type { LeadWebhookUseCases } from './webhook-use-cases.ts';
import type { createLeadOverview } from './overview.ts';

/** The slug of the signed-in person's housing company (the webhook addresses name it). */
function sessionSlug(req: Request): string {
  const slug = req.session?.auth?.tenantSlug;
  if (!slug) throw unauthenticated();
  return slug;
}

const MAIL_HOOK = /^\/[^/]+\/mail\/?$/;
const webhookBody = express.raw({ type: () => true, limit: '100kb' });
const mailBody = express.raw({ type: () => true, limit: '10mb' });

/**
 * Before the webhook route: its body is kept as raw bytes (the signature is over them, not over re-serialised
 * JSON), any content type, at most 100 kB (a relay's mail 10 MB); refused requests from one address are limited to 60 a minute, so a
 * flood of bad signatures cannot fill the audit table (a correctly signing sender is never held back).
 */
export function mountLeadWebhookBody(app: Express, ctx: AppContext): void {
  app.use(
    '/hooks',
    ctx.rateLimits.limiter({
      name: 'lead-webhook-refusals',
      perMinute: 60,
      failuresOnly: true,
      message: 'Zu viele abgewiesene Anfragen. Bitte in einer Minute erneut versuchen.',
    }),
    // A portal mail from a relay (`/hooks/{tenantSlug}/mail`) may carry attachments: up to 10 MB.
    (req, res, next) => (MAIL_HOOK.test(req.path) ? mailBody : webhookBody)(req, res, next),
  );
}

/** Listings, the lead board's reads, the webhook's secrets and refusals, the letting permission, the signed webhook. */
export function registerLeadRoutes(
  api: Api,
  deps: { leads: LeadUseCases; webhook: LeadWebhookUseCases; overview: ReturnType<typeof createLeadOverview> },
): void {
  const { leads, webhook, overview } = deps;

  api.route(operations.listListings, ({ req, query }) => leads.listListings(tenantContext(req), query));
  api.route(operations.listListingUnits, ({ req }) => leads.listUnits(tenantContext(req)));
  api.route(operations.createListing, ({ req, body }) => leads.createListing(tenantContext(req), body));
  api.route(operations.listingDetail, ({ req, params }) => leads.listingDetail(tenantContext(req), params.id));
  api.route(operations.updateListing, ({ req, params, body }) => leads.updateListing(tenantContext(req), params.id, body));

  // Fixed paths before /staff/leads/:id.
  api.route(operations.leadColumnCounts, ({ req, query }) => leads.leadColumnCounts(tenantContext(req), query));
  api.route(operations.listLeads, ({ req, query }) => leads.listLeads(tenantContext(req), query));
  api.route(leadOverviewOperations.leadOverview, ({ req }) => overview(tenantContext(req)));
  api.route(operations.leadDetail, ({ req, params }) => leads.leadDetail(tenantContext(req), params.id));
  api.route(operations.leadAccessLog, ({ req, params }) => leads.leadAccessLog(tenantContext(req), params.id));
  api.route(operations.setStaffPermissions, ({ req, params, body }) =>
    leads.setStaffPermissions(tenantContext(req), params.id, body.permissions),
  );

  api.route(operations.listLeadWebhooks, ({ req }) => webhook.list(tenantContext(req), sessionSlug(req)));
  api.route(operations.listLeadIntakeRejections, ({ req, query }) => webhook.rejections(tenantContext(req), query));
  api.route(operations.createLeadWebhookSecret, ({ req, params, body }) =>
    webhook.createSecret(tenantContext(req), sessionSlug(req), params.provider, body.secret),
  );
  api.route(operations.revokeLeadWebhookSecret, ({ req, params }) => webhook.revokeSecret(tenantContext(req), params.id));

  api.route(operations.receiveLeadWebhook, ({ req, params }) =>
    webhook.receive({
      tenantSlug: params.tenantSlug,
      provider: params.provider,
      headers: {
        'x-signature': req.get('x-signature'),
        'x-timestamp': req.get('x-timestamp'),
        'webhook-id': req.get('webhook-id'),
        'webhook-timestamp': req.get('webhook-timestamp'),
        'webhook-signature': req.get('webhook-signature'),
      },
      rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      ip: req.ip ?? null,
    }),
  );
}
