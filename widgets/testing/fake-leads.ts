import type { LeadCard, LeadColumn, LeadDetail, LeadEvent, LeadSource, LeadStatus, Listing } from '../internal/lead-board-api.ts';
import type { LeadLifecycle, LeadMessage, LeadViewing, LegalHold, RejectionMessage, SelfDisclosure } from '../internal/lead-detail-api.ts';
import type { ErrorCode } from '../../bff/contract/errors.ts';
import { LEAD_TRANSITIONS } from '../../bff/contract/enums.ts';
import { error, json, type FakeRequest, type FakeRoute } from './fake-bff.ts';

/** A lead as the fake keeps it: the card plus what only the detail shows. */
export interface FakeLead extends LeadCard {
  message: string;
  phone: string | null;
  address: string | null;
  events: LeadEvent[];
}

/** The endpoints a fake can be told to fail, refuse once (`refuseNext`) or hold (`hold`). */
export type LeadEndpoint =
  | 'columns'
  | 'counts'
  | 'detail'
  | 'move'
  | 'listings'
  | 'verify'
  | 'lifecycle'
  | 'messages'
  | 'send'
  | 'plan'
  | 'invite'
  | 'self-disclosure'
  | 'record-self-disclosure'
  | 'rejection'
  | 'release'
  | 'legal-hold'
  | 'export'
  | 'assign';

/** What the lifecycle knows of a fake lead beyond its card (the detail's sections). */
export interface FakeLeadLife {
  /** Verified channels: when, how and by whom. */
  verified: Partial<Record<'email' | 'phone', { at: string; how: 'reached' | 'answered'; by: string | null }>>;
  viewings: LeadViewing[];
  messages: LeadMessage[];
  rejection: RejectionMessage | null;
  selfDisclosure: SelfDisclosure;
  legalHold: LegalHold;
}

export interface FakeLeadsOptions {
  leads?: FakeLead[];
  listings?: Array<{ id: string; title: string }>;
  /** The viewer holds the letting permission: the detail shows phone and address, the access log answers. */
  letting?: boolean;
  /** `signed-out` answers 401, `resident` 403. */
  signedInAs?: 'clerk' | 'admin' | 'signed-out' | 'resident';
  /** These endpoints answer 503 until removed from `fake.failing`. */
  failing?: LeadEndpoint[];
  /** Extra delay of each answer in ms, to see loading. */
  latency?: number;
  /** Extra delay of a move (on top of `latency`), to see the optimistic card and its rollback. */
  moveLatency?: number;
  /** A detail that never answers (its loading state). */
  detailNeverAnswers?: boolean;
  /** Every lead's contact channels count as verified (the gate of kontaktiert asks for one). */
  verifiedContacts?: boolean;
  /** What the lifecycle knows of leads by id (thread, viewings, rejection message, …); the rest starts empty. */
  lives?: Record<string, Partial<FakeLeadLife>>;
  /** The housing company has no letting address: sending a message is refused with `letting_email_missing`. */
  noLettingEmail?: boolean;
}

export const fakeLetter = { id: '0d9e5a36-0000-4000-8000-00000000c1e1', label: 'Clara Kaiser' };
const otherClerk = { id: '0d9e5a36-0000-4000-8000-00000000c1e2', label: 'Tobias Brandt' };

export const fakeListings = [
  { id: '5a1d0000-0000-4000-8000-000000000001', title: '2-Zimmer-Wohnung, Lindenallee 12, 2. OG links' },
  { id: '5a1d0000-0000-4000-8000-000000000002', title: '3-Zimmer-Wohnung mit Balkon, Hafenstraße 3' },
];

const firstNames = ['Max', 'Lena', 'Ahmet', 'Zofia', 'Olena', 'Jonas', 'Mia', 'Emre', 'Katarzyna', 'Paul', 'Sofia', 'Lukas'];
const lastNames = ['Muster', 'Schneider', 'Yılmaz', 'Kowalska', 'Shevchenko', 'Becker', 'Wagner', 'Demir', 'Nowak', 'Hoffmann'];
const sources: LeadSource[] = ['immoscout24', 'immowelt', 'webhook', 'email', 'manuell'];

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
/** A stable uuid for the n-th fake lead. */
export const fakeLeadId = (n: number) => `1ead0000-0000-4000-8000-${hex(n, 12)}`;
const eventId = (n: number, k: number) => `e0e00000-${hex(k, 4)}-4000-8000-${hex(n, 12)}`;

/**
 * `count` leads, newest first, spread over the columns (or all in one `status`), on the first listing unless
 * told otherwise. Every 7th shares the e-mail address of the one before (a duplicate), every 5th offered
 * self-disclosure data.
 */
export function fakeLeads(
  count: number,
  options: { status?: LeadStatus; listing?: { id: string; title: string } | null; start?: number; duplicates?: boolean } = {},
): FakeLead[] {
  const statuses: LeadStatus[] = ['offen', 'offen', 'offen', 'kontaktiert', 'kontaktiert', 'besichtigt', 'akzeptiert', 'abgelehnt'];
  const start = options.start ?? 1;
  const base = Date.parse('2026-03-10T12:00:00Z');
  return Array.from({ length: count }, (_, index) => {
    const n = start + index;
    const name = `${firstNames[n % firstNames.length]} ${lastNames[n % lastNames.length]}`;
    const duplicate = (options.duplicates ?? true) && n % 7 === 0;
    const emailOf = (k: number) => `${firstNames[k % firstNames.length].toLowerCase()}.${k}@example.org`;
    const status = options.status ?? statuses[n % statuses.length];
    const listing = options.listing === undefined ? fakeListings[0] : options.listing;
    const createdAt = new Date(base - n * 60_000).toISOString();
    return fakeLead({
      id: fakeLeadId(n),
      name: duplicate ? `${firstNames[(n - 1) % firstNames.length]} ${lastNames[(n - 1) % lastNames.length]}` : name,
      email: duplicate ? emailOf(n - 1) : emailOf(n),
      status,
      listing,
      source: sources[n % sources.length],
      duplicate,
      selfDisclosureOffered: n % 5 === 0,
      owner: status === 'offen' ? null : n % 2 ? fakeLetter : otherClerk,
      createdAt,
      phone: `0151 ${hex(n, 4)}${n % 1000}`.replace(/[a-f]/g, '7'),
    });
  });
}

/** One fake lead; what is not given has a plausible value. */
export function fakeLead(fields: Partial<FakeLead> & { id: string; name: string }): FakeLead {
  const status = fields.status ?? 'offen';
  const listing = fields.listing === undefined ? fakeListings[0] : fields.listing;
  const createdAt = fields.createdAt ?? '2026-03-09T18:22:00.000Z';
  const source = fields.source ?? 'immoscout24';
  return {
    listing,
    status,
    column: columnOf(status, listing),
    source,
    channel: source === 'manuell' ? 'manuell' : source === 'email' ? 'email' : 'webhook',
    provider: source === 'immoscout24' || source === 'immowelt' ? source : null,
    email: null,
    owner: null,
    desiredMoveIn: '2026-05-01',
    householdSize: 2,
    householdType: 'couple',
    pets: false,
    selfDisclosureOffered: false,
    duplicate: false,
    version: 1,
    updatedAt: createdAt,
    statusChangedAt: createdAt,
    message: 'Guten Tag, ist die Wohnung noch frei? Wir würden sie gern besichtigen. [Selbstauskunft entfernt]',
    phone: null,
    address: null,
    events: [
      {
        id: eventId(Number.parseInt(fields.id.slice(-6), 16) || 0, 0),
        kind: 'created',
        at: createdAt,
        actor: { role: 'system', name: null },
        from: null,
        to: 'offen',
        reason: null,
        details: { source },
      },
    ],
    ...fields,
    createdAt,
  };
}

function columnOf(status: LeadStatus, listing: LeadCard['listing']): LeadColumn {
  return status === 'offen' && !listing ? 'nicht_zugeordnet' : status;
}

function cardOf(lead: FakeLead): LeadCard {
  const { message: _message, phone: _phone, address: _address, events: _events, ...card } = lead;
  return card;
}

/** The contract's `LEAD_TRANSITIONS` (bff/contract/enums.ts). */
const transitions: Record<LeadStatus, readonly LeadStatus[]> = LEAD_TRANSITIONS;

const newest = (a: LeadCard, b: LeadCard) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id);

/**
 * The lead board's API of docs/leads.md in memory, as `FakeRoute`s for `new FakeBff({ routes })`: columns page by
 * page with the contract's filters, counts, detail, access log, listings, staff, and the lifecycle's move with its
 * version check. `moveElsewhere(id, to)` plays another clerk (the card's version goes up); `refuseNextMove(message)`
 * plays a stage gate; `moves` records every move body.
 */
export class FakeLeads {
  leads: FakeLead[];
  readonly listings: Array<{ id: string; title: string }>;
  letting: boolean;
  signedInAs: NonNullable<FakeLeadsOptions['signedInAs']>;
  readonly failing: Set<LeadEndpoint>;
  /** Every move body the fake got, with the lead's id. */
  readonly moves: Array<Record<string, unknown> & { id: string }> = [];
  /** Leads with a verified contact channel. */
  readonly verified = new Set<string>();
  /** The next move is refused with this stage-gate message (409 lead_gate_failed). */
  private gate?: string;
  private readonly lives = new Map<string, FakeLeadLife>();
  private readonly refusals = new Map<LeadEndpoint, { status: number; code: ErrorCode; message: string }>();
  private readonly holds = new Map<LeadEndpoint, Promise<void>>();
  private counter = 0;

  constructor(private readonly options: FakeLeadsOptions = {}) {
    this.leads = [...(options.leads ?? [])].sort(newest);
    this.listings = options.listings ?? fakeListings;
    this.letting = options.letting ?? false;
    this.signedInAs = options.signedInAs ?? 'clerk';
    this.failing = new Set(options.failing ?? []);
    if (options.verifiedContacts) for (const lead of this.leads) this.verified.add(lead.id);
    for (const [id, life] of Object.entries(options.lives ?? {})) {
      this.lives.set(id, { ...emptyLife(), ...life });
      if (life.verified && Object.keys(life.verified).length) this.verified.add(id);
    }
  }

  /** What the lifecycle knows of a lead (made empty on first use). */
  life(id: string): FakeLeadLife {
    let life = this.lives.get(id);
    if (!life) this.lives.set(id, (life = emptyLife()));
    return life;
  }

  /** The next request to `endpoint` is refused with this error, as the BFF would refuse it. */
  refuseNext(endpoint: LeadEndpoint, status: number, code: ErrorCode, message: string): void {
    this.refusals.set(endpoint, { status, code, message });
  }

  /** Requests to `endpoint` wait until the returned function is called (to see an action's pending state). */
  hold(endpoint: LeadEndpoint): () => void {
    let release!: () => void;
    this.holds.set(endpoint, new Promise<void>((resolve) => (release = resolve)));
    return () => {
      this.holds.delete(endpoint);
      release();
    };
  }

  /** A message the person sent (a reply filed in the thread); returns it for a `lead:message` event. */
  reply(id: string, body: string, at = new Date().toISOString()): LeadMessage {
    const lead = this.leads.find((candidate) => candidate.id === id)!;
    const message: LeadMessage = {
      id: this.uuid('3e55a9e0'),
      direction: 'in',
      at,
      subject: 'Re: Ihre Anfrage zur Wohnung',
      body,
      sentBy: null,
      from: lead.email,
      to: null,
    };
    this.life(id).messages.push(message);
    return message;
  }

  /** Another clerk moves the card: its status changes and its version goes up. Returns the card as it is now. */
  moveElsewhere(id: string, to: LeadStatus, owner = otherClerk): LeadCard {
    const lead = this.leads.find((candidate) => candidate.id === id)!;
    this.apply(lead, to, owner, 'Tobias Brandt');
    return cardOf(lead);
  }

  refuseNextMove(message: string): void {
    this.gate = message;
  }

  /** Adds a lead as the intake would; returns its card for a `lead:created` event. */
  add(lead: FakeLead): LeadCard {
    this.leads = [lead, ...this.leads].sort(newest);
    return cardOf(lead);
  }

  card(id: string): LeadCard {
    return cardOf(this.leads.find((lead) => lead.id === id)!);
  }

  readonly routes: FakeRoute[] = [(request) => this.answer(request)];

  private async answer(request: FakeRequest): Promise<Response | undefined> {
    const { method, path } = request;
    const endpoint = this.endpointOf(method, path);
    if (!endpoint) return undefined;
    if (this.options.latency) await delay(this.options.latency);
    if (endpoint === 'detail' && this.options.detailNeverAnswers) await new Promise(() => {});
    if (this.signedInAs === 'signed-out') return error(401, 'unauthenticated', 'Bitte melden Sie sich an.');
    if (this.signedInAs === 'resident') return error(403, 'forbidden', 'Keine Berechtigung für diese Aktion.');
    if (this.failing.has(endpoint as LeadEndpoint))
      return error(503, 'service_unavailable', 'Der Dienst ist vorübergehend nicht erreichbar.');
    await this.holds.get(endpoint as LeadEndpoint);
    const refusal = this.refusals.get(endpoint as LeadEndpoint);
    if (refusal) {
      this.refusals.delete(endpoint as LeadEndpoint);
      return error(refusal.status, refusal.code, refusal.message);
    }
    const url = request.url;
    switch (endpoint) {
      case 'listings':
        return json(200, { items: this.listings.map(listingOf), nextCursor: null });
      case 'staff':
        return json(200, { items: [fakeLetter, otherClerk].map((account) => ({ ...account, role: 'clerk' })) });
      case 'counts': {
        const columns = { nicht_zugeordnet: 0, offen: 0, kontaktiert: 0, besichtigt: 0, akzeptiert: 0, abgelehnt: 0 };
        for (const lead of this.filtered(url)) columns[lead.column] += 1;
        return json(200, { columns });
      }
      case 'columns': {
        const column = url.searchParams.get('column') as LeadColumn | null;
        const limit = Number(url.searchParams.get('limit') ?? 20);
        const cursor = url.searchParams.get('cursor');
        const all = this.filtered(url).filter((lead) => !column || lead.column === column);
        const start = cursor ? all.findIndex((lead) => lead.id === cursor) + 1 : 0;
        const items = all.slice(start, start + limit);
        const more = start + limit < all.length;
        return json(200, { items: items.map(cardOf), nextCursor: more ? items[items.length - 1].id : null, contactVisible: this.letting });
      }
      case 'access-log': {
        if (!this.letting) return error(403, 'forbidden', 'Keine Berechtigung für diese Aktion.');
        return json(200, {
          items: [
            {
              id: 'acce5500-0000-4000-8000-000000000001',
              at: '2026-03-10T08:15:00.000Z',
              account: fakeLetter,
              via: 'detail',
              fields: ['phone', 'address'],
            },
          ],
        });
      }
      case 'detail':
        return this.detail(path.split('/')[4]);
      case 'move': {
        if (this.options.moveLatency) await delay(this.options.moveLatency);
        return this.move(path.split('/')[4], request.body);
      }
      case 'verify':
        return this.verify(path.split('/')[4], request.body);
      default:
        return this.answerLifecycle(endpoint, path.split('/')[4], request.body);
    }
  }

  private endpointOf(method: string, path: string): LeadEndpoint | 'staff' | 'access-log' | undefined {
    if (method === 'GET' && path === '/api/staff/listings') return 'listings';
    if (method === 'GET' && path === '/api/staff/clerks') return 'staff';
    if (method === 'GET' && path === '/api/staff/leads/counts') return 'counts';
    if (method === 'GET' && path === '/api/staff/leads') return 'columns';
    if (method === 'GET' && /^\/api\/staff\/leads\/[^/]+\/access-log$/.test(path)) return 'access-log';
    if (method === 'GET' && /^\/api\/staff\/leads\/[^/]+$/.test(path)) return 'detail';
    if (method === 'POST' && /^\/api\/staff\/leads\/[^/]+\/move$/.test(path)) return 'move';
    if (method === 'POST' && /^\/api\/staff\/leads\/[^/]+\/contact-verifications$/.test(path)) return 'verify';
    const lead = /^\/api\/staff\/leads\/[^/]+\/(.+)$/.exec(path)?.[1];
    const lifecycleEndpoints: Record<string, LeadEndpoint> = {
      'GET lifecycle': 'lifecycle',
      'GET messages': 'messages',
      'POST messages': 'send',
      'POST viewings': 'plan',
      'POST viewing-invitation': 'invite',
      'GET self-disclosure': 'self-disclosure',
      'PUT self-disclosure': 'record-self-disclosure',
      'PUT rejection-message': 'rejection',
      'POST rejection-message/release': 'release',
      'PUT legal-hold': 'legal-hold',
      'GET decision-export': 'export',
      'PUT listing': 'assign',
    };
    return lead ? lifecycleEndpoints[`${method} ${lead}`] : undefined;
  }

  private filtered(url: URL): FakeLead[] {
    const listing = url.searchParams.get('listing');
    const source = url.searchParams.get('source');
    const owner = url.searchParams.get('owner');
    const q = url.searchParams.get('q')?.toLowerCase();
    return this.leads.filter((lead) => {
      if (listing === 'none' && lead.listing) return false;
      if (listing && listing !== 'none' && lead.listing?.id !== listing) return false;
      if (source && !source.split(',').includes(lead.source)) return false;
      if (owner === 'none' && lead.owner) return false;
      if (owner === 'me' && lead.owner?.id !== fakeLetter.id) return false;
      if (owner && owner !== 'none' && owner !== 'me' && lead.owner?.id !== owner) return false;
      if (q) {
        const searched = [lead.name, lead.email ?? '', ...(this.letting ? [lead.phone ?? '', lead.address ?? ''] : [])];
        const digits = q.replace(/\D/g, '');
        const phoneHit = this.letting && digits.length >= 4 && (lead.phone ?? '').replace(/\D/g, '').includes(digits);
        if (!phoneHit && !searched.some((value) => value.toLowerCase().includes(q))) return false;
      }
      return true;
    });
  }

  private detail(id: string): Response {
    const lead = this.leads.find((candidate) => candidate.id === id);
    if (!lead) return error(404, 'not_found', 'Nicht gefunden.');
    const duplicates = this.leads
      .filter((other) => other.id !== id && other.listing?.id === lead.listing?.id && lead.email && other.email === lead.email)
      .map((other) => ({
        id: other.id,
        name: other.name,
        status: other.status,
        matchedBy: ['email' as const],
        createdAt: other.createdAt,
      }));
    const detail: LeadDetail = {
      lead: {
        ...cardOf(lead),
        message: lead.message,
        petsNote: null,
        commission: lead.listing ? 'provisionsfrei' : null,
        sentAt: lead.createdAt,
        externalId: `is24-${id.slice(-4)}`,
        phone: this.letting ? lead.phone : null,
        address: this.letting ? lead.address : null,
      },
      contactVisible: this.letting,
      events: lead.events,
      duplicates,
    };
    return json(200, detail);
  }

  /** The lifecycle's move as docs/leads.md describes it, with its version check, transitions and gates (a viewing counts as held). */
  private move(id: string, body: Record<string, unknown>): Response {
    const lead = this.leads.find((candidate) => candidate.id === id);
    if (!lead) return error(404, 'not_found', 'Nicht gefunden.');
    const to = body.to as LeadStatus;
    this.moves.push({ id, ...body });
    if (Number(body.version) !== lead.version) {
      return error(
        409,
        'lead_conflict',
        'Jemand anderes hat diesen Interessenten inzwischen geändert. Bitte laden Sie die Karte neu und entscheiden Sie erneut.',
      );
    }
    if (!transitions[lead.status].includes(to)) {
      return error(409, 'lead_transition_invalid', `Ein Interessent im Status „${lead.status}“ kann nicht nach „${to}“ gezogen werden.`);
    }
    if (this.gate) {
      const message = this.gate;
      this.gate = undefined;
      return error(409, 'lead_gate_failed', message, { to, missing: [] });
    }
    if (to === 'kontaktiert') {
      if (typeof body.contactMessage !== 'string' || !body.contactMessage.trim()) {
        return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
          fields: [{ path: 'contactMessage', code: 'too_small', message: 'Bitte füllen Sie dieses Feld aus.', limit: 1, origin: 'string' }],
        });
      }
      const name = typeof body.name === 'string' ? body.name : lead.name;
      const missing = [
        ...(name.trim().split(/\s+/).length < 2 ? ['vollständiger Name'] : []),
        ...(this.verified.has(id) ? [] : ['ein bestätigter Kontaktweg']),
        ...((body.householdType ?? lead.householdType) ? [] : ['Haushalt']),
        ...((body.desiredMoveIn ?? lead.desiredMoveIn) ? [] : ['gewünschter Einzug']),
      ];
      if (missing.length) return error(409, 'lead_gate_failed', `Für „kontaktiert“ fehlt noch: ${missing.join(', ')}.`, { to, missing });
      if (typeof body.name === 'string') lead.name = body.name;
      if (typeof body.householdType === 'string') lead.householdType = body.householdType as FakeLead['householdType'];
      if (typeof body.desiredMoveIn === 'string') lead.desiredMoveIn = body.desiredMoveIn;
    }
    let reason: string | null = null;
    if (to === 'abgelehnt') {
      if (!body.reasonCode && !body.reasonText) {
        return error(
          400,
          'rejection_reason_required',
          'Bitte einen sachlichen Ablehnungsgrund aus der Liste wählen oder eine Begründung eingeben.',
        );
      }
      const text = typeof body.reasonText === 'string' ? body.reasonText : '';
      const touched = /kopftuch|ausländer|herkunft|zu alt|behindert|schwanger/i.exec(text);
      if (touched && body.acknowledgeAggWarning !== true) {
        return error(
          409,
          'agg_warning',
          `Die Begründung berührt ein nach § 19 AGG geschütztes Merkmal („${touched[0]}“). Eine Ablehnung darf darauf nicht beruhen. Bitte prüfen Sie die Begründung; wer dennoch ablehnt, bestätigt ausdrücklich.`,
          { warnings: [{ characteristic: 'herkunft', label: 'Rasse oder ethnische Herkunft', term: touched[0] }] },
        );
      }
      reason = text || String(body.reasonCode);
    }
    this.apply(lead, to, fakeLetter, 'Clara Kaiser', reason);
    return json(200, { lead: cardOf(lead), lettingCaseId: null, alsoRejected: [] });
  }

  private verify(id: string, body: Record<string, unknown>): Response {
    const lead = this.leads.find((candidate) => candidate.id === id);
    if (!lead) return error(404, 'not_found', 'Nicht gefunden.');
    const channel = body.channel === 'phone' ? 'phone' : 'email';
    if (!(channel === 'email' ? lead.email : lead.phone)) {
      return error(
        409,
        'contact_channel_missing',
        channel === 'email'
          ? 'Für diesen Interessenten ist keine E-Mail-Adresse hinterlegt.'
          : 'Für diesen Interessenten ist keine Telefonnummer hinterlegt.',
      );
    }
    this.verified.add(id);
    lead.version += 1;
    const at = new Date().toISOString();
    this.life(id).verified[channel] = { at, how: body.how === 'reached' ? 'reached' : 'answered', by: 'Clara Kaiser' };
    this.addEvent(lead, 'contact_verified');
    return json(201, this.lifecycleOf(lead));
  }

  private lifecycleOf(lead: FakeLead): LeadLifecycle {
    const life = this.life(lead.id);
    return {
      lead: cardOf(lead),
      contactChannels: (['email', 'phone'] as const).map((channel) => ({
        channel,
        present: !!(channel === 'email' ? lead.email : lead.phone),
        verified: life.verified[channel] ?? null,
      })),
      contactMessage: null,
      viewings: life.viewings,
      rejectionMessage: life.rejection,
      selfDisclosureOpen: lead.status === 'besichtigt' || lead.status === 'akzeptiert',
      lettingCaseId: null,
      legalHold: life.legalHold,
      moves: transitions[lead.status].map((next) => ({ to: next, missing: [] })),
    };
  }

  /** The lifecycle's other operations (docs/leads.md), with the BFF's refusals where the fake can tell. */
  private answerLifecycle(endpoint: string, id: string, body: Record<string, unknown>): Response {
    const lead = this.leads.find((candidate) => candidate.id === id);
    if (!lead) return error(404, 'not_found', 'Nicht gefunden.');
    const life = this.life(id);
    const now = new Date().toISOString();
    const letting = () => (this.letting ? undefined : error(403, 'forbidden', 'Dafür ist das Vermietungsrecht nötig.'));
    const readable =
      lead.status === 'besichtigt' || lead.status === 'akzeptiert' || (lead.status === 'abgelehnt' && life.viewings.length > 0);
    const locked = () =>
      error(
        409,
        'self_disclosure_locked',
        'Angaben zur Selbstauskunft (Beruf, Arbeitgeber, Einkommen, Mietschuldenfreiheit) dürfen erst ab „besichtigt“ erhoben und eingesehen werden.',
      );
    switch (endpoint) {
      case 'lifecycle':
        return json(200, this.lifecycleOf(lead));
      case 'messages':
        return json(200, {
          items: life.messages,
          replyAddress: this.options.noLettingEmail || !life.messages.length ? null : `vermietung+${id.slice(-8)}@wohnbau-nord.example`,
        });
      case 'send': {
        if (!lead.email) return error(409, 'lead_without_email', 'Für diesen Interessenten ist keine E-Mail-Adresse hinterlegt.');
        if (this.options.noLettingEmail) {
          return error(
            409,
            'letting_email_missing',
            'Für Nachrichten an Interessenten fehlt die Absenderadresse der Vermietung. Ein Administrator trägt sie unter „Einstellungen“ ein.',
          );
        }
        const message: LeadMessage = {
          id: this.uuid('3e55a9e0'),
          direction: 'out',
          at: now,
          subject: typeof body.subject === 'string' ? body.subject : 'Ihre Anfrage zur Wohnung',
          body: typeof body.body === 'string' ? body.body : '',
          sentBy: 'Clara Kaiser',
          from: 'vermietung@wohnbau-nord.example',
          to: lead.email,
        };
        life.messages.push(message);
        return json(201, message);
      }
      case 'plan': {
        if (lead.status === 'akzeptiert' || lead.status === 'abgelehnt') {
          return error(
            409,
            'lead_transition_invalid',
            `Für einen Interessenten im Status „${lead.status}“ wird keine Besichtigung mehr geplant.`,
          );
        }
        if (!lead.listing) return error(409, 'lead_without_listing', 'Bitte ordnen Sie den Interessenten zuerst einem Inserat zu.');
        const viewing: LeadViewing = {
          id: this.uuid('b1e00000'),
          startsAt: new Date(String(body.startsAt)).toISOString(),
          durationMinutes: Number(body.durationMinutes),
          note: typeof body.note === 'string' ? body.note : null,
          createdBy: fakeLetter,
          createdAt: now,
          lockGrant:
            body.smartLock === true
              ? {
                  from: new Date(Date.parse(String(body.startsAt)) - 15 * 60_000).toISOString(),
                  until: new Date(Date.parse(String(body.startsAt)) + (Number(body.durationMinutes) + 15) * 60_000).toISOString(),
                }
              : null,
          confirmationSentTo: lead.email,
        };
        life.viewings.push(viewing);
        lead.version += 1;
        this.addEvent(lead, 'viewing_planned');
        return json(201, viewing);
      }
      case 'invite':
        if (lead.status === 'akzeptiert' || lead.status === 'abgelehnt')
          return error(409, 'lead_closed', 'Dieser Interessent ist angenommen oder abgelehnt: keine Besichtigung mehr.');
        if (!lead.listing) return error(409, 'lead_without_listing', 'Bitte ordnen Sie den Interessenten zuerst einem Inserat zu.');
        if (!lead.email) return error(409, 'lead_without_email', 'Für diesen Interessenten ist keine E-Mail-Adresse bekannt.');
        return json(201, {
          linkId: this.uuid('11de0000'),
          url: `https://wohnbau-nord.example/besichtigung#token=fake-${id.slice(-6)}`,
          expiresAt: new Date(Date.now() + 14 * 86_400_000).toISOString(),
          sentTo: lead.email,
        });
      case 'self-disclosure':
        return readable ? json(200, life.selfDisclosure) : locked();
      case 'record-self-disclosure': {
        if (lead.status !== 'besichtigt' && lead.status !== 'akzeptiert') return locked();
        life.selfDisclosure = { ...life.selfDisclosure, ...body, recordedAt: now };
        this.addEvent(lead, 'self_disclosure_recorded');
        return json(200, life.selfDisclosure);
      }
      case 'rejection':
      case 'release': {
        const pending = lead.status === 'abgelehnt' && life.rejection && !life.rejection.releasedAt ? life.rejection : undefined;
        if (!pending) {
          return error(
            409,
            'rejection_message_missing',
            lead.status === 'abgelehnt'
              ? 'Die Absage wurde bereits freigegeben.'
              : 'Es gibt keine vorbereitete Absage: der Interessent ist nicht abgelehnt.',
          );
        }
        if (endpoint === 'release' && !lead.email) {
          return error(
            409,
            'lead_without_email',
            'Für diesen Interessenten ist keine E-Mail-Adresse hinterlegt. Bitte teilen Sie die Absage auf anderem Weg mit.',
          );
        }
        life.rejection = {
          ...pending,
          subject: typeof body.subject === 'string' ? body.subject : pending.subject,
          body: typeof body.body === 'string' ? body.body : pending.body,
          ...(endpoint === 'release' ? { releasedAt: now, releasedBy: 'Clara Kaiser', sentTo: lead.email } : {}),
        };
        if (endpoint === 'release') this.addEvent(lead, 'rejection_message_released');
        return json(200, life.rejection);
      }
      case 'legal-hold': {
        const refused = letting();
        if (refused) return refused;
        life.legalHold = body.hold === true ? { reason: String(body.reason), since: now } : null;
        this.addEvent(lead, life.legalHold ? 'legal_hold_set' : 'legal_hold_cleared');
        return json(200, { legalHold: life.legalHold });
      }
      case 'export': {
        const refused = letting();
        if (refused) return refused;
        this.addEvent(lead, 'decisions_exported');
        return json(200, {
          exportedAt: now,
          exportedBy: 'Clara Kaiser',
          lead: {
            id,
            name: lead.name,
            email: lead.email,
            listing: lead.listing,
            status: lead.status,
            source: lead.source,
            createdAt: lead.createdAt,
          },
          decisions: lead.events,
          viewings: life.viewings,
          rejectionMessages: life.rejection ? [life.rejection] : [],
          legalHold: life.legalHold,
        });
      }
      case 'assign': {
        if (Number(body.version) !== lead.version) {
          return error(
            409,
            'lead_conflict',
            'Jemand anderes hat diesen Interessenten inzwischen geändert. Bitte laden Sie die Karte neu und entscheiden Sie erneut.',
          );
        }
        if (lead.status !== 'offen') {
          return error(
            409,
            'lead_transition_invalid',
            `Nur offene Interessenten können einem Inserat zugeordnet werden; dieser ist „${lead.status}“.`,
          );
        }
        const listing = this.listings.find((candidate) => candidate.id === body.listingId);
        if (!listing) return error(404, 'not_found', 'Nicht gefunden.');
        lead.listing = listing;
        lead.column = columnOf(lead.status, listing);
        lead.version += 1;
        this.addEvent(lead, 'listing_assigned');
        return json(200, cardOf(lead));
      }
    }
    return error(404, 'not_found', 'Nicht gefunden.');
  }

  private addEvent(lead: FakeLead, kind: LeadEvent['kind']): void {
    lead.events = [
      ...lead.events,
      {
        id: eventId(lead.events.length + 1, lead.version + 100),
        kind,
        at: new Date().toISOString(),
        actor: { role: 'staff', name: 'Clara Kaiser' },
        from: null,
        to: null,
        reason: null,
        details: {},
      },
    ];
  }

  /** A fresh uuid of this fake with the given first group. */
  private uuid(prefix: string): string {
    this.counter += 1;
    return `${prefix}-0000-4000-8000-${hex(this.counter, 12)}`;
  }

  private apply(lead: FakeLead, to: LeadStatus, owner: { id: string; label: string }, actor: string, reason: string | null = null): void {
    const at = new Date().toISOString();
    lead.events = [
      ...lead.events,
      {
        id: eventId(lead.events.length + 1, lead.version + 1),
        kind: 'status_changed',
        at,
        actor: { role: 'staff', name: actor },
        from: lead.status,
        to,
        reason,
        details: {},
      },
    ];
    lead.status = to;
    lead.column = columnOf(to, lead.listing);
    lead.owner = to === 'kontaktiert' && !lead.owner ? owner : lead.owner;
    lead.version += 1;
    lead.updatedAt = at;
    lead.statusChangedAt = at;
  }
}

function emptyLife(): FakeLeadLife {
  return {
    verified: {},
    viewings: [],
    messages: [],
    rejection: null,
    selfDisclosure: { profession: null, employer: null, incomeBand: null, rentDebtFreeCertificate: null, recordedAt: null },
    legalHold: null,
  };
}

function listingOf(listing: { id: string; title: string }): Listing {
  return {
    id: listing.id,
    title: listing.title,
    unit: { id: '0417e000-0000-4000-8000-000000000001', label: 'WE 12' },
    address: { street: 'Lindenallee 12', postalCode: '20259', city: 'Hamburg' },
    rooms: 2,
    livingArea: 58.4,
    coldRent: 690,
    serviceCharges: 180,
    availableFrom: '2026-05-01',
    commission: 'provisionsfrei',
    status: 'aktiv',
    portalIds: [],
    leadCount: 0,
    createdAt: '2026-03-01T09:00:00.000Z',
    updatedAt: '2026-03-01T09:00:00.000Z',
  };
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
