import { listingChange, listingInput } from '../../bff/contract/leads.ts';
import { viewingSlotInput } from '../../bff/contract/viewings.ts';
import type { LeadOverview, Listing, ListingUnit, ViewingSlot } from '../internal/listings-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { fieldsOf } from './fake-settings.ts';

/** The endpoints a fake can be told to fail. */
export type ListingsEndpoint = 'listings' | 'units' | 'save' | 'slots' | 'offer' | 'cancel' | 'overview';

export interface FakeListingsOptions {
  listings?: Listing[];
  units?: ListingUnit[];
  /** Viewing slots per listing id. */
  slots?: Record<string, ViewingSlot[]>;
  overview?: LeadOverview;
  /** `signed-out` answers 401, `resident` 403. */
  signedInAs?: 'clerk' | 'signed-out' | 'resident';
  /** These endpoints answer 503 until removed from `fake.failing`. */
  failing?: ListingsEndpoint[];
  /** Extra delay of each answer in ms, to see loading and saving. */
  latency?: number;
  /** An endpoint that never answers (its pending state). */
  neverAnswers?: ListingsEndpoint;
}

const address = { street: 'Lindenallee 12', postalCode: '20259', city: 'Hamburg' };

export const fakeUnits: ListingUnit[] = [
  { id: '0417e000-0000-4000-8000-000000000001', label: '2. OG links', address, activeListing: true },
  { id: '0417e000-0000-4000-8000-000000000002', label: 'EG rechts', address, activeListing: false },
  {
    id: '0417e000-0000-4000-8000-000000000003',
    label: '1. OG',
    address: { street: 'Hafenstraße 3', postalCode: '20457', city: 'Hamburg' },
    activeListing: true,
  },
];

/** The two listings of the lead board's fakes (fake-leads.ts), with every field. */
export function fakeListingRecords(): Listing[] {
  return [
    {
      id: '5a1d0000-0000-4000-8000-000000000001',
      title: '2-Zimmer-Wohnung, Lindenallee 12, 2. OG links',
      unit: { id: fakeUnits[0].id, label: fakeUnits[0].label },
      address,
      rooms: 2,
      livingArea: 58.4,
      coldRent: 690,
      serviceCharges: 185,
      availableFrom: '2026-05-01',
      commission: 'provisionsfrei',
      status: 'aktiv',
      portalIds: [
        { provider: 'immoscout24', providerListingId: '158963214' },
        { provider: 'immowelt', providerListingId: 'IW-2Z-77' },
      ],
      leadCount: 12,
      createdAt: '2026-03-01T09:00:00.000Z',
      updatedAt: '2026-03-01T09:00:00.000Z',
    },
    {
      id: '5a1d0000-0000-4000-8000-000000000002',
      title: '3-Zimmer-Wohnung mit Balkon, Hafenstraße 3',
      unit: { id: fakeUnits[2].id, label: fakeUnits[2].label },
      address: fakeUnits[2].address,
      rooms: 3,
      livingArea: 81,
      coldRent: 1040,
      serviceCharges: 240,
      availableFrom: null,
      commission: 'provisionsfrei',
      status: 'vermietet',
      portalIds: [],
      leadCount: 0,
      createdAt: '2026-02-01T09:00:00.000Z',
      updatedAt: '2026-02-20T09:00:00.000Z',
    },
  ];
}

/** A slot of a listing in `days` days at 17:00 Berlin time (summer), with `booked` people booked of `capacity`. */
export function fakeSlot(
  listingId: string,
  n: number,
  options: { capacity?: number; booked?: number; waitlisted?: number } = {},
): ViewingSlot {
  const capacity = options.capacity ?? 1;
  const booked = options.booked ?? 0;
  const waitlisted = options.waitlisted ?? 0;
  const names = ['Lena Schneider', 'Ahmet Yılmaz', 'Zofia Kowalska', 'Jonas Becker', 'Mia Wagner'];
  const startsAt = new Date(Date.UTC(2026, 4, 4 + n, 15, 0)).toISOString();
  const bookings = Array.from({ length: booked + waitlisted }, (_, index) => ({
    id: `b0000000-0000-4000-8000-${String(n * 100 + index).padStart(12, '0')}`,
    leadId: `1ead0000-0000-4000-8000-${String(index + 1).padStart(12, '0')}`,
    leadName: names[index % names.length],
    status: index < booked ? ('booked' as const) : ('waitlisted' as const),
    since: '2026-04-28T10:00:00.000Z',
    lockGrant: null,
  }));
  return {
    id: `5107e000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    listingId,
    startsAt,
    endsAt: new Date(Date.parse(startsAt) + 30 * 60_000).toISOString(),
    durationMinutes: 30,
    capacity,
    note: n === 1 ? 'Treffpunkt vor dem Haus, Klingel „Verwaltung“.' : '',
    smartLock: false,
    booked,
    waitlisted,
    bookings,
  };
}

/** The daily overview as the demo company might see it on a Monday morning. */
export function fakeLeadOverview(): LeadOverview {
  return {
    at: '2026-03-16T07:30:00.000Z',
    total: 47,
    stages: [
      { column: 'nicht_zugeordnet', count: 3, medianDaysInStage: 0.4, longestDaysInStage: 2.1 },
      { column: 'offen', count: 21, medianDaysInStage: 1.5, longestDaysInStage: 4 },
      { column: 'kontaktiert', count: 11, medianDaysInStage: 2.2, longestDaysInStage: 6.5 },
      { column: 'besichtigt', count: 4, medianDaysInStage: 1, longestDaysInStage: 3 },
      { column: 'akzeptiert', count: 1, medianDaysInStage: 0.1, longestDaysInStage: 0.1 },
      { column: 'abgelehnt', count: 7, medianDaysInStage: 3.4, longestDaysInStage: 12 },
    ],
    listings: [
      {
        listing: { id: '5a1d0000-0000-4000-8000-000000000001', title: '2-Zimmer-Wohnung, Lindenallee 12, 2. OG links', status: 'aktiv' },
        total: 28,
        inProgress: 22,
        columns: { offen: 14, kontaktiert: 6, besichtigt: 2, abgelehnt: 6 },
      },
      {
        listing: { id: '5a1d0000-0000-4000-8000-000000000002', title: '3-Zimmer-Wohnung mit Balkon, Hafenstraße 3', status: 'vermietet' },
        total: 16,
        inProgress: 14,
        columns: { offen: 7, kontaktiert: 5, besichtigt: 2, akzeptiert: 1, abgelehnt: 1 },
      },
      { listing: null, total: 3, inProgress: 3, columns: { nicht_zugeordnet: 3 } },
    ],
    sources: [
      { source: 'immoscout24', count: 28 },
      { source: 'immowelt', count: 14 },
      { source: 'openimmo-ftp', count: 5 },
    ],
    last24Hours: { newLeads: 9, moves: 4 },
  };
}

/** The overview of a company without leads. */
export function emptyLeadOverview(): LeadOverview {
  return {
    at: '2026-03-16T07:30:00.000Z',
    total: 0,
    stages: (['nicht_zugeordnet', 'offen', 'kontaktiert', 'besichtigt', 'akzeptiert', 'abgelehnt'] as const).map((column) => ({
      column,
      count: 0,
      medianDaysInStage: null,
      longestDaysInStage: null,
    })),
    listings: [],
    sources: [],
    last24Hours: { newLeads: 0, moves: 0 },
  };
}

const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * Listings, their units, viewing slots and the daily overview of docs/leads.md in memory, for tests and stories:
 * `new FakeBff({ session, routes: new FakeListings().routes })`. Bodies are checked with the contract's own schemas
 * and refused with the BFF's `validation_failed` shape, a portal id of another listing with `409 portal_id_taken`, a
 * slot with bookings with `409 viewing_slot_has_bookings`.
 */
export class FakeListings {
  listings: Listing[];
  units: ListingUnit[];
  slots: Record<string, ViewingSlot[]>;
  overview: LeadOverview;
  signedInAs: NonNullable<FakeListingsOptions['signedInAs']>;
  readonly failing: Set<ListingsEndpoint>;
  private created = 0;

  constructor(private readonly options: FakeListingsOptions = {}) {
    this.listings = options.listings ?? fakeListingRecords();
    this.units = options.units ?? fakeUnits;
    this.slots = options.slots ?? {};
    this.overview = options.overview ?? fakeLeadOverview();
    this.signedInAs = options.signedInAs ?? 'clerk';
    this.failing = new Set(options.failing ?? []);
  }

  private endpointOf(method: string, path: string): { endpoint: ListingsEndpoint; id?: string } | undefined {
    if (path === '/api/staff/leads/overview' && method === 'GET') return { endpoint: 'overview' };
    if (path === '/api/staff/units' && method === 'GET') return { endpoint: 'units' };
    if (path === '/api/staff/listings')
      return method === 'GET' ? { endpoint: 'listings' } : method === 'POST' ? { endpoint: 'save' } : undefined;
    const slots = /^\/api\/staff\/listings\/([^/]+)\/viewing-slots$/.exec(path);
    if (slots) return { endpoint: method === 'GET' ? 'slots' : 'offer', id: slots[1] };
    const listing = /^\/api\/staff\/listings\/([^/]+)$/.exec(path);
    if (listing && method === 'PATCH') return { endpoint: 'save', id: listing[1] };
    const slot = /^\/api\/staff\/viewing-slots\/([^/]+)$/.exec(path);
    if (slot && method === 'DELETE') return { endpoint: 'cancel', id: slot[1] };
    return undefined;
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      const found = this.endpointOf(request.method, request.path);
      if (!found) return undefined;
      const { endpoint, id } = found;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (this.options.neverAnswers === endpoint) await new Promise(() => {});
      if (this.signedInAs === 'signed-out') return error(401, 'unauthenticated', 'Bitte melden Sie sich an.');
      if (this.signedInAs === 'resident') return error(403, 'forbidden', 'Keine Berechtigung für diese Aktion.');
      if (this.failing.has(endpoint))
        return error(
          503,
          'service_unavailable',
          'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
        );
      switch (endpoint) {
        case 'overview':
          return json(200, this.overview);
        case 'units':
          return json(200, { items: this.units });
        case 'listings': {
          const limit = Number(request.url.searchParams.get('limit') ?? 50);
          const cursor = request.url.searchParams.get('cursor');
          const start = cursor ? this.listings.findIndex((listing) => listing.id === cursor) + 1 : 0;
          const items = this.listings.slice(start, start + limit);
          const nextCursor = start + limit < this.listings.length ? items[items.length - 1].id : null;
          return json(200, { items, nextCursor });
        }
        case 'save':
          return id ? this.update(id, request.body) : this.create(request.body);
        case 'slots':
          return json(200, { items: this.slots[id!] ?? [] });
        case 'offer':
          return this.offer(id!, request.body);
        case 'cancel':
          return this.cancel(id!);
      }
    },
  ];

  private takenBy(listingId: string | null, portalIds: Listing['portalIds']): Response | undefined {
    const taken = portalIds.filter((wanted) =>
      this.listings.some(
        (listing) =>
          listing.id !== listingId &&
          listing.portalIds.some((own) => own.provider === wanted.provider && own.providerListingId === wanted.providerListingId),
      ),
    );
    if (!taken.length) return undefined;
    const names = taken.map((entry) => `${entry.provider} ${entry.providerListingId}`).join(', ');
    return error(409, 'portal_id_taken', `Diese Kennung gehört schon zu einem anderen Inserat: ${names}.`, { taken });
  }

  private unitOf(unitId: string): ListingUnit | undefined {
    return this.units.find((unit) => unit.id === unitId);
  }

  private create(body: unknown): Response {
    const parsed = listingInput.safeParse(body);
    if (!parsed.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(parsed.error) });
    const input = parsed.data;
    const unit = this.unitOf(input.unitId);
    if (!unit) return error(400, 'unknown_unit', 'Diese Wohneinheit gibt es bei Ihrer Hausverwaltung nicht.');
    const conflict = this.takenBy(null, input.portalIds);
    if (conflict) return conflict;
    const now = new Date().toISOString();
    const { unitId: _unitId, ...fields } = input;
    const listing: Listing = {
      ...fields,
      id: uuid('5a1d0000', 100 + ++this.created),
      unit: { id: unit.id, label: unit.label },
      address: unit.address,
      portalIds: [...input.portalIds].sort((a, b) => a.provider.localeCompare(b.provider)),
      leadCount: 0,
      createdAt: now,
      updatedAt: now,
    };
    this.listings = [listing, ...this.listings];
    return json(201, listing);
  }

  private update(id: string, body: unknown): Response {
    const index = this.listings.findIndex((listing) => listing.id === id);
    if (index < 0) return error(404, 'not_found', 'Nicht gefunden.');
    const parsed = listingChange.safeParse(body);
    if (!parsed.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(parsed.error) });
    const { unitId, portalIds, ...fields } = parsed.data;
    const unit = unitId ? this.unitOf(unitId) : undefined;
    if (unitId && !unit) return error(400, 'unknown_unit', 'Diese Wohneinheit gibt es bei Ihrer Hausverwaltung nicht.');
    const conflict = portalIds && this.takenBy(id, portalIds);
    if (conflict) return conflict;
    const listing: Listing = {
      ...this.listings[index],
      ...fields,
      ...(unit ? { unit: { id: unit.id, label: unit.label }, address: unit.address } : {}),
      ...(portalIds ? { portalIds: [...portalIds].sort((a, b) => a.provider.localeCompare(b.provider)) } : {}),
      updatedAt: new Date().toISOString(),
    };
    this.listings = this.listings.map((known) => (known.id === id ? listing : known));
    return json(200, listing);
  }

  private offer(listingId: string, body: unknown): Response {
    const parsed = viewingSlotInput.safeParse(body);
    if (!parsed.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(parsed.error) });
    const input = parsed.data;
    const starts = Date.parse(input.startsAt);
    const slot: ViewingSlot = {
      id: uuid('5107e000', 500 + ++this.created),
      listingId,
      startsAt: new Date(starts).toISOString(),
      endsAt: new Date(starts + input.durationMinutes * 60_000).toISOString(),
      durationMinutes: input.durationMinutes,
      capacity: input.capacity,
      note: input.note,
      smartLock: input.smartLock,
      booked: 0,
      waitlisted: 0,
      bookings: [],
    };
    this.slots = { ...this.slots, [listingId]: [...(this.slots[listingId] ?? []), slot] };
    return json(201, slot);
  }

  private cancel(slotId: string): Response {
    for (const [listingId, slots] of Object.entries(this.slots)) {
      const slot = slots.find((known) => known.id === slotId);
      if (!slot) continue;
      if (slot.bookings.length)
        return error(
          409,
          'viewing_slot_has_bookings',
          'Für diesen Termin gibt es Buchungen oder eine Warteliste. Bitte sagen Sie ihn den Personen zuerst ab.',
        );
      this.slots = { ...this.slots, [listingId]: slots.filter((known) => known.id !== slotId) };
      return new Response(null, { status: 204 });
    }
    return error(404, 'not_found', 'Nicht gefunden.');
  }
}
