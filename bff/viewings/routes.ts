import type { Express, Request, RequestHandler } from 'express';
import { LINK_TOKEN_HEADER, viewingOperations as operations } from '../contract/viewings.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import type { ViewingUseCases } from './use-cases.ts';

const linkToken = (req: Request) => req.get(LINK_TOKEN_HEADER) || undefined;

/** Viewing slots (staff) and the invited person's booking through the signed link (public, `X-Link-Token`). */
export function registerViewingRoutes(api: Api, viewings: ViewingUseCases): void {
  api.route(operations.listViewingSlots, ({ req, params }) => viewings.listSlots(tenantContext(req), params.id));
  api.route(operations.createViewingSlot, ({ req, params, body }) => viewings.createSlot(tenantContext(req), params.id, body));
  api.route(operations.cancelViewingSlot, ({ req, params }) => viewings.cancelSlot(tenantContext(req), params.id));
  api.route(operations.inviteLeadToViewing, ({ req, params, body }) => viewings.invite(tenantContext(req), params.id, body.validDays));

  api.route(operations.viewingBooking, ({ req }) => viewings.state(linkToken(req)));
  api.route(operations.bookViewing, ({ req, body }) => viewings.book(linkToken(req), body));
  api.route(operations.cancelViewing, ({ req }) => viewings.cancel(linkToken(req)));
  api.route(operations.viewingBookingCalendar, async ({ req, res }) => {
    const calendar = await viewings.calendar(linkToken(req));
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Content-Disposition', 'attachment; filename="besichtigung.ics"');
    res.setHeader('Cache-Control', 'no-store');
    res.send(calendar);
  });
}

/**
 * The small public page the invitation links to (`/besichtigung#token=…`): `<viewing-booking>` alone, under the
 * pages' security policy. The token travels in the fragment, which browsers never send to a server or in a Referer.
 */
export function mountViewingBookingPage(app: Express, pagePolicy: RequestHandler): void {
  app.get('/besichtigung', pagePolicy, (_req, res) => {
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('Cache-Control', 'no-store');
    res.type('html').send(`<!doctype html>
<html lang="de">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>Besichtigungstermin</title>
    <link rel="stylesheet" href="/widgets/widgets.css" />
    <script type="module" src="/widgets/widgets.js"></script>
  </head>
  <body>
    <main><viewing-booking></viewing-booking></main>
  </body>
</html>
`);
  });
}
