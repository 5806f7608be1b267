import { documentOperations as operations } from '../contract/documents.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { sendAttachment } from '../attachments/attachments.ts';
import { takeStagedUpload } from '../attachments/uploads.ts';
import { createCaseService } from '../cases/case-service.ts';
import { createDocumentUseCases } from './use-cases.ts';

/** "Meine Dokumente" for residents; publishing and the Mieterbescheinigung for clerks. */
export function registerDocumentRoutes(api: Api, ctx: AppContext): void {
  // The same path as the case routes: closing a certificate request reaches a connected Vorgang API too.
  const { backend, cases } = createCaseService(ctx);
  const documents = createDocumentUseCases({
    db: ctx.db,
    backend,
    cases,
    takeUpload: takeStagedUpload,
    realtime: ctx.realtime,
    logger: ctx.logger,
  });

  // Resident. Fixed paths come before /documents/:id.
  api.route(operations.listOwnDocuments, ({ req, query }) => documents.listOwn(tenantContext(req), query));
  api.route(operations.unreadDocumentCount, ({ req }) => documents.unreadCount(tenantContext(req)));
  api.route(operations.downloadOwnDocument, async ({ req, res, params }) => {
    sendAttachment(res, await documents.download(tenantContext(req), params.id));
  });
  api.route(operations.markDocumentRead, async ({ req, params }) => documents.markRead(tenantContext(req), params.id));

  // Staff.
  api.route(operations.listDocuments, ({ req, query }) => documents.listForStaff(tenantContext(req), query));
  api.route(operations.publishDocument, ({ req, body }) => documents.publishUpload(tenantContext(req), body));
  api.route(operations.publishCaseDocument, ({ req, params, body }) => documents.publishToCase(tenantContext(req), params.id, body));
  api.route(operations.issueTenantCertificate, ({ req, params }) => documents.issueTenantCertificate(tenantContext(req), params.id));
}
