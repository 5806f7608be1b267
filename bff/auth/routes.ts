import type { Request, Response } from 'express';
import type { Api } from '../http/api.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { tenantContext } from '../http/guard.ts';
import { authOperations as operations } from '../contract/auth.ts';
import { DEFAULT_LANGUAGE } from '../contract/enums.ts';
import { requestLanguage } from '../http/language.ts';
import type { SessionAuth } from './session-data.ts';
import * as signIn from './use-cases.ts';
import { verifyDecoy } from './passwords.ts';
import { accessHasEnded } from '../tenancies/move-out.ts';
import { registerAccountRoutes } from './account-routes.ts';

export interface AuthRouteOptions {
  /** The CSRF token for the next state-changing requests (session-bound once signed in; bff/auth/csrf.ts). */
  csrfToken: (req: Request, res: Response) => string;
}

// ---------------------------------------------------------------------------------------------------
// Session helpers

const noSignInPending = () => new AppError(409, 'invalid_state', 'Es läuft keine passende Anmeldung. Bitte melden Sie sich erneut an.');

function pending(req: Request, stage: 'enroll' | 'second_factor'): SessionAuth {
  const auth = req.session.auth;
  if (!auth || auth.stage !== stage) throw noSignInPending();
  return auth;
}

/** A new session id (and CSRF token) whenever the user's privilege changes: no session fixation. */
function rotate(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error?: Error) => (error ? reject(error) : resolve())));
}

function destroy(req: Request, res: Response): Promise<void> {
  // The clearing cookie must repeat the attributes (a partitioned cookie is only replaced by a partitioned one).
  const { path, domain, secure, sameSite, httpOnly } = req.session.cookie;
  const { partitioned } = req.session.cookie as { partitioned?: boolean };
  return new Promise((resolve, reject) =>
    req.session.destroy((error?: Error) => {
      if (error) return reject(error);
      res.clearCookie('mp.sid', { path, domain, secure: secure === true, sameSite, httpOnly, partitioned });
      resolve();
    }),
  );
}

function publicUser(auth: SessionAuth) {
  return {
    role: auth.role,
    displayName: auth.displayName,
    tenant: { slug: auth.tenantSlug, name: auth.tenantName },
    language: auth.language ?? DEFAULT_LANGUAGE,
  };
}

function describe(auth: SessionAuth) {
  const base = { user: publicUser(auth) };
  switch (auth.stage) {
    case 'complete':
      return { state: 'signed_in' as const, ...base };
    case 'enroll':
      return { state: 'enroll' as const, ...base, enrollOptions: signIn.enrollOptions(auth.role) };
    case 'second_factor':
      return { state: 'second_factor' as const, ...base, secondFactor: auth.secondFactor ?? 'totp' };
  }
}

/** Puts a sign-in result into a freshly rotated session and answers with the new state. */
async function enterSession(req: Request, res: Response, auth: SessionAuth, csrfToken: AuthRouteOptions['csrfToken']) {
  await rotate(req);
  req.session.auth = auth;
  const userAgent = req.get('user-agent');
  if (userAgent) req.session.userAgent = userAgent.slice(0, 500);
  if (auth.stage === 'complete') req.session.signedInAt = Date.now();
  return { ...describe(auth), csrfToken: csrfToken(req, res) };
}

/** Too many wrong codes, a locked address or a vanished account end the pending sign-in; the error still reaches the client. */
async function dropOnTooManyFailures<T>(req: Request, work: Promise<T>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    if (error instanceof signIn.PendingSignInEnded) delete req.session.auth;
    throw error;
  }
}

// ---------------------------------------------------------------------------------------------------

/** Sign-in for residents and staff: activation, second factor, login, password reset, sign-out. */
export function registerAuthRoutes(api: Api, ctx: AppContext, options: AuthRouteOptions): void {
  // Per-IP limit on every endpoint that checks a secret. Test runs sign in many users from one address,
  // so NODE_ENV=test raises the default; AUTH_RATE_LIMIT_PER_MINUTE overrides both.
  const limit = ctx.config.AUTH_RATE_LIMIT_PER_MINUTE ?? (ctx.config.NODE_ENV === 'test' ? 1000 : 30);
  const limiter = ctx.rateLimits.limiter({
    name: 'sign-in',
    perMinute: limit,
    message: 'Zu viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.',
  });
  // The first unknown address would otherwise pay for hashing the decoy and stand out by its timing.
  verifyDecoy('').catch((err: unknown) => ctx.logger.error({ err }, 'decoy password hash failed'));

  for (const path of [
    '/auth/activate',
    '/auth/login',
    '/auth/verify',
    '/auth/resend-code',
    '/auth/enroll/totp/confirm',
    '/auth/enroll/email',
    '/auth/enroll/email/confirm',
    '/auth/password-reset',
    '/auth/password-reset/complete',
  ]) {
    api.router.post(path, limiter);
  }

  /** A completed sign-in remembers the language of the page it happened on as the account's. */
  async function enter(req: Request, res: Response, auth: SessionAuth) {
    const language = requestLanguage(req);
    const remembered = auth.stage === 'complete' && language ? await signIn.rememberLanguage(ctx, auth, language) : auth;
    return enterSession(req, res, remembered, options.csrfToken);
  }

  api.route(operations.session, async ({ req, res }) => {
    // A resident whose move-out day is over is signed out: the widget shows the sign-in, which then says why.
    if (req.session.auth && accessHasEnded(req.session.auth.movedOutOn)) delete req.session.auth;
    const auth = req.session.auth;
    return { csrfToken: options.csrfToken(req, res), ...(auth ? describe(auth) : { state: 'anonymous' as const }) };
  });

  api.route(operations.publicTenant, async ({ params }) => signIn.publicTenant(ctx, params.slug));

  api.route(operations.activate, async ({ body, req, res }) => enter(req, res, await signIn.activate(ctx, body)));

  api.route(operations.login, async ({ body, req, res }) => enter(req, res, await signIn.login(ctx, body)));

  api.route(operations.enrollTotp, async ({ req }) => dropOnTooManyFailures(req, signIn.startTotpEnrolment(ctx, pending(req, 'enroll'))));

  api.route(operations.confirmTotp, async ({ body, req, res }) => {
    const confirmed = await dropOnTooManyFailures(req, signIn.confirmTotpEnrolment(ctx, pending(req, 'enroll'), body.code));
    return { ...(await enter(req, res, confirmed.auth)), recoveryCodes: confirmed.recoveryCodes };
  });

  api.route(operations.enrollEmail, async ({ req }) => ({
    state: 'enroll' as const,
    ...(await dropOnTooManyFailures(req, signIn.startEmailEnrolment(ctx, pending(req, 'enroll')))),
  }));

  api.route(operations.confirmEmail, async ({ body, req, res }) => {
    const auth = await dropOnTooManyFailures(req, signIn.confirmEmailEnrolment(ctx, pending(req, 'enroll'), body.code));
    return enter(req, res, auth);
  });

  api.route(operations.verify, async ({ body, req, res }) => {
    const auth = await dropOnTooManyFailures(req, signIn.verifySecondFactor(ctx, pending(req, 'second_factor'), body.code));
    return enter(req, res, auth);
  });

  api.route(operations.resendCode, async ({ req }) => dropOnTooManyFailures(req, signIn.resendCode(ctx, pending(req, 'second_factor'))));

  api.route(operations.requestPasswordReset, async ({ body, res }) => {
    await signIn.requestPasswordReset(ctx, body);
    res.status(202).end();
  });

  api.route(operations.completePasswordReset, async ({ body }) => {
    await signIn.completePasswordReset(ctx, body);
  });

  api.route(operations.logout, async ({ req, res }) => {
    ctx.realtime.endSession(req.sessionID);
    await destroy(req, res);
  });

  api.route(operations.setLanguage, async ({ req, body }) => {
    const auth = req.session.auth!;
    req.session.auth = await signIn.rememberLanguage(ctx, auth, body.language);
    return { user: publicUser(req.session.auth) };
  });

  api.route(operations.logoutEverywhere, async ({ req, res }) => {
    const { tenantId, accountId } = tenantContext(req);
    await signIn.endAllSessions(ctx, tenantId, accountId);
    await destroy(req, res);
  });

  registerAccountRoutes(api, ctx, {
    limiter,
    endCurrentSession: async (req, res) => {
      ctx.realtime.endSession(req.sessionID);
      await destroy(req, res);
    },
  });
}
