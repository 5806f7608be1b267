import { attachmentOperations } from '../contract/attachments.ts';
import { caseOperations as operations } from '../contract/cases.ts';
import { catalogueAdminOperations } from '../contract/catalogue-admin.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import { sendFile } from '../http/send-file.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { createThumbnails } from '../uploads/thumbnails.ts';
import { DEFAULT_UPLOAD_LIMITS } from '../uploads/use-cases.ts';
import { createCatalogueAdminUseCases } from './catalogue-admin.ts';
import { createIncidentUseCases } from './incident-use-cases.ts';
import { createRoutingUseCases } from './routing-use-cases.ts';
import type { CaseUseCases } from './use-cases.ts';
import { sendCaseExport } from './case-export.ts';
import { berlinToday } from '../tenancies/move-out.ts';

/** Case API: residents file and follow their own cases; clerks work all cases of their housing company. */
export function registerCaseRoutes(api: Api, ctx: AppContext, cases: CaseUseCases): void {
  const routing = createRoutingUseCases(ctx.db);
  const incidents = createIncidentUseCases(ctx.db);

  // Resident. Fixed paths come before /cases/:id.
  api.route(operations.caseCatalogue, ({ req }) => cases.catalogue(tenantContext(req)));
  api.route(operations.openDamageReports, ({ req, query }) => cases.openDamageReports(tenantContext(req), query.categoryId));
  api.route(operations.joinIncident, ({ req, params }) => incidents.join(tenantContext(req), params.caseNumber));
  api.route(operations.listJoinedIncidents, ({ req }) => incidents.listJoined(tenantContext(req)));
  api.route(operations.fileCase, ({ req, body }) => cases.fileCase(tenantContext(req), body));
  api.route(operations.listOwnCases, ({ req, query }) => cases.listOwnCases(tenantContext(req), query));
  api.route(operations.ownCaseDetail, ({ req, params }) => cases.ownCaseDetail(tenantContext(req), params.id));
  api.route(operations.postResidentMessage, ({ req, params, body }) => cases.postResidentMessage(tenantContext(req), params.id, body));

  // Staff.
  api.route(operations.listCases, ({ req, query }) => {
    const context = tenantContext(req);
    return cases.listCases(context, {
      types: query.type,
      statuses: query.status,
      assigneeId: query.assignee === 'me' ? context.accountId : query.assignee === 'none' ? undefined : query.assignee,
      unassigned: query.assignee === 'none',
      buildingId: query.building,
      overdue: query.overdue,
      limit: query.limit,
      cursor: query.cursor,
    });
  });
  api.route(operations.exportCases, async ({ req, res, query }) => {
    const context = tenantContext(req);
    const filter = {
      types: query.type,
      statuses: query.status,
      assigneeId: query.assignee === 'me' ? context.accountId : query.assignee === 'none' ? undefined : query.assignee,
      unassigned: query.assignee === 'none',
      buildingId: query.building,
      overdue: query.overdue,
    };
    await sendCaseExport(res, cases, context, filter, query.format, berlinToday());
  });
  api.route(operations.caseDetail, ({ req, params }) => cases.caseDetail(tenantContext(req), params.id));
  api.route(operations.changeCaseStatus, ({ req, params, body }) =>
    cases.changeStatus(tenantContext(req), params.id, body.status, body.message),
  );
  api.route(operations.assignCase, ({ req, params, body }) => {
    const context = tenantContext(req);
    return cases.assign(context, params.id, body.assigneeId === 'me' ? context.accountId : body.assigneeId);
  });
  api.route(operations.replyToCase, ({ req, params, body }) => cases.reply(tenantContext(req), params.id, body.body));
  api.route(operations.addInternalNote, ({ req, params, body }) => cases.addInternalNote(tenantContext(req), params.id, body.body));
  api.route(operations.listClerks, ({ req }) => cases.listClerks(tenantContext(req)));

  // Files of a case, for its resident and for clerks; a photo also as a thumbnail, checked the same way.
  const thumbnails = createThumbnails({
    concurrency: ctx.config.UPLOAD_DECODE_CONCURRENCY ?? DEFAULT_UPLOAD_LIMITS.decodeConcurrency,
    maxPixels: ctx.config.UPLOAD_MAX_MEGAPIXELS * 1_000_000,
  });
  for (const download of [attachmentOperations.downloadOwnCaseAttachment, attachmentOperations.downloadCaseAttachment]) {
    api.route(download, async ({ req, res, params, query }) => {
      const tenant = tenantContext(req);
      const file = await cases.attachmentFile(tenant, params.id, params.attachmentId);
      if (query?.size !== 'thumbnail') return sendFile(res, file);
      const thumbnail = await thumbnails.of(tenant.accountId, file);
      if (!thumbnail) throw notFound('Für diese Datei gibt es kein Vorschaubild.');
      sendFile(res, thumbnail);
    });
  }

  // Routing rules (who receives new cases).
  api.route(operations.listRoutingRules, ({ req }) => routing.list(tenantContext(req)));
  api.route(operations.setRoutingRule, ({ req, body }) => routing.set(tenantContext(req), body));
  api.route(operations.deleteRoutingRule, ({ req, params }) => routing.remove(tenantContext(req), params.id));
  api.route(operations.setDamageLocationCommonArea, ({ req, params, body }) =>
    routing.setCommonArea(tenantContext(req), params.id, body.commonArea),
  );

  // The admins' catalogue editor.
  const catalogue = createCatalogueAdminUseCases(ctx.db);
  api.route(catalogueAdminOperations.adminCatalogue, ({ req }) => catalogue.read(tenantContext(req)));
  api.route(catalogueAdminOperations.addCatalogueEntry, ({ req, params, body }) => catalogue.add(tenantContext(req), params.level, body));
  api.route(catalogueAdminOperations.changeCatalogueEntry, ({ req, params, body }) =>
    catalogue.change(tenantContext(req), params.level, params.id, body),
  );
  api.route(catalogueAdminOperations.removeCatalogueEntry, ({ req, params }) =>
    catalogue.remove(tenantContext(req), params.level, params.id),
  );
}
