import { expect, waitUntil } from '@open-wc/testing';
import { io } from 'socket.io-client';
import { ApiClient } from './internal/api-client.ts';
import { liveConnected } from './internal/live-updates.ts';
import { CLERK_API, createCaseCompany, mailsTo, sessionOf, signIn } from './testing/e2e-session.ts';

/**
 * Issue "cases", end to end: a resident and a clerk of one housing company, each with their own session
 * in this one page, against the real BFF (web-test-runner.config.mjs: the resident through `/api`, the
 * clerk through `/clerk/api`).
 */
describe('cases end to end with the real BFF', () => {
  it('keeps the resident and the clerk signed in side by side and carries live updates to each over their own session', async function () {
    this.timeout(60_000);
    const company = await createCaseCompany();
    await signIn('', company, company.resident, 'resident');
    await signIn(CLERK_API, company, company.clerk, 'staff');
    expect((await sessionOf('')).user).to.include({ role: 'resident', displayName: 'Erika Mustermann' });
    expect((await sessionOf(CLERK_API)).user).to.include({ role: 'clerk', displayName: company.clerk.name });

    // Live updates as the widgets get them (socket.io, polling first, then upgraded to a WebSocket).
    const resident = new ApiClient('');
    const clerk = new ApiClient(CLERK_API);
    const heard = { resident: [] as Array<[string, any]>, clerk: [] as Array<[string, any]> };
    const stop = [
      resident.live.subscribe((event, payload) => heard.resident.push([event, payload])),
      clerk.live.subscribe((event, payload) => heard.clerk.push([event, payload])),
    ];
    // A WebSocket-only client through the clerk's prefix: the upgrade itself goes through the test server.
    const socket = io(location.origin, { path: `${CLERK_API}/socket.io`, transports: ['websocket'], reconnection: false });
    const socketHeard: string[] = [];
    socket.onAny((event: string) => socketHeard.push(event));
    try {
      await waitUntil(
        () => heard.resident.some(([event]) => event === liveConnected) && heard.clerk.some(([event]) => event === liveConnected) && socket.connected,
        'live updates did not connect',
        { timeout: 10_000 },
      );

      const filed = await resident.request<{ case: { id: string; caseNumber: string } }>('POST', '/api/cases', {
        type: 'contact',
        title: 'Frage zur Hausordnung',
        description: 'Darf ich im Hof grillen?',
      });
      await waitUntil(
        () => heard.clerk.some(([event, payload]) => event === 'case:created' && payload.case.caseNumber === filed.case.caseNumber),
        'the clerk did not hear of the new case',
        { timeout: 10_000 },
      );
      await waitUntil(() => socketHeard.includes('case:created'), 'the WebSocket-only client did not hear of the new case', { timeout: 10_000 });

      await clerk.request('PATCH', `/api/staff/cases/${filed.case.id}/status`, { status: 'in_bearbeitung', message: 'Wir prüfen das.' });
      await waitUntil(
        () => heard.resident.some(([event, payload]) => event === 'case:updated' && payload.change === 'status_changed' && payload.case.status === 'in_bearbeitung'),
        'the resident did not hear of the status change',
        { timeout: 10_000 },
      );
      await waitUntil(async () => (await mailsTo(company.resident.email)).some((mail) => mail.text.includes('Wir prüfen das.')), 'no status e-mail', {
        timeout: 10_000,
      });
      // The clerk's session never reached the resident's side, nor the other way round.
      expect(heard.resident.some(([event]) => event === 'case:created')).to.equal(false);
      expect((await sessionOf('')).user?.role).to.equal('resident');
    } finally {
      stop.forEach((unsubscribe) => unsubscribe());
      socket.disconnect();
    }
  });
});
