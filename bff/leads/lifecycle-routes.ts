import { leadLifecycleOperations as operations } from '../contract/leads.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { LeadLifecycleUseCases } from './lifecycle-use-cases.ts';

/** The lead lifecycle: moves, contact channels, viewings, self-disclosure, rejection messages, § 21 AGG export, legal hold. */
export function registerLeadLifecycleRoutes(api: Api, lifecycle: LeadLifecycleUseCases): void {
  api.route(operations.moveLead, ({ req, params, body }) => lifecycle.move(tenantContext(req), params.id, body));
  api.route(operations.leadLifecycle, ({ req, params }) => lifecycle.lifecycle(tenantContext(req), params.id));
  api.route(operations.verifyLeadContact, ({ req, params, body }) => lifecycle.verifyContact(tenantContext(req), params.id, body));
  api.route(operations.planLeadViewing, ({ req, params, body }) => lifecycle.planViewing(tenantContext(req), params.id, body));
  api.route(operations.leadSelfDisclosure, ({ req, params }) => lifecycle.selfDisclosure(tenantContext(req), params.id));
  api.route(operations.recordLeadSelfDisclosure, ({ req, params, body }) =>
    lifecycle.recordSelfDisclosure(tenantContext(req), params.id, body),
  );
  api.route(operations.editLeadRejection, ({ req, params, body }) => lifecycle.editRejection(tenantContext(req), params.id, body));
  api.route(operations.releaseLeadRejection, ({ req, params, body }) => lifecycle.releaseRejection(tenantContext(req), params.id, body));
  api.route(operations.exportLeadDecisions, ({ req, params }) => lifecycle.exportDecisions(tenantContext(req), params.id));
  api.route(operations.assignLeadListing, ({ req, params, body }) => lifecycle.assignListing(tenantContext(req), params.id, body));
  api.route(operations.setLeadLegalHold, ({ req, params, body }) => lifecycle.setLegalHold(tenantContext(req), params.id, body));
}
