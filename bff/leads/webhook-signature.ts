import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signatures of the lead webhook (docs/leads.md, "Signing"), two schemes over the raw body, each with a signed
 * timestamp that must lie within 5 minutes of our clock:
 * - `X-Signature: sha256=<hex>` with `X-Timestamp: <unix seconds>`: HMAC-SHA256 over `<timestamp>.<raw body>`,
 *   keyed with the secret as written (UTF-8), so `openssl dgst -sha256 -hmac "$SECRET"` signs it;
 * - Standard Webhooks (`webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64> …`): HMAC-SHA256 over
 *   `<id>.<timestamp>.<raw body>`, keyed with the base64-decoded secret (without its `whsec_` prefix); the header
 *   may carry several signatures, and any valid one counts.
 * Every secret of the provider that is not revoked is tried (a rotation keeps the old one valid for a while).
 * A signature without a signed timestamp (GitHub's body-only `X-Hub-Signature-256`, say) is never accepted.
 * Comparison is constant-time (node:crypto's timingSafeEqual); nothing here parses the body.
 */

export const TOLERANCE_SECONDS = 300;

export interface SignatureHeaders {
  'x-signature'?: string;
  'x-timestamp'?: string;
  'webhook-id'?: string;
  'webhook-timestamp'?: string;
  'webhook-signature'?: string;
}

export interface StoredSecret {
  id: string;
  secret: string;
}

export type SignatureProblem = 'signature_missing' | 'signature_invalid' | 'signature_expired';

export type Verification =
  | {
      ok: true;
      scheme: 'x-signature' | 'standard-webhooks';
      secretId: string;
      /** Signed, so usable as the dedupe key. */ webhookId?: string;
    }
  | { ok: false; problem: SignatureProblem; detail: string };

/** HMAC-SHA256 of the parts, in order (the primitive both schemes use). */
export function hmacSha256(key: Buffer | string, ...parts: Array<Buffer | string>): Buffer {
  const hmac = createHmac('sha256', key);
  for (const part of parts) hmac.update(part);
  return hmac.digest();
}

/** The key of a secret in the Standard Webhooks scheme: base64 of the bytes, optionally prefixed `whsec_`. */
export function standardWebhooksKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

/** `sha256=<hex>` for the X-Signature header. */
export function signXSignature(secret: string, timestamp: string, rawBody: Buffer | string): string {
  return 'sha256=' + hmacSha256(secret, `${timestamp}.`, rawBody).toString('hex');
}

/** `v1,<base64>` for the webhook-signature header. */
export function signStandardWebhook(secret: string, webhookId: string, timestamp: string, rawBody: Buffer | string): string {
  return 'v1,' + hmacSha256(standardWebhooksKey(secret), `${webhookId}.${timestamp}.`, rawBody).toString('base64');
}

const TIMESTAMP = /^\d{1,12}$/;

function stale(timestamp: string, nowMs: number): boolean {
  return Math.abs(nowMs / 1000 - Number(timestamp)) > TOLERANCE_SECONDS;
}

function sameBytes(presented: Buffer, expected: Buffer): boolean {
  return presented.length === expected.length && timingSafeEqual(presented, expected);
}

/** Checks the request's signature against every given secret; the first that matches wins. */
export function verifySignature(headers: SignatureHeaders, rawBody: Buffer, secrets: StoredSecret[], nowMs: number): Verification {
  if (headers['webhook-signature'] !== undefined) return verifyStandardWebhook(headers, rawBody, secrets, nowMs);
  if (headers['x-signature'] !== undefined) return verifyXSignature(headers, rawBody, secrets, nowMs);
  return { ok: false, problem: 'signature_missing', detail: 'Weder X-Signature noch webhook-signature' };
}

function verifyXSignature(headers: SignatureHeaders, rawBody: Buffer, secrets: StoredSecret[], nowMs: number): Verification {
  const timestamp = headers['x-timestamp'];
  if (!timestamp || !TIMESTAMP.test(timestamp)) {
    return { ok: false, problem: 'signature_missing', detail: 'X-Timestamp fehlt oder ist keine Unix-Zeit in Sekunden' };
  }
  if (stale(timestamp, nowMs)) return { ok: false, problem: 'signature_expired', detail: `X-Timestamp ${timestamp}` };
  const match = /^sha256=([0-9a-fA-F]{64})$/.exec(headers['x-signature']!.trim());
  if (!match) return { ok: false, problem: 'signature_invalid', detail: 'X-Signature ist nicht sha256=<64 Hex-Zeichen>' };
  const presented = Buffer.from(match[1], 'hex');
  for (const { id, secret } of secrets) {
    if (sameBytes(presented, hmacSha256(secret, `${timestamp}.`, rawBody))) return { ok: true, scheme: 'x-signature', secretId: id };
  }
  return { ok: false, problem: 'signature_invalid', detail: 'X-Signature passt zu keinem gültigen Geheimnis' };
}

function verifyStandardWebhook(headers: SignatureHeaders, rawBody: Buffer, secrets: StoredSecret[], nowMs: number): Verification {
  const webhookId = headers['webhook-id'];
  const timestamp = headers['webhook-timestamp'];
  if (!webhookId || webhookId.length > 200) return { ok: false, problem: 'signature_missing', detail: 'webhook-id fehlt' };
  if (!timestamp || !TIMESTAMP.test(timestamp)) {
    return { ok: false, problem: 'signature_missing', detail: 'webhook-timestamp fehlt oder ist keine Unix-Zeit in Sekunden' };
  }
  if (stale(timestamp, nowMs)) return { ok: false, problem: 'signature_expired', detail: `webhook-timestamp ${timestamp}` };
  const presented = headers['webhook-signature']!.split(' ')
    .filter((entry) => entry.startsWith('v1,'))
    .map((entry) => Buffer.from(entry.slice(3), 'base64'));
  for (const { id, secret } of secrets) {
    const key = standardWebhooksKey(secret);
    if (!key.length) continue;
    const expected = hmacSha256(key, `${webhookId}.${timestamp}.`, rawBody);
    // Every presented signature is compared, so the time taken does not tell which one matched.
    const matched = presented.map((signature) => sameBytes(signature, expected)).includes(true);
    if (matched) return { ok: true, scheme: 'standard-webhooks', secretId: id, webhookId };
  }
  return { ok: false, problem: 'signature_invalid', detail: 'webhook-signature passt zu keinem gültigen Geheimnis' };
}
