import { retryAfterMs } from '../../case-backend-http/delivery.ts';
import { ChatModelError, type ChatModelErrorCode } from '../model.ts';

/**
 * What an HTTP status of a model provider means for the resident (the same for Anthropic and OpenAI-compatible
 * servers): 429 is the provider's rate limit, 503/529 overload, a refused key, model or request an operator's
 * task; anything else on the provider's side is "unavailable".
 */
export function codeForStatus(status: number): ChatModelErrorCode {
  if (status === 429) return 'model_rate_limited';
  if (status === 503 || status === 529) return 'model_overloaded';
  if (status >= 400 && status < 500) return 'model_misconfigured';
  return 'model_unavailable';
}

/**
 * What an error type named in the body means when no status tells it: Anthropic's `event: error` after HTTP 200
 * (`overloaded_error`, `rate_limit_error`, …), or an OpenAI-compatible server's error chunk (`type`/`code`).
 */
export function codeForErrorType(type: string | number | null | undefined): ChatModelErrorCode {
  if (typeof type === 'number') return codeForStatus(type);
  const name = (type ?? '').toLowerCase();
  if (name.includes('overloaded')) return 'model_overloaded';
  if (name.includes('rate_limit')) return 'model_rate_limited';
  if (['authentication', 'permission', 'not_found', 'billing', 'invalid_api_key', 'model_not_found'].some((part) => name.includes(part))) {
    return 'model_misconfigured';
  }
  return 'model_unavailable';
}

/** Builds the port's error; the seconds of a `Retry-After` header (429, 503, 529) go with it. */
export function chatModelError(code: ChatModelErrorCode, message: string, headers?: Headers | null): ChatModelError {
  const retryAfter = retryAfterMs(headers?.get('retry-after') ?? null);
  return new ChatModelError(code, message, retryAfter === undefined ? undefined : Math.ceil(retryAfter / 1000));
}
