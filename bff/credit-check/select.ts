import type { Config } from '../config.ts';
import { createDemoCreditCheck } from './demo.ts';
import { createHttpCreditCheck } from './http.ts';
import type { CreditCheck } from './port.ts';

/** The configured adapter: the HTTP gateway when CREDIT_CHECK_URL is set, else the offline demo. */
export function creditCheckFromConfig(config: Config): CreditCheck {
  if (!config.CREDIT_CHECK_URL) return createDemoCreditCheck();
  return createHttpCreditCheck({
    url: config.CREDIT_CHECK_URL,
    apiKey: config.CREDIT_CHECK_API_KEY!,
    bureauName: config.CREDIT_CHECK_BUREAU_NAME!,
    timeoutMs: config.CREDIT_CHECK_TIMEOUT_MS,
  });
}
