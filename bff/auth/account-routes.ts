import type { Request, RequestHandler, Response } from 'express';
import type { Api } from '../http/api.ts';
import type { AppContext } from '../context.ts';
import { unauthenticated } from '../errors.ts';
import { accountOperations as operations } from '../contract/account.ts';
import type { SessionAuth } from './session-data.ts';
import { sessionKey } from './session-store.ts';
import * as account from './account-use-cases.ts';

export interface AccountRouteOptions {
  /** The sign-in limiter: every route that checks a password or code counts like a login. */
  limiter: RequestHandler;
  /** Ends the request's own session (and clears its cookie), as sign-out does. */
  endCurrentSession: (req: Request, res: Response) => Promise<void>;
}

function signedIn(req: Request): SessionAuth {
  const auth = req.session.auth;
  if (!auth || auth.stage !== 'complete') throw unauthenticated();
  return auth;
}

/** Account self-service for residents and staff (docs/sign-in.md, "Self-service"). */
export function registerAccountRoutes(api: Api, ctx: AppContext, options: AccountRouteOptions): void {
  for (const path of [
    '/account/password',
    '/account/recovery-codes',
    '/account/second-factor/totp',
    '/account/second-factor/totp/confirm',
    '/account/email',
    '/account/email/confirm',
  ]) {
    api.router.post(path, options.limiter);
  }
  const currentKey = (req: Request) => sessionKey(req.sessionID);

  api.route(operations.accountOverview, async ({ req }) => account.overview(ctx, signedIn(req)));

  api.route(operations.listAccountSessions, async ({ req }) => ({
    sessions: await account.listSessions(ctx, signedIn(req), currentKey(req)),
  }));

  api.route(operations.endAccountSession, async ({ req, res, params }) => {
    const { current } = await account.endSession(ctx, signedIn(req), params.id, currentKey(req));
    if (current) await options.endCurrentSession(req, res);
  });

  api.route(operations.endOtherAccountSessions, async ({ req }) => ({
    ended: await account.endOtherSessions(ctx, signedIn(req), currentKey(req)),
  }));

  api.route(operations.changePassword, async ({ req, body }) => {
    await account.changePassword(ctx, signedIn(req), body, currentKey(req));
  });

  api.route(operations.regenerateRecoveryCodes, async ({ req, body }) => account.regenerateRecoveryCodes(ctx, signedIn(req), body));

  api.route(operations.startTotpReenrolment, async ({ req, body }) => account.startTotpReenrolment(ctx, signedIn(req), body.password));

  api.route(operations.confirmTotpReenrolment, async ({ req, body }) => account.confirmTotpReenrolment(ctx, signedIn(req), body.code));

  api.route(operations.requestEmailChange, async ({ req, body }) => account.requestEmailChange(ctx, signedIn(req), body));

  api.route(operations.confirmEmailChange, async ({ body }) => {
    await account.confirmEmailChange(ctx, body);
  });
}
