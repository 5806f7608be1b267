import { leadMessageOperations as operations } from '../contract/lead-messages.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { LeadMailUseCases } from './lead-mail.ts';

/** The lead's mail thread: read it, write to the person (docs/leads.md, "Mail mit Interessenten"). */
export function registerLeadMessageRoutes(api: Api, mail: LeadMailUseCases): void {
  api.route(operations.listLeadMessages, ({ req, params }) => mail.listMessages(tenantContext(req), params.id));
  api.route(operations.sendLeadMessage, ({ req, params, body }) => mail.sendMessage(tenantContext(req), params.id, body));
}
