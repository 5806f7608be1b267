import { generate, generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';

/** RFC 6238 TOTP as authenticator apps expect it: SHA-1, 6 digits, 30-second steps, base32 secret. */
const PERIOD = 30;

export function newTotpSecret(): string {
  return generateSecret();
}

export function totpUri(secret: string, label: string, issuer: string): string {
  return generateURI({ issuer, label, secret });
}

export async function totpQrCodeSvg(uri: string): Promise<string> {
  return QRCode.toString(uri, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
}

export function currentTotp(secret: string, atMs = Date.now()): Promise<string> {
  return generate({ secret, epoch: Math.floor(atMs / 1000) });
}

/**
 * Accepts the current step and one step either side (clock drift). Returns the matched time step so the
 * caller can refuse a code that was already used (replay), or undefined when the code is wrong.
 */
export async function verifyTotp(secret: string, code: string, afterStep?: number): Promise<number | undefined> {
  if (!/^\d{6}$/.test(code)) return undefined;
  const epoch = Math.floor(Date.now() / 1000);
  const result = await verify({
    secret,
    token: code,
    epoch,
    epochTolerance: PERIOD,
    ...(afterStep !== undefined ? { afterTimeStep: afterStep } : {}),
  });
  if (!result.valid) return undefined;
  const delta = 'delta' in result && typeof result.delta === 'number' ? result.delta : 0;
  return Math.floor(epoch / PERIOD) + delta;
}
