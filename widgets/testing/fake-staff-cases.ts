import type { ErrorCode } from '../../bff/contract/errors.ts';
import type { z } from 'zod';
import { staffCase } from '../../bff/contract/cases.ts';
import type { StaffDocument, TenantCertificatePreview } from '../../bff/contract/documents.ts';
import { isClosedStatus, type DocumentCategory } from '../../bff/contract/enums.ts';
import {
  byDeadline,
  caseStatuses,
  statusTransitions,
  type CaseAttachment,
  type CaseEvent,
  type CaseMessage,
  type CaseStatus,
  type CaseType,
  type Priority,
  type StaffAccount,
  type StaffCase,
  type Urgency,
} from '../internal/staff-cases-api.ts';
import { error, json, type FakeRoute, type FakeRequest } from './fake-bff.ts';

/**
 * The clerks' case API of docs/cases.md in memory, as `FakeRoute`s for `new FakeBff({ routes })`: a board
 * full of realistic German cases (overdue ones, long texts, attachments), the workflow's transitions,
 * and switches for failures. `fake.created()` makes a new case to push with `bff.live.emit('case:created', …)`.
 */

export const fakeClerks: StaffAccount[] = [
  { id: '0b8f5c1e-1f0a-4c52-9d1e-000000000001', label: 'Clara Kaiser', role: 'clerk' },
  { id: '0b8f5c1e-1f0a-4c52-9d1e-000000000002', label: 'Jonas Becker', role: 'clerk' },
  { id: '0b8f5c1e-1f0a-4c52-9d1e-000000000003', label: 'Petra Lindner', role: 'admin' },
];

export const fakeBuildings = [
  { id: '5e1d0c2a-7b11-4f0e-8a55-000000000001', address: 'Lindenstraße 12, 24103 Kiel' },
  { id: '5e1d0c2a-7b11-4f0e-8a55-000000000002', address: 'Am Hafen 3a, 24143 Kiel' },
  { id: '5e1d0c2a-7b11-4f0e-8a55-000000000003', address: 'Königsweg 101–105, 24114 Kiel' },
];

const residents = [
  'Anna Müller',
  'Bernd Schulz',
  'Derya Yılmaz',
  'Egon Hoffmann',
  'Friederike Wagner-Schmidt',
  'Grzegorz Nowak',
  'Hanna Peters',
];

export const longDescription =
  'Seit dem Wochenende läuft im Badezimmer unter dem Waschbecken Wasser aus dem Siphon. Wir haben einen Eimer ' +
  'untergestellt, aber der Boden ist schon aufgequollen und im Flur riecht es muffig. Die Nachbarin unter uns ' +
  '(Frau Petersen, 2. OG links) sagt, an ihrer Decke sei ein feuchter Fleck zu sehen, der größer wird. Bitte ' +
  'schicken Sie so schnell wie möglich einen Installateur. Ich bin werktags ab 16 Uhr zu Hause, dienstags und ' +
  'donnerstags auch vormittags. Falls niemand öffnet, hat der Hausmeister einen Schlüssel – das ist für uns in Ordnung.';

interface Template {
  type: CaseType;
  title: string;
  description: string;
  urgency: Urgency;
  damage?: [string, string, string];
  documentType?: string;
  availability?: string;
}

const templates: Template[] = [
  {
    type: 'damage',
    title: 'Wasserhahn tropft – Badezimmer',
    description: longDescription,
    urgency: 'urgent',
    damage: ['Wohnung', 'Sanitär', 'Wasserhahn tropft'],
    availability: 'werktags ab 16 Uhr',
  },
  {
    type: 'damage',
    title: 'Heizung bleibt kalt',
    description: 'Alle Heizkörper in der Wohnung bleiben kalt, auch nach dem Entlüften.',
    urgency: 'emergency',
    damage: ['Wohnung', 'Heizung und Warmwasser', 'Heizung fällt aus'],
    availability: 'jederzeit, Homeoffice',
  },
  {
    type: 'complaint',
    title: 'Ruhestörung nachts im 3. OG',
    description: 'Seit Wochen laute Musik nach 23 Uhr, meist freitags und samstags.',
    urgency: 'normal',
  },
  {
    type: 'document_request',
    title: 'Mieterbescheinigung',
    description: 'Für den Antrag auf Wohngeld.',
    urgency: 'normal',
    documentType: 'Mieterbescheinigung',
  },
  {
    type: 'contact',
    title: 'Frage zur Betriebskostenabrechnung 2025',
    description: 'Die Position „Hauswart“ ist deutlich höher als im Vorjahr. Woran liegt das?',
    urgency: 'normal',
  },
  {
    type: 'damage',
    title: 'Haustür schließt nicht',
    description: 'Die Haustür fällt nicht mehr ins Schloss, jeder kann ins Haus.',
    urgency: 'urgent',
    damage: ['Gemeinschaftsflächen', 'Türen und Schlösser', 'Haustür schließt nicht'],
  },
  {
    type: 'document_request',
    title: 'Wohnungsgeberbestätigung',
    description: '',
    urgency: 'normal',
    documentType: 'Wohnungsgeberbestätigung',
  },
  {
    type: 'complaint',
    title: 'Müllplatz ständig überfüllt',
    description: 'Die gelben Tonnen sind seit zwei Wochen übervoll, Ratten wurden gesehen.',
    urgency: 'urgent',
  },
  {
    type: 'damage',
    title: 'Schimmel im Schlafzimmer an der Außenwand hinter dem Kleiderschrank, großflächig',
    description: 'Schwarze Flecken, etwa 1 m², trotz regelmäßigem Lüften.',
    urgency: 'normal',
    damage: ['Wohnung', 'Feuchtigkeit und Schimmel', 'Schimmel an Wand'],
  },
  { type: 'contact', title: 'Stellplatz in der Tiefgarage gesucht', description: 'Ist ein Stellplatz frei geworden?', urgency: 'normal' },
];

const priorityOf: Record<Urgency, Priority> = { normal: 'normal', urgent: 'high', emergency: 'critical' };
const deadlineDays: Record<Urgency, number> = { normal: 10, urgent: 3, emergency: 1 };
const hour = 3_600_000;
const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const labelled = (label: string, n: number) => ({ id: uuid('a1b2c3d4', n * 7 + label.length), label });

interface Stored {
  case: StaffCase;
  events: CaseEvent[];
  messages: CaseMessage[];
  attachments: CaseAttachment[];
  affectedResidents: number;
}

export interface FakeStaffCasesOptions {
  /** How many cases the board starts with (default 30; 0 for an empty board). */
  count?: number;
  /** Answer the list with this error. */
  listError?: { status: number; code: ErrorCode; message: string };
  /** Answer every detail with this error. */
  detailError?: { status: number; code: ErrorCode; message: string };
  /** The next status change races another clerk: 409 `case_changed`, and the case has moved on meanwhile. */
  conflictOnStatus?: boolean;
  /** `POST /api/staff/cases/:id/documents` and `/certificate` exist (default true); false answers 404 like a BFF without them. */
  documents?: boolean;
  /** Every title and description very long. */
  longTexts?: boolean;
  /**
   * The certificate's data changes right after the first preview (e.g. the ERP brings the Mietbeginn): the first
   * release answers 409 `certificate_changed`, and the next preview states the new Mietbeginn with a new digest.
   */
  certificateChangesAfterPreview?: boolean;
}

/** A tiny PDF standing in for the generated Mieterbescheinigung. */
const previewPdf = btoa('%PDF-1.4\n% Mieterbescheinigung (Vorschau)\n%%EOF\n');

export class FakeStaffCases {
  readonly store = new Map<string, Stored>();
  /** The query of every `GET /api/staff/cases`, in order, for tests of the filters. */
  readonly listQueries: URLSearchParams[] = [];
  private serial = 0;
  private conflictPending: boolean;
  /** How often each certificate request's data changed: its digest. */
  private readonly certificateRevisions = new Map<string, number>();
  private certificateChangePending: boolean;
  /** The error the list answers with; a test clears it to let the list work again (e.g. after sign-in). */
  listError: FakeStaffCasesOptions['listError'];

  constructor(private readonly options: FakeStaffCasesOptions = {}) {
    this.listError = options.listError;
    this.conflictPending = options.conflictOnStatus ?? false;
    this.certificateChangePending = options.certificateChangesAfterPreview ?? false;
    const count = options.count ?? 30;
    for (let n = 0; n < count; n++) this.add(this.make(n));
  }

  /** All cases in board order (soonest deadline first). */
  get cases(): StaffCase[] {
    return [...this.store.values()].map((stored) => stored.case).sort(byDeadline);
  }

  /** A case filed just now (not yet stored): pass it to `add` and push it as `case:created`. */
  created(overrides: Partial<StaffCase> = {}): StaffCase {
    const next = this.make(this.store.size + 100, 0);
    return { ...next, caseNumber: '2026-0042', ...overrides };
  }

  add(item: StaffCase): StaffCase {
    const created = new Date(item.createdAt).getTime();
    const events: CaseEvent[] = [
      {
        id: uuid('e0000000', ++this.serial),
        kind: 'created',
        public: true,
        actor: 'resident',
        actorName: item.resident?.name ?? null,
        data: { caseNumber: item.caseNumber },
        createdAt: item.createdAt,
      },
    ];
    const messages: CaseMessage[] = [];
    const attachments: CaseAttachment[] = [];
    if (item.assignee) {
      events.push({
        id: uuid('e0000000', ++this.serial),
        kind: 'routed',
        public: false,
        actor: 'system',
        actorName: null,
        data: { assigneeId: item.assignee.id },
        createdAt: new Date(created + 1000).toISOString(),
      });
    }
    if (item.type === 'damage') {
      attachments.push(
        {
          id: uuid('f0000000', ++this.serial),
          fileName: 'foto-schaden.jpg',
          contentType: 'image/jpeg',
          size: 1_482_113,
          createdAt: item.createdAt,
          uploadedBy: 'resident',
        },
        {
          id: uuid('f0000000', ++this.serial),
          fileName: 'Kostenvoranschlag Installateur Meier GmbH.pdf',
          contentType: 'application/pdf',
          size: 88_204,
          createdAt: item.createdAt,
          uploadedBy: 'staff',
        },
      );
      events.push({
        id: uuid('e0000000', ++this.serial),
        kind: 'attachments_added',
        public: true,
        actor: 'resident',
        actorName: item.resident?.name ?? null,
        data: { count: 1 },
        createdAt: new Date(created + 2000).toISOString(),
      });
    }
    if (item.status !== 'eingegangen') {
      events.push({
        id: uuid('e0000000', ++this.serial),
        kind: 'status_changed',
        public: true,
        actor: 'staff',
        actorName: 'Jonas Becker',
        data: { from: 'eingegangen', to: item.status },
        createdAt: new Date(created + 3 * hour).toISOString(),
      });
      const note: CaseMessage = {
        id: uuid('4e550000', ++this.serial),
        author: 'staff',
        authorName: 'Jonas Becker',
        internal: true,
        body: 'Hausmeister Herr Krüger informiert, schaut morgen früh vorbei.',
        createdAt: new Date(created + 4 * hour).toISOString(),
      };
      const reply: CaseMessage = {
        id: uuid('4e550000', ++this.serial),
        author: 'staff',
        authorName: 'Jonas Becker',
        internal: false,
        body: 'Vielen Dank für Ihre Meldung. Wir kümmern uns darum und melden uns in den nächsten Tagen.',
        createdAt: new Date(created + 5 * hour).toISOString(),
      };
      messages.push(note, reply);
      events.push(
        {
          id: uuid('e0000000', ++this.serial),
          kind: 'internal_note',
          public: false,
          actor: 'staff',
          actorName: 'Jonas Becker',
          data: { messageId: note.id },
          createdAt: note.createdAt,
        },
        {
          id: uuid('e0000000', ++this.serial),
          kind: 'public_reply',
          public: true,
          actor: 'staff',
          actorName: 'Jonas Becker',
          data: { messageId: reply.id },
          createdAt: reply.createdAt,
        },
      );
    }
    this.store.set(item.id, {
      case: item,
      events,
      messages,
      attachments,
      affectedResidents: item.type === 'damage' ? 1 + (Number(item.caseNumber.slice(-1)) % 4) : 1,
    });
    return item;
  }

  /** Changes a stored case, as another clerk would, and returns the new state (for `case:updated`). */
  update(id: string, change: Partial<StaffCase>): StaffCase {
    const stored = this.store.get(id)!;
    stored.case = { ...stored.case, ...change, updatedAt: new Date().toISOString() };
    return stored.case;
  }

  private make(n: number, ageHours = 6 + ((n * 37) % 400)): StaffCase {
    const template = templates[n % templates.length];
    const createdAt = new Date(Date.now() - ageHours * hour);
    const deadline = new Date(createdAt.getTime() + deadlineDays[template.urgency] * 24 * hour);
    const status: CaseStatus = n % 7 === 5 ? 'erledigt' : n % 4 === 1 ? 'in_bearbeitung' : n % 9 === 3 ? 'beauftragt' : 'eingegangen';
    const building = fakeBuildings[n % fakeBuildings.length];
    const assignee = n % 3 === 0 ? null : fakeClerks[n % fakeClerks.length];
    const long = this.options.longTexts;
    // Built through the contract: a field the contract adds with a default needs no line here.
    return staffCase.parse({
      id: uuid('c0000000', n + 1),
      caseNumber: `2026-${String(n + 1).padStart(4, '0')}`,
      type: template.type,
      title: long ? `${template.title} – ${template.title} – ${template.title}` : template.title,
      description: long ? `${longDescription} ${longDescription}` : template.description,
      status,
      urgency: template.urgency,
      damage: template.damage
        ? { location: labelled(template.damage[0], 1), category: labelled(template.damage[1], 2), kind: labelled(template.damage[2], 3) }
        : null,
      documentType: template.documentType
        ? { ...labelled(template.documentType, 4), key: template.documentType === 'Mieterbescheinigung' ? 'tenant_certificate' : null }
        : null,
      residentAvailability: template.availability ?? null,
      accessConsent: template.type === 'damage' && n % 2 === 0,
      createdAt: createdAt.toISOString(),
      priority: priorityOf[template.urgency],
      deadlineAt: deadline.toISOString(),
      overdue: statusTransitions[status].length > 0 && deadline.getTime() < Date.now(),
      assignee,
      resident: {
        id: uuid('d0000000', (n % residents.length) + 1),
        name: long ? 'Maximiliane Alexandra von Hohenzollern-Sigmaringen' : residents[n % residents.length],
      },
      building,
      unitLabel: `WE ${String((n % 12) + 1).padStart(2, '0')}, ${(n % 4) + 1}. OG ${n % 2 ? 'links' : 'rechts'}`,
      updatedAt: createdAt.toISOString(),
      lastActivityAt: createdAt.toISOString(),
    } satisfies z.input<typeof staffCase>);
  }

  private certificateRefusal(stored: Stored): Response | undefined {
    if (stored.case.type !== 'document_request' || stored.case.documentType?.key !== 'tenant_certificate') {
      return error(409, 'not_a_certificate_request', 'Dieser Vorgang ist keine Anforderung einer Mieterbescheinigung.');
    }
    if (isClosedStatus(stored.case.status)) {
      return error(409, 'case_closed', 'Dieser Vorgang ist bereits abgeschlossen; die Mieterbescheinigung wird nicht erneut erstellt.');
    }
    return undefined;
  }

  /** What the certificate of a request states now; its digest changes with every change of the data. */
  certificatePreview(stored: Stored): TenantCertificatePreview {
    const revision = this.certificateRevisions.get(stored.case.id) ?? 0;
    const item = stored.case;
    return {
      digest: `${revision}`.padStart(8, '0').padEnd(64, 'c'),
      certificate: {
        residentName: item.resident?.name ?? 'Erika Mustermann',
        unitLabel: item.unitLabel ?? 'EG links',
        address: item.building.address ?? 'Lindenstraße 12, 24103 Kiel',
        tenancyStart: revision === 0 ? null : '2019-04-01',
        companyName: 'Wohnbau Nord eG',
        caseNumber: item.caseNumber,
        issuedOn: new Date().toISOString().slice(0, 10),
      },
      fileName: `Mieterbescheinigung-${item.caseNumber}.pdf`,
      pdf: previewPdf,
    };
  }

  /** The routes to pass to `new FakeBff({ routes })`. */
  readonly routes: FakeRoute[] = [(request) => this.answer(request)];

  private answer(request: FakeRequest): Response | undefined {
    const { method, path } = request;
    if (method === 'GET' && path === '/api/staff/cases') return this.list(request.url.searchParams);
    if (method === 'GET' && path === '/api/staff/clerks') return json(200, { items: fakeClerks });
    if (method === 'POST' && path === '/api/uploads') {
      const file = request.form?.get('file');
      if (!(file instanceof File) || !file.size) return error(400, 'file_empty', 'Die Datei ist leer.');
      return json(201, { upload: { id: uuid('b0000000', ++this.serial), fileName: file.name, contentType: file.type, size: file.size } });
    }
    const match = /^\/api\/staff\/cases\/([^/]+)(?:\/(.+))?$/.exec(path);
    if (!match) return undefined;
    const stored = this.store.get(decodeURIComponent(match[1]));
    const action = match[2];
    if ((action === 'documents' || action === 'certificate' || action === 'certificate/preview') && this.options.documents === false)
      return error(404, 'not_found', 'Nicht gefunden.');
    if (!stored) return error(404, 'not_found', 'Vorgang nicht gefunden.');
    const body = request.body;
    switch (`${method} ${action ?? ''}`) {
      case 'GET ':
        if (this.options.detailError)
          return error(this.options.detailError.status, this.options.detailError.code, this.options.detailError.message);
        return json(200, {
          case: stored.case,
          events: stored.events,
          messages: stored.messages,
          attachments: stored.attachments,
          affectedResidents: stored.affectedResidents,
        });
      case 'PATCH status':
        return this.changeStatus(stored, body.status as CaseStatus, body.message as string | undefined);
      case 'PATCH assignee': {
        // The signed-in clerk of the fakes is the first one (as for the list's `assignee=me`).
        const wanted = body.assigneeId === 'me' ? fakeClerks[0].id : body.assigneeId;
        const to = fakeClerks.find((clerk) => clerk.id === wanted) ?? null;
        if (wanted && !to) return error(400, 'unknown_assignee', 'Diese Person ist keine Sachbearbeitung dieser Hausverwaltung.');
        this.log(stored, 'assigned', false, { from: stored.case.assignee?.id ?? null, to: to?.id ?? null });
        stored.case = { ...stored.case, assignee: to ? { id: to.id, label: to.label } : null };
        return json(200, { case: stored.case });
      }
      case 'POST replies':
      case 'POST notes': {
        const text = typeof body.body === 'string' ? body.body.trim() : '';
        if (!text) return fieldError('body', 'too_small', 'Bitte füllen Sie dieses Feld aus.');
        this.message(stored, text, action === 'notes');
        return json(201, { case: stored.case });
      }
      case 'POST documents': {
        const documentId = uuid('d0c00000', ++this.serial);
        this.log(stored, 'document_published', true, { documentId, title: body.title });
        const category = (body.category as DocumentCategory | undefined) ?? 'other';
        return json(201, { case: stored.case, document: this.document(stored, documentId, String(body.title), category) });
      }
      case 'GET certificate/preview': {
        const refused = this.certificateRefusal(stored);
        if (refused) return refused;
        const answer = this.certificatePreview(stored);
        if (this.certificateChangePending) {
          this.certificateChangePending = false;
          this.certificateRevisions.set(stored.case.id, (this.certificateRevisions.get(stored.case.id) ?? 0) + 1);
        }
        return json(200, answer);
      }
      case 'POST certificate': {
        const refused = this.certificateRefusal(stored);
        if (refused) return refused;
        if (typeof body.digest !== 'string' || !body.digest) {
          return error(
            422,
            'certificate_preview_required',
            'Bitte sehen Sie sich zuerst die Vorschau der Mieterbescheinigung an und geben Sie sie dann frei.',
          );
        }
        if (body.digest !== this.certificatePreview(stored).digest) {
          return error(
            409,
            'certificate_changed',
            'Die Angaben haben sich seit der Vorschau geändert. Bitte prüfen Sie die Vorschau erneut.',
          );
        }
        const documentId = uuid('d0c00000', ++this.serial);
        this.log(stored, 'document_published', true, { documentId, title: 'Mieterbescheinigung' });
        this.log(stored, 'status_changed', true, { from: stored.case.status, to: 'erledigt' });
        this.message(stored, 'Ihre Mieterbescheinigung liegt in „Meine Dokumente“ bereit.', false);
        stored.case = { ...stored.case, status: 'erledigt', overdue: false };
        return json(201, { case: stored.case, document: this.document(stored, documentId, 'Mieterbescheinigung', 'certificate') });
      }
    }
    if (method === 'GET' && action?.startsWith('attachments/')) {
      return new Response(new Blob(['%PDF-1.4 fake']), { status: 200, headers: { 'content-type': 'application/pdf' } });
    }
    return undefined;
  }

  /** A document published to the case's resident, as the BFF answers it. */
  private document(stored: Stored, id: string, title: string, category: DocumentCategory): StaffDocument {
    return {
      id,
      title,
      category,
      fileName: `${title}.pdf`,
      contentType: 'application/pdf',
      size: 48_213,
      publishedAt: new Date().toISOString(),
      caseNumber: stored.case.caseNumber,
      audience: { type: 'resident', id: stored.case.resident!.id, label: stored.case.resident!.name ?? '' },
      readers: 'all',
      caseId: stored.case.id,
      publishedBy: { id: fakeClerks[0].id, name: fakeClerks[0].label },
      readCount: 0,
      audienceSize: 1,
    };
  }

  private list(params: URLSearchParams): Response {
    this.listQueries.push(params);
    if (this.listError) return error(this.listError.status, this.listError.code, this.listError.message);
    const types = params.get('type')?.split(',');
    const statuses = params.get('status')?.split(',');
    if (statuses?.some((status) => !caseStatuses.includes(status as CaseStatus)))
      return fieldError('status', 'invalid_value', 'Unbekannter Status.');
    const assignee = params.get('assignee');
    const building = params.get('building');
    const overdue = params.get('overdue');
    const me = fakeClerks[0].id;
    const matching = this.cases.filter(
      (item) =>
        (!types || types.includes(item.type)) &&
        (!statuses || statuses.includes(item.status)) &&
        (!assignee || (assignee === 'none' ? !item.assignee : item.assignee?.id === (assignee === 'me' ? me : assignee))) &&
        (!building || item.building.id === building) &&
        (!overdue || item.overdue === (overdue === 'true')),
    );
    const limit = Number(params.get('limit') ?? 20);
    const cursor = params.get('cursor');
    const start = cursor ? matching.findIndex((item) => item.id === cursor) + 1 : 0;
    const items = matching.slice(start, start + limit);
    const nextCursor = start + limit < matching.length ? items[items.length - 1].id : null;
    return json(200, { items, nextCursor });
  }

  private changeStatus(stored: Stored, to: CaseStatus, message?: string): Response {
    if (this.conflictPending) {
      this.conflictPending = false;
      const moved = statusTransitions[stored.case.status].find((status) => status !== to) ?? stored.case.status;
      this.log(stored, 'status_changed', true, { from: stored.case.status, to: moved }, 'Jonas Becker');
      stored.case = { ...stored.case, status: moved };
      return error(409, 'case_changed', 'Der Vorgang wurde zwischenzeitlich geändert. Bitte laden Sie ihn neu.');
    }
    if (!statusTransitions[stored.case.status].includes(to)) {
      return error(409, 'invalid_status_transition', 'Diese Statusänderung ist nicht möglich.');
    }
    this.log(stored, 'status_changed', true, { from: stored.case.status, to });
    if (message) this.message(stored, message, false);
    stored.case = { ...stored.case, status: to, overdue: to === 'erledigt' || to === 'abgelehnt' ? false : stored.case.overdue };
    return json(200, { case: stored.case });
  }

  private message(stored: Stored, body: string, internal: boolean): void {
    const message: CaseMessage = {
      id: uuid('4e550000', ++this.serial),
      author: 'staff',
      authorName: 'Clara Kaiser',
      internal,
      body,
      createdAt: new Date().toISOString(),
    };
    stored.messages.push(message);
    this.log(stored, internal ? 'internal_note' : 'public_reply', !internal, { messageId: message.id });
  }

  private log(stored: Stored, kind: CaseEvent['kind'], isPublic: boolean, data: Record<string, unknown>, actorName = 'Clara Kaiser'): void {
    stored.events.push({
      id: uuid('e0000000', ++this.serial),
      kind,
      public: isPublic,
      actor: 'staff',
      actorName,
      data,
      createdAt: new Date().toISOString(),
    });
  }
}

/** `code` is zod's issue code, as the BFF names it (bff/contract/errors.ts, FieldError). */
function fieldError(path: string, code: string, message: string): Response {
  return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: [{ path, code, message }] });
}
