import type { AppContext } from '../context.ts';
import { createHttpCaseBackend } from '../case-backend-http/http-case-backend.ts';
import type { CaseBackend } from './case-backend.ts';
import { createEmbeddedCaseBackend } from './embedded-case-backend.ts';
import { createCaseUseCases } from './use-cases.ts';

/**
 * The case backend and use cases every route module works cases through (cases, documents), so a change
 * made anywhere takes the same path: per housing company forwarded to its Vorgang API when connected,
 * otherwise embedded only; then realtime and the status e-mail.
 */
export function createCaseService(ctx: AppContext): { backend: CaseBackend; cases: ReturnType<typeof createCaseUseCases> } {
  const backend = createHttpCaseBackend(createEmbeddedCaseBackend());
  const cases = createCaseUseCases({ db: ctx.db, backend, realtime: ctx.realtime, mailer: ctx.mailer, logger: ctx.logger });
  return { backend, cases };
}
