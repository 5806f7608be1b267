import type { AdminErasureRequest, ErasureRequest, PrivacyOverview, RetainedItem } from '../internal/privacy-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';

/** The endpoints a fake can be told to fail (503) or never to answer. */
export type PrivacyEndpoint = 'overview' | 'request' | 'list' | 'complete';

export interface FakePrivacyOptions {
  /** The resident's erasure request: none, open or completed earlier. */
  request?: 'none' | 'open' | 'completed';
  /** The admins' list (default: an open and a completed one). */
  requests?: AdminErasureRequest[];
  failing?: PrivacyEndpoint[];
  pendingForever?: PrivacyEndpoint[];
  /** Every request is refused with 403, as the BFF refuses a clerk. */
  forbidden?: boolean;
  latency?: number;
}

/** What Anna Müller's erasure would keep: an open case, two closed ones, letters, her tenancy, the request. */
export function fakeRetained(): RetainedItem[] {
  return [
    {
      kind: 'openCases',
      count: 1,
      what: '1 offenes Anliegen',
      reason: 'Offene Anliegen bearbeitet die Hausverwaltung zu Ende.',
      keptUntil: null,
    },
    { kind: 'cases', count: 2, what: '2 abgeschlossene Anliegen', reason: '§ 257 HGB, § 147 AO', keptUntil: '2036-03-02' },
    { kind: 'documents', count: 3, what: '3 Schreiben', reason: '§ 257 HGB, § 147 AO', keptUntil: '2036-01-15' },
    { kind: 'tenancies', count: 1, what: 'Ihr Mietverhältnis', reason: 'Art. 6 Abs. 1 lit. b DSGVO', keptUntil: null },
    { kind: 'request', count: 1, what: 'Ihr Löschantrag', reason: 'Art. 5 Abs. 2 DSGVO', keptUntil: '2029-03-02' },
  ];
}

const openRequest = (): ErasureRequest => ({
  id: '7a1e0c55-0000-4000-8000-000000000001',
  status: 'open',
  requestedAt: '2026-03-02T09:30:00.000Z',
  completedAt: null,
});

/** Two requests as the admins see them: Anna Müller's open one and Jonas Weber's, completed. */
export function fakeAdminRequests(): AdminErasureRequest[] {
  return [
    {
      ...openRequest(),
      residentName: 'Anna Müller',
      externalRef: 'M-1001',
      unit: 'EG links',
      completedBy: null,
      outcome: null,
    },
    {
      id: '7a1e0c55-0000-4000-8000-000000000002',
      status: 'completed',
      requestedAt: '2026-02-10T11:00:00.000Z',
      completedAt: '2026-02-12T08:15:00.000Z',
      residentName: 'Jonas Weber',
      externalRef: 'M-1007',
      unit: '2. OG rechts',
      completedBy: 'Anton Admin',
      outcome: {
        removed: { chatMessages: 14, chatConversations: 2, sessions: 3, documentReads: 5 },
        anonymised: { account: true, names: true, expiredCases: 1 },
        kept: fakeRetained().filter((item) => item.kind !== 'tenancies' && item.kind !== 'openCases'),
      },
    },
  ];
}

/** "Meine Daten" and the admins' erasure requests (docs/data-subject-rights.md) in memory, for tests and stories. */
export class FakePrivacy {
  overview: PrivacyOverview;
  requests: AdminErasureRequest[];

  constructor(private readonly options: FakePrivacyOptions = {}) {
    const request = options.request ?? 'none';
    this.overview = {
      erasureRequest:
        request === 'open'
          ? openRequest()
          : request === 'completed'
            ? { ...openRequest(), status: 'completed', requestedAt: '2025-05-02T09:30:00.000Z', completedAt: '2025-05-06T10:00:00.000Z' }
            : null,
      retained: fakeRetained(),
    };
    this.requests = options.requests ?? fakeAdminRequests();
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      const route = `${request.method} ${request.path}`;
      const endpoint = this.endpointOf(route);
      if (!endpoint) return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (this.options.pendingForever?.includes(endpoint)) await new Promise(() => {});
      if (this.options.forbidden) return error(403, 'forbidden', 'Keine Berechtigung für diese Aktion.');
      if (this.options.failing?.includes(endpoint))
        return error(
          503,
          'service_unavailable',
          'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
        );
      switch (endpoint) {
        case 'overview':
          return json(200, this.overview);
        case 'request': {
          if (this.overview.erasureRequest?.status === 'open')
            return error(409, 'erasure_already_requested', 'Sie haben die Löschung Ihrer Daten bereits beantragt.');
          this.overview = { ...this.overview, erasureRequest: openRequest() };
          return json(201, this.overview.erasureRequest);
        }
        case 'list':
          return json(200, { requests: this.requests });
        case 'complete': {
          const id = /\/erasure-requests\/([\w-]+)\/complete$/.exec(request.path)![1];
          const found = this.requests.find((entry) => entry.id === id);
          if (!found) return error(404, 'not_found', 'Diesen Löschantrag gibt es nicht.');
          if (found.status === 'completed') return error(409, 'erasure_request_completed', 'Dieser Löschantrag ist bereits erledigt.');
          const done: AdminErasureRequest = {
            ...found,
            status: 'completed',
            completedAt: '2026-03-03T10:00:00.000Z',
            completedBy: 'Anton Admin',
            outcome: {
              removed: { chatMessages: 6, chatConversations: 1, sessions: 2 },
              anonymised: { account: true, names: false, expiredCases: 0 },
              kept: fakeRetained(),
            },
          };
          this.requests = this.requests.map((entry) => (entry.id === id ? done : entry));
          return json(200, done);
        }
      }
    },
  ];

  private endpointOf(route: string): PrivacyEndpoint | undefined {
    if (route === 'GET /api/account/privacy') return 'overview';
    if (route === 'POST /api/account/privacy/erasure-request') return 'request';
    if (route === 'GET /api/privacy/erasure-requests') return 'list';
    if (/^POST \/api\/privacy\/erasure-requests\/[\w-]+\/complete$/.test(route)) return 'complete';
    return undefined;
  }
}
