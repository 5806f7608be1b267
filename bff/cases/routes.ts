import { z } from 'zod';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { AppContext } from '../context.ts';
import { createClerkUseCases } from './clerks.ts';
import { createRoutingUseCases } from './routing.ts';
import { createIncidentUseCases } from './incidents.ts';
import { createCaseService } from './case-service.ts';
import { caseAttachmentView } from '../attachments/attachments.ts';
import {
  assigneeChangeInput,
  caseNumberParams,
  caseIdParams,
  catalogueResponse,
  createdCaseResponse,
  joinedIncidentResponse,
  joinedIncidentsResponse,
  messageInput,
  newCaseInput,
  residentMessageInput,
  openDamageReportsQuery,
  openDamageReportsResponse,
  pageQuery,
  residentCaseDetail,
  residentCaseList,
  routingRuleInput,
  routingRulesResponse,
  staffCase,
  staffCaseDetail,
  staffCaseList,
  staffCaseQuery,
  statusChangeInput,
} from './schemas.ts';

const tag = 'Vorgänge';
const staffCaseResponse = z.object({ case: staffCase });
const clerkList = z.object({ items: z.array(z.object({ id: z.uuid(), label: z.string(), role: z.enum(['clerk', 'admin']) })) });

/** Case API: residents file and follow their own cases; clerks work all cases of their housing company. */
export function registerCaseRoutes(api: Api, ctx: AppContext): void {
  const { cases } = createCaseService(ctx);
  const routing = createRoutingUseCases(ctx.db);
  const incidents = createIncidentUseCases(ctx);
  const clerks = createClerkUseCases(ctx.db);

  // Resident. Fixed paths come before /cases/:id.
  api.route(
    {
      method: 'get',
      path: '/cases/catalogue',
      summary: 'Schadens- und Dokumentenkatalog der Hausverwaltung',
      tag,
      access: 'session',
      response: catalogueResponse,
    },
    ({ req }) => cases.catalogue(tenantContext(req)),
  );
  api.route(
    {
      method: 'get',
      path: '/cases/open-damage-reports',
      summary: 'Bereits gemeldet? Offene Schadensmeldungen im eigenen Gebäude (ohne personenbezogene Daten)',
      tag,
      access: 'resident',
      query: openDamageReportsQuery,
      response: openDamageReportsResponse,
    },
    ({ req, query }) => cases.openDamageReports(tenantContext(req), query.categoryId),
  );
  api.route(
    {
      method: 'post',
      path: '/cases/open-damage-reports/:caseNumber/join',
      summary: 'Ich bin auch betroffen: einer offenen Schadensmeldung im eigenen Gebäude anschließen',
      tag,
      access: 'resident',
      params: caseNumberParams,
      response: joinedIncidentResponse,
      status: 201,
    },
    ({ req, params }) => incidents.join(tenantContext(req), params.caseNumber),
  );
  api.route(
    {
      method: 'get',
      path: '/cases/joined',
      summary: 'Schadensmeldungen, denen ich mich angeschlossen habe',
      tag,
      access: 'resident',
      response: joinedIncidentsResponse,
    },
    ({ req }) => incidents.listJoined(tenantContext(req)),
  );
  api.route(
    {
      method: 'post',
      path: '/cases',
      summary: 'Anliegen melden',
      tag,
      access: 'resident',
      body: newCaseInput,
      response: createdCaseResponse,
      status: 201,
    },
    ({ req, body }) => cases.fileCase(tenantContext(req), body),
  );
  api.route(
    { method: 'get', path: '/cases', summary: 'Meine Anliegen', tag, access: 'resident', query: pageQuery, response: residentCaseList },
    ({ req, query }) => cases.listOwnCases(tenantContext(req), query),
  );
  api.route(
    {
      method: 'get',
      path: '/cases/:id',
      summary: 'Mein Anliegen mit öffentlichem Verlauf',
      tag,
      access: 'resident',
      params: caseIdParams,
      response: residentCaseDetail.extend({ attachments: z.array(caseAttachmentView) }),
    },
    ({ req, params }) => cases.ownCaseDetail(tenantContext(req), params.id),
  );
  api.route(
    {
      method: 'post',
      path: '/cases/:id/messages',
      summary: 'Nachricht zu meinem offenen Anliegen',
      tag,
      access: 'resident',
      params: caseIdParams,
      body: residentMessageInput,
      response: createdCaseResponse,
      status: 201,
    },
    ({ req, params, body }) => cases.postResidentMessage(tenantContext(req), params.id, body),
  );

  // Staff.
  api.route(
    {
      method: 'get',
      path: '/staff/cases',
      summary: 'Vorgänge nach Frist, mit Filtern',
      tag,
      access: 'staff',
      query: staffCaseQuery,
      response: staffCaseList,
    },
    ({ req, query }) => {
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
    },
  );
  api.route(
    {
      method: 'get',
      path: '/staff/cases/:id',
      summary: 'Vorgang mit Aktivitätenprotokoll und internen Notizen',
      tag,
      access: 'staff',
      params: caseIdParams,
      response: staffCaseDetail.extend({ attachments: z.array(caseAttachmentView) }),
    },
    ({ req, params }) => cases.caseDetail(tenantContext(req), params.id),
  );
  api.route(
    {
      method: 'patch',
      path: '/staff/cases/:id/status',
      summary: 'Status ändern (optional mit öffentlicher Nachricht; der Mieter erhält eine E-Mail)',
      tag,
      access: 'staff',
      params: caseIdParams,
      body: statusChangeInput,
      response: staffCaseResponse,
    },
    ({ req, params, body }) => cases.changeStatus(tenantContext(req), params.id, body.status, body.message),
  );
  api.route(
    {
      method: 'patch',
      path: '/staff/cases/:id/assignee',
      summary: 'Vorgang zuweisen',
      tag,
      access: 'staff',
      params: caseIdParams,
      body: assigneeChangeInput,
      response: staffCaseResponse,
    },
    ({ req, params, body }) => cases.assign(tenantContext(req), params.id, body.assigneeId),
  );
  api.route(
    {
      method: 'post',
      path: '/staff/cases/:id/replies',
      summary: 'Öffentliche Antwort an den Mieter',
      tag,
      access: 'staff',
      params: caseIdParams,
      body: messageInput,
      response: staffCaseResponse,
      status: 201,
    },
    ({ req, params, body }) => cases.reply(tenantContext(req), params.id, body.body),
  );
  api.route(
    {
      method: 'post',
      path: '/staff/cases/:id/notes',
      summary: 'Interne Notiz (für Mieter nie sichtbar)',
      tag,
      access: 'staff',
      params: caseIdParams,
      body: messageInput,
      response: staffCaseResponse,
      status: 201,
    },
    ({ req, params, body }) => cases.addInternalNote(tenantContext(req), params.id, body.body),
  );

  api.route(
    {
      method: 'get',
      path: '/staff/clerks',
      summary: 'Sachbearbeitung der Hausverwaltung (für die Zuweisung)',
      tag,
      access: 'staff',
      response: clerkList,
    },
    ({ req }) => clerks.list(tenantContext(req)),
  );

  // Routing rules (who receives new cases).
  api.route(
    {
      method: 'get',
      path: '/staff/case-routing-rules',
      summary: 'Zuständigkeitsregeln',
      tag,
      access: 'staff',
      response: routingRulesResponse,
    },
    ({ req }) => routing.list(tenantContext(req)),
  );
  api.route(
    {
      method: 'put',
      path: '/staff/case-routing-rules',
      summary: 'Zuständigkeit für eine Vorgangsart (und Schadenskategorie) festlegen',
      tag,
      access: 'admin',
      body: routingRuleInput,
      response: z.object({ id: z.uuid() }),
    },
    ({ req, body }) => routing.set(tenantContext(req), body),
  );
  api.route(
    {
      method: 'delete',
      path: '/staff/case-routing-rules/:id',
      summary: 'Zuständigkeitsregel löschen',
      tag,
      access: 'admin',
      params: caseIdParams,
    },
    ({ req, params }) => routing.remove(tenantContext(req), params.id),
  );
}
