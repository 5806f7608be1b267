import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieOptions, Request, RequestHandler, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { csrfSync } from 'csrf-sync';
import { csrfInvalid } from '../http/errors.ts';

/** The pre-login cookie: a random nonce the pre-login CSRF tokens are bound to. */
export const PRE_LOGIN_COOKIE = 'mp.pre';
const HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const NONCE = /^[A-Za-z0-9_-]{43}$/;
const TOKEN = /^([0-9a-z]{1,11})\.([A-Za-z0-9_-]{43})$/;
/** Clocks of several instances may differ a little: a token "issued" this far in the future still counts. */
const CLOCK_SKEW_MS = 60_000;

/**
 * Stateless CSRF tokens for the requests before sign-in (docs/sign-in.md, "CSRF"): HMAC-SHA256 over the nonce of
 * the visitor's `mp.pre` cookie and the issue time, `<issued at, base 36>.<mac>`. Valid for `ttlMs`, only with
 * the cookie it was issued for. The key is derived from the session secret (HKDF) so that no token is ever a
 * valid signature of a session cookie, which express-session signs with the secret itself.
 */
export function preLoginTokens(secret: string, ttlMs: number, now: () => number = Date.now) {
  const key = Buffer.from(hkdfSync('sha256', secret, '', 'mieterportal pre-login csrf token v1', 32));
  const mac = (nonce: string, issuedAt: number) => createHmac('sha256', key).update(`${nonce}.${issuedAt}`).digest('base64url');
  return {
    issue(nonce: string): string {
      const issuedAt = now();
      return `${issuedAt.toString(36)}.${mac(nonce, issuedAt)}`;
    },
    verify(nonce: string | undefined, token: string | undefined): boolean {
      const parts = token ? TOKEN.exec(token) : null;
      if (!nonce || !NONCE.test(nonce) || !parts) return false;
      const issuedAt = parseInt(parts[1], 36);
      const age = now() - issuedAt;
      if (age > ttlMs || age < -CLOCK_SKEW_MS) return false;
      return timingSafeEqual(Buffer.from(parts[2]), Buffer.from(mac(nonce, issuedAt)));
    },
  };
}

export interface CsrfOptions {
  /** SESSION_SECRET (the same on every instance). */
  secret: string;
  /** How long a pre-login token is good. */
  ttlMs: number;
  /** The session cookie's attributes (Secure, SameSite, Partitioned), so the two cookies travel together. */
  cookie: CookieOptions;
}

/**
 * CSRF protection in two phases. A stored session (it holds a sign-in of any stage, or already a token: one whose
 * pending sign-in ended, or an anonymous one from before stateless tokens) uses csrf-sync's synchroniser token kept
 * in it, exactly as before; only that token is accepted there. Without one (a visitor who has not signed in) the
 * token is stateless (`preLoginTokens`), so asking for it writes no session row. Either way a state-changing
 * request without a valid `x-csrf-token` is 403 `csrf_invalid`.
 */
export function createCsrfProtection(options: CsrfOptions) {
  const { csrfSynchronisedProtection, generateToken } = csrfSync({ getTokenFromRequest: (req) => req.get(HEADER) });
  const preLogin = preLoginTokens(options.secret, options.ttlMs);
  const nonceOf = (req: Request) => {
    const nonce = req.headers.cookie ? parseCookies(req.headers.cookie)[PRE_LOGIN_COOKIE] : undefined;
    return nonce && NONCE.test(nonce) ? nonce : undefined;
  };
  // No expiry of its own (a browser-session cookie): each token carries its time.
  const cookie: CookieOptions = { ...options.cookie, httpOnly: true, path: '/' };
  const sessionBound = (req: Request) => Boolean(req.session?.auth || req.session?.csrfToken);

  const protection: RequestHandler = (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    if (sessionBound(req)) return csrfSynchronisedProtection(req, res, next);
    if (preLogin.verify(nonceOf(req), req.get(HEADER))) return next();
    next(csrfInvalid());
  };

  /** The token for this request's next state-changing requests; before sign-in it may set the `mp.pre` cookie. */
  const token = (req: Request, res: Response): string => {
    if (sessionBound(req)) return generateToken(req);
    let nonce = nonceOf(req);
    if (!nonce) {
      nonce = randomBytes(32).toString('base64url');
      res.cookie(PRE_LOGIN_COOKIE, nonce, cookie);
    }
    return preLogin.issue(nonce);
  };

  return { protection, token };
}
