import { privacyOperations as operations } from '../contract/privacy.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import { sendFile } from '../http/send-file.ts';
import type { PrivacyUseCases } from './use-cases.ts';

/** "Meine Daten" of a resident (export, erasure request) and the admins' list of erasure requests. */
export function registerPrivacyRoutes(api: Api, privacy: PrivacyUseCases): void {
  api.route(operations.privacyOverview, ({ req }) => privacy.overview(tenantContext(req)));
  api.route(operations.privacyExport, async ({ req, res }) => {
    const data = await privacy.exportData(tenantContext(req));
    // A download, like the PDF: saved as a file, never cached.
    res.setHeader('Content-Disposition', `attachment; filename="Datenauskunft-${data.generatedAt.slice(0, 10)}.json"`);
    res.setHeader('Cache-Control', 'private, no-store');
    return data;
  });
  api.route(operations.privacyExportPdf, async ({ req, res }) => {
    const file = await privacy.exportPdf(tenantContext(req));
    sendFile(res, { fileName: file.fileName, contentType: 'application/pdf', content: file.content });
  });
  api.route(operations.requestErasure, ({ req }) => privacy.requestErasure(tenantContext(req)));
  api.route(operations.listErasureRequests, async ({ req }) => ({ requests: await privacy.listRequests(tenantContext(req)) }));
  api.route(operations.completeErasureRequest, ({ req, params }) => privacy.complete(tenantContext(req), params.id));
}
