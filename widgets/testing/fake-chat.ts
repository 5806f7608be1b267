import type { z } from 'zod';
import { residentCase } from '../../bff/contract/cases.ts';
import type { draftConfirmation } from '../../bff/contract/chat.ts';
import type { ErrorCode } from '../../bff/contract/errors.ts';
import type {
  ChatDocumentLink,
  ChatDraft,
  ChatMessageView,
  ChatNotice,
  ChatStreamErrorCode,
  ChatStreamEvent,
  ConversationSummary,
} from '../internal/chat-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';

/** What the fake assistant does for one message: a tool with its label, then text, cards, or an error. */
export interface FakeAnswer {
  tool?: { name: string; label: string };
  text?: string;
  draft?: ChatDraft;
  documents?: ChatDocumentLink[];
  /** The answer fails with this code after its text (e.g. `model_overloaded`). */
  error?: ChatStreamErrorCode;
}

export interface FakeChatOptions {
  /** The notice is already acknowledged (default: not yet, so the notice shows first). */
  acknowledged?: boolean;
  /** The offline assistant answers (default); otherwise a model named `anthropic:claude-sonnet-5-5`. */
  offline?: boolean;
  /** Delay between two pieces of the streamed answer in ms (default 20). */
  tokenDelay?: number;
  /** Delay before a tool's result is used in ms (default 200): the tool state is seen. */
  toolDelay?: number;
  /** Earlier conversations, newest first; `long` gives one with many messages. */
  conversations?: 'none' | 'some' | 'long';
  /** Delay before one conversation's messages come in ms (default 0): a slow network while it opens. */
  openDelay?: number;
  /** Sending a message is refused with this error before any answer (until set to undefined). */
  refuse?: 'chat_busy' | 'chat_budget_exhausted' | 'rate_limited' | 'chat_notice_required';
  /** Every answer fails with this code (until set to undefined). */
  streamError?: ChatStreamErrorCode;
  /** Answers by the resident's words; the default knows utility statement, status, damage, callback, documents. */
  answer?: (text: string) => FakeAnswer;
}

const NOTICE_TEXT = `Verantwortlich für die Verarbeitung ist Ihre Hausverwaltung Wohnbau Nord eG.

Der Assistent beantwortet Ihre Fragen aus Ihren Daten im Mieterportal (Mietverhältnis, Anliegen, Dokumente). Ihre Nachrichten werden 90 Tage gespeichert und dann gelöscht.

Der Assistent trifft keine Entscheidungen über Sie. Anliegen legt er nur als Entwurf an; absenden tun Sie. Sie haben das Recht auf Auskunft (Art. 15 DSGVO) und Löschung (Art. 17 DSGVO): Sie können Ihre Unterhaltungen hier herunterladen und löschen.`;

const REFUSALS: Record<NonNullable<FakeChatOptions['refuse']>, [number, ErrorCode, string]> = {
  chat_busy: [409, 'chat_busy', 'Der Assistent antwortet noch.'],
  chat_budget_exhausted: [403, 'chat_budget_exhausted', 'Der Assistent ist in diesem Monat nicht mehr verfügbar.'],
  rate_limited: [
    429,
    'rate_limited',
    'Sie haben in einer Minute 10 Nachrichten an den Assistenten geschickt. Bitte warten Sie eine Minute und schreiben Sie dann weiter.',
  ],
  chat_notice_required: [409, 'chat_notice_required', 'Bitte bestätigen Sie zuerst den Datenschutzhinweis.'],
};

const STREAM_ERROR_MESSAGES: Record<ChatStreamErrorCode, string> = {
  model_overloaded: 'Der Assistent ist gerade überlastet. Bitte versuchen Sie es in einer Minute noch einmal.',
  model_rate_limited: 'Der Assistent bekommt gerade zu viele Anfragen.',
  model_unavailable: 'Der Assistent ist gerade nicht erreichbar.',
  model_misconfigured: 'Der Assistent ist gerade nicht verfügbar.',
  tool_call_limit: 'Zu viele Schritte für eine Antwort.',
  turn_token_limit: 'Die Antwort wurde gekürzt.',
  chat_budget_exhausted: 'Das Budget ist aufgebraucht.',
  internal_error: 'Ein Fehler ist aufgetreten.',
};

const uuid = (prefix: string, n: number) => `${prefix}-0000-4000-8000-${String(n).padStart(12, '0')}`;
const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

/** The default assistant: the offline assistant's common intents, worded like it. */
export function defaultFakeAnswer(text: string): FakeAnswer {
  if (/nebenkosten|abrechnung|utility/i.test(text)) {
    return {
      tool: { name: 'getMieterInfo', label: 'Ich sehe in Ihrem Mietverhältnis nach …' },
      text: 'Ihre Nebenkostenabrechnung für den Zeitraum 01.01.2025 bis 31.12.2025 muss Ihnen spätestens am 31.12.2026 vorliegen. Das regelt § 556 Abs. 3 BGB.',
    };
  }
  if (/stand|status|anliegen/i.test(text)) {
    return {
      tool: { name: 'getAnfrageStatus', label: 'Ich sehe in Ihren Anliegen nach …' },
      text: 'Ihr Anliegen 2026-0142 „Heizkörper wird nicht warm“ hat den Status „In Bearbeitung“. Nächster Schritt: Ein Handwerker wird beauftragt.',
    };
  }
  if (/tropft|schaden|kaputt|defekt/i.test(text)) {
    return {
      tool: { name: 'createSchadensmeldung', label: 'Ich bereite Ihre Schadensmeldung vor …' },
      text: 'Bitte prüfen Sie den Entwurf Ihrer Schadensmeldung und senden Sie ihn mit „Schadensmeldung absenden“ ab. Fotos können Sie vorher anhängen.',
      draft: {
        kind: 'damage',
        draftId: crypto.randomUUID(),
        location: 'Wohnung',
        category: 'Sanitär',
        damageKind: 'Wasserhahn tropft',
        urgency: 'normal',
        description: text,
      },
    };
  }
  if (/rückruf|zurückrufen|call me/i.test(text)) {
    return {
      tool: { name: 'requestRueckruf', label: 'Ich bereite Ihre Rückrufbitte vor …' },
      text: 'Bitte prüfen Sie den Entwurf Ihrer Rückrufbitte und senden Sie ihn ab; Ihre Hausverwaltung ruft Sie dann zurück.',
      draft: { kind: 'callback', draftId: crypto.randomUUID(), topic: text, preferredTimes: 'werktags ab 17 Uhr', phone: '0151 2345678' },
    };
  }
  if (/^\s*(ja|ja bitte|gerne|yes)\b/i.test(text)) {
    return {
      tool: { name: 'requestAnfrage', label: 'Ich bereite Ihre Anfrage vor …' },
      text: 'Bitte prüfen Sie den Entwurf Ihrer Anfrage und senden Sie ihn mit „Anfrage senden“ ab.',
      draft: {
        kind: 'request',
        draftId: crypto.randomUUID(),
        question: 'Darf ich auf dem Balkon grillen?',
        excerpt:
          'Mieter/in: Darf ich auf dem Balkon grillen?\nAssistent: Das kann ich leider nicht beantworten. Gern mache ich aus Ihrer Frage eine allgemeine Anfrage an Ihre Hausverwaltung.',
      },
    };
  }
  if (/dokument|bescheinigung/i.test(text)) {
    return {
      tool: { name: 'getDokumente', label: 'Ich sehe in Ihren Dokumenten nach …' },
      text: 'Diese Dokumente liegen für Sie bereit.',
      documents: [
        {
          id: uuid('0000000f', 1),
          title: 'Betriebskostenabrechnung 2024',
          category: 'utility_statement',
          publishedAt: '2025-11-20T09:00:00.000Z',
          downloadUrl: `/api/documents/${uuid('0000000f', 1)}/file`,
        },
      ],
    };
  }
  return {
    text: 'Das kann ich leider nicht beantworten. Gern mache ich aus Ihrer Frage eine allgemeine Anfrage an Ihre Hausverwaltung.',
  };
}

interface StoredConversation {
  summary: ConversationSummary;
  messages: ChatMessageView[];
}

/**
 * The chat of the BFF in memory (docs/chat.md): notice and acknowledgement, conversations, the answer as a
 * real `text/event-stream` body written piece by piece, stop, drafts sent as cases, export and deletion.
 * `new FakeBff({ routes: chat.routes })`; with `FakeCaseFiling`'s routes too, photos of a draft upload.
 */
export class FakeChat {
  readonly options: FakeChatOptions;
  acknowledgedAt: string | null;
  readonly conversations: StoredConversation[] = [];
  /** Drafts sent, with the uploads that went along. */
  readonly confirmed: Array<{ draftId: string; attachmentIds: string[] }> = [];
  /** Conversations whose running answer was stopped by `POST …/stop`. */
  readonly stopped = new Set<string>();
  private readonly drafts = new Map<string, ChatDraft>();
  private readonly cases = new Map<string, z.output<typeof residentCase>>();
  private caseCounter = 300;
  private messageCounter = 0;

  constructor(options: FakeChatOptions = {}) {
    this.options = { offline: true, tokenDelay: 20, toolDelay: 200, ...options };
    this.acknowledgedAt = options.acknowledged ? minutesAgo(60 * 24) : null;
    if (options.conversations === 'some' || options.conversations === 'long') this.seed(options.conversations === 'long');
  }

  get notice(): ChatNotice {
    const offline = this.options.offline !== false;
    return {
      version: '1.9f3c2a',
      text: NOTICE_TEXT,
      acknowledgedAt: this.acknowledgedAt,
      assistant: { id: offline ? 'offline' : 'anthropic:claude-sonnet-5-5', offline },
    };
  }

  private message(role: ChatMessageView['role'], text: string, createdAt: string, extra: Partial<ChatMessageView> = {}): ChatMessageView {
    return {
      id: uuid('0000000a', ++this.messageCounter),
      role,
      text,
      status: 'complete',
      errorCode: null,
      drafts: [],
      documents: [],
      createdAt,
      ...extra,
    };
  }

  private seed(long: boolean): void {
    const turns = long ? 12 : 1;
    const first: StoredConversation = {
      summary: {
        id: uuid('0000000b', 1),
        title: 'Wann kommt meine Nebenkostenabrechnung?',
        createdAt: minutesAgo(90),
        updatedAt: minutesAgo(30),
      },
      messages: [],
    };
    const questions = ['Wann kommt meine Nebenkostenabrechnung?', 'Wie ist der Stand meiner Anliegen?', 'Welche Dokumente habe ich?'];
    for (let turn = 0; turn < turns; turn++) {
      const question = questions[turn % questions.length];
      first.messages.push(this.message('resident', question, minutesAgo(90 - turn * 5)));
      const answer = defaultFakeAnswer(question);
      first.messages.push(this.message('assistant', answer.text ?? '', minutesAgo(89 - turn * 5), { documents: answer.documents ?? [] }));
    }
    const second: StoredConversation = {
      summary: {
        id: uuid('0000000b', 2),
        title: 'Bei mir tropft die Küchenarmatur',
        createdAt: minutesAgo(60 * 26),
        updatedAt: minutesAgo(60 * 25),
      },
      messages: [
        this.message('resident', 'Bei mir tropft die Küchenarmatur', minutesAgo(60 * 26)),
        this.message('assistant', 'Der Assistent ist gerade überlastet.', minutesAgo(60 * 26), {
          status: 'error',
          errorCode: 'model_overloaded',
        }),
      ],
    };
    this.conversations.push(first, second);
  }

  private find(id: string): StoredConversation | undefined {
    return this.conversations.find((conversation) => conversation.summary.id === id);
  }

  readonly routes: FakeRoute[] = [
    ({ method, path, body, url }) => {
      if (!path.startsWith('/api/chat/')) return undefined;
      const route = `${method} ${path}`;
      if (route === 'GET /api/chat/notice') return json(200, this.notice);
      if (route === 'POST /api/chat/notice/acknowledge') {
        if (body.version !== this.notice.version) return error(409, 'chat_notice_required', 'Der Hinweis hat sich geändert.');
        this.acknowledgedAt = new Date().toISOString();
        return json(200, { acknowledgedAt: this.acknowledgedAt });
      }
      if (route === 'GET /api/chat/conversations') {
        const items = [...this.conversations].sort((a, b) => b.summary.updatedAt.localeCompare(a.summary.updatedAt));
        return json(200, { items: items.map((conversation) => conversation.summary) });
      }
      if (route === 'POST /api/chat/conversations') {
        const now = new Date().toISOString();
        const conversation = { summary: { id: crypto.randomUUID(), title: null, createdAt: now, updatedAt: now }, messages: [] };
        this.conversations.unshift(conversation);
        return json(201, { conversation: conversation.summary });
      }
      if (route === 'DELETE /api/chat/conversations') {
        const deleted = this.conversations.length;
        this.conversations.length = 0;
        return json(200, { deleted });
      }
      if (route === 'GET /api/chat/export') {
        return json(200, {
          exportedAt: new Date().toISOString(),
          conversations: this.conversations.map(({ summary, messages }) => ({
            ...summary,
            messages: messages.map((message) => ({
              role: message.role === 'resident' ? 'user' : 'assistant',
              text: message.text,
              toolCalls: [],
              toolResults: [],
              status: message.status,
              createdAt: message.createdAt,
            })),
          })),
        });
      }
      const confirm = /^\/api\/chat\/drafts\/([^/]+)\/confirm$/.exec(path);
      if (confirm && method === 'POST') return this.confirm(confirm[1], (body.attachmentIds as string[] | undefined) ?? []);
      const one = /^\/api\/chat\/conversations\/([^/]+)(\/messages|\/stop)?$/.exec(path);
      if (!one) return error(404, 'route_not_found', `${route} ${url.search}`);
      const conversation = this.find(one[1]);
      if (!conversation) return error(404, 'not_found', 'Diese Unterhaltung gibt es nicht.');
      if (method === 'GET' && !one[2]) {
        const answer = json(200, { conversation: conversation.summary, messages: conversation.messages });
        const { openDelay = 0 } = this.options;
        return openDelay ? new Promise<Response>((resolve) => setTimeout(() => resolve(answer), openDelay)) : answer;
      }
      if (method === 'DELETE' && !one[2]) {
        this.conversations.splice(this.conversations.indexOf(conversation), 1);
        return new Response(null, { status: 204 });
      }
      if (method === 'POST' && one[2] === '/stop') {
        this.stopped.add(conversation.summary.id);
        return json(200, { stopped: true });
      }
      if (method === 'POST' && one[2] === '/messages') return this.send(conversation, typeof body.text === 'string' ? body.text : '');
      return undefined;
    },
  ];

  private confirm(draftId: string, attachmentIds: string[]): Response {
    const draft = this.drafts.get(draftId);
    if (!draft) return error(404, 'not_found', 'Diesen Entwurf gibt es nicht.');
    let filed = this.cases.get(draftId);
    if (!filed) {
      this.confirmed.push({ draftId, attachmentIds });
      const now = new Date().toISOString();
      const n = this.caseCounter++;
      const damage = draft.kind === 'damage';
      const labelled = (label: string, k: number) => ({ id: uuid('0000000d', n * 10 + k), label });
      filed = residentCase.parse({
        id: uuid('0000000c', n),
        caseNumber: `2026-${String(n).padStart(4, '0')}`,
        type: damage ? 'damage' : 'contact',
        ...caseText(draft),
        status: 'eingegangen',
        urgency: damage ? draft.urgency : 'normal',
        damage: damage
          ? { location: labelled(draft.location, 1), category: labelled(draft.category, 2), kind: labelled(draft.damageKind, 3) }
          : null,
        documentType: null,
        residentAvailability: draft.kind === 'callback' ? draft.preferredTimes : null,
        accessConsent: false,
        createdAt: now,
        lastActivityAt: now,
      } satisfies z.input<typeof residentCase>);
      this.cases.set(draftId, filed);
    }
    return json(200, {
      case: filed,
      nextStep: 'Ihre Meldung ist unter der Nummer 2026-0300 eingegangen.',
      firstLookBy: new Date(Date.parse(filed.createdAt) + 2 * 24 * 3600_000).toISOString(),
      handledBy: draft.kind === 'damage' ? 'clerk' : 'office',
      caretakerArea: draft.kind === 'damage' ? 'Nord 2 (Herr Krause)' : null,
    } satisfies z.input<typeof draftConfirmation>);
  }

  private send(conversation: StoredConversation, text: string): Response {
    if (this.options.refuse) {
      const [status, code, message] = REFUSALS[this.options.refuse];
      return error(status, code, message);
    }
    if (!this.acknowledgedAt) return error(...REFUSALS.chat_notice_required);
    const id = conversation.summary.id;
    this.stopped.delete(id);
    const now = new Date().toISOString();
    const question = this.message('resident', text, now);
    conversation.messages.push(question);
    conversation.summary = { ...conversation.summary, title: conversation.summary.title ?? text.slice(0, 80), updatedAt: now };
    const answer = (this.options.answer ?? defaultFakeAnswer)(text);
    const streamError = this.options.streamError ?? answer.error;
    const stored = this.message('assistant', '', now);
    const { tokenDelay = 20, toolDelay = 200 } = this.options;
    const events = async function* (fake: FakeChat): AsyncGenerator<ChatStreamEvent> {
      yield { type: 'start', conversationId: id, messageId: question.id };
      if (streamError) {
        stored.status = 'error';
        stored.errorCode = streamError;
        conversation.messages.push(stored);
        yield { type: 'error', code: streamError, message: STREAM_ERROR_MESSAGES[streamError] };
        yield { type: 'done', messageId: stored.id, status: 'error' };
        return;
      }
      if (answer.tool) {
        yield { type: 'tool', ...answer.tool };
        await new Promise((resolve) => setTimeout(resolve, toolDelay));
      }
      if (answer.draft) {
        fake.drafts.set(answer.draft.draftId, answer.draft);
        stored.drafts = [answer.draft];
        yield { type: 'draft', draft: answer.draft };
      }
      if (answer.documents) {
        stored.documents = answer.documents;
        yield { type: 'documents', documents: answer.documents };
      }
      conversation.messages.push(stored);
      for (const piece of (answer.text ?? '').match(/\S+\s*/g) ?? []) {
        if (fake.stopped.has(id)) {
          stored.status = 'stopped';
          yield { type: 'done', messageId: stored.id, status: 'stopped' };
          return;
        }
        stored.text += piece;
        yield { type: 'text', delta: piece };
        await new Promise((resolve) => setTimeout(resolve, tokenDelay));
      }
      yield { type: 'done', messageId: stored.id, status: 'complete' };
    };
    const encoder = new TextEncoder();
    const iterator = events(this);
    const body = new ReadableStream<Uint8Array>({
      async pull(controller) {
        const next = await iterator.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(`event: ${next.value.type}\ndata: ${JSON.stringify(next.value)}\n\n`));
      },
      cancel: () => {
        this.stopped.add(id);
      },
    });
    return new Response(body, {
      status: 200,
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache, no-transform' },
    });
  }
}

/** The filed case's title and description, as the BFF writes them for each kind of draft. */
function caseText(draft: ChatDraft): { title: string; description: string } {
  switch (draft.kind) {
    case 'damage':
      return { title: `${draft.damageKind} (${draft.location})`, description: draft.description };
    case 'callback':
      return { title: `Rückrufbitte: ${draft.topic}`, description: draft.topic };
    case 'request':
      return { title: `Anfrage aus dem Chat: ${draft.question}`, description: `${draft.question}\n\n${draft.excerpt}` };
  }
}
