import type { Express } from 'express';
import { viewingOperations as operations } from '../contract/viewings.ts';
import type { AppContext } from '../context.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { SignedLinks } from './signed-links.ts';

/**
 * Public routes opened by a signed link are limited per client address (SIGNED_LINK_RATE_LIMIT_PER_MINUTE, default
 * 60 a minute): enough for a person clicking through, too few to guess tokens or flood the mail queue.
 */
export function mountSignedLinkLimit(app: Express, ctx: AppContext, paths: string[]): void {
  const perMinute = ctx.config.SIGNED_LINK_RATE_LIMIT_PER_MINUTE ?? (ctx.config.NODE_ENV === 'test' ? 1000 : 60);
  app.use(
    paths,
    ctx.rateLimits.limiter({
      name: 'signed-links',
      perMinute,
      message: 'Zu viele Anfragen über diesen Link. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
    }),
  );
}

export function registerSignedLinkRoutes(api: Api, links: SignedLinks): void {
  api.route(operations.revokeSignedLink, ({ req, params }) => links.revoke(tenantContext(req), params.id));
}
