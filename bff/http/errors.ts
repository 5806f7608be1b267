import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from 'pino';
import { AppError } from '../errors.ts';
import type { ErrorBody, FieldError } from '../contract/errors.ts';

/**
 * A zod failure as a form can map it to its fields: `{ path: "email", code: "invalid_format", message: "…" }`,
 * with the limit of a length or size check and what it measured (`origin`: string, array, …), so a widget
 * can phrase it in its own language.
 */
export function validationError(error: ZodError): AppError {
  const fields = error.issues.map((issue): FieldError => {
    const limit = 'minimum' in issue ? issue.minimum : 'maximum' in issue ? issue.maximum : undefined;
    const origin = 'origin' in issue ? String(issue.origin) : undefined;
    return {
      path: issue.path.join('.'),
      code: issue.code,
      message: issue.message,
      ...(limit !== undefined ? { limit: Number(limit), origin } : {}),
    };
  });
  return new AppError(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields });
}

/** A state-changing request without a valid CSRF token (before or after sign-in: bff/auth/csrf.ts). */
export const csrfInvalid = () =>
  new AppError(403, 'csrf_invalid', 'Sicherheitstoken fehlt oder ist ungültig. Bitte laden Sie die Seite neu.');

export const unknownRoute: RequestHandler = (req) => {
  throw new AppError(404, 'route_not_found', `Unbekannter Pfad: ${req.method} ${req.path}`);
};

interface HttpParserError {
  type?: string;
  status?: number;
  code?: string;
}

function toAppError(error: unknown): AppError | undefined {
  if (error instanceof AppError) return error;
  if (error instanceof ZodError) return validationError(error);
  const parserError = error as HttpParserError;
  switch (parserError?.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'invalid_json', 'Die Anfrage enthält kein gültiges JSON.');
    case 'entity.too.large':
      return new AppError(413, 'payload_too_large', 'Die Anfrage ist zu groß.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'unsupported_encoding', 'Die Zeichenkodierung der Anfrage wird nicht unterstützt.');
  }
  if (parserError?.code === 'EBADCSRFTOKEN') return csrfInvalid();
  return undefined;
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const appError = toAppError(error);
    if (!appError) {
      logger.error({ err: error, method: req.method, path: req.path }, 'unhandled error');
    }
    const status = appError?.status ?? 500;
    const body: ErrorBody = {
      error: appError
        ? { code: appError.code, message: appError.message, ...(appError.details ? { details: appError.details } : {}) }
        : { code: 'internal_error', message: 'Ein unerwarteter Fehler ist aufgetreten. Bitte versuchen Sie es später erneut.' },
    };
    if (res.headersSent) return;
    // Unavailable for a moment (the database, typically): a client may try again after a short pause.
    if (status === 503) res.setHeader('Retry-After', '5');
    // Another request with the same Idempotency-Key is still being worked on.
    if (appError?.code === 'idempotency_in_progress')
      res.setHeader('Retry-After', String(Number(appError.details?.retryAfterSeconds) || 2));
    res.status(status).json(body);
  };
}
