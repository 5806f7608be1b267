import type { ErrorCode } from './contract/errors.ts';

/**
 * The one error type the BFF throws on purpose: an HTTP status, a stable code from the contract
 * (bff/contract/errors.ts) and a German message that is safe to show a user. Use cases and repositories
 * throw it; the HTTP layer turns it into the answer. Everything else becomes a 500 without details.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const notFound = (message = 'Nicht gefunden.') => new AppError(404, 'not_found', message);
export const forbidden = (message = 'Keine Berechtigung für diese Aktion.') => new AppError(403, 'forbidden', message);
export const unauthenticated = (message = 'Bitte melden Sie sich an.') => new AppError(401, 'unauthenticated', message);
