import type { IncomingMessage, ServerResponse } from 'node:http';
import type { RequestHandler, Response } from 'express';
import helmet from 'helmet';

const CSP = 'Content-Security-Policy';
const ONE_YEAR_SECONDS = 365 * 86_400;

/**
 * The headers of every answer (docs/operations.md, "Security headers"), set by helmet: `nosniff`, a referrer
 * policy, HSTS when the BFF is reached over https, and a policy for answers that are not pages (JSON, files,
 * scripts): they load nothing and no page may frame them. Pages replace that policy (`pageSecurityPolicy`),
 * downloads with their sandbox (send-file.ts).
 *
 * - The referrer policy is `strict-origin-when-cross-origin`, not helmet's `no-referrer`: under `no-referrer` a
 *   page's own POSTs carry `Origin: null`, and the session's origin check would refuse every signed-in change.
 * - HSTS covers the BFF's host only: it cannot know whether other hosts under its domain speak https.
 * - No `X-Frame-Options`: it cannot name several origins; `frame-ancestors` says who may frame what.
 * - No `Cross-Origin-Resource-Policy`: a housing company's page loads `widgets.css` without CORS.
 *
 * A plain Node handler, so it also covers the socket.io transport, which answers before Express.
 */
export function securityHeaders(options: { https: boolean }): (req: IncomingMessage, res: ServerResponse) => void {
  const headers = helmet({
    contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'none'"], frameAncestors: ["'none'"] } },
    referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    strictTransportSecurity: options.https ? { maxAge: ONE_YEAR_SECONDS, includeSubDomains: false } : false,
    xFrameOptions: false,
    crossOriginResourcePolicy: false,
  });
  return (req, res) => headers(req, res, () => undefined);
}

/** An origin as it may stand in `frame-ancestors`: scheme, host and port, nothing a header could be split at. */
const frameableOrigin = (origin: string) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin);

/**
 * Middleware for the HTML pages the BFF serves (the demo site and its /dev pages; `npm run serve` serves none):
 * scripts, styles and connections from the BFF itself only, no inline code, `data:` images (the authenticator's
 * QR code) and `blob:` images (a photo's thumbnail in the attachment picker before it is uploaded), `blob:` frames (the PDF preview of a
 * Mieterbescheinigung on the staff page). A page is
 * not any one housing company's, so the BFF itself and every registered embed origin may
 * frame it (`embedOrigins`); which company's data a framed page may use is still decided per request by the
 * session's origin check. Over https, pages also upgrade any http reference.
 */
export function pageSecurityPolicy(options: { https: boolean; embedOrigins: () => Promise<Iterable<string>> }): RequestHandler {
  const policy = helmet.contentSecurityPolicy({
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      // The clerk's preview of a Mieterbescheinigung: the PDF the board received, framed as a blob: URL.
      frameSrc: ["'self'", 'blob:'],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'self'", (_req, res) => String((res as Response).locals.frameAncestors ?? '')],
      ...(options.https ? { upgradeInsecureRequests: [] } : {}),
    },
  });
  return (req, res, next) => {
    options.embedOrigins().then(
      (origins) => {
        res.locals.frameAncestors = [...new Set(origins)].filter(frameableOrigin).join(' ');
        policy(req, res, next);
      },
      // Origins unknown for the moment: the page may still be shown, framed by the BFF itself only.
      () => policy(req, res, next),
    );
  };
}

/**
 * Runs `serve` (e.g. express.static) under the page policy. A request it does not answer goes on with the
 * policy it came with, so mounting a page directory at `/` leaves the API's answers alone.
 */
export function asPages(policy: RequestHandler, serve: RequestHandler): RequestHandler {
  return (req, res, next) => {
    // Pages are only read; any other method passes by without looking up the embed origins.
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    const previous = res.getHeader(CSP);
    void policy(req, res, (error?: unknown) => {
      if (error) return next(error);
      void serve(req, res, (passed?: unknown) => {
        if (!res.headersSent) {
          if (previous === undefined) res.removeHeader(CSP);
          else res.setHeader(CSP, previous);
        }
        next(passed);
      });
    });
  };
}
