import { z } from 'zod';
import { attachmentIdsInput } from './attachments.ts';
import { residentCase } from './cases.ts';
import { id, idParams, text, timestamp } from './common.ts';
import { URGENCIES } from './enums.ts';
import { operation } from './operation.ts';

/**
 * Tenant chat (docs/chat.md): the Art. 13 notice, conversations, the streamed answer, drafts the resident
 * sends as cases, export (Art. 15) and deletion (Art. 17). Residents only; no staff operation reads a chat.
 */

const tag = 'Chat';

// ---------------------------------------------------------------------------------------------------
// Requests

export const acknowledgeNoticeInput = z.object({
  /** The version of the notice the resident read (a newer one must be read again). */
  version: z.string({ error: 'Bitte die Version des Hinweises angeben.' }).min(1).max(40),
});
export const chatMessageInput = z.object({ text: text(4000) });
export const conversationParams = idParams;
export const draftParams = z.object({ draftId: id });
/** Photos for a damage draft go through the normal upload checks (staged upload ids). */
export const confirmDraftInput = z.object({ attachmentIds: attachmentIdsInput });

// ---------------------------------------------------------------------------------------------------
// Responses

export const chatNotice = z
  .object({
    version: z.string(),
    /** The Art. 13 DSGVO text, paragraphs separated by blank lines, in the resident's language where available. */
    text: z.string(),
    /** When this account acknowledged this version; null: not yet (no message is accepted before). */
    acknowledgedAt: timestamp.nullable(),
    /** The model answering; `offline` is labelled as such in the UI. */
    assistant: z.object({ id: z.string(), offline: z.boolean() }),
  })
  .meta({ id: 'ChatNotice' });

export const conversationSummary = z
  .object({ id: z.uuid(), title: z.string().nullable(), createdAt: timestamp, updatedAt: timestamp })
  .meta({ id: 'ChatConversation' });

export const damageDraft = z.object({
  kind: z.literal('damage'),
  draftId: z.uuid(),
  location: z.string(),
  category: z.string(),
  damageKind: z.string(),
  urgency: z.enum(URGENCIES),
  description: z.string(),
});
export const callbackDraft = z.object({
  kind: z.literal('callback'),
  draftId: z.uuid(),
  topic: z.string(),
  preferredTimes: z.string(),
  phone: z.string().nullable(),
});
/**
 * A question the assistant could not answer, as a general request: the card shows the question and the excerpt
 * of the conversation (built by the BFF from the stored messages) exactly as they go into the case.
 */
export const requestDraft = z.object({
  kind: z.literal('request'),
  draftId: z.uuid(),
  question: z.string(),
  /** The resident's recent messages and the assistant's answers of this conversation, one line each ("Mieter/in: …", "Assistent: …"). */
  excerpt: z.string(),
});
/** What the widget shows as a card with "absenden": nothing is filed before the resident presses it. */
export const chatDraft = z.discriminatedUnion('kind', [damageDraft, callbackDraft, requestDraft]).meta({ id: 'ChatDraft' });
export type ChatDraft = z.output<typeof chatDraft>;

export const chatDocumentLink = z.object({
  id: z.uuid(),
  title: z.string(),
  category: z.string(),
  publishedAt: timestamp,
  downloadUrl: z.string(),
});

export const CHAT_MESSAGE_STATUSES = ['complete', 'stopped', 'error', 'limited'] as const;

export const chatMessage = z
  .object({
    id: z.uuid(),
    /** `resident`: what the resident wrote; `assistant`: the answer (tool calls and their results are not shown as messages). */
    role: z.enum(['resident', 'assistant']),
    text: z.string(),
    /** How an answer ended: `stopped` by the resident, `error` (see errorCode), `limited` by a limit. */
    status: z.enum(CHAT_MESSAGE_STATUSES),
    errorCode: z.string().nullable(),
    /** Drafts and documents the tools produced for this answer, as the widget renders them. */
    drafts: z.array(chatDraft),
    documents: z.array(chatDocumentLink),
    createdAt: timestamp,
  })
  .meta({ id: 'ChatMessage' });
export type ChatMessageView = z.output<typeof chatMessage>;

export const conversationDetail = z
  .object({ conversation: conversationSummary, messages: z.array(chatMessage) })
  .meta({ id: 'ChatConversationDetail' });

/** Art. 15: every own conversation with every message, tool call and tool result as stored. */
export const chatExport = z
  .object({
    exportedAt: timestamp,
    conversations: z.array(
      conversationSummary.extend({
        messages: z.array(
          z.object({
            role: z.enum(['user', 'assistant', 'tool']),
            text: z.string(),
            toolCalls: z.array(z.object({ id: z.string(), name: z.string(), input: z.unknown() })),
            toolResults: z.array(z.object({ callId: z.string(), name: z.string(), content: z.unknown(), isError: z.boolean() })),
            status: z.enum(CHAT_MESSAGE_STATUSES),
            createdAt: timestamp,
          }),
        ),
      }),
    ),
  })
  .meta({ id: 'ChatExport' });

export const draftConfirmation = z
  .object({
    case: residentCase,
    /** What happens next, from the routing and deadline rules, in the resident's language. */
    nextStep: z.string(),
    /** By when the housing company takes a first look (the case's deadline). */
    firstLookBy: timestamp,
    /**
     * Who handles it, from the routing rules: `clerk` — a rule named the responsible clerk (never by name);
     * `office` — no rule, the housing company's team sees it first.
     */
    handledBy: z.enum(['clerk', 'office']),
    /** A damage report: the caretaker area of the resident's tenancy, which is told of it (null if none is on file). */
    caretakerArea: z.string().nullable(),
  })
  .meta({ id: 'ChatDraftConfirmation' });

// ---------------------------------------------------------------------------------------------------
// The streamed answer: `text/event-stream`, one `event: <type>` with `data: <JSON>` per event.

/** Why an answer failed or was cut short, with a German text from the BFF (the widget may phrase it itself). */
export const CHAT_STREAM_ERROR_CODES = [
  'model_overloaded',
  'model_rate_limited',
  'model_unavailable',
  'model_misconfigured',
  /** The model asked for more tool calls in one answer than allowed. */
  'tool_call_limit',
  /** The answer reached the token limit of one turn. */
  'turn_token_limit',
  'chat_budget_exhausted',
  'internal_error',
] as const;
export type ChatStreamErrorCode = (typeof CHAT_STREAM_ERROR_CODES)[number];

export const chatStreamEvent = z
  .discriminatedUnion('type', [
    /** The resident's message is stored; the answer begins. */
    z.object({ type: z.literal('start'), conversationId: z.uuid(), messageId: z.uuid() }),
    z.object({ type: z.literal('text'), delta: z.string() }),
    /** A tool runs: the typing state ("Ich sehe in Ihren Anliegen nach …"), in the resident's language. */
    z.object({ type: z.literal('tool'), name: z.string(), label: z.string() }),
    z.object({ type: z.literal('draft'), draft: chatDraft }),
    z.object({ type: z.literal('documents'), documents: z.array(chatDocumentLink) }),
    z.object({ type: z.literal('error'), code: z.enum(CHAT_STREAM_ERROR_CODES), message: z.string() }),
    /** The last event: the answer is stored with this status. */
    z.object({ type: z.literal('done'), messageId: z.uuid().nullable(), status: z.enum(CHAT_MESSAGE_STATUSES) }),
  ])
  .meta({ id: 'ChatStreamEvent' });
export type ChatStreamEvent = z.output<typeof chatStreamEvent>;

export const chatUsage = z
  .object({
    /** The calendar month (UTC), YYYY-MM. */
    month: z.string(),
    inputTokens: z.number().int(),
    outputTokens: z.number().int(),
    /** The company's chatMonthlyTokenBudget; the chat refuses new messages once input + output reach it. */
    budget: z.number().int(),
  })
  .meta({ id: 'ChatUsage' });

export const chatOperations = {
  chatNotice: operation({
    operationId: 'chatNotice',
    method: 'get',
    path: '/chat/notice',
    summary: 'Datenschutzhinweis des Assistenten (Art. 13 DSGVO) mit Version und eigener Bestätigung',
    tag,
    access: 'resident',
    response: chatNotice,
  }),
  acknowledgeChatNotice: operation({
    operationId: 'acknowledgeChatNotice',
    method: 'post',
    path: '/chat/notice/acknowledge',
    summary: 'Datenschutzhinweis bestätigen (mit Zeitpunkt und Version gespeichert)',
    tag,
    access: 'resident',
    body: acknowledgeNoticeInput,
    response: z.object({ acknowledgedAt: timestamp }),
  }),
  listConversations: operation({
    operationId: 'listConversations',
    method: 'get',
    path: '/chat/conversations',
    summary: 'Eigene Unterhaltungen, zuletzt aktive zuerst',
    tag,
    access: 'resident',
    response: z.object({ items: z.array(conversationSummary) }),
  }),
  startConversation: operation({
    operationId: 'startConversation',
    method: 'post',
    path: '/chat/conversations',
    summary: 'Neue Unterhaltung beginnen',
    tag,
    access: 'resident',
    status: 201,
    response: z.object({ conversation: conversationSummary }),
  }),
  deleteConversations: operation({
    operationId: 'deleteConversations',
    method: 'delete',
    path: '/chat/conversations',
    summary: 'Alle eigenen Unterhaltungen löschen (Art. 17 DSGVO)',
    tag,
    access: 'resident',
    response: z.object({ deleted: z.number().int() }),
  }),
  exportConversations: operation({
    operationId: 'exportConversations',
    method: 'get',
    path: '/chat/export',
    summary: 'Alle eigenen Unterhaltungen als JSON (Art. 15 DSGVO)',
    tag,
    access: 'resident',
    response: chatExport,
  }),
  conversationDetail: operation({
    operationId: 'conversationDetail',
    method: 'get',
    path: '/chat/conversations/:id',
    summary: 'Eine eigene Unterhaltung mit ihren Nachrichten',
    tag,
    access: 'resident',
    params: conversationParams,
    response: conversationDetail,
  }),
  deleteConversation: operation({
    operationId: 'deleteConversation',
    method: 'delete',
    path: '/chat/conversations/:id',
    summary: 'Eine eigene Unterhaltung löschen',
    tag,
    access: 'resident',
    params: conversationParams,
  }),
  sendChatMessage: operation({
    operationId: 'sendChatMessage',
    method: 'post',
    path: '/chat/conversations/:id/messages',
    summary: 'Nachricht senden; die Antwort kommt als Server-Sent Events (text/event-stream, ChatStreamEvent)',
    tag,
    access: 'resident',
    params: conversationParams,
    body: chatMessageInput,
    stream: chatStreamEvent,
  }),
  stopChatAnswer: operation({
    operationId: 'stopChatAnswer',
    method: 'post',
    path: '/chat/conversations/:id/stop',
    summary: 'Laufende Antwort stoppen (sie wird als gestoppt gespeichert)',
    tag,
    access: 'resident',
    params: conversationParams,
    response: z.object({ stopped: z.boolean() }),
  }),
  chatUsage: operation({
    operationId: 'chatUsage',
    method: 'get',
    path: '/staff/chat/usage',
    summary: 'Token-Verbrauch des Chats im laufenden Monat und das Budget (nur Summen, keine Inhalte)',
    tag,
    access: 'admin',
    response: chatUsage,
  }),
  confirmChatDraft: operation({
    operationId: 'confirmChatDraft',
    method: 'post',
    path: '/chat/drafts/:draftId/confirm',
    summary:
      'Entwurf absenden: legt den Vorgang an (Quelle Chat; Anfrage und Rückrufbitte als Kontaktanliegen); ein zweites Absenden liefert denselben Vorgang',
    tag,
    access: 'resident',
    params: draftParams,
    body: confirmDraftInput,
    response: draftConfirmation,
  }),
};
