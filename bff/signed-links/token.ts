import { createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

/**
 * The token of a signed public link: `v1.<payload>.<signature>`, both base64url. The payload names the purpose,
 * the housing company, the subject, the link's row and its expiry; the signature is HMAC-SHA256 (node:crypto) over
 * `v1.<payload>` with a key of its own, derived by HKDF from the session secret — so the instances that share
 * sessions share links, and a key for links can never sign a session cookie. Nothing of the token is stored: the
 * row (`signed_links`) only makes it revocable and, where the purpose needs it, usable once.
 */

const VERSION = 'v1';

export interface LinkClaims {
  purpose: string;
  tenantId: string;
  subjectId: string;
  linkId: string;
  expiresAt: Date;
}

const payloadSchema = z.object({
  p: z.string().regex(/^[a-z][a-z0-9-]{2,39}$/),
  t: z.uuid(),
  s: z.uuid(),
  l: z.uuid(),
  e: z.number().int().positive(),
});

/** The key that signs links, derived from the session secret (HKDF-SHA256, its own label). */
export function signedLinkKey(secret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), 'mieterportal', 'signed public links v1', 32));
}

const mac = (key: Buffer, signed: string) => createHmac('sha256', key).update(signed, 'utf8').digest();

export function signLink(key: Buffer, claims: LinkClaims): string {
  const payload = Buffer.from(
    JSON.stringify({
      p: claims.purpose,
      t: claims.tenantId,
      s: claims.subjectId,
      l: claims.linkId,
      e: Math.floor(claims.expiresAt.getTime() / 1000),
    }),
    'utf8',
  ).toString('base64url');
  const signed = `${VERSION}.${payload}`;
  return `${signed}.${mac(key, signed).toString('base64url')}`;
}

/** The claims of a token whose signature holds; undefined for anything malformed or altered. */
export function readLink(key: Buffer, token: string): LinkClaims | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[0] !== VERSION || !parts[1] || !parts[2]) return undefined;
  if (!/^[A-Za-z0-9_-]+$/.test(parts[1]) || !/^[A-Za-z0-9_-]+$/.test(parts[2])) return undefined;
  // Compared as the canonical text: base64 decoding ignores the unused low bits of the last character, so
  // comparing decoded bytes would accept several spellings of one signature. Constant-time, equal lengths only.
  const presented = Buffer.from(parts[2], 'utf8');
  const expected = Buffer.from(mac(key, `${parts[0]}.${parts[1]}`).toString('base64url'), 'utf8');
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  const parsed = payloadSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { p, t, s, l, e } = parsed.data;
  return { purpose: p, tenantId: t, subjectId: s, linkId: l, expiresAt: new Date(e * 1000) };
}
