import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { consume } from '@lit/context';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient, type Session } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { sessionContext } from '../internal/session-context.ts';
import { errorText, intlLocale } from '../internal/localize.ts';
import {
  ChatApi,
  type ChatDocumentLink,
  type ChatDraft,
  type ChatMessageView,
  type ChatNotice,
  type ChatStreamEvent,
  type ChatStreamErrorCode,
  type ConversationSummary,
  type DraftConfirmation,
} from '../internal/chat-api.ts';
import type { AttachmentPicker } from '../attachment-picker/attachment-picker.ts';
import '../attachment-picker/attachment-picker.ts';
import { ChatTexts } from './chat-texts.ts';
import type { ChatMessages } from './i18n/de.ts';
import { tenantChatStyles } from './tenant-chat.styles.ts';

/** A message as the chat shows it: stored ones from the BFF, the running answer as it streams. */
interface ShownMessage extends Omit<ChatMessageView, 'status'> {
  status: ChatMessageView['status'] | 'streaming';
  /** The error's text from the stream (the BFF's German words; the widget words known codes itself). */
  errorMessage?: string;
}

interface DraftState {
  state: 'sending' | 'sent' | 'failed';
  confirmation?: DraftConfirmation;
  error?: string;
}

/**
 * Where a sentence ends: its mark before white space and a capital letter (the next sentence has begun), or
 * a line break. Not after a common abbreviation ("Abs. 3", "z. B. Küche", "Nr. 5").
 */
const sentenceEnd = /(?<!\b(?:Abs|Nr|Str|bzw|ca|Tel|Dr|vgl|usw|Hr|Fr|z|B|u|S))[.!?…](?=\s+["„“'(]?\p{Lu})|\n/gu;

/**
 * The tenant chat: residents ask the housing company's assistant about their tenancy, their requests and
 * documents, and report damage or ask for a callback through drafts they send themselves (docs/chat.md).
 * Before the first message the Art. 13 notice must be acknowledged. Answers stream in token by token; a
 * running answer can be stopped; a polite live region reads each complete sentence, not every token.
 * Earlier conversations can be opened, downloaded (Art. 15) and deleted (Art. 17).
 *
 * Works inside `<tenant-portal>` (session from the portal) and on its own on any page of the housing
 * company (the portal's session cookie; signed out it says so).
 *
 * @tagname tenant-chat
 * @summary The resident's chat with the housing company's assistant.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading.
 * @csspart assistant - Which assistant answers ("Offline-Assistent" for the one without a model).
 * @csspart sign-in-hint - The hint shown when no resident is signed in.
 * @csspart notice - The Art. 13 notice with its "Verstanden" button.
 * @csspart acknowledge - The "Verstanden" button.
 * @csspart toolbar - New conversation, earlier conversations, delete.
 * @csspart messages - The list of messages.
 * @csspart message - One message (resident's or assistant's).
 * @csspart typing - The typing or tool state of a running answer.
 * @csspart draft - A draft card (damage report or callback) with its send button.
 * @csspart draft-send - The send button of a draft.
 * @csspart draft-sent - The confirmation with the case number.
 * @csspart documents - Document cards with download links.
 * @csspart alert - An error.
 * @csspart form - The message form.
 * @csspart input - The message field.
 * @csspart send - The send button.
 * @csspart stop - The stop button of a running answer.
 * @csspart history - The list of earlier conversations.
 * @csspart confirm-delete - The confirmation before deleting.
 *
 * @cssproperty --mp-color-primary - Buttons, links and the resident's messages.
 * @cssproperty --mp-color-on-primary - Text on primary buttons and the resident's messages.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints, times and the typing state.
 * @cssproperty --mp-color-surface - Background of the assistant's messages and cards.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-success - The confirmation of a sent draft.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class TenantChat extends PortalElement {
  static override styles = [PortalElement.styles, tenantChatStyles];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** Level of the heading (2, or 3 inside a portal that has its own `h2`). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Inside `<tenant-portal>`: the portal's view heading names the chat, the element shows no heading of its own. */
  @property({ type: Boolean }) embedded = false;

  /** The session, from the enclosing `<tenant-portal>`; standalone, the element asks the BFF. */
  @consume({ context: sessionContext, subscribe: true })
  @property({ attribute: false })
  session?: Session;

  @state() private ownSession?: Session;
  @state() private sessionFailed = false;
  @state() private notice?: ChatNotice;
  @state() private loadState: 'idle' | 'loading' | 'failed' = 'idle';
  @state() private acknowledging = false;
  @state() private view: 'chat' | 'history' = 'chat';
  @state() private conversations: ConversationSummary[] = [];
  @state() private conversationId?: string;
  @state() private messages: ShownMessage[] = [];
  @state() private draft = '';
  @state() private running = false;
  /** Counts the resident's own moves (history, new or opened conversation, a message): an automatic open yields to them. */
  private navigation = 0;
  /** The label of the tool running now ("Ich sehe in Ihren Anliegen nach …"). */
  @state() private toolLabel = '';
  /** Why the last action failed (a refusal of the message, a failed load or deletion). */
  @state() private failure = '';
  @state() private drafts: Record<string, DraftState> = {};
  @state() private confirmingDelete?: 'all' | 'one';
  /** What the polite live region says: complete sentences of the answer, and what happened. */
  @state() private announcement = '';

  private readonly chatTexts = new ChatTexts(this);
  private abort?: AbortController;
  /** How much of the running answer's text the live region has read. */
  private announcedUpTo = 0;

  private readonly onSessionChange = () => {
    if (!this.session) void this.loadSession();
  };

  /** @internal */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  private get chatApi(): ChatApi {
    return new ChatApi(this.apiClient);
  }

  private get t() {
    return this.chatTexts.texts;
  }

  /** `undefined` while the session is loading. */
  private get signedIn(): boolean | undefined {
    const session = this.session ?? this.ownSession;
    if (!session) return this.sessionFailed ? false : undefined;
    return session.state === 'signed_in' && session.user?.role === 'resident';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('mp-signed-in', this.onSessionChange);
    window.addEventListener('mp-signed-out', this.onSessionChange);
    if (!this.session) void this.loadSession();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('mp-signed-in', this.onSessionChange);
    window.removeEventListener('mp-signed-out', this.onSessionChange);
    this.abort?.abort();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.signedIn && !this.notice && this.loadState === 'idle') void this.loadNotice();
    if (this.signedIn === false && this.notice) this.reset();
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.chatTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  private reset(): void {
    this.abort?.abort();
    this.notice = undefined;
    this.loadState = 'idle';
    this.conversations = [];
    this.conversationId = undefined;
    this.messages = [];
    this.drafts = {};
  }

  private async loadSession(): Promise<void> {
    try {
      this.ownSession = await this.apiClient.session();
      this.sessionFailed = false;
    } catch {
      this.sessionFailed = true;
    }
  }

  private async loadNotice(): Promise<void> {
    this.loadState = 'loading';
    try {
      this.notice = await this.chatApi.notice();
      this.loadState = 'idle';
      if (this.notice.acknowledgedAt) await this.loadConversations(true);
    } catch {
      this.loadState = 'failed';
    }
  }

  private async acknowledge(): Promise<void> {
    if (!this.notice) return;
    this.acknowledging = true;
    this.failure = '';
    try {
      const { acknowledgedAt } = await this.chatApi.acknowledge(this.notice.version);
      this.notice = { ...this.notice, acknowledgedAt };
      await this.loadConversations(true);
      await this.updateComplete;
      this.input?.focus();
    } catch (error) {
      this.failure = this.failureText(error);
    } finally {
      this.acknowledging = false;
    }
  }

  /** The list of earlier conversations; `openLatest` opens the newest one (the chat continues where it was). */
  private async loadConversations(openLatest = false): Promise<void> {
    try {
      const navigation = this.navigation;
      this.conversations = await this.chatApi.conversations();
      const latest = this.conversations[0];
      if (!openLatest || !latest || this.conversationId || navigation !== this.navigation) return;
      const detail = await this.chatApi.conversation(latest.id);
      // The resident may have moved on (history, a new conversation, a message) while it loaded: theirs wins.
      if (navigation !== this.navigation || this.conversationId) return;
      this.conversationId = latest.id;
      this.messages = detail.messages;
    } catch (error) {
      this.failure = this.failureText(error);
    }
  }

  private async openConversation(id: string): Promise<void> {
    this.navigation++;
    this.failure = '';
    try {
      const detail = await this.chatApi.conversation(id);
      this.conversationId = id;
      this.messages = detail.messages;
      this.view = 'chat';
    } catch (error) {
      this.failure = this.failureText(error);
    }
  }

  private newConversation(): void {
    if (this.running) return;
    this.navigation++;
    this.conversationId = undefined;
    this.messages = [];
    this.failure = '';
    this.view = 'chat';
    void this.updateComplete.then(() => this.input?.focus());
  }

  private get input(): HTMLTextAreaElement | null {
    return this.renderRoot.querySelector('textarea');
  }

  // -------------------------------------------------------------------------------------------------
  // Sending and the streamed answer

  private async send(): Promise<void> {
    const text = this.draft.trim();
    if (!text || this.running || !this.notice?.acknowledgedAt) return;
    this.navigation++;
    this.failure = '';
    this.running = true;
    this.toolLabel = '';
    const abort = new AbortController();
    this.abort = abort;
    const now = new Date().toISOString();
    const mine: ShownMessage = {
      id: `local-${now}`,
      role: 'resident',
      text,
      status: 'complete',
      errorCode: null,
      drafts: [],
      documents: [],
      createdAt: now,
    };
    const answer: ShownMessage = {
      id: `answer-${now}`,
      role: 'assistant',
      text: '',
      status: 'streaming',
      errorCode: null,
      drafts: [],
      documents: [],
      createdAt: now,
    };
    let shown = false;
    try {
      const conversationId = this.conversationId ?? (await this.startConversation(text));
      const events = this.chatApi.send(conversationId, text, abort.signal);
      for await (const event of events) {
        if (!shown) {
          // The message is accepted: it moves from the field into the conversation.
          this.messages = [...this.messages, mine, answer];
          this.draft = '';
          this.announcedUpTo = 0;
          shown = true;
        }
        this.apply(answer, event);
      }
      if (shown && answer.status === 'streaming') answer.status = abort.signal.aborted ? 'stopped' : 'complete';
    } catch (error) {
      if (!shown) {
        // Refused before the answer (notice, budget, busy, rate limit): the text stays in the field.
        this.failure = abort.signal.aborted ? '' : this.failureText(error);
        if (this.failure) this.announcement = this.failure;
      } else if (!abort.signal.aborted) {
        answer.status = 'error';
        answer.errorCode = 'internal_error';
      } else {
        answer.status = 'stopped';
      }
    } finally {
      if (shown) this.announceRest(answer);
      this.running = false;
      this.toolLabel = '';
      this.abort = undefined;
      this.messages = [...this.messages];
    }
  }

  private async startConversation(text: string): Promise<string> {
    const conversation = await this.chatApi.startConversation();
    this.conversationId = conversation.id;
    this.conversations = [{ ...conversation, title: conversation.title ?? text.slice(0, 80) }, ...this.conversations];
    return conversation.id;
  }

  private apply(answer: ShownMessage, event: ChatStreamEvent): void {
    applyEvent(answer, event);
    if (event.type === 'tool') this.toolLabel = event.label;
    if (event.type === 'text') {
      this.toolLabel = '';
      this.announceSentences(answer.text);
    }
    if (event.type === 'error') this.announcement = this.streamErrorText(event.code, event.message);
    this.requestUpdate();
  }

  /** Hands the live region every sentence completed since the last one. */
  private announceSentences(text: string): void {
    let end = -1;
    sentenceEnd.lastIndex = this.announcedUpTo;
    for (let match = sentenceEnd.exec(text); match; match = sentenceEnd.exec(text)) end = match.index + match[0].length;
    if (end <= this.announcedUpTo) return;
    const sentences = text.slice(this.announcedUpTo, end).trim();
    this.announcedUpTo = end;
    if (sentences) this.announcement = sentences;
  }

  /** The rest of an ended answer (a last sentence without its mark, or the text before a stop). */
  private announceRest(answer: ShownMessage): void {
    const rest = answer.text.slice(this.announcedUpTo).trim();
    this.announcedUpTo = answer.text.length;
    const parts = [rest];
    if (answer.status === 'stopped') parts.push(this.t.answerStopped);
    const said = parts.filter(Boolean).join(' ');
    if (said) this.announcement = said;
  }

  private async stop(): Promise<void> {
    const conversationId = this.conversationId;
    this.abort?.abort();
    if (conversationId) await this.chatApi.stop(conversationId).catch(() => undefined);
  }

  /** A failure's text: the chat's own codes from the chat's texts, every other from the common error texts. */
  private failureText(error: unknown): string {
    // The rate limit's own words say how many messages a minute are allowed.
    if (error instanceof ApiError && error.code === 'rate_limited' && this.locale === 'de' && error.message) return error.message;
    const chatError = error instanceof ApiError && Object.hasOwn(this.t.chatErrors, error.code);
    return chatError ? this.t.chatErrors[error.code as keyof ChatMessages['chatErrors']] : errorText(this.msg, error);
  }

  private streamErrorText(code: string | null, message?: string): string {
    const known = code ? this.t.chatErrors[code as ChatStreamErrorCode] : undefined;
    return known ?? message ?? this.t.chatErrors.internal_error;
  }

  // -------------------------------------------------------------------------------------------------
  // Drafts, export, deletion

  private async confirmDraft(draft: ChatDraft, card: HTMLElement): Promise<void> {
    const picker = card.querySelector<AttachmentPicker>('mp-attachment-picker');
    if (picker?.uploading) {
      this.drafts = { ...this.drafts, [draft.draftId]: { state: 'failed', error: this.t.draftUploadsPending } };
      return;
    }
    this.drafts = { ...this.drafts, [draft.draftId]: { state: 'sending' } };
    try {
      const confirmation = await this.chatApi.confirmDraft(draft.draftId, picker?.value ?? []);
      picker?.clear();
      this.drafts = { ...this.drafts, [draft.draftId]: { state: 'sent', confirmation } };
      this.announcement = `${this.t.draftSent(confirmation.case.caseNumber)} ${this.t.informed(confirmation.handledBy, confirmation.caretakerArea)}`;
    } catch (error) {
      this.drafts = { ...this.drafts, [draft.draftId]: { state: 'failed', error: this.failureText(error) } };
    }
  }

  private async exportAll(): Promise<void> {
    this.failure = '';
    try {
      const data = await this.chatApi.exportAll();
      const url = URL.createObjectURL(new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = `chat-export-${data.exportedAt.slice(0, 10)}.json`;
      this.renderRoot.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      this.announcement = this.t.exported;
    } catch (error) {
      this.failure = this.failureText(error);
    }
  }

  private async deleteConfirmed(): Promise<void> {
    const which = this.confirmingDelete;
    this.confirmingDelete = undefined;
    this.failure = '';
    try {
      if (which === 'all') {
        const count = await this.chatApi.deleteAll();
        this.conversations = [];
        this.conversationId = undefined;
        this.messages = [];
        this.announcement = this.t.deletedAll(count);
      } else if (this.conversationId) {
        const id = this.conversationId;
        await this.chatApi.deleteConversation(id);
        this.conversations = this.conversations.filter((conversation) => conversation.id !== id);
        this.conversationId = undefined;
        this.messages = [];
        this.announcement = this.t.deletedOne;
      }
    } catch (error) {
      this.failure = this.failureText(error);
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  override render() {
    const signedIn = this.signedIn;
    const level = Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 5);
    return html`
      <section class="chat" part="base" aria-label=${this.t.chatHeading}>
        ${this.embedded ? nothing : html`<div class="title" part="heading" role="heading" aria-level=${level}>${this.t.chatHeading}</div>`}
        <div class="visually-hidden" role="status" aria-live="polite" part="live">${this.announcement}</div>
        ${
          signedIn === undefined
            ? html`<p class="meta" role="status">${this.t.chatLoading}</p>`
            : !signedIn
              ? html`<p class="notice-text" part="sign-in-hint">${this.t.chatSignIn}</p>`
              : this.renderSignedIn()
        }
      </section>
    `;
  }

  private renderSignedIn(): TemplateResult {
    const notice = this.notice;
    if (this.loadState === 'failed') {
      return html`<div class="alert" part="alert" role="alert">
        <p>${this.t.chatLoadFailed}</p>
        <button type="button" @click=${() => ((this.loadState = 'idle'), this.requestUpdate())}>${this.t.chatRetry}</button>
      </div>`;
    }
    if (!notice) return html`<p class="meta" role="status">${this.t.chatLoading}</p>`;
    return html`
      ${this.renderAssistant(notice)}
      ${!notice.acknowledgedAt ? this.renderNotice(notice) : this.view === 'history' ? this.renderHistory() : this.renderConversation()}
    `;
  }

  private renderAssistant(notice: ChatNotice) {
    return notice.assistant.offline
      ? html`<p class="assistant" part="assistant"><strong>${this.t.offlineAssistant}</strong> · ${this.t.offlineAssistantHint}</p>`
      : html`<p class="assistant" part="assistant">${this.t.modelAssistant(notice.assistant.id)}</p>`;
  }

  private renderNotice(notice: ChatNotice) {
    return html`
      <section class="card notice" part="notice" aria-labelledby="notice-heading">
        <h3 id="notice-heading">${this.t.noticeHeading}</h3>
        <p class="meta">${this.t.noticeIntro}</p>
        <div class="notice-body">${notice.text.split(/\n\s*\n/).map((paragraph) => html`<p>${paragraph}</p>`)}</div>
        ${this.failure ? html`<p class="alert" part="alert" role="alert">${this.failure}</p>` : nothing}
        <button type="button" class="primary" part="acknowledge" ?disabled=${this.acknowledging} @click=${() => void this.acknowledge()}>
          ${this.acknowledging ? this.t.noticeAcknowledging : this.t.noticeAcknowledge}
        </button>
      </section>
    `;
  }

  private renderToolbar() {
    return html`
      <div class="toolbar" part="toolbar">
        <button type="button" ?disabled=${this.running} @click=${() => this.newConversation()}>${this.t.newConversation}</button>
        <button type="button" ?disabled=${this.running} @click=${() => this.showHistory()}>${this.t.history}</button>
        ${
          this.conversationId
            ? html`<button type="button" ?disabled=${this.running} @click=${() => (this.confirmingDelete = 'one')}>${this.t.deleteConversation}</button>`
            : nothing
        }
      </div>
      ${this.renderDeleteConfirmation()}
    `;
  }

  private showHistory(): void {
    this.navigation++;
    this.view = 'history';
    this.failure = '';
    void this.loadConversations();
  }

  private renderDeleteConfirmation() {
    if (!this.confirmingDelete) return nothing;
    return html`
      <div class="card confirm" part="confirm-delete" role="alertdialog" aria-labelledby="confirm-text">
        <p id="confirm-text">${this.confirmingDelete === 'all' ? this.t.deleteConfirmAll : this.t.deleteConfirmOne}</p>
        <div class="actions">
          <button type="button" class="danger" @click=${() => void this.deleteConfirmed()}>${this.t.deleteConfirm}</button>
          <button type="button" @click=${() => (this.confirmingDelete = undefined)}>${this.t.cancel}</button>
        </div>
      </div>
    `;
  }

  private renderConversation() {
    const t = this.t;
    return html`
      ${this.renderToolbar()}
      ${
        this.messages.length
          ? html`<ol class="messages" part="messages" aria-label=${t.conversationLabel}>
            ${this.messages.map((message) => this.renderMessage(message))}
          </ol>`
          : html`<p class="meta empty" part="empty">${t.emptyConversation}</p>`
      }
      ${this.running ? html`<p class="typing" part="typing">${this.toolLabel || t.thinking}</p>` : nothing}
      ${this.failure ? html`<p class="alert" part="alert" role="alert">${this.failure}</p>` : nothing}
      <form class="composer" part="form" @submit=${(event: Event) => (event.preventDefault(), void this.send())}>
        <label for="chat-input">${t.inputLabel}</label>
        <textarea
          id="chat-input"
          part="input"
          rows="2"
          maxlength="4000"
          .value=${this.draft}
          @input=${(event: Event) => (this.draft = (event.target as HTMLTextAreaElement).value)}
          @keydown=${this.onKeydown}
        ></textarea>
        <div class="actions">
          ${
            this.running
              ? html`<button type="button" class="primary" part="stop" @click=${() => void this.stop()}>${t.stop}</button>`
              : html`<button type="submit" class="primary" part="send" ?disabled=${!this.draft.trim()}>${t.send}</button>`
          }
        </div>
      </form>
    `;
  }

  /** Enter sends, Shift+Enter starts a new line. */
  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      void this.send();
    }
  };

  private renderMessage(message: ShownMessage) {
    const t = this.t;
    const mine = message.role === 'resident';
    return html`
      <li class="message ${mine ? 'mine' : 'theirs'}" part="message">
        <span class="visually-hidden">${mine ? t.you : t.assistant}:</span>
        ${message.text ? html`<p class="text">${message.text}</p>` : nothing}
        ${message.documents.length ? this.renderDocuments(message.documents) : nothing}
        ${message.drafts.map((draft) => this.renderDraft(draft))}
        ${message.status === 'stopped' ? html`<p class="meta">${t.answerStopped}</p>` : nothing}
        ${
          message.status === 'error' || message.status === 'limited'
            ? html`<p class="alert" part="alert">${this.streamErrorText(message.errorCode, message.errorMessage)}</p>`
            : nothing
        }
      </li>
    `;
  }

  /** Date and time as the housing company keeps them (Berlin time). */
  private dateTime(iso: string): string {
    return new Date(iso).toLocaleString(intlLocale(this.locale), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  }

  private renderDocuments(documents: ChatDocumentLink[]) {
    const api = this.chatApi;
    const date = (iso: string) => new Date(iso).toLocaleDateString(intlLocale(this.locale), { dateStyle: 'medium' });
    return html`
      <ul class="plain documents" part="documents" aria-label=${this.t.documentsHeading}>
        ${documents.map(
          (document) => html`<li class="card">
            <a href=${api.documentUrl(document.downloadUrl)} download aria-label=${this.t.download(document.title)}>${document.title}</a>
            <span class="meta">${date(document.publishedAt)}</span>
          </li>`,
        )}
      </ul>
    `;
  }

  private renderDraft(draft: ChatDraft) {
    const t = this.t;
    const shown = this.drafts[draft.draftId];
    const sent = shown?.state === 'sent' ? shown.confirmation : undefined;
    const row = (label: string, value: string | null) =>
      value ? html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>` : nothing;
    const headingId = `draft-${draft.draftId}`;
    return html`
      <section class="card draft" part="draft" aria-labelledby=${headingId}>
        <h3 id=${headingId}>${{ damage: t.draftDamageHeading, callback: t.draftCallbackHeading, request: t.draftRequestHeading }[draft.kind]}</h3>
        <dl>${this.renderDraftFields(draft, row)}</dl>
        ${
          sent
            ? html`<div class="sent" part="draft-sent" role="status">
              <p><strong>${t.draftSent(sent.case.caseNumber)}</strong></p>
              <p>${t.informed(sent.handledBy, sent.caretakerArea)}</p>
              <p class="meta">${t.firstLookBy(this.dateTime(sent.firstLookBy))}</p>
            </div>`
            : html`
              ${
                draft.kind === 'damage'
                  ? html`<mp-attachment-picker lang=${this.locale} label=${t.draftPhotos} .client=${this.apiClient}
                      ?disabled=${shown?.state === 'sending'}></mp-attachment-picker>`
                  : nothing
              }
              ${shown?.state === 'failed' ? html`<p class="alert" part="alert" role="alert">${shown.error}</p>` : nothing}
              <button
                type="button"
                class="primary"
                part="draft-send"
                ?disabled=${shown?.state === 'sending'}
                @click=${(event: Event) => void this.confirmDraft(draft, (event.target as HTMLElement).closest('section')!)}
              >
                ${shown?.state === 'sending' ? t.draftSending : { damage: t.sendDamage, callback: t.sendCallback, request: t.sendRequest }[draft.kind]}
              </button>
            `
        }
      </section>
    `;
  }

  /** What the resident checks before sending: the damage, the callback, or the question with the part of the chat that goes with it. */
  private renderDraftFields(draft: ChatDraft, row: (label: string, value: string | null) => unknown) {
    const t = this.t;
    switch (draft.kind) {
      case 'damage':
        return html`${row(t.draftLocation, draft.location)} ${row(t.draftCategory, draft.category)} ${row(t.draftKind, draft.damageKind)}
        ${row(t.draftUrgency, t.urgencyLabels[draft.urgency] ?? draft.urgency)} ${row(t.draftDescription, draft.description)}`;
      case 'callback':
        return html`${row(t.draftTopic, draft.topic)} ${row(t.draftTimes, draft.preferredTimes)} ${row(t.draftPhone, draft.phone)}`;
      case 'request':
        return html`${row(t.draftQuestion, draft.question)}
          <div class="row"><dt>${t.draftExcerpt}</dt><dd class="excerpt" part="draft-excerpt">${draft.excerpt}</dd></div>`;
    }
  }

  private renderHistory() {
    const t = this.t;
    return html`
      <div class="toolbar" part="toolbar">
        <button type="button" @click=${() => (this.view = 'chat')}>← ${t.backToChat}</button>
        <button type="button" @click=${() => this.newConversation()}>${t.newConversation}</button>
      </div>
      <h3>${t.history}</h3>
      ${this.failure ? html`<p class="alert" part="alert" role="alert">${this.failure}</p>` : nothing}
      ${
        this.conversations.length
          ? html`<ul class="plain history" part="history">
            ${this.conversations.map((conversation) => {
              const title = conversation.title || t.untitled;
              return html`<li class="card">
                <button type="button" class="link" aria-label=${t.openConversation(title)} @click=${() => void this.openConversation(conversation.id)}>
                  ${title}
                </button>
                <span class="meta">${t.lastActivity(this.dateTime(conversation.updatedAt))}</span>
              </li>`;
            })}
          </ul>`
          : html`<p class="meta" part="empty">${t.historyEmpty}</p>`
      }
      <div class="toolbar" part="toolbar">
        <button type="button" @click=${() => void this.exportAll()}>${t.exportAll}</button>
        ${this.conversations.length ? html`<button type="button" @click=${() => (this.confirmingDelete = 'all')}>${t.deleteAll}</button>` : nothing}
      </div>
      ${this.renderDeleteConfirmation()}
    `;
  }
}

/** One event of the stream applied to the answer being shown. */
function applyEvent(answer: ShownMessage, event: ChatStreamEvent): void {
  switch (event.type) {
    case 'text':
      answer.text += event.delta;
      break;
    case 'draft':
      answer.drafts = [...answer.drafts, event.draft];
      break;
    case 'documents':
      answer.documents = [...answer.documents, ...event.documents];
      break;
    case 'error':
      answer.errorCode = event.code;
      answer.errorMessage = event.message;
      break;
    case 'done':
      answer.status = event.status;
      if (event.messageId) answer.id = event.messageId;
      break;
    case 'start':
    case 'tool':
      break;
  }
}

defineElement('tenant-chat', TenantChat);

declare global {
  interface HTMLElementTagNameMap {
    'tenant-chat': TenantChat;
  }
}
