import type { Request, Response } from 'express';
import { rateLimit } from 'express-rate-limit';
import { z } from 'zod';
import type { Api } from '../http/api.ts';
import type { AppContext } from '../context.ts';
import { AppError } from '../errors.ts';
import { tenantContext } from '../http/guard.ts';
import { slugSchema } from '../onboarding/onboarding.ts';
import type { SessionAuth } from './session-data.ts';
import * as signIn from './sign-in.ts';
import { verifyDecoy } from './passwords.ts';

export interface AuthRouteOptions {
  csrfToken: (req: Request) => string;
}

// ---------------------------------------------------------------------------------------------------
// Input and output schemas (they also document the API at /api/openapi.json)

const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email('Bitte geben Sie eine gültige E-Mail-Adresse ein.').max(254, 'Die E-Mail-Adresse ist zu lang.'));
const password = z
  .string()
  .min(10, 'Das Passwort muss mindestens 10 Zeichen lang sein.')
  .max(200, 'Das Passwort darf höchstens 200 Zeichen lang sein.');
/** Only the length is checked at login: the policy may have changed since the password was set. */
const loginPassword = z.string().min(1, 'Bitte geben Sie Ihr Passwort ein.').max(200, 'Das Passwort ist zu lang.');
const oneTimeCode = z
  .string()
  .transform((value) => value.replace(/\s/g, ''))
  .pipe(z.string().regex(/^\d{6}$/, 'Bitte geben Sie den 6-stelligen Code ein.'));
const tenant = slugSchema;

const activateBody = z.object({
  tenant,
  code: z.string().trim().min(1, 'Bitte geben Sie den Aktivierungscode ein.').max(64, 'Der Aktivierungscode ist zu lang.'),
  email,
  password,
});
const loginBody = z.object({ tenant, email, password: loginPassword, audience: z.enum(['resident', 'staff']) });
const codeBody = z.object({ code: oneTimeCode });
const resetRequestBody = z.object({ tenant, email, returnUrl: z.string().max(2000).optional() });
const resetCompleteBody = z.object({ tenant, token: z.string().min(1).max(200), password });

const role = z.enum(['resident', 'clerk', 'admin']);
const user = z.object({ role, displayName: z.string(), tenant: z.object({ slug: z.string(), name: z.string() }) });
const enrollOptionsSchema = z.array(z.enum(['totp', 'email']));
const secondFactor = z.enum(['totp', 'email']);
const state = z.enum(['anonymous', 'second_factor', 'enroll', 'signed_in']);
/** Every answer that rotates the session carries the new CSRF token (the old one died with the old session). */
const stateResponse = z.object({
  state,
  user,
  secondFactor: secondFactor.optional(),
  enrollOptions: enrollOptionsSchema.optional(),
  csrfToken: z.string(),
});
const sessionResponse = z.object({
  csrfToken: z.string(),
  state,
  user: user.optional(),
  secondFactor: secondFactor.optional(),
  enrollOptions: enrollOptionsSchema.optional(),
});

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
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

function destroy(req: Request, res: Response): Promise<void> {
  // The clearing cookie must repeat the attributes (a partitioned cookie is only replaced by a partitioned one).
  const { path, domain, secure, sameSite, httpOnly } = req.session.cookie;
  const { partitioned } = req.session.cookie as { partitioned?: boolean };
  return new Promise((resolve, reject) =>
    req.session.destroy((error) => {
      if (error) return reject(error);
      res.clearCookie('mp.sid', { path, domain, secure: secure === true, sameSite, httpOnly, partitioned });
      resolve();
    }),
  );
}

function publicUser(auth: SessionAuth) {
  return { role: auth.role, displayName: auth.displayName, tenant: { slug: auth.tenantSlug, name: auth.tenantName } };
}

function describe(auth: SessionAuth | undefined) {
  if (!auth) return { state: 'anonymous' as const };
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
async function enterSession(req: Request, auth: SessionAuth, csrfToken: (req: Request) => string) {
  await rotate(req);
  req.session.auth = auth;
  if (auth.stage === 'complete') req.session.signedInAt = Date.now();
  return { ...describe(auth), csrfToken: csrfToken(req) };
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
  const limiter = rateLimit({
    windowMs: 60_000,
    limit,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    handler: (_req, _res, next) =>
      next(new AppError(429, 'rate_limited', 'Zu viele Anfragen. Bitte warten Sie eine Minute und versuchen Sie es dann erneut.')),
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

  api.route(
    { method: 'get', path: '/session', summary: 'Sitzungsstatus und CSRF-Token', tag: 'auth', access: 'public', response: sessionResponse },
    async ({ req }) => ({ csrfToken: options.csrfToken(req), ...describe(req.session.auth) }),
  );

  api.route(
    {
      method: 'get',
      path: '/tenants/:slug',
      summary: 'Name und Theme einer Hausverwaltung (öffentlich)',
      tag: 'auth',
      access: 'public',
      params: z.object({ slug: slugSchema }),
      response: z.object({ slug: z.string(), name: z.string(), theme: z.record(z.string(), z.string()) }),
    },
    async ({ params }) => signIn.publicTenant(ctx, params.slug),
  );

  api.route(
    {
      method: 'post',
      path: '/auth/activate',
      summary: 'Konto mit dem Code aus dem Brief aktivieren',
      tag: 'auth',
      access: 'public',
      body: activateBody,
      response: stateResponse,
    },
    async ({ body, req }) => enterSession(req, await signIn.activate(ctx, body), options.csrfToken),
  );

  api.route(
    {
      method: 'post',
      path: '/auth/login',
      summary: 'Anmeldung mit E-Mail und Passwort',
      tag: 'auth',
      access: 'public',
      body: loginBody,
      response: stateResponse,
    },
    async ({ body, req }) => enterSession(req, await signIn.login(ctx, body), options.csrfToken),
  );

  api.route(
    {
      method: 'post',
      path: '/auth/enroll/totp',
      summary: 'Authenticator-App einrichten: Geheimnis und QR-Code',
      tag: 'auth',
      access: 'public',
      response: z.object({ secret: z.string(), otpauthUrl: z.string(), qrCodeSvg: z.string() }),
    },
    async ({ req }) => dropOnTooManyFailures(req, signIn.startTotpEnrolment(ctx, pending(req, 'enroll'))),
  );

  api.route(
    {
      method: 'post',
      path: '/auth/enroll/totp/confirm',
      summary: 'Authenticator-App bestätigen',
      tag: 'auth',
      access: 'public',
      body: codeBody,
      response: stateResponse,
    },
    async ({ body, req }) => {
      const auth = await dropOnTooManyFailures(req, signIn.confirmTotpEnrolment(ctx, pending(req, 'enroll'), body.code));
      return enterSession(req, auth, options.csrfToken);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/auth/enroll/email',
      summary: 'Code per E-Mail als zweiten Faktor einrichten (nur Mieter)',
      tag: 'auth',
      access: 'public',
      response: z.object({ state: z.literal('enroll'), sentTo: z.string() }),
    },
    async ({ req }) => ({
      state: 'enroll' as const,
      ...(await dropOnTooManyFailures(req, signIn.startEmailEnrolment(ctx, pending(req, 'enroll')))),
    }),
  );

  api.route(
    {
      method: 'post',
      path: '/auth/enroll/email/confirm',
      summary: 'Code per E-Mail bestätigen',
      tag: 'auth',
      access: 'public',
      body: codeBody,
      response: stateResponse,
    },
    async ({ body, req }) => {
      const auth = await dropOnTooManyFailures(req, signIn.confirmEmailEnrolment(ctx, pending(req, 'enroll'), body.code));
      return enterSession(req, auth, options.csrfToken);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/auth/verify',
      summary: 'Zweiten Faktor bei der Anmeldung prüfen',
      tag: 'auth',
      access: 'public',
      body: codeBody,
      response: stateResponse,
    },
    async ({ body, req }) => {
      const auth = await dropOnTooManyFailures(req, signIn.verifySecondFactor(ctx, pending(req, 'second_factor'), body.code));
      return enterSession(req, auth, options.csrfToken);
    },
  );

  api.route(
    {
      method: 'post',
      path: '/auth/resend-code',
      summary: 'Anmeldecode erneut per E-Mail senden',
      tag: 'auth',
      access: 'public',
      response: z.object({ sentTo: z.string() }),
    },
    async ({ req }) => dropOnTooManyFailures(req, signIn.resendCode(ctx, pending(req, 'second_factor'))),
  );

  api.route(
    {
      method: 'post',
      path: '/auth/password-reset',
      summary: 'Link zum Zurücksetzen des Passworts anfordern',
      tag: 'auth',
      access: 'public',
      body: resetRequestBody,
      status: 202,
    },
    async ({ body, res }) => {
      await signIn.requestPasswordReset(ctx, body);
      res.status(202).end();
    },
  );

  api.route(
    {
      method: 'post',
      path: '/auth/password-reset/complete',
      summary: 'Neues Passwort mit dem Link aus der E-Mail setzen',
      tag: 'auth',
      access: 'public',
      body: resetCompleteBody,
    },
    async ({ body }) => {
      await signIn.completePasswordReset(ctx, body);
    },
  );

  api.route({ method: 'post', path: '/auth/logout', summary: 'Abmelden', tag: 'auth', access: 'public' }, async ({ req, res }) => {
    await destroy(req, res);
  });

  api.route(
    { method: 'post', path: '/auth/logout-everywhere', summary: 'Auf allen Geräten abmelden', tag: 'auth', access: 'session' },
    async ({ req, res }) => {
      const { tenantId, accountId } = tenantContext(req);
      await signIn.endAllSessions(ctx, tenantId, accountId);
      await destroy(req, res);
    },
  );
}
