import { createHash, randomInt } from 'node:crypto';

/**
 * Recovery codes: 16 characters of the base32 alphabet (80 random bits, from node:crypto's CSPRNG), shown
 * grouped as `ABCD-EFGH-JKLM-NPQR`. Only a hash bound to the account is stored; 80 bits make an offline
 * search through a leaked table hopeless, and online guesses count against the sign-in lockout.
 */
export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from({ length: 16 }, () => ALPHABET[randomInt(ALPHABET.length)]).join('');
    return chars.match(/.{4}/g)!.join('-');
  });
}

/** The stored form of a code as typed (case, spaces and dashes do not matter). */
export function recoveryCodeHash(accountId: string, code: string): string {
  const normalised = code.replace(/[\s-]/g, '').toUpperCase();
  return createHash('sha256').update(`recovery:${accountId}:${normalised}`).digest('hex');
}
