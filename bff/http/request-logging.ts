import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * What never reaches a log line: session cookies (request and answer), the platform's bearer token, CSRF
 * tokens, webhook signatures, and secrets a log call might carry by name (passwords, second-factor codes,
 * reset and activation tokens, TOTP secrets, API tokens). The keys stay, their values read `[Redacted]`,
 * so an operator still sees that the header was there.
 */
/** Query parameters that carry a secret in a link a person opens (the password reset link). */
const SECRET_QUERY_PARAMETERS = ['mp-reset', 'token', 'code'];
const SECRET_FIELDS = ['password', 'newPassword', 'token', 'secret', 'totpSecret', 'activationCode', 'csrfToken', 'apiToken'];
export const REDACTED_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'req.headers["x-vorgang-signature"]',
  'res.headers["set-cookie"]',
  ...SECRET_QUERY_PARAMETERS.map((name) => `req.query["${name}"]`),
  ...SECRET_FIELDS,
  ...SECRET_FIELDS.map((field) => `*.${field}`),
];

/** A logger that redacts secrets from everything logged through it (and its children). */
export function redactingLogger(logger: Logger): Logger {
  return logger.child({}, { redact: { paths: REDACTED_PATHS, censor: '[Redacted]' } });
}

/** The request line without secret query values: `/?mp-reset=[Redacted]`. */
export function redactUrl(url: string): string {
  const query = url.indexOf('?');
  if (query < 0) return url;
  const params = new URLSearchParams(url.slice(query + 1));
  let changed = false;
  for (const name of SECRET_QUERY_PARAMETERS) {
    if (params.has(name)) {
      params.set(name, '[Redacted]');
      changed = true;
    }
  }
  return changed ? `${url.slice(0, query)}?${params.toString()}` : url;
}

/** A caller's request id is kept when it looks like one (a UUID or similar token), so logs can be joined. */
const WELL_FORMED_REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{7,99}$/;

export function requestIdFor(req: IncomingMessage, res: ServerResponse): string {
  const offered = req.headers['x-request-id'];
  const id = typeof offered === 'string' && WELL_FORMED_REQUEST_ID.test(offered) ? offered : randomUUID();
  res.setHeader('X-Request-Id', id);
  return id;
}

/** One log line per request (not for the health probe), with its id, redacted as above. */
export function requestLogging(logger: Logger) {
  return pinoHttp({
    logger,
    genReqId: requestIdFor,
    autoLogging: { ignore: (req) => req.url === '/healthz' },
    serializers: {
      req: (req: { url?: string }) => {
        if (typeof req.url === 'string') req.url = redactUrl(req.url);
        return req;
      },
    },
  });
}
