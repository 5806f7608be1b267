import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { sendAttachment } from '../attachments/attachments.ts';
import { takeStagedUpload } from '../attachments/uploads.ts';
import { createCaseService } from '../cases/case-service.ts';
import { caseIdParams } from '../cases/schemas.ts';
import { createDocumentUseCases } from './use-cases.ts';
import {
  casePublishedResponse,
  casePublishInput,
  documentIdParams,
  pageQuery,
  publishedResponse,
  publishInput,
  residentDocumentList,
  staffDocumentList,
  staffDocumentQuery,
  unreadCountResponse,
} from './schemas.ts';

const tag = 'Dokumente';

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
  api.route(
    {
      method: 'get',
      path: '/documents',
      summary: 'Meine Dokumente (neueste zuerst, mit Anzahl ungelesener)',
      tag,
      access: 'resident',
      query: pageQuery,
      response: residentDocumentList,
    },
    ({ req, query }) => documents.listOwn(tenantContext(req), query),
  );
  api.route(
    {
      method: 'get',
      path: '/documents/unread-count',
      summary: 'Anzahl ungelesener Dokumente',
      tag,
      access: 'resident',
      response: unreadCountResponse,
    },
    ({ req }) => documents.unreadCount(tenantContext(req)),
  );
  api.route(
    {
      method: 'get',
      path: '/documents/:id/file',
      summary: 'Dokument herunterladen (gilt als gelesen); Antwort: die Datei, nicht JSON',
      tag,
      access: 'resident',
      params: documentIdParams,
      status: 200,
    },
    async ({ req, res, params }) => {
      sendAttachment(res, await documents.download(tenantContext(req), params.id));
    },
  );
  api.route(
    {
      method: 'post',
      path: '/documents/:id/read',
      summary: 'Dokument als gelesen markieren',
      tag,
      access: 'resident',
      params: documentIdParams,
    },
    async ({ req, params }) => documents.markRead(tenantContext(req), params.id),
  );

  // Staff.
  api.route(
    {
      method: 'get',
      path: '/staff/documents',
      summary: 'Veröffentlichte Dokumente mit Lesebestätigungen (residentId: alles, was die Person erhält)',
      tag,
      access: 'staff',
      query: staffDocumentQuery,
      response: staffDocumentList,
    },
    ({ req, query }) => documents.listForStaff(tenantContext(req), query),
  );
  api.route(
    {
      method: 'post',
      path: '/staff/documents',
      summary: 'Hochgeladene Datei an eine Mieterin, eine Wohnung oder ein Gebäude veröffentlichen',
      tag,
      access: 'staff',
      body: publishInput,
      response: publishedResponse,
      status: 201,
    },
    ({ req, body }) => documents.publishUpload(tenantContext(req), body),
  );
  api.route(
    {
      method: 'post',
      path: '/staff/cases/:id/documents',
      summary: 'Hochgeladene Datei an die Mieterin des Vorgangs veröffentlichen (erscheint im Verlauf)',
      tag,
      access: 'staff',
      params: caseIdParams,
      body: casePublishInput,
      response: casePublishedResponse,
      status: 201,
    },
    ({ req, params, body }) => documents.publishToCase(tenantContext(req), params.id, body),
  );
  api.route(
    {
      method: 'post',
      path: '/staff/cases/:id/certificate',
      summary: 'Mieterbescheinigung erstellen, veröffentlichen und den Vorgang erledigen',
      tag,
      access: 'staff',
      params: caseIdParams,
      response: casePublishedResponse,
      status: 201,
    },
    ({ req, params }) => documents.issueTenantCertificate(tenantContext(req), params.id),
  );
}
