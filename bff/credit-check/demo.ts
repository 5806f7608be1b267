import { createHash } from 'node:crypto';
import { CREDIT_CHECK_CLASSES } from '../contract/enums.ts';
import type { CreditCheck } from './port.ts';

/**
 * The offline adapter (default): no bureau, no network. The same person gives the same answer — reference and class
 * are derived from a hash of the request — so demos and tests are repeatable.
 */
export function createDemoCreditCheck(): CreditCheck {
  return {
    bureauName: 'Demo-Auskunftei (keine echte Abfrage)',
    async check(request) {
      const digest = createHash('sha256')
        .update(JSON.stringify([request.name.trim().toLowerCase(), request.birthDate, request.address]))
        .digest();
      return {
        reference: `DEMO-${digest.subarray(0, 6).toString('hex').toUpperCase()}`,
        class: CREDIT_CHECK_CLASSES[digest[6] % CREDIT_CHECK_CLASSES.length],
      };
    },
  };
}
