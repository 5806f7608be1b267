import type { ErrorRequestHandler, RequestHandler } from 'express';
import { ZodError } from 'zod';
import type { Logger } from 'pino';

/**
 * The one error type the BFF throws on purpose: an HTTP status, a stable machine-readable code and a
 * German message that is safe to show a user. Everything else becomes a 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const notFound = (message = 'Nicht gefunden.') => new AppError(404, 'not_found', message);
export const forbidden = (message = 'Keine Berechtigung für diese Aktion.') => new AppError(403, 'forbidden', message);
export const unauthenticated = (message = 'Bitte melden Sie sich an.') => new AppError(401, 'unauthenticated', message);

export interface ErrorBody {
  error: { code: string; message: string; details?: unknown };
}

/** Shape of a zod failure that a form can map to its fields: `{ path: "email", message: "…" }`. */
export function validationError(error: ZodError): AppError {
  const fields = error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
  return new AppError(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields });
}

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
  if (parserError?.code === 'EBADCSRFTOKEN') {
    return new AppError(403, 'csrf_invalid', 'Sicherheitstoken fehlt oder ist ungültig. Bitte laden Sie die Seite neu.');
  }
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
    res.status(status).json(body);
  };
}
