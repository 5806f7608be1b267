/** The tenant chat's API (docs/chat.md): notice, conversations, the streamed answer, drafts, export and deletion. */
import type { ApiClient } from './api-client.ts';
import { ApiError } from './api-client.ts';
import type { ChatDraft, ChatMessageView, ChatStreamEvent, operations, ResponseOf } from '../../bff/contract/index.ts';

// The wire shapes come from the contract (bff/contract/chat.ts); these names are what the chat uses.
export type { ChatDraft, ChatMessageView, ChatStreamEvent };
export type ChatNotice = ResponseOf<typeof operations.chatNotice>;
export type ConversationSummary = ResponseOf<typeof operations.startConversation>['conversation'];
export type ConversationDetail = ResponseOf<typeof operations.conversationDetail>;
export type ChatDocumentLink = ChatMessageView['documents'][number];
export type DraftConfirmation = ResponseOf<typeof operations.confirmChatDraft>;
export type ChatExport = ResponseOf<typeof operations.exportConversations>;
export type ChatStreamErrorCode = Extract<ChatStreamEvent, { type: 'error' }>['code'];

const segment = encodeURIComponent;

/**
 * Reads a `text/event-stream` body event by event: `event:` and `data:` lines, an empty line ends an event
 * (the spec's rules: several `data:` lines join with a newline, `:` lines are comments). Each event's data is
 * the JSON of a `ChatStreamEvent`; its own `type` names it, so the `event:` line needs no further reading.
 */
export async function* readEventStream(body: ReadableStream<Uint8Array>, signal?: AbortSignal): AsyncGenerator<ChatStreamEvent> {
  const reader = body.getReader();
  // Stopping ends the reading at once, also where the body does not end with the aborted request.
  const cancel = () => void reader.cancel().catch(() => undefined);
  signal?.addEventListener('abort', cancel, { once: true });
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += decoder.decode(value, { stream: true });
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) >= 0) {
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          if (data.length) yield JSON.parse(data.join('\n')) as ChatStreamEvent;
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
        }
      }
    }
  } finally {
    signal?.removeEventListener('abort', cancel);
    reader.releaseLock();
  }
}

/** The chat side of the API, on the shared `ApiClient` (session cookie, CSRF token, errors). */
export class ChatApi {
  constructor(readonly client: ApiClient) {}

  notice(): Promise<ChatNotice> {
    return this.client.request('GET', '/api/chat/notice');
  }

  acknowledge(version: string): Promise<{ acknowledgedAt: string }> {
    return this.client.request('POST', '/api/chat/notice/acknowledge', { version });
  }

  async conversations(): Promise<ConversationSummary[]> {
    return (await this.client.request<{ items: ConversationSummary[] }>('GET', '/api/chat/conversations')).items;
  }

  async startConversation(): Promise<ConversationSummary> {
    return (await this.client.request<{ conversation: ConversationSummary }>('POST', '/api/chat/conversations', {})).conversation;
  }

  conversation(id: string): Promise<ConversationDetail> {
    return this.client.request('GET', `/api/chat/conversations/${segment(id)}`);
  }

  /**
   * Sends a message and yields the answer's events as they arrive. A refusal before the answer (notice,
   * budget, an answer still running, the rate limit) throws its `ApiError`; `signal` stops reading.
   */
  async *send(conversationId: string, text: string, signal?: AbortSignal): AsyncGenerator<ChatStreamEvent> {
    const response = await this.client.stream(`/api/chat/conversations/${segment(conversationId)}/messages`, { text }, signal);
    if (!response.body) throw new ApiError(response.status, 'unexpected', '');
    try {
      yield* readEventStream(response.body, signal);
    } catch (error) {
      if (signal?.aborted) return;
      throw error instanceof ApiError ? error : new ApiError(0, 'network_error', String(error));
    }
  }

  stop(conversationId: string): Promise<{ stopped: boolean }> {
    return this.client.request('POST', `/api/chat/conversations/${segment(conversationId)}/stop`, {});
  }

  confirmDraft(draftId: string, attachmentIds: string[]): Promise<DraftConfirmation> {
    return this.client.request('POST', `/api/chat/drafts/${segment(draftId)}/confirm`, { attachmentIds });
  }

  exportAll(): Promise<ChatExport> {
    return this.client.request('GET', '/api/chat/export');
  }

  async deleteConversation(id: string): Promise<void> {
    await this.client.request('DELETE', `/api/chat/conversations/${segment(id)}`);
  }

  async deleteAll(): Promise<number> {
    return (await this.client.request<{ deleted: number }>('DELETE', '/api/chat/conversations')).deleted;
  }

  /** A document's download link on the BFF the client talks to. */
  documentUrl(downloadUrl: string): string {
    return this.client.url(downloadUrl.startsWith('/api/') ? downloadUrl : `/api${downloadUrl}`);
  }
}
