import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { LiveUpdatesController } from '../internal/live-updates-controller.ts';
import { errorText, type Messages } from '../internal/localize.ts';
import type { ResidentEventMap, ResidentLiveEvent } from '../../bff/contract/realtime.ts';
import {
  ResidentCasesApi,
  type CaseDetail,
  type JoinedIncident,
  type ResidentCase,
  type ResidentDocument,
} from '../internal/resident-cases-api.ts';

export type ResidentView = 'cases' | 'case' | 'new' | 'documents' | 'chat';
export type LoadState = 'idle' | 'loading' | 'loaded' | 'error';

/** A paginated list as the portal keeps it. */
export interface PagedList<T> {
  items: T[];
  nextCursor: string | null;
  state: LoadState;
  loadingMore: boolean;
  /** The text of the last failure (first page or a further one), in the language shown when it happened. */
  error: string;
}

interface ResidentHomeHost extends ReactiveControllerHost, HTMLElement {
  readonly apiClient: ApiClient;
  readonly msg: Messages;
  /** The person is signed in (the resident area is shown). */
  readonly signedIn: boolean;
}

const emptyList = <T>(): PagedList<T> => ({ items: [], nextCursor: null, state: 'idle', loadingMore: false, error: '' });

/**
 * The connected layer of the resident area in `<tenant-portal>`: loads the own cases, a case's detail,
 * the documents with the unread count and the joined incidents, sends messages and read receipts, and
 * keeps everything current through live updates while the resident is signed in and the portal is on
 * the page. The views (`<mp-case-list>`, `<mp-case-detail>`, `<mp-document-inbox>`) only show it.
 */
export class ResidentHome implements ReactiveController {
  view: ResidentView = 'cases';
  cases: PagedList<ResidentCase> = emptyList();
  documents: PagedList<ResidentDocument> = emptyList();
  unreadCount = 0;
  joined: JoinedIncident[] = [];
  openCaseId?: string;
  detail?: CaseDetail;
  detailState: LoadState = 'idle';
  detailError = '';
  sending = false;
  sendError = '';
  /** The case just filed, highlighted in the list. */
  highlight?: string;
  /** The case just filed: its number and receipt time, confirmed above the list. */
  filed?: ResidentCase;
  /** The last change, for the polite live region. */
  announcement = '';
  /** The last status change of a case, shown to sighted residents too (`<mp-status-notice>`) until closed. */
  statusNotice = '';

  private api?: ResidentCasesApi;
  /** Refreshes "vor 5 Minuten" and the like while the page stays open. */
  private clock?: ReturnType<typeof setInterval>;
  private connected = false;
  /** Bumped on stop, so answers of a signed-out session are dropped. */
  private generation = 0;
  private readonly live: LiveUpdatesController<ResidentEventMap>;

  constructor(private readonly host: ResidentHomeHost) {
    host.addController(this);
    this.live = new LiveUpdatesController<ResidentEventMap>(host, {
      client: () => host.apiClient,
      active: () => this.api !== undefined,
      onEvent: (live) => this.onLive(live),
      reload: () => this.reload(),
    });
  }

  /** Live updates are being restored: what is shown may be out of date meanwhile. */
  get liveInterrupted(): boolean {
    return this.live.interrupted;
  }

  hostConnected(): void {
    this.connected = true;
    this.host.requestUpdate();
  }

  hostDisconnected(): void {
    this.connected = false;
    this.stop();
  }

  /** Starts with sign-in (and on reconnecting the element), stops with sign-out. */
  hostUpdate(): void {
    const active = this.connected && this.host.signedIn;
    if (active && !this.api) this.start();
    else if (!active && this.api) this.stop();
  }

  private start(): void {
    this.api = new ResidentCasesApi(this.host.apiClient);
    this.clock = setInterval(() => this.tick(), 60_000);
    void this.loadCases();
    void this.loadUnreadCount();
    void this.loadJoined();
  }

  private stop(): void {
    clearInterval(this.clock);
    this.clock = undefined;
    this.api = undefined;
    this.generation += 1;
    this.view = 'cases';
    this.cases = emptyList();
    this.documents = emptyList();
    this.unreadCount = 0;
    this.joined = [];
    this.openCaseId = undefined;
    this.detail = undefined;
    this.detailState = 'idle';
    this.highlight = undefined;
    this.filed = undefined;
    this.announcement = '';
    this.statusNotice = '';
  }

  /** Switches the view; the documents load the first time they are shown. */
  show(view: ResidentView): void {
    if (view !== this.view) this.filed = undefined;
    if (view !== this.view && view !== 'cases') this.statusNotice = '';
    this.view = view;
    if (view !== 'case') this.openCaseId = undefined;
    if (view === 'documents' && this.documents.state !== 'loaded') void this.loadDocuments();
    // Joining a neighbour's damage report happens inside the damage form: the list is read again here.
    if (view === 'cases' && this.api) void this.loadJoined();
    this.host.requestUpdate();
  }

  openCase(caseId: string): void {
    this.view = 'case';
    this.openCaseId = caseId;
    this.detail = this.detail?.case.id === caseId ? this.detail : undefined;
    this.sendError = '';
    this.host.requestUpdate();
    void this.loadDetail();
  }

  async loadCases(): Promise<void> {
    await this.page(this.cases, (cursor) => this.api!.cases(cursor), false, this.host.msg.casesLoadFailed);
  }

  async loadMoreCases(): Promise<void> {
    await this.page(this.cases, (cursor) => this.api!.cases(cursor), true, this.host.msg.casesLoadFailed);
  }

  async loadDocuments(): Promise<void> {
    await this.page(this.documents, (cursor) => this.api!.documents(cursor), false, this.host.msg.documentsLoadFailed);
  }

  async loadMoreDocuments(): Promise<void> {
    await this.page(this.documents, (cursor) => this.api!.documents(cursor), true, this.host.msg.documentsLoadFailed);
  }

  async loadDetail(): Promise<void> {
    const caseId = this.openCaseId;
    if (!caseId) return;
    this.detailState = 'loading';
    this.detailError = '';
    this.host.requestUpdate();
    const answer = await this.guard(() => this.api!.caseDetail(caseId));
    if (answer === stale || this.openCaseId !== caseId) return;
    if (answer instanceof Error) {
      this.detailState = 'error';
      this.detailError = this.describe(answer, this.host.msg.caseLoadFailed);
    } else {
      this.detail = answer;
      this.detailState = 'loaded';
      this.upsertCase(answer.case);
    }
    this.host.requestUpdate();
  }

  /** Sends a message and/or files; `true` once the BFF took it. */
  async sendMessage(caseId: string, input: { body?: string; attachmentIds?: string[] }): Promise<boolean> {
    this.sending = true;
    this.sendError = '';
    this.host.requestUpdate();
    const answer = await this.guard(() => this.api!.addMessage(caseId, input));
    this.sending = false;
    if (answer === stale) return false;
    if (answer instanceof Error) {
      this.sendError = this.describe(answer, this.host.msg.unexpectedError);
      // A clerk closed the case meanwhile: the detail shows why nothing can be added.
      if (answer instanceof ApiError && answer.code === 'case_closed') void this.loadDetail();
      this.host.requestUpdate();
      return false;
    }
    this.upsertCase(answer);
    await this.loadDetail();
    return true;
  }

  /** The resident opened a document: record the read receipt, so the badge drops. */
  async documentOpened(documentId: string): Promise<void> {
    const document = this.documents.items.find((candidate) => candidate.id === documentId);
    if (!document || document.readAt) return;
    const answer = await this.guard(() => this.api!.markRead(documentId));
    if (answer === stale || answer instanceof Error) return;
    this.documents = {
      ...this.documents,
      items: this.documents.items.map((candidate) =>
        candidate.id === documentId ? { ...candidate, readAt: new Date().toISOString() } : candidate,
      ),
    };
    this.unreadCount = Math.max(0, this.unreadCount - 1);
    this.host.requestUpdate();
  }

  /** A case filed through one of the forms: first in the list, highlighted, announced. */
  caseFiled(filed: ResidentCase): void {
    this.show('cases');
    this.upsertCase(filed);
    this.highlight = filed.id;
    this.filed = filed;
    this.announce(this.host.msg.caseFiled(filed.caseNumber, filed.createdAt));
  }

  dismissStatusNotice(): void {
    this.statusNotice = '';
    this.host.requestUpdate();
  }

  downloadUrl(documentId: string): string {
    return this.api?.documentUrl(documentId) ?? '#';
  }

  attachmentUrl(caseId: string, attachmentId: string): string {
    return this.api?.attachmentUrl(caseId, attachmentId) ?? '#';
  }

  private async loadUnreadCount(): Promise<void> {
    const answer = await this.guard(() => this.api!.unreadCount());
    if (answer === stale || answer instanceof Error) return;
    this.unreadCount = answer;
    this.host.requestUpdate();
  }

  private async loadJoined(): Promise<void> {
    const answer = await this.guard(() => this.api!.joinedIncidents());
    if (answer === stale || answer instanceof Error) return;
    this.joined = answer;
    this.host.requestUpdate();
  }

  /**
   * Loads the first or the next page. A first page that arrives while further pages are shown (a reload
   * after reconnecting) is merged, so the resident keeps their place.
   */
  private async page<T extends { id: string }>(
    list: PagedList<T>,
    fetchPage: (cursor: string | null) => Promise<{ items: T[]; nextCursor: string | null; unreadCount?: number }>,
    more: boolean,
    failure: string,
  ): Promise<void> {
    const isCases = (list as unknown) === this.cases;
    const update = (next: Partial<PagedList<T>>) => {
      const current = (isCases ? this.cases : this.documents) as unknown as PagedList<T>;
      const merged = { ...current, ...next };
      if (isCases) this.cases = merged as unknown as PagedList<ResidentCase>;
      else this.documents = merged as unknown as PagedList<ResidentDocument>;
      this.host.requestUpdate();
      return merged;
    };
    const before = update(more ? { loadingMore: true, error: '' } : { state: list.state === 'loaded' ? 'loaded' : 'loading', error: '' });
    const answer = await this.guard(() => fetchPage(more ? before.nextCursor : null));
    if (answer === stale) return;
    if (answer instanceof Error) {
      update({
        loadingMore: false,
        state: more || before.state === 'loaded' ? before.state : 'error',
        error: this.describe(answer, failure),
      });
      return;
    }
    if (answer.unreadCount !== undefined) this.unreadCount = answer.unreadCount;
    const current = (isCases ? this.cases : this.documents) as unknown as PagedList<T>;
    if (more) {
      const known = new Set(current.items.map((item) => item.id));
      update({
        items: [...current.items, ...answer.items.filter((item) => !known.has(item.id))],
        nextCursor: answer.nextCursor,
        loadingMore: false,
      });
    } else if (current.state === 'loaded' && current.items.length > answer.items.length) {
      const fresh = new Map(answer.items.map((item) => [item.id, item]));
      const kept = current.items.filter((item) => !fresh.has(item.id));
      update({ items: [...answer.items, ...kept], state: 'loaded' });
    } else {
      update({ items: answer.items, nextCursor: answer.nextCursor, state: 'loaded' });
    }
  }

  /** After reconnecting: everything shown is read again, as something may have changed meanwhile. */
  private reload(): void {
    void this.loadCases();
    void this.loadUnreadCount();
    void this.loadJoined();
    if (this.documents.state === 'loaded') void this.loadDocuments();
    if (this.view === 'case') void this.loadDetail();
  }

  private onLive(live: ResidentLiveEvent): void {
    const msg = this.host.msg;
    switch (live.event) {
      case 'case:updated': {
        const { change, case: updated } = live.payload;
        const known = this.cases.items.some((item) => item.id === updated.id);
        this.upsertCase(updated);
        if (this.openCaseId === updated.id) void this.loadDetail();
        if (change === 'status_changed') {
          const text = msg.liveCaseStatus(updated.caseNumber, msg.caseStatusLabels[updated.status]);
          this.announce(text);
          this.statusNotice = text;
          this.highlight = updated.id;
        } else if (change === 'public_reply') this.announce(msg.liveCaseReply(updated.caseNumber));
        else if (change === 'created' && !known) this.announce(msg.caseFiled(updated.caseNumber, updated.createdAt));
        // The resident's own messages and files need no announcement.
        else if (!['resident_message', 'attachments_added', 'created'].includes(change))
          this.announce(msg.liveCaseChanged(updated.caseNumber));
        this.host.requestUpdate();
        return;
      }
      case 'document:published': {
        const { document } = live.payload;
        if (this.documents.items.some((item) => item.id === document.id)) return;
        if (this.documents.state === 'loaded') this.documents = { ...this.documents, items: [document, ...this.documents.items] };
        if (!document.readAt) this.unreadCount += 1;
        this.announce(msg.liveDocument(document.title));
        this.host.requestUpdate();
        return;
      }
      case 'incident:updated': {
        const { incident } = live.payload;
        const others = this.joined.filter((item) => item.caseNumber !== incident.caseNumber);
        this.joined =
          this.joined.length === others.length
            ? [...this.joined, incident]
            : this.joined.map((item) => (item.caseNumber === incident.caseNumber ? incident : item));
        this.announce(msg.liveIncident(incident.caseNumber, msg.caseStatusLabels[incident.status]));
        this.host.requestUpdate();
        return;
      }
    }
  }

  /** New arrays make the views render their relative times again. */
  private tick(): void {
    this.cases = { ...this.cases, items: [...this.cases.items] };
    this.documents = { ...this.documents, items: [...this.documents.items] };
    if (this.detail) this.detail = { ...this.detail };
    this.host.requestUpdate();
  }

  private upsertCase(updated: ResidentCase): void {
    const items = this.cases.items;
    const index = items.findIndex((item) => item.id === updated.id);
    // "Meine Anliegen" is ordered by last activity: a new case, or one something just happened on, goes first.
    const movesUp = index < 0 || updated.lastActivityAt > items[index].lastActivityAt;
    const next = movesUp
      ? [updated, ...items.filter((item) => item.id !== updated.id)]
      : items.map((item) => (item.id === updated.id ? updated : item));
    this.cases = { ...this.cases, items: next };
    if (this.detail?.case.id === updated.id) this.detail = { ...this.detail, case: updated };
    this.host.requestUpdate();
  }

  private announce(text: string): void {
    // Cleared first, so the same text said twice is announced twice.
    this.announcement = '';
    this.host.requestUpdate();
    setTimeout(() => {
      this.announcement = text;
      this.host.requestUpdate();
    }, 100);
  }

  /** Runs a request; an `Error` for a failure, `stale` when the resident signed out meanwhile. */
  private async guard<T>(request: () => Promise<T>): Promise<T | Error | typeof stale> {
    if (!this.api) return stale;
    const generation = this.generation;
    let answer: T | Error;
    try {
      answer = await request();
    } catch (error) {
      answer = error instanceof Error ? error : new Error(String(error));
    }
    return generation === this.generation ? answer : stale;
  }

  /** What went wrong: the view's own words, then the reason the BFF gave by its error code. */
  private describe(error: Error, fallback: string): string {
    if (!(error instanceof ApiError)) return fallback;
    const reason = errorText(this.host.msg, error);
    if (error.code === 'network_error') return reason;
    return reason === fallback || reason === this.host.msg.unexpectedError ? fallback : `${fallback} ${reason}`;
  }
}

const stale = Symbol('stale');
