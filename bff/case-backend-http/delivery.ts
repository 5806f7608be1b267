import type { Database } from '../db/database.ts';
import { withScope } from '../db/scope.ts';
import type { OutboxEntry } from '../outbox/outbox-repository.ts';
import { PermanentDeliveryError, RetryLaterError, type OutboxHandler } from '../outbox/worker.ts';
import { findConnection, findScopeTenantSlug } from './connection-repository.ts';
import { bodyToSend, type OutboundRequest } from './wire.ts';
import type { SecretBox } from '../secrets/secret-box.ts';
import { openConnection } from './connection-secrets.ts';

/** Statuses worth another attempt; any other 4xx means the request itself is refused (dead letter at once). */
const RETRYABLE_CLIENT_ERRORS = [408, 409, 425, 429];

/**
 * Delivers one outbox entry of the case backend: POST {baseUrl}{path} with the company's bearer token and
 * the entry's Idempotency-Key, the same on every attempt. 2xx is delivered; 5xx, timeouts and refused
 * connections are retried by the worker; other 4xx (bad token, invalid request) become dead letters.
 * The last error is shown to the company's admins, so it is German and carries no credential.
 * Attachments go with the download URL of each file below the BFF's public URL (`publicUrl`).
 */
export function createCaseBackendDelivery(
  db: Database,
  options: { timeoutMs: number; publicUrl: () => string; secrets: SecretBox },
): OutboxHandler {
  return async (entry: OutboxEntry, signal: AbortSignal) => {
    const { stored, slug } = await withScope(db, { role: 'system', tenantId: entry.tenantId }, async (tx) => ({
      stored: await findConnection(tx),
      slug: await findScopeTenantSlug(tx),
    }));
    if (!stored || !slug) throw new PermanentDeliveryError('Keine Verbindung zur Vorgangs-API eingerichtet.');
    const connection = openConnection(options.secrets, entry.tenantId, stored);
    const request = entry.payload as OutboundRequest;
    const url = connection.baseUrl.replace(/\/+$/, '') + request.path;
    let response: Response;
    try {
      response = await fetch(url, {
        method: request.method,
        headers: {
          authorization: `Bearer ${connection.apiToken}`,
          'content-type': 'application/json',
          accept: 'application/json',
          'idempotency-key': entry.idempotencyKey,
        },
        body: JSON.stringify(bodyToSend(request.body, options.publicUrl(), slug)),
        redirect: 'error',
        signal: AbortSignal.any([signal, AbortSignal.timeout(options.timeoutMs)]),
      });
    } catch (err) {
      const cause = (err as { cause?: { code?: string } }).cause?.code ?? (err as Error).name;
      throw new Error(`Vorgangs-API nicht erreichbar (${cause}).`);
    }
    const text = (await response.text().catch(() => '')).slice(0, 300);
    if (response.ok) return;
    const message = `Vorgangs-API antwortete mit HTTP ${response.status}${text ? `: ${text}` : ''}`;
    if (response.status < 500 && !RETRYABLE_CLIENT_ERRORS.includes(response.status)) throw new PermanentDeliveryError(message);
    const retryAfter = retryAfterMs(response.headers.get('retry-after'));
    throw retryAfter === undefined ? new Error(message) : new RetryLaterError(message, retryAfter);
  };
}

/** `Retry-After` as delay-seconds or an HTTP date (RFC 9110, 10.2.3); undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  // An HTTP date names its weekday and month; anything else (e.g. "-5") is no date, however Date.parse reads it.
  const date = /[A-Za-z]/.test(value) ? Date.parse(value) : Number.NaN;
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
