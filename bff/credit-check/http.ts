import { z } from 'zod';
import { CREDIT_CHECK_CLASSES } from '../contract/enums.ts';
import { CreditCheckUnavailable, type CreditCheck } from './port.ts';

/**
 * The HTTP adapter: JSON over HTTPS (HTTP only on loopback, for tests) to a bureau's gateway, configured by
 * CREDIT_CHECK_URL and CREDIT_CHECK_API_KEY (docs/leads.md, "Bonitätsprüfung", wire protocol there).
 *
 * Request: `POST <url>` with `Authorization: Bearer <key>` and
 * `{ "person": { "name", "birthDate" (YYYY-MM-DD or null), "address": { "street", "postalCode", "city" } } }`.
 * Answer: `200` with at least `{ "reference": "…", "scoreClass": "unbedenklich" | "mit_auflagen" | "kritisch" }`.
 * Everything else the gateway sends (scores, entries, names) is dropped here, unread and unlogged.
 */
const answer = z.object({
  reference: z.string().regex(/^[A-Za-z0-9._:/-]{1,100}$/),
  scoreClass: z.enum(CREDIT_CHECK_CLASSES),
});

export function createHttpCreditCheck(options: { url: string; apiKey: string; bureauName: string; timeoutMs: number }): CreditCheck {
  return {
    bureauName: options.bureauName,
    async check(request) {
      let response: Response;
      try {
        response = await fetch(options.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json', authorization: `Bearer ${options.apiKey}` },
          body: JSON.stringify({ person: request }),
          signal: AbortSignal.timeout(options.timeoutMs),
          redirect: 'error',
        });
      } catch (error) {
        // The cause names only the connection (refused, timeout), never a body.
        throw new CreditCheckUnavailable(`credit bureau not reachable: ${(error as Error).name}`);
      }
      if (!response.ok) {
        await response.body?.cancel();
        throw new CreditCheckUnavailable(`credit bureau answered ${response.status}`);
      }
      let body: unknown;
      try {
        body = await response.json();
      } catch {
        throw new CreditCheckUnavailable('credit bureau answered no JSON');
      }
      const parsed = answer.safeParse(body);
      if (!parsed.success) throw new CreditCheckUnavailable('credit bureau answer without reference and class');
      return { reference: parsed.data.reference, class: parsed.data.scoreClass };
    },
  };
}
