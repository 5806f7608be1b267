import type { Contractor, ContractorOrderView, WorkOrder } from '../internal/contractor-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { LINK_REFUSALS, type LinkRefusal } from './fake-viewing-booking.ts';

/**
 * A contractor order in memory, for tests and stories: the contractor's page (`/api/contractor-answer`) and the clerk's
 * part of one damage case (`/api/staff/contractors`, `/api/staff/cases/:id/work-orders`), sharing one order, with the
 * BFF's codes and words.
 */
export const FAKE_ORDER_TOKEN = 'v1.YXVmdHJhZw.c2lnbmF0dXJl';
export const FAKE_ORDER_CASE = 'ca5e0000-0000-4000-8000-0000000000d1';

export interface FakeContractorOrderOptions {
  token?: string;
  /** Every request of the link answers this refusal. */
  refuse?: LinkRefusal;
  /** The order's state; `none`: the case has no order yet. */
  status?: 'none' | WorkOrder['status'];
  accessConsent?: boolean;
  /** Every request fails with 500 (a broken server). */
  broken?: boolean;
  latency?: number;
}

const AT = '2030-04-02T09:30:00.000Z';

export const FAKE_CONTRACTORS: Contractor[] = [
  {
    id: 'c0a70000-0000-4000-8000-000000000001',
    name: 'Rohr & Co. GmbH',
    trade: 'Sanitär',
    email: 'auftrag@rohr.example',
    phone: '040 555 12',
    buildingIds: [],
    active: true,
  },
  {
    id: 'c0a70000-0000-4000-8000-000000000002',
    name: 'Elektro Blitz',
    trade: 'Elektro',
    email: 'info@blitz.example',
    phone: null,
    buildingIds: [],
    active: true,
  },
];

export class FakeContractorOrder {
  readonly token: string;
  status: 'none' | WorkOrder['status'];
  contractor = FAKE_CONTRACTORS[0];
  appointmentAt: string | null = null;
  answerNote: string | null = null;
  note = 'Schlüssel beim Hausmeister.';
  answers: unknown[] = [];

  constructor(private readonly options: FakeContractorOrderOptions = {}) {
    this.token = options.token ?? FAKE_ORDER_TOKEN;
    this.status = options.status ?? 'ordered';
    if (this.status === 'accepted') this.appointmentAt = '2030-04-05T07:00:00.000Z';
    if (this.status === 'declined') this.answerNote = 'Keine Kapazität diese Woche';
    if (this.status === 'done') this.answerNote = 'Dichtung getauscht.';
  }

  view(): ContractorOrderView {
    return {
      company: { name: 'Wohnbau Nord eG' },
      contractor: { name: this.contractor.name },
      caseNumber: '2030-0042',
      location: { address: 'Lindenallee 12, 20259 Hamburg', unit: 'EG links' },
      damage: 'Wohnung · Sanitär · Wasserhahn tropft',
      title: 'Wasserhahn tropft – Wohnung',
      description: 'Der Wasserhahn im Bad tropft seit Tagen.',
      residentAvailability: 'Werktags ab 16 Uhr',
      accessConsent: this.options.accessConsent ?? true,
      note: this.note,
      status: this.status === 'none' ? 'ordered' : this.status,
      appointmentAt: this.appointmentAt,
      answerNote: this.answerNote,
      linkExpiresAt: '2030-05-02T09:30:00.000Z',
    };
  }

  workOrders(): WorkOrder[] {
    if (this.status === 'none') return [];
    return [
      {
        id: 'a7d00000-0000-4000-8000-000000000001',
        caseId: FAKE_ORDER_CASE,
        contractor: { id: this.contractor.id, name: this.contractor.name, trade: this.contractor.trade },
        status: this.status,
        note: this.note,
        appointmentAt: this.appointmentAt,
        answerNote: this.answerNote,
        orderedAt: AT,
        answeredAt: this.status === 'ordered' ? null : AT,
        linkExpiresAt: '2030-05-02T09:30:00.000Z',
      },
    ];
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      const publicRoute = request.path === '/api/contractor-answer';
      const staffRoute = request.path === '/api/staff/contractors' || request.path === `/api/staff/cases/${FAKE_ORDER_CASE}/work-orders`;
      if (!publicRoute && !staffRoute) return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (this.options.broken) return error(500, 'internal_error', 'Ein interner Fehler ist aufgetreten.');
      if (publicRoute) return this.answerContractor(request.method, request.headers.get('x-link-token'), request.body);
      return this.answerStaff(request.method, request.path, request.body);
    },
  ];

  private answerContractor(method: string, token: string | null, body: any): Response {
    if (!token) return error(401, 'link_missing', LINK_REFUSALS.link_missing[1]);
    if (this.options.refuse)
      return error(LINK_REFUSALS[this.options.refuse][0], this.options.refuse, LINK_REFUSALS[this.options.refuse][1]);
    if (token !== this.token) return error(401, 'link_invalid', LINK_REFUSALS.link_invalid[1]);
    if (method === 'GET') return json(200, this.view());
    if (this.status === 'declined' || this.status === 'done') {
      return error(
        409,
        'work_order_answered',
        'Dieser Auftrag ist bereits abgesagt oder als erledigt gemeldet; diese Antwort passt nicht mehr.',
      );
    }
    this.answers.push(body);
    if (body?.answer === 'accept') {
      this.status = 'accepted';
      this.appointmentAt = new Date(body.appointmentAt).toISOString();
    } else if (body?.answer === 'decline') {
      this.status = 'declined';
      this.answerNote = body.reason;
    } else {
      this.status = 'done';
      this.answerNote = body?.note ?? '';
    }
    return json(200, this.view());
  }

  private answerStaff(method: string, path: string, body: any): Response {
    if (path === '/api/staff/contractors') return json(200, { items: FAKE_CONTRACTORS });
    if (method === 'GET') return json(200, { items: this.workOrders() });
    if (this.status === 'ordered' || this.status === 'accepted') {
      return error(
        409,
        'work_order_open',
        'Für diesen Vorgang ist schon ein Handwerker beauftragt, der noch nicht abgesagt oder fertig gemeldet hat.',
      );
    }
    this.contractor = FAKE_CONTRACTORS.find((contractor) => contractor.id === body?.contractorId) ?? FAKE_CONTRACTORS[0];
    this.status = 'ordered';
    this.note = body?.note ?? '';
    this.appointmentAt = null;
    this.answerNote = null;
    const [workOrder] = this.workOrders();
    return json(201, { workOrder, url: `https://example.org/auftrag#token=${this.token}`, sentTo: this.contractor.email });
  }
}
