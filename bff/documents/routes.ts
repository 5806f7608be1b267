import { documentOperations as operations } from '../contract/documents.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import { sendFile } from '../http/send-file.ts';
import type { AppContext } from '../context.ts';
import type { CaseUseCases } from '../cases/use-cases.ts';
import type { UploadUseCases } from '../uploads/use-cases.ts';
import { createDocumentUseCases } from './use-cases.ts';

/** "Meine Dokumente" for residents; publishing and the Mieterbescheinigung for clerks. */
export function registerDocumentRoutes(api: Api, ctx: AppContext, deps: { cases: CaseUseCases; uploads: UploadUseCases }): void {
  const documents = createDocumentUseCases({ db: ctx.db, realtime: ctx.realtime, ...deps });

  // Resident. Fixed paths come before /documents/:id.
  api.route(operations.listOwnDocuments, ({ req, query }) => documents.listOwn(tenantContext(req), query));
  api.route(operations.unreadDocumentCount, ({ req }) => documents.unreadCount(tenantContext(req)));
  api.route(operations.downloadOwnDocument, async ({ req, res, params }) => {
    sendFile(res, await documents.download(tenantContext(req), params.id));
  });
  api.route(operations.markDocumentRead, async ({ req, params }) => documents.markRead(tenantContext(req), params.id));

  // Staff.
  api.route(operations.listDocuments, ({ req, query }) => documents.listForStaff(tenantContext(req), query));
  api.route(operations.publishDocument, ({ req, body }) => documents.publishUpload(tenantContext(req), body));
  api.route(operations.publishCaseDocument, ({ req, params, body }) => documents.publishToCase(tenantContext(req), params.id, body));
  api.route(operations.previewTenantCertificate, ({ req, params }) => documents.previewTenantCertificate(tenantContext(req), params.id));
  api.route(operations.issueTenantCertificate, ({ req, params, body }) =>
    documents.issueTenantCertificate(tenantContext(req), params.id, body),
  );
}
