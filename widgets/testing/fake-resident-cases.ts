import type { z } from 'zod';
import { residentCase } from '../../bff/contract/cases.ts';
import type {
  CaseAttachment,
  CaseDetail,
  CaseStatus,
  CaseUpdatedPayload,
  DocumentPublishedPayload,
  JoinedIncident,
  ResidentCase,
  ResidentDocument,
  TimelineEvent,
} from '../internal/resident-cases-api.ts';
import { error, json, type FakeRequest, type FakeRoute } from './fake-bff.ts';

/** The parts of the resident API a fake can be told to fail, to show error states. */
export type ResidentEndpoint = 'cases' | 'detail' | 'message' | 'documents' | 'unread' | 'read' | 'joined';

export interface FakeResidentCasesOptions {
  /** `'empty'`, a number of generated cases, or the cases themselves. Default: five realistic ones. */
  cases?: 'empty' | number | ResidentCase[];
  documents?: 'empty' | number | ResidentDocument[];
  joined?: JoinedIncident[];
  /** Cases and documents with very long titles and texts (layout at 320 px). */
  long?: boolean;
  /** These endpoints answer 503 until removed from `fake.failing`. */
  failing?: ResidentEndpoint[];
  /** Extra delay of each answer in ms, to see loading states. */
  latency?: number;
  /** Page size when the request names no `limit`. */
  pageSize?: number;
}

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

function ago(ms: number): string {
  return new Date(Date.now() - ms).toISOString();
}

function id(prefix: string, n: number): string {
  return `${prefix}${String(n).padStart(12, '0')}`;
}

const labelled = (n: number, label: string) => ({ id: id('0000000a-0000-4000-8000-', n), label });

/** Built through the contract: a field the contract adds with a default needs no line here. */
function baseCase(n: number, fields: Partial<ResidentCase>): ResidentCase {
  const createdAt = fields.createdAt ?? ago(n * 2 * day);
  return residentCase.parse({
    id: id('0000000c-0000-4000-8000-', n),
    caseNumber: `2026-${String(182 - n).padStart(4, '0')}`,
    type: 'contact',
    title: '',
    description: '',
    status: 'eingegangen',
    urgency: 'normal',
    damage: null,
    documentType: null,
    residentAvailability: null,
    accessConsent: false,
    createdAt,
    lastActivityAt: createdAt,
    ...fields,
  } satisfies z.input<typeof residentCase>);
}

/** Five cases of every kind and state a resident typically has, latest activity first (one with news). */
export function sampleCases(long = false): ResidentCase[] {
  const longText = (text: string) =>
    long
      ? `${text} – ${'und außerdem tropft es seit gestern Abend auch im Flur vor der Wohnungstür der Nachbarn im dritten Obergeschoss '.repeat(3)}`
      : text;
  return [
    baseCase(1, {
      type: 'damage',
      title: longText('Wasserschaden · Bad'),
      description: longText('Unter dem Waschbecken steht Wasser, der Siphon tropft.'),
      status: 'beauftragt',
      urgency: 'urgent',
      damage: { location: labelled(1, 'Bad'), category: labelled(2, 'Sanitär'), kind: labelled(3, 'Wasserschaden') },
      residentAvailability: 'werktags ab 16 Uhr',
      accessConsent: true,
      createdAt: ago(3 * day),
      lastActivityAt: ago(2 * hour),
    }),
    baseCase(2, {
      type: 'complaint',
      title: longText('Lärm im Treppenhaus nach 22 Uhr'),
      description: 'Seit zwei Wochen wird im Treppenhaus nachts laut Musik gehört.',
      status: 'in_bearbeitung',
      createdAt: ago(6 * day),
      lastActivityAt: ago(1 * day),
      hasNews: true,
    }),
    baseCase(3, {
      type: 'document_request',
      title: 'Mieterbescheinigung',
      description: 'Für das Bürgeramt (Anmeldung des Wohnsitzes).',
      status: 'erledigt',
      documentType: { ...labelled(4, 'Mieterbescheinigung'), key: 'tenant_certificate' },
      createdAt: ago(12 * day),
      lastActivityAt: ago(11 * day),
    }),
    baseCase(4, {
      type: 'contact',
      title: 'Frage zur Betriebskostenabrechnung 2025',
      description: 'Wie setzt sich der Posten „Hauswart“ zusammen?',
      status: 'eingegangen',
      createdAt: ago(20 * minute),
      lastActivityAt: ago(20 * minute),
    }),
    baseCase(5, {
      type: 'damage',
      title: 'Heizung · Wohnzimmer',
      description: 'Der Heizkörper wird nicht warm.',
      status: 'abgelehnt',
      damage: { location: labelled(5, 'Wohnzimmer'), category: labelled(6, 'Heizung'), kind: labelled(7, 'Heizkörper kalt') },
      createdAt: ago(40 * day),
      lastActivityAt: ago(38 * day),
    }),
  ].sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
}

const manyTitles = [
  'Fenster klemmt',
  'Rauchmelder piept',
  'Briefkasten defekt',
  'Licht im Keller aus',
  'Aufzug steht',
  'Schimmel im Schlafzimmer',
];
const statuses: CaseStatus[] = ['eingegangen', 'in_bearbeitung', 'beauftragt', 'erledigt', 'abgelehnt'];

/** `count` cases, newest first, for pagination. */
export function manyCases(count: number): ResidentCase[] {
  return Array.from({ length: count }, (_, index) =>
    baseCase(100 + index, {
      caseNumber: `2026-${String(count - index).padStart(4, '0')}`,
      type: index % 3 === 0 ? 'damage' : index % 3 === 1 ? 'complaint' : 'contact',
      title: `${manyTitles[index % manyTitles.length]} (${index + 1})`,
      status: statuses[index % statuses.length],
      createdAt: ago((index + 1) * 7 * hour),
      lastActivityAt: ago((index + 1) * 5 * hour),
    }),
  );
}

function document(n: number, fields: Partial<ResidentDocument>): ResidentDocument {
  return {
    id: id('0000000d-0000-4000-8000-', n),
    title: '',
    category: 'letter',
    fileName: 'dokument.pdf',
    contentType: 'application/pdf',
    size: 84_211,
    publishedAt: ago(n * day),
    readAt: null,
    caseNumber: null,
    ...fields,
  };
}

/** Four documents: two unread, among them the certificate of a case. */
export function sampleDocuments(long = false): ResidentDocument[] {
  return [
    document(1, {
      title: long
        ? 'Mieterbescheinigung für die Anmeldung beim Bürgeramt Hamburg-Nord (Wohnungsgeberbestätigung nach § 19 BMG)'
        : 'Mieterbescheinigung',
      category: 'certificate',
      fileName: 'Mieterbescheinigung-2026-0179.pdf',
      caseNumber: '2026-0179',
      publishedAt: ago(3 * hour),
    }),
    document(2, {
      title: 'Ankündigung Treppenhausreinigung',
      category: 'letter',
      fileName: 'Aushang-Treppenhaus.pdf',
      publishedAt: ago(2 * day),
    }),
    document(3, {
      title: 'Betriebskostenabrechnung 2025',
      category: 'utility_statement',
      fileName: 'BK-Abrechnung-2025.pdf',
      size: 1_204_332,
      publishedAt: ago(30 * day),
      readAt: ago(29 * day),
    }),
    document(4, {
      title: 'Mietvertrag',
      category: 'contract',
      fileName: 'Mietvertrag.pdf',
      size: 2_511_002,
      publishedAt: ago(400 * day),
      readAt: ago(399 * day),
    }),
  ];
}

function manyDocuments(count: number): ResidentDocument[] {
  return Array.from({ length: count }, (_, index) =>
    document(100 + index, {
      title: `Schreiben Nr. ${index + 1}`,
      publishedAt: ago((index + 1) * day),
      readAt: index < 3 ? null : ago(index * day),
    }),
  );
}

export function sampleJoined(): JoinedIncident[] {
  return [
    {
      caseNumber: '2026-0150',
      damageLocation: 'Treppenhaus',
      damageCategory: 'Elektrik',
      damageKind: 'Beleuchtung defekt',
      status: 'beauftragt',
      reportedAt: ago(5 * day),
      joinedAt: ago(4 * day),
    },
  ];
}

/** An id for something belonging to a case (`tag` in hex, e.g. `e1` for its first event), still a valid UUID. */
const childId = (parentId: string, tag: string) => tag.padStart(8, '0') + parentId.slice(8);

function detailOf(record: ResidentCase, long: boolean): CaseDetail {
  const timeline: TimelineEvent[] = [
    {
      id: childId(record.id, 'e1'),
      kind: 'created',
      actor: 'resident',
      data: { caseNumber: record.caseNumber },
      createdAt: record.createdAt,
    },
  ];
  const messages: CaseDetail['messages'] = [];
  const attachments: CaseAttachment[] = [];
  if (record.status !== 'eingegangen') {
    timeline.push({
      id: childId(record.id, 'e2'),
      kind: 'status_changed',
      actor: 'staff',
      data: { from: 'eingegangen', to: record.status },
      createdAt: record.lastActivityAt,
    });
  }
  if (record.type === 'damage') {
    attachments.push({
      id: childId(record.id, 'a1'),
      fileName: long ? 'Foto-vom-Wasserschaden-unter-dem-Waschbecken-im-Badezimmer-aufgenommen-am-Montagabend.jpg' : 'Foto-Bad.jpg',
      contentType: 'image/jpeg',
      size: 412_118,
      createdAt: record.createdAt,
      uploadedBy: 'resident',
    });
  }
  if (record.status === 'beauftragt' || record.status === 'in_bearbeitung') {
    messages.push({
      id: childId(record.id, 'f1'),
      author: 'staff',
      body: long
        ? 'Wir haben die Firma Klempnerei Jansen beauftragt. '.repeat(8)
        : 'Wir haben die Firma Klempnerei Jansen beauftragt. Sie meldet sich bei Ihnen für einen Termin.',
      createdAt: record.lastActivityAt,
    });
    timeline.push({
      id: childId(record.id, 'e3'),
      kind: 'public_reply',
      actor: 'staff',
      data: { messageId: childId(record.id, 'f1') },
      createdAt: record.lastActivityAt,
    });
  }
  if (record.status === 'abgelehnt') {
    messages.push({
      id: childId(record.id, 'f1'),
      author: 'staff',
      body: 'Der Heizkörper gehört zur Etagenheizung, die Sie selbst warten lassen. Bitte wenden Sie sich an Ihren Heizungsbauer.',
      createdAt: record.lastActivityAt,
    });
  }
  return { case: record, timeline, messages, attachments };
}

/**
 * The resident's cases, documents and joined incidents as fake BFF routes, with realistic German data.
 * Its state changes like the BFF's (messages, read receipts), and tests change it to push live updates:
 * `bff.live.emit('case:updated', fake.setStatus(id, 'erledigt'))`.
 */
export class FakeResidentCases {
  cases: ResidentCase[];
  documents: ResidentDocument[];
  joined: JoinedIncident[];
  readonly details = new Map<string, CaseDetail>();
  /** Endpoints that answer 503 right now; delete from it to let a retry succeed. */
  readonly failing: Set<ResidentEndpoint>;
  private readonly long: boolean;
  private sequence = 0;

  constructor(private readonly options: FakeResidentCasesOptions = {}) {
    this.long = options.long ?? false;
    const { cases = sampleCases(this.long), documents = sampleDocuments(this.long) } = options;
    this.cases = cases === 'empty' ? [] : typeof cases === 'number' ? manyCases(cases) : [...cases];
    this.documents = documents === 'empty' ? [] : typeof documents === 'number' ? manyDocuments(documents) : [...documents];
    this.joined = options.joined ?? [];
    this.failing = new Set(options.failing ?? []);
  }

  get unreadCount(): number {
    return this.documents.filter((candidate) => !candidate.readAt).length;
  }

  /** Gives the case a new status with an optional staff message, as a clerk would; returns the live payload. */
  setStatus(caseId: string, status: CaseStatus, message?: string): CaseUpdatedPayload {
    const detail = this.detail(caseId)!;
    const now = new Date().toISOString();
    detail.timeline.push({
      id: id('0000000e-0000-4000-8000-', 500 + ++this.sequence),
      kind: 'status_changed',
      actor: 'staff',
      data: { from: detail.case.status, to: status },
      createdAt: now,
    });
    if (message)
      detail.messages.push({ id: id('0000000f-0000-4000-8000-', 500 + ++this.sequence), author: 'staff', body: message, createdAt: now });
    this.replace({ ...detail.case, status, lastActivityAt: now, hasNews: true });
    return { change: 'status_changed', case: this.detail(caseId)!.case };
  }

  /** A clerk's public reply; returns the live payload. */
  reply(caseId: string, body: string): CaseUpdatedPayload {
    const detail = this.detail(caseId)!;
    const now = new Date().toISOString();
    const messageId = id('0000000f-0000-4000-8000-', 500 + ++this.sequence);
    detail.messages.push({ id: messageId, author: 'staff', body, createdAt: now });
    detail.timeline.push({
      id: id('0000000e-0000-4000-8000-', 500 + ++this.sequence),
      kind: 'public_reply',
      actor: 'staff',
      data: { messageId },
      createdAt: now,
    });
    this.replace({ ...detail.case, lastActivityAt: now, hasNews: true });
    return { change: 'public_reply', case: this.detail(caseId)!.case };
  }

  /** A document the housing company publishes; returns the live payload. */
  publish(fields: Partial<ResidentDocument> & { title: string }): DocumentPublishedPayload {
    const published = document(900 + ++this.sequence, { publishedAt: new Date().toISOString(), ...fields });
    this.documents.unshift(published);
    return { document: published };
  }

  /** Adds a case as a filing would (e.g. a story's "new case"); returns it. */
  file(fields: Partial<ResidentCase> & { title: string }): ResidentCase {
    const now = new Date().toISOString();
    const filed = baseCase(900 + ++this.sequence, {
      caseNumber: `2026-0${200 + this.sequence}`,
      createdAt: now,
      lastActivityAt: now,
      ...fields,
    });
    this.cases.unshift(filed);
    return filed;
  }

  detail(caseId: string): CaseDetail | undefined {
    const record = this.cases.find((candidate) => candidate.id === caseId);
    if (!record) return undefined;
    let detail = this.details.get(caseId);
    if (!detail) {
      detail = detailOf(record, this.long);
      this.details.set(caseId, detail);
    }
    detail.case = record;
    return detail;
  }

  private replace(record: ResidentCase): void {
    this.cases = this.cases.map((candidate) => (candidate.id === record.id ? record : candidate));
  }

  readonly routes: FakeRoute[] = [(request) => this.answer(request)];

  private async answer(request: FakeRequest): Promise<Response | undefined> {
    const endpoint = this.endpointOf(request);
    if (!endpoint) return undefined;
    if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
    if (this.failing.has(endpoint))
      return error(503, 'service_unavailable', 'Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später erneut.');
    const { path, url, body } = request;
    switch (endpoint) {
      case 'cases':
        return json(200, this.page(this.cases, url));
      case 'joined':
        return json(200, { items: this.joined });
      case 'unread':
        return json(200, { unreadCount: this.unreadCount });
      case 'documents':
        return json(200, { ...this.page(this.documents, url), unreadCount: this.unreadCount });
      case 'read': {
        const documentId = path.split('/')[3];
        const found = this.documents.find((candidate) => candidate.id === documentId);
        if (!found) return error(404, 'not_found', 'Dokument nicht gefunden.');
        found.readAt ??= new Date().toISOString();
        return new Response(null, { status: 204 });
      }
      case 'detail': {
        const caseId = path.split('/')[3];
        // Opening a case makes its news seen, as the BFF records it.
        const opened = this.cases.find((candidate) => candidate.id === caseId);
        if (opened?.hasNews) this.replace({ ...opened, hasNews: false });
        const detail = this.detail(caseId);
        return detail ? json(200, detail) : error(404, 'not_found', 'Vorgang nicht gefunden.');
      }
      case 'message':
        return this.addMessage(path.split('/')[3], body);
    }
  }

  private addMessage(caseId: string, body: Record<string, unknown>): Response {
    const detail = this.detail(caseId);
    if (!detail) return error(404, 'not_found', 'Vorgang nicht gefunden.');
    if (detail.case.status === 'erledigt' || detail.case.status === 'abgelehnt') {
      return error(409, 'case_closed', 'Dieses Anliegen ist abgeschlossen. Bitte melden Sie ein neues Anliegen.');
    }
    const text = typeof body.body === 'string' ? body.body.trim() : '';
    const attachmentIds = Array.isArray(body.attachmentIds) ? (body.attachmentIds as string[]) : [];
    if (!text && !attachmentIds.length) {
      return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
        fields: [{ path: 'body', code: 'custom', message: 'Bitte schreiben Sie eine Nachricht oder hängen Sie eine Datei an.' }],
      });
    }
    const now = new Date().toISOString();
    if (text) {
      const messageId = id('0000000f-0000-4000-8000-', 500 + ++this.sequence);
      detail.messages.push({ id: messageId, author: 'resident', body: text, createdAt: now });
      detail.timeline.push({
        id: id('0000000e-0000-4000-8000-', 500 + ++this.sequence),
        kind: 'resident_message',
        actor: 'resident',
        data: { messageId },
        createdAt: now,
      });
    }
    if (attachmentIds.length) {
      detail.timeline.push({
        id: id('0000000e-0000-4000-8000-', 500 + ++this.sequence),
        kind: 'attachments_added',
        actor: 'resident',
        data: { count: attachmentIds.length },
        createdAt: now,
      });
    }
    for (const attachmentId of attachmentIds) {
      detail.attachments.push({
        id: attachmentId,
        fileName: `Anhang-${attachmentId.slice(0, 4)}.jpg`,
        contentType: 'image/jpeg',
        size: 120_000,
        createdAt: now,
        uploadedBy: 'resident',
      });
    }
    this.replace({ ...detail.case, lastActivityAt: now });
    return json(201, { case: this.detail(caseId)!.case });
  }

  private page<T extends { id: string }>(items: T[], url: URL) {
    const limit = Number(url.searchParams.get('limit')) || this.options.pageSize || 20;
    const cursor = url.searchParams.get('cursor');
    const start = cursor ? items.findIndex((item) => item.id === cursor) + 1 : 0;
    const slice = items.slice(start, start + limit);
    const more = start + limit < items.length;
    return { items: slice, nextCursor: more ? slice.at(-1)!.id : null };
  }

  private endpointOf({ method, path }: FakeRequest): ResidentEndpoint | undefined {
    if (method === 'GET' && path === '/api/cases') return 'cases';
    if (method === 'GET' && path === '/api/cases/joined') return 'joined';
    if (method === 'GET' && path === '/api/documents') return 'documents';
    if (method === 'GET' && path === '/api/documents/unread-count') return 'unread';
    if (method === 'POST' && /^\/api\/documents\/[^/]+\/read$/.test(path)) return 'read';
    if (method === 'POST' && /^\/api\/cases\/[^/]+\/messages$/.test(path)) return 'message';
    if (method === 'GET' && /^\/api\/cases\/[0-9a-f-]{36}$/.test(path)) return 'detail';
    return undefined;
  }
}
