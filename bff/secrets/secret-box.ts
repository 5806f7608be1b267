import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from '../config.ts';

/**
 * Secrets the BFF must read back (TOTP secrets, a housing company's Vorgang API token and webhook secret)
 * are stored encrypted: AES-256-GCM from node:crypto with a random 96-bit IV per value. The stored text is
 * `v1:<key id>:<iv>:<tag>:<ciphertext>` (base64url); the key id (a hash of the key, not the key) says which
 * key sealed it, so that a rotation can keep the old key for reading (`DATA_ENCRYPTION_PREVIOUS_KEYS`) while
 * start-up re-seals everything with the current one. Each value is bound to where it belongs (`context`,
 * e.g. `accounts.totp_secret:<account id>`): a value copied into another row does not open.
 */
export interface SecretBox {
  /** The id of the key that seals new values. */
  readonly keyId: string;
  seal(plaintext: string, context: string): string;
  open(sealed: string, context: string): string;
  isSealed(value: string): boolean;
  /** The key id a sealed value names (undefined for plaintext). */
  keyIdOf(value: string): string | undefined;
  canOpen(value: string): boolean;
}

export class SecretBoxError extends Error {}

/** Where each stored secret belongs: a sealed value opens only in its own row and column. */
export const totpSecretContext = (accountId: string) => `accounts.totp_secret:${accountId}`;
/** An enrolment under way keeps its new secret in the session row until the first code confirms it. */
export const pendingTotpSecretContext = (accountId: string) => `sessions.pending_totp_secret:${accountId}`;
export const apiTokenContext = (tenantId: string) => `case_backend_connections.api_token:${tenantId}`;
export const webhookSecretContext = (tenantId: string) => `case_backend_connections.webhook_secret:${tenantId}`;
/** A secret of the lead webhook, bound to its row (several per company and provider during a rotation). */
export const leadWebhookSecretContext = (tenantId: string, secretId: string) => `lead_webhook_secrets.secret:${tenantId}:${secretId}`;

const VERSION = 'v1';
const KEY_BYTES = 32;

export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('mieterportal data encryption key id').update(key).digest('hex').slice(0, 12);
}

/** A base64 (or base64url) key of exactly 32 bytes, else a German error naming the variable. */
export function parseKey(value: string, variable: string): Buffer {
  const key = Buffer.from(value.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError(`${variable} muss genau 32 Bytes lang sein, base64-kodiert (z. B. \`openssl rand -base64 32\`).`);
  }
  return key;
}

export function createSecretBox(current: Buffer, previous: Buffer[] = []): SecretBox {
  const keys = new Map([current, ...previous].map((key) => [keyIdOf(key), key]));
  const currentId = keyIdOf(current);
  const parts = (value: string) => {
    const [version, keyId, iv, tag, ciphertext, ...rest] = value.split(':');
    if (version !== VERSION || !keyId || !iv || !tag || ciphertext === undefined || rest.length) return undefined;
    return { keyId, iv, tag, ciphertext };
  };
  return {
    keyId: currentId,
    seal(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current, iv);
      cipher.setAAD(Buffer.from(context, 'utf8'));
      const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, currentId, iv.toString('base64url'), tag.toString('base64url'), ciphertext.toString('base64url')].join(':');
    },
    open(sealed, context) {
      const value = parts(sealed);
      if (!value) throw new SecretBoxError('Der gespeicherte Wert ist nicht verschlüsselt.');
      const key = keys.get(value.keyId);
      if (!key) throw new SecretBoxError(`Der gespeicherte Wert ist mit einem unbekannten Schlüssel (${value.keyId}) verschlüsselt.`);
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(value.iv, 'base64url'));
        decipher.setAAD(Buffer.from(context, 'utf8'));
        decipher.setAuthTag(Buffer.from(value.tag, 'base64url'));
        return Buffer.concat([decipher.update(Buffer.from(value.ciphertext, 'base64url')), decipher.final()]).toString('utf8');
      } catch {
        throw new SecretBoxError('Der gespeicherte Wert lässt sich nicht entschlüsseln (falscher Schlüssel oder verändert).');
      }
    },
    isSealed: (value) => parts(value) !== undefined,
    keyIdOf: (value) => parts(value)?.keyId,
    canOpen: (value) => {
      const keyId = parts(value)?.keyId;
      return keyId !== undefined && keys.has(keyId);
    },
  };
}

/**
 * The box of this installation: DATA_ENCRYPTION_KEY (required in production); outside production a key is
 * generated once and kept in DATA_DIR, like the session secret. DATA_ENCRYPTION_PREVIOUS_KEYS still open
 * values sealed before a rotation.
 */
export function secretBoxFromConfig(config: Config): SecretBox {
  const previous = (config.DATA_ENCRYPTION_PREVIOUS_KEYS ?? '')
    .split(',')
    .filter((value) => value.trim())
    .map((value) => parseKey(value, 'DATA_ENCRYPTION_PREVIOUS_KEYS'));
  if (config.DATA_ENCRYPTION_KEY) return createSecretBox(parseKey(config.DATA_ENCRYPTION_KEY, 'DATA_ENCRYPTION_KEY'), previous);
  const file = join(config.DATA_DIR, 'data-encryption-key');
  if (!existsSync(file)) {
    mkdirSync(config.DATA_DIR, { recursive: true });
    writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { mode: 0o600 });
  }
  return createSecretBox(parseKey(readFileSync(file, 'utf8'), file), previous);
}
