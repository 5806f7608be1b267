import type { Express, Request, RequestHandler } from 'express';
import { creditCheckOperations as operations } from '../contract/credit-checks.ts';
import { LINK_TOKEN_HEADER } from '../contract/viewings.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { CreditCheckUseCases } from './use-cases.ts';

const linkToken = (req: Request) => req.get(LINK_TOKEN_HEADER) || undefined;

/** Credit check of a lead (staff) and the person's consent through the signed link (public, `X-Link-Token`). */
export function registerCreditCheckRoutes(api: Api, creditChecks: CreditCheckUseCases): void {
  api.route(operations.leadCreditCheck, ({ req, params }) => creditChecks.state(tenantContext(req), params.id));
  api.route(operations.requestCreditCheckConsent, ({ req, params, body }) =>
    creditChecks.requestConsent(tenantContext(req), params.id, body.validDays),
  );
  api.route(operations.runCreditCheck, ({ req, params }) => creditChecks.run(tenantContext(req), params.id));

  api.route(operations.creditCheckConsent, ({ req }) => creditChecks.page(linkToken(req)));
  api.route(operations.giveCreditCheckConsent, ({ req, body }) => creditChecks.give(linkToken(req), body));
  api.route(operations.withdrawCreditCheckConsent, ({ req }) => creditChecks.withdraw(linkToken(req)));
}

/**
 * The small public page the consent mail links to (`/bonitaet#token=…`): `<credit-check-consent>` alone, under the
 * pages' security policy. The token travels in the fragment, which browsers never send to a server or in a Referer.
 */
export function mountCreditCheckConsentPage(app: Express, pagePolicy: RequestHandler): void {
  app.get('/bonitaet', pagePolicy, (_req, res) => {
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(`<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Einwilligung zur Bonitätsprüfung</title>
    <link rel="stylesheet" href="/widgets/widgets.css" />
    <script type="module" src="/widgets/widgets.js"></script>
  </head>
  <body>
    <main><credit-check-consent></credit-check-consent></main>
  </body>
</html>
`);
  });
}
