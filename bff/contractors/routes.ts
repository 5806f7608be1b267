import type { Express, Request, RequestHandler } from 'express';
import { contractorOperations as operations } from '../contract/contractors.ts';
import { LINK_TOKEN_HEADER } from '../contract/viewings.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { ContractorUseCases } from './use-cases.ts';

const linkToken = (req: Request) => req.get(LINK_TOKEN_HEADER) || undefined;

/** Contractors and work orders (staff), and the contractor's answer through the signed link (public, `X-Link-Token`). */
export function registerContractorRoutes(api: Api, contractors: ContractorUseCases): void {
  api.route(operations.listContractors, ({ req }) => contractors.listContractors(tenantContext(req)));
  api.route(operations.createContractor, ({ req, body }) => contractors.createContractor(tenantContext(req), body));
  api.route(operations.updateContractor, ({ req, params, body }) => contractors.updateContractor(tenantContext(req), params.id, body));
  api.route(operations.createWorkOrder, ({ req, params, body }) => contractors.commission(tenantContext(req), params.id, body));
  api.route(operations.listWorkOrders, ({ req, params }) => contractors.listWorkOrders(tenantContext(req), params.id));

  api.route(operations.contractorOrder, ({ req }) => contractors.view(linkToken(req)));
  api.route(operations.answerContractorOrder, ({ req, body }) => contractors.answer(linkToken(req), body));
}

/**
 * The small public page the order mail links to (`/auftrag#token=…`): `<contractor-answer>` alone, under the pages'
 * security policy. The token travels in the fragment, which browsers never send to a server or in a Referer.
 */
export function mountContractorAnswerPage(app: Express, pagePolicy: RequestHandler): void {
  app.get('/auftrag', pagePolicy, (_req, res) => {
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(`<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Auftrag beantworten</title>
    <link rel="stylesheet" href="/widgets/widgets.css" />
    <script type="module" src="/widgets/widgets.js"></script>
  </head>
  <body>
    <main><contractor-answer></contractor-answer></main>
  </body>
</html>
`);
  });
}
