import { thumbnailOf } from '../internal/photo-thumbnail.ts';
import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { LiveUpdatesController } from '../internal/live-updates-controller.ts';
import { liveStatus, liveStatusStyles } from '../internal/live-status.ts';
import type { StaffEventMap, StaffLiveEvent } from '../../bff/contract/realtime.ts';
import { keepNumbersWithWords } from '../internal/localize.ts';
import { defineElement } from '../internal/portal-element.ts';
import { StaffElement } from '../internal/staff-element.ts';
import { errorText, fieldErrorText } from '../internal/localize.ts';
import { staffDate, staffViewStyles } from '../internal/staff-view.ts';
import { statusBadge, statusBadgeStyles } from '../internal/status-badge.ts';
import { UrlStateController, type UrlParameters } from '../internal/url-state.ts';
import {
  byDeadline,
  caseStatuses,
  caseTypes,
  matchesFilters,
  noFilters,
  StaffCasesApi,
  type CaseFilters,
  type CaseStatus,
  type CaseType,
  type CertificatePreview,
  type StaffAccount,
  type StaffCase,
  type StaffCaseDetail,
} from '../internal/staff-cases-api.ts';
import type { CaseAssignRequestEvent } from '../events/case-assign-request.ts';
import type { CaseCertificatePreviewRequestEvent } from '../events/case-certificate-preview-request.ts';
import type { CaseCertificateRequestEvent } from '../events/case-certificate-request.ts';
import type { CaseDocumentPublishRequestEvent } from '../events/case-document-publish-request.ts';
import type { CaseNoteRequestEvent } from '../events/case-note-request.ts';
import type { CaseReplyRequestEvent } from '../events/case-reply-request.ts';
import type { CaseStatusChangeRequestEvent } from '../events/case-status-change-request.ts';
import type { StaffCaseAction } from '../staff-case-detail/staff-case-detail.ts';
import '../staff-case-detail/staff-case-detail.ts';
import '../staff-case-detail/work-order-panel.ts';
import { caseBoardStyles } from './case-board.styles.ts';

type ListState = 'loading' | 'ready' | 'error' | 'signed-out' | 'forbidden';

/** The board's URL parameters (with the `mp-` prefix): the open case, and the filters named as in the API's list query. */
type BoardParameter = 'case' | 'type' | 'status' | 'assignee' | 'building' | 'overdue';

/** How many of the clerk's notifications the board keeps on screen. */
const MAX_NOTIFICATIONS = 5;

/**
 * The clerks' case board: every case of the housing company sorted by deadline, with filters, and the open
 * case in `<mp-staff-case-detail>` (resident, unit, damage, attachments, activity log, public messages and
 * internal notes, and the work on it: status, assignee, reply, note, documents). New and changed cases
 * arrive live. The board is the connected layer: it loads, and it does what the open case asks for.
 *
 * Standalone on a staff page it works with the session a `<staff-portal>` on the same page signed in;
 * inside `<staff-portal>` it is the "Vorgänge" area.
 *
 * Keyboard shortcuts while the focus is on the board (never while typing in a field, never with Ctrl, Alt or Cmd):
 * `j`/`k` open the next/previous case of the list, `m` assigns the open case to the signed-in clerk, `s` moves to
 * the open case's status choice, `?` opens a dialog listing them (native `<dialog>`: focus stays in it, and returns
 * where it was when it closes).
 *
 * @tagname case-board
 * @summary Clerks' case list with filters, detail and actions, updated live.
 *
 * @csspart filters - The filter form.
 * @csspart list - The list of cases.
 * @csspart case - One case in the list (a button opening its detail).
 * @csspart load-more - The "Weitere laden" button.
 * @csspart export - The links that download the filtered list as CSV or Excel file.
 * @csspart detail - The open case (`<mp-staff-case-detail>`).
 * @csspart activity - The activity log of the open case.
 * @csspart actions - The forms to work on the case.
 * @csspart button - Every button.
 * @csspart alert - Error messages.
 * @csspart live-status - "Verbindung unterbrochen – wird wiederhergestellt" while live updates are restored.
 * @csspart notice - Confirmations.
 * @csspart shortcuts-button - The "Tastenkürzel anzeigen (?)" button.
 * @csspart shortcuts - The dialog listing the keyboard shortcuts.
 *
 * @cssproperty --mp-color-primary - Buttons, links and accents.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Secondary text.
 * @cssproperty --mp-color-surface - Background of cards.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors and overdue cases.
 * @cssproperty --mp-color-success - Confirmations.
 * @cssproperty --mp-color-internal - Background of internal notes.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-color-status-eingegangen - Status badge “Eingegangen” (received).
 * @cssproperty --mp-color-status-in-bearbeitung - Status badge “In Bearbeitung” (in progress).
 * @cssproperty --mp-color-status-beauftragt - Status badge “Beauftragt” (commissioned).
 * @cssproperty --mp-color-status-erledigt - Status badge “Erledigt” (done).
 * @cssproperty --mp-color-status-abgelehnt - Status badge “Abgelehnt” (declined).
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class CaseBoard extends StaffElement {
  static override styles = [StaffElement.styles, staffViewStyles, statusBadgeStyles, liveStatusStyles, caseBoardStyles];
  /** Staff work in German or English; any other page language shows German. */

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** Level of the board's headings (the open case's title); 3 inside a portal that has its own `h2`. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The id of the open case; set it to open one (it need not be in the list), `undefined` shows the list alone. */
  @property({ attribute: 'case-id' }) caseId?: string;

  /** The filters in use; they stay while cases are opened and closed. Setting them reloads the list. */
  @property({ attribute: false }) filters: CaseFilters = noFilters();

  /**
   * Keep the open case and the filters in the page URL (`mp-case`, `mp-type`, `mp-status`, `mp-assignee`,
   * `mp-building`, `mp-overdue`), so Back, reload and links land on them. Only one element per page can.
   */
  @property({ type: Boolean, attribute: 'url-state' }) urlState = false;

  @state() private items: StaffCase[] = [];
  @state() private nextCursor: string | null = null;
  @state() private listState: ListState = 'loading';
  @state() private listError?: ApiError;
  /** The list is being read again (filters changed, reconnected): screen readers hear it is busy. */
  @state() private refreshing = false;
  /** The BFF has answered the list: the clerk is signed in, so changes are followed live. */
  @state() private admitted = false;
  @state() private loadingMore = false;
  /** Cases that arrived live since the board was opened. */
  @state() private newIds = new Set<string>();
  /** This clerk's notifications since the board opened (newest first): a case given to them, a resident's message. */
  @state() private notifications: Array<{
    reason: StaffEventMap['case:notification']['reason'];
    caseId: string;
    caseNumber: string;
    title: string;
  }> = [];
  @state() private clerks: StaffAccount[] = [];
  /** Buildings seen in the lists so far (there is no building list for clerks yet). */
  @state() private buildings = new Map<string, string>();

  @state() private detail?: StaffCaseDetail;
  @state() private detailError?: ApiError;
  @state() private busy?: StaffCaseAction;
  @state() private notice?: string;
  @state() private actionError?: string;
  @state() private uploadProgress?: number;
  /** The Mieterbescheinigung the clerk is checking before releasing it. */
  @state() private certificatePreview?: CertificatePreview;
  /** On a narrow screen the filters fold away behind a button. */
  @state() private filtersOpen = false;
  /** Read out politely by screen readers (new cases). */
  @state() private announcement = '';

  private listRequest = 0;
  private detailRequest = 0;
  /** Set when the board comes (back) onto the page: the list is read again with the next update. */
  private listStale = true;
  /** After the next render, focus the open case's heading (`'detail'`) or the list entry of the case with this id. */
  private focusAfterRender?: string;
  private announcementTimer?: ReturnType<typeof setTimeout>;
  /** Where focus was when the shortcuts dialog opened: it returns there when the dialog closes. */
  private focusBeforeShortcuts?: HTMLElement;
  private readonly live: LiveUpdatesController<StaffEventMap>;

  constructor() {
    super();
    new UrlStateController<BoardParameter>(this, {
      keys: ['case', 'type', 'status', 'assignee', 'building', 'overdue'],
      pushKeys: ['case'],
      ready: () => true,
      current: () => ({ case: this.caseId, ...filterParameters(this.filters) }),
      show: (parameters, fromHistory) => this.showParameters(parameters, fromHistory),
    });
    this.live = new LiveUpdatesController<StaffEventMap>(this, {
      client: () => this.apiClient,
      active: () => this.admitted,
      onEvent: (live) => this.onLive(live),
      reload: () => void this.reload(),
    });
  }

  /** The board's client, speaking the board's language. */
  private get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  private get cases(): StaffCasesApi {
    return new StaffCasesApi(this.apiClient);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('mp-signed-in', this.onSignedIn);
    addEventListener('mp-signed-out', this.onSignedOut);
    this.addEventListener('keydown', this.onShortcut);
    this.listStale = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('mp-signed-in', this.onSignedIn);
    removeEventListener('mp-signed-out', this.onSignedOut);
    this.removeEventListener('keydown', this.onShortcut);
    clearTimeout(this.announcementTimer);
    this.showCertificatePreview(undefined);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.listStale || changed.has('filters') || changed.has('client') || changed.has('api')) {
      this.listStale = false;
      this.nextCursor = null;
      void this.reload();
    }
    if (changed.has('caseId')) this.caseChanged();
  }

  private readonly onSignedIn = () => void this.reload();

  /** The open case stays named (and in the URL), so it opens again after the next sign-in. */
  private readonly onSignedOut = () => {
    this.admitted = false;
    this.items = [];
    this.detail = undefined;
    this.listState = 'signed-out';
  };

  /** Reads the first page for the current filters (and the open case), e.g. after a filter change or a reconnect. */
  private async reload(): Promise<void> {
    const request = ++this.listRequest;
    this.listState = this.items.length ? this.listState : 'loading';
    this.refreshing = true;
    try {
      const page = await this.cases.list(this.filters);
      if (request !== this.listRequest) return;
      this.items = page.items;
      this.nextCursor = page.nextCursor;
      this.rememberBuildings(page.items);
      this.listState = 'ready';
      this.listError = undefined;
      this.admitted = true;
      if (!this.clerks.length) void this.loadClerks();
    } catch (error) {
      if (request !== this.listRequest) return;
      const apiError = asApiError(error);
      this.listState = apiError.status === 401 ? 'signed-out' : apiError.status === 403 ? 'forbidden' : 'error';
      if (this.listState !== 'error') this.admitted = false;
      this.listError = apiError;
      this.items = [];
      this.nextCursor = null;
    }
    this.refreshing = false;
    if (this.caseId && this.listState === 'ready') void this.loadDetail(this.caseId);
  }

  private async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return;
    const request = this.listRequest;
    this.loadingMore = true;
    try {
      const page = await this.cases.list(this.filters, this.nextCursor);
      if (request !== this.listRequest) return;
      const known = new Set(this.items.map((item) => item.id));
      this.items = [...this.items, ...page.items.filter((item) => !known.has(item.id))];
      this.nextCursor = page.nextCursor;
      this.rememberBuildings(page.items);
    } catch (error) {
      this.listError = asApiError(error);
    } finally {
      this.loadingMore = false;
    }
  }

  private async loadClerks(): Promise<void> {
    try {
      this.clerks = await this.cases.clerks();
    } catch {
      // Without the list the board still works; assignment then offers only "Nicht zugewiesen".
    }
  }

  private rememberBuildings(items: StaffCase[]): void {
    const unseen = items.filter((item) => !this.buildings.has(item.building.id));
    if (!unseen.length) return;
    const buildings = new Map(this.buildings);
    for (const item of unseen) buildings.set(item.building.id, item.building.address ?? item.building.id);
    this.buildings = buildings;
  }

  private onLive(live: StaffLiveEvent): void {
    if (live.event === 'case:notification') {
      this.notify(live.payload);
      return;
    }
    // The staff room also carries the lead board's events: the case board follows cases only.
    if (live.event !== 'case:created' && live.event !== 'case:updated') return;
    const { event, payload } = live;
    const item = payload.case;
    this.rememberBuildings([item]);
    if (event === 'case:created') {
      // Several arrivals in a row are read together; the region empties afterwards so the next one is read again.
      const text = this.msg.boardNewCase(item.caseNumber);
      this.announcement = this.announcement ? `${this.announcement}. ${text}` : text;
      clearTimeout(this.announcementTimer);
      this.announcementTimer = setTimeout(() => (this.announcement = ''), 8000);
      this.newIds = new Set(this.newIds).add(item.id);
    }
    const listed = this.items.some((existing) => existing.id === item.id);
    if (listed) {
      this.items = this.items.map((existing) => (existing.id === item.id ? item : existing)).sort(byDeadline);
    } else if (matchesFilters(item, this.filters)) {
      // A case beyond the loaded pages stays for "Weitere laden", so the list never shows a gap.
      const last = this.items[this.items.length - 1];
      if (!this.nextCursor || !last || byDeadline(item, last) <= 0) this.items = [...this.items, item].sort(byDeadline);
    }
    if (event === 'case:updated' && item.id === this.caseId) void this.loadDetail(item.id, { quiet: true });
  }

  /** A case given to this clerk or written on by its resident (the BFF sends these to the clerk's own boards only). */
  private notify(payload: StaffEventMap['case:notification']): void {
    const { reason, case: item } = payload;
    const notification = { reason, caseId: item.id, caseNumber: item.caseNumber, title: item.title };
    const others = this.notifications.filter((shown) => !(shown.caseId === item.id && shown.reason === reason));
    this.notifications = [notification, ...others].slice(0, MAX_NOTIFICATIONS);
    const text = this.msg.boardNotification(reason, item.caseNumber, item.title);
    this.announcement = this.announcement ? `${this.announcement}. ${text}` : text;
    clearTimeout(this.announcementTimer);
    this.announcementTimer = setTimeout(() => (this.announcement = ''), 8000);
  }

  private dismissNotification(caseId: string, reason: string): void {
    this.notifications = this.notifications.filter((shown) => !(shown.caseId === caseId && shown.reason === reason));
  }

  private renderNotifications() {
    if (!this.notifications.length) return nothing;
    return html`
      <section class="notifications" part="notifications" aria-label=${this.msg.boardNotificationsLabel}>
        <ul>
          ${this.notifications.map(
            (shown) => html`
              <li class="notification" part="notification">
                <span>${this.msg.boardNotification(shown.reason, shown.caseNumber, shown.title)}</span>
                <button
                  type="button"
                  class="link"
                  aria-label=${this.msg.boardNotificationOpen(shown.caseNumber)}
                  @click=${() => {
                    this.dismissNotification(shown.caseId, shown.reason);
                    this.open(shown.caseId);
                  }}
                >${this.msg.boardNotificationOpenShort}</button>
                <button
                  type="button"
                  class="link"
                  aria-label=${this.msg.boardNotificationDismiss(shown.caseNumber)}
                  @click=${() => this.dismissNotification(shown.caseId, shown.reason)}
                >×</button>
              </li>
            `,
          )}
        </ul>
      </section>
    `;
  }

  /** Shows the case and filters of a link; after Back or Forward focus follows as if the clerk had clicked. */
  private showParameters(parameters: UrlParameters<BoardParameter>, fromHistory: boolean): void {
    const filters = filtersOf(parameters);
    if (JSON.stringify(filters) !== JSON.stringify(this.filters)) this.filters = filters;
    if (parameters.case === this.caseId) return;
    if (!fromHistory) this.caseId = parameters.case;
    else if (parameters.case) this.open(parameters.case);
    else this.close();
  }

  // Filters.

  private changeFilters(change: Partial<CaseFilters>): void {
    this.filters = { ...this.filters, ...change };
  }

  private toggleStatus(status: CaseStatus, checked: boolean): void {
    const statuses = checked ? [...this.filters.statuses, status] : this.filters.statuses.filter((candidate) => candidate !== status);
    this.changeFilters({ statuses: caseStatuses.filter((candidate) => statuses.includes(candidate)) });
  }

  // The open case.

  /** Opened from the list: focus moves to the case's heading. */
  private open(id: string): void {
    this.caseId = id;
    this.focusAfterRender = 'detail';
  }

  /** Back to the list: focus returns to the case's entry. */
  private close(): void {
    this.focusAfterRender = this.caseId;
    this.caseId = undefined;
  }

  /** Another case (or none) is open now: what was shown of the last one goes, the new one loads. */
  private caseChanged(): void {
    const id = this.caseId;
    if (this.detail?.case.id !== id) this.detail = undefined;
    this.detailError = undefined;
    this.notice = undefined;
    this.actionError = undefined;
    if (this.certificatePreview?.caseId !== id) this.showCertificatePreview(undefined);
    if (!id) return;
    if (this.newIds.has(id)) {
      const newIds = new Set(this.newIds);
      newIds.delete(id);
      this.newIds = newIds;
    }
    // Before the list is there the board may not be signed in yet: the list's arrival loads the case.
    if (this.listState === 'ready') void this.loadDetail(id);
  }

  private async loadDetail(id: string, options: { quiet?: boolean } = {}): Promise<void> {
    const request = ++this.detailRequest;
    if (!options.quiet) this.detailError = undefined;
    try {
      const detail = await this.cases.detail(id);
      if (request !== this.detailRequest || this.caseId !== id) return;
      this.detail = detail;
      this.detailError = undefined;
      this.replaceItem(detail.case);
    } catch (error) {
      if (request !== this.detailRequest || this.caseId !== id) return;
      if (!options.quiet) this.detailError = asApiError(error);
    }
  }

  private replaceItem(item: StaffCase): void {
    if (this.items.some((existing) => existing.id === item.id)) {
      this.items = this.items.map((existing) => (existing.id === item.id ? item : existing)).sort(byDeadline);
    }
  }

  /**
   * Runs one action on the open case: shows the confirmation, or the error. A case another clerk changed
   * meanwhile is reloaded with a hint, so the clerk decides again on what is now there.
   */
  private async act(name: StaffCaseAction, caseId: string, action: () => Promise<{ case: StaffCase }>, done: () => string): Promise<void> {
    if (this.busy) return;
    this.busy = name;
    this.notice = undefined;
    this.actionError = undefined;
    try {
      const answer = await action();
      this.replaceItem(answer.case);
      this.notice = done();
      await this.loadDetail(caseId, { quiet: true });
    } catch (error) {
      const apiError = asApiError(error);
      if (apiError.code === 'case_changed' || apiError.code === 'invalid_status_transition') {
        this.actionError = this.msg.boardCaseChanged;
        await this.loadDetail(caseId, { quiet: true });
      } else if (apiError.status === 404 && (name === 'document' || name === 'certificate')) {
        this.actionError = this.msg.boardFeatureUnavailable;
      } else {
        this.actionError = this.errorText(apiError);
      }
    } finally {
      this.busy = undefined;
      this.uploadProgress = undefined;
    }
  }

  private readonly changeStatus = ({ detail: { caseId, status, message } }: CaseStatusChangeRequestEvent) =>
    this.act(
      'status',
      caseId,
      () => this.cases.changeStatus(caseId, status, message),
      () => this.msg.boardStatusChanged(this.msg.caseStatusLabels[status]),
    );

  private readonly assign = ({ detail: { caseId, assigneeId } }: CaseAssignRequestEvent) =>
    this.act(
      'assign',
      caseId,
      () => this.cases.assign(caseId, assigneeId),
      () => this.msg.boardAssigned(this.clerks.find((clerk) => clerk.id === assigneeId)?.label ?? null),
    );

  private readonly reply = ({ detail: { caseId, body } }: CaseReplyRequestEvent) =>
    this.act(
      'message',
      caseId,
      () => this.cases.reply(caseId, body),
      () => this.msg.boardReplySent,
    );

  private readonly note = ({ detail: { caseId, body } }: CaseNoteRequestEvent) =>
    this.act(
      'message',
      caseId,
      () => this.cases.note(caseId, body),
      () => this.msg.boardNoteSaved,
    );

  private readonly publishDocument = ({ detail: { caseId, file, title, category } }: CaseDocumentPublishRequestEvent) => {
    this.uploadProgress = 0;
    return this.act(
      'document',
      caseId,
      () => this.cases.publishDocument(caseId, { file, title, category }, { onProgress: (fraction) => (this.uploadProgress = fraction) }),
      () => this.msg.boardDocumentPublished,
    );
  };

  /** Shows this preview of the Mieterbescheinigung (or none); the PDF's object URL of the last one is given back. */
  private showCertificatePreview(preview: CertificatePreview | undefined): void {
    if (this.certificatePreview && this.certificatePreview.pdfUrl !== preview?.pdfUrl) URL.revokeObjectURL(this.certificatePreview.pdfUrl);
    this.certificatePreview = preview;
  }

  /** Loads the certificate as it would be issued now: nothing reaches the resident before the clerk releases it. */
  private async loadCertificatePreview(caseId: string): Promise<void> {
    const answer = await this.cases.previewCertificate(caseId);
    const bytes = Uint8Array.from(atob(answer.pdf), (char) => char.charCodeAt(0));
    const pdfUrl = URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' }));
    if (this.caseId !== caseId) {
      URL.revokeObjectURL(pdfUrl);
      return;
    }
    this.showCertificatePreview({ caseId, digest: answer.digest, certificate: answer.certificate, fileName: answer.fileName, pdfUrl });
  }

  private readonly previewCertificate = async ({ detail: { caseId } }: CaseCertificatePreviewRequestEvent) => {
    if (this.busy) return;
    this.busy = 'certificate';
    this.notice = undefined;
    this.actionError = undefined;
    try {
      await this.loadCertificatePreview(caseId);
    } catch (error) {
      this.actionError = this.certificateErrorText(asApiError(error));
    } finally {
      this.busy = undefined;
    }
  };

  /**
   * Releases the previewed certificate. When its data changed since the preview, the BFF refuses (409
   * certificate_changed): the preview is loaded again with what the certificate would now state, and the
   * clerk decides on that.
   */
  private readonly issueCertificate = async ({ detail: { caseId, digest } }: CaseCertificateRequestEvent) => {
    if (this.busy) return;
    this.busy = 'certificate';
    this.notice = undefined;
    this.actionError = undefined;
    try {
      const answer = await this.cases.issueCertificate(caseId, digest);
      this.showCertificatePreview(undefined);
      this.replaceItem(answer.case);
      this.notice = this.msg.boardCertificateIssued;
      await this.loadDetail(caseId, { quiet: true });
    } catch (error) {
      const apiError = asApiError(error);
      this.actionError = this.certificateErrorText(apiError);
      if (apiError.code === 'certificate_changed') {
        await this.loadCertificatePreview(caseId).catch(() => undefined);
        await this.loadDetail(caseId, { quiet: true });
      } else if (apiError.code === 'case_closed' || apiError.code === 'not_a_certificate_request') {
        // Nothing left to release: the case as it now is says why.
        this.showCertificatePreview(undefined);
        await this.loadDetail(caseId, { quiet: true });
      }
    } finally {
      this.busy = undefined;
    }
  };

  private readonly cancelCertificatePreview = () => {
    this.actionError = undefined;
    this.showCertificatePreview(undefined);
  };

  /** A refusal of the preview or release: the certificate's own codes have their texts in the staff area. */
  private certificateErrorText(error: ApiError): string {
    const own = this.msg.boardCertificateErrors as Partial<Record<string, string>>;
    if (own[error.code]) return own[error.code]!;
    if (error.status === 404) return this.msg.boardFeatureUnavailable;
    return this.errorText(error);
  }

  private errorText(error: ApiError): string {
    const fields = Object.values(error.fields).map((field) => fieldErrorText(this.msg, field));
    return fields.length ? fields.join(' ') : errorText(this.msg, error);
  }

  // Keyboard shortcuts.

  /** A key on the board: a shortcut unless the clerk is typing, holds a modifier, or is in the shortcuts dialog. */
  private readonly onShortcut = (event: KeyboardEvent) => {
    if (event.defaultPrevented || event.isComposing || event.ctrlKey || event.metaKey || event.altKey) return;
    const path = event.composedPath();
    const target = path[0];
    if (target instanceof HTMLElement && (isTextEntry(target) || target.isContentEditable)) return;
    if (path.some((node) => node instanceof HTMLDialogElement)) return;
    if (this.listState !== 'ready') return;
    if (event.key === '?') {
      event.preventDefault();
      this.openShortcuts(target instanceof HTMLElement ? target : undefined);
      return;
    }
    if (event.shiftKey) return;
    const actions: Record<string, () => void> = {
      j: () => this.step(1),
      k: () => this.step(-1),
      m: () => this.assignToMe(),
      s: () => this.toStatus(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };

  /** Opens the next (1) or previous (-1) case of the list; without an open case, the first. */
  private step(direction: 1 | -1): void {
    if (!this.items.length) return;
    const index = this.items.findIndex((item) => item.id === this.caseId);
    const next = index < 0 ? 0 : index + direction;
    if (next < 0 || next >= this.items.length) {
      this.announce(next < 0 ? this.msg.boardShortcutListStart : this.msg.boardShortcutListEnd);
      return;
    }
    this.open(this.items[next].id);
  }

  private assignToMe(): void {
    const caseId = this.caseId;
    if (!caseId) return this.announce(this.msg.boardShortcutNoCase);
    void this.act(
      'assign',
      caseId,
      () => this.cases.assign(caseId, 'me'),
      () => this.msg.boardAssignedToMe,
    );
  }

  private toStatus(): void {
    const detail = this.renderRoot.querySelector('mp-staff-case-detail');
    if (!this.caseId || !detail) return this.announce(this.msg.boardShortcutNoCase);
    if (!detail.focusStatus() && this.detail?.case.id === this.caseId) this.announce(this.msg.boardStatusFinal);
  }

  /** Read out politely by screen readers, then cleared so the same text is read again next time. */
  private announce(text: string): void {
    this.announcement = text;
    clearTimeout(this.announcementTimer);
    this.announcementTimer = setTimeout(() => (this.announcement = ''), 8000);
  }

  private openShortcuts(from?: HTMLElement): void {
    const dialog = this.renderRoot.querySelector<HTMLDialogElement>('dialog.shortcuts');
    if (!dialog || dialog.open) return;
    this.focusBeforeShortcuts = from ?? deepActiveElement();
    dialog.showModal();
    dialog.querySelector<HTMLElement>('.close')?.focus();
  }

  /** Focus goes back to where it was (the element may have gone meanwhile: then the list's first control). */
  private readonly shortcutsClosed = () => {
    const back = this.focusBeforeShortcuts;
    this.focusBeforeShortcuts = undefined;
    if (back?.isConnected) back.focus();
    else this.renderRoot.querySelector<HTMLElement>('button.case, .filters select')?.focus();
  };

  /** Tab and Shift+Tab cycle through the dialog's controls (the page behind it is inert anyway). */
  private readonly trapShortcutsFocus = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    const dialog = event.currentTarget as HTMLDialogElement;
    const controls = [...dialog.querySelectorAll<HTMLElement>('button, [href], [tabindex]:not([tabindex="-1"])')];
    const first = controls[0];
    const last = controls[controls.length - 1];
    const active = this.renderRoot instanceof ShadowRoot ? this.renderRoot.activeElement : null;
    if (event.shiftKey ? active === first || !controls.includes(active as HTMLElement) : active === last) {
      event.preventDefault();
      (event.shiftKey ? last : first)?.focus();
    }
  };

  private renderShortcuts() {
    const msg = this.msg;
    const shortcuts: Array<[string, string]> = [
      ['j', msg.boardShortcutNext],
      ['k', msg.boardShortcutPrevious],
      ['m', msg.boardShortcutAssignMe],
      ['s', msg.boardShortcutStatus],
      ['?', msg.boardShortcutHelp],
    ];
    return html`
      <dialog
        class="shortcuts"
        part="shortcuts"
        aria-labelledby="shortcuts-heading"
        aria-describedby="shortcuts-intro"
        @close=${this.shortcutsClosed}
        @keydown=${this.trapShortcutsFocus}
      >
        <div id="shortcuts-heading" class="shortcuts-heading" role="heading" aria-level=${this.headingLevel}>${msg.boardShortcuts}</div>
        <p id="shortcuts-intro" class="muted">${msg.boardShortcutsIntro}</p>
        <dl>
          ${shortcuts.map(([key, what]) => html`<div class="shortcut"><dt><kbd>${key}</kbd></dt><dd>${what}</dd></div>`)}
        </dl>
        <form method="dialog">
          <button type="submit" class="close" part="button">${msg.boardShortcutsClose}</button>
        </form>
      </dialog>
    `;
  }

  // Focus: opening a case moves focus to its heading; closing it returns focus to its entry in the list.
  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const target = this.focusAfterRender;
    if (!target) return;
    this.focusAfterRender = undefined;
    if (target === 'detail') {
      const detail = this.renderRoot.querySelector('mp-staff-case-detail');
      void detail?.updateComplete.then(() => detail.focusHeading());
      return;
    }
    // The case may have left the list meanwhile (a filter, a live change): then the list's first control.
    const entry = this.renderRoot.querySelector<HTMLElement>(`button.case[data-id="${CSS.escape(target)}"]`);
    (entry ?? this.renderRoot.querySelector<HTMLElement>('.filters select'))?.focus();
  }

  override render() {
    const caseId = this.listState === 'signed-out' || this.listState === 'forbidden' ? undefined : this.caseId;
    return html`
      <div class="live" role="status" aria-live="polite">${this.announcement}</div>
      ${liveStatus(this.live.interrupted, this.msg.liveInterrupted)} ${this.renderNotifications()}
      ${
        this.listState === 'ready'
          ? html`<div class="board-tools">
              <button
                type="button"
                class="link"
                part="button shortcuts-button"
                aria-haspopup="dialog"
                @click=${(event: Event) => this.openShortcuts(event.currentTarget as HTMLElement)}
              >${this.msg.boardShortcutsOpen}</button>
            </div>`
          : nothing
      }
      ${this.renderShortcuts()}
      <div class="layout ${caseId ? 'has-detail' : ''}">
        <div class="list-pane" aria-busy=${this.refreshing ? 'true' : 'false'}>${this.renderFilters()} ${this.renderList()}</div>
        ${
          caseId
            ? html`<mp-staff-case-detail
              part="detail"
              exportparts="activity, actions, button, alert, notice"
              lang=${this.locale}
              heading-level=${this.headingLevel}
              .summary=${this.items.find((item) => item.id === caseId)}
              .detail=${this.detail?.case.id === caseId ? this.detail : undefined}
              .loadError=${this.detailError ? this.errorText(this.detailError) : undefined}
              .clerks=${this.clerks}
              .busy=${this.busy}
              .notice=${this.notice}
              .actionError=${this.actionError}
              .uploadProgress=${this.uploadProgress}
              .certificatePreview=${this.certificatePreview}
              .attachmentUrl=${(id: string, attachmentId: string) => this.cases.attachmentUrl(id, attachmentId)}
              .thumbnailUrl=${(id: string, attachmentId: string) => thumbnailOf(this.cases.attachmentUrl(id, attachmentId))}
              @mp-case-close-request=${() => this.close()}
              @mp-case-open-request=${() => void this.loadDetail(caseId)}
              @mp-case-status-change-request=${this.changeStatus}
              @mp-case-assign-request=${this.assign}
              @mp-case-reply-request=${this.reply}
              @mp-case-note-request=${this.note}
              @mp-case-document-publish-request=${this.publishDocument}
              @mp-case-certificate-preview-request=${this.previewCertificate}
              @mp-case-certificate-request=${this.issueCertificate}
              @mp-case-certificate-preview-cancel=${this.cancelCertificatePreview}
              >${
                this.detail?.case.id === caseId && this.detail.case.type === 'damage'
                  ? html`<mp-work-order-panel
                      slot="work-order"
                      lang=${this.locale}
                      case-id=${caseId}
                      revision=${this.detail.case.lastActivityAt}
                      .client=${this.apiClient}
                    ></mp-work-order-panel>`
                  : nothing
              }</mp-staff-case-detail
            >`
            : nothing
        }
      </div>
    `;
  }

  private renderFilters() {
    const msg = this.msg;
    const filters = this.filters;
    const changed = (event: Event) => event.target as HTMLInputElement & HTMLSelectElement;
    const active =
      filters.types.length +
      filters.statuses.length +
      (filters.assignee ? 1 : 0) +
      (filters.building ? 1 : 0) +
      (filters.overdueOnly ? 1 : 0);
    return html`
      <button
        type="button"
        class="filters-toggle"
        part="button"
        aria-expanded=${this.filtersOpen ? 'true' : 'false'}
        aria-controls="filters"
        @click=${() => (this.filtersOpen = !this.filtersOpen)}
      >
        ${msg.boardFiltersToggle(active)}
      </button>
      <form
        id="filters"
        class="filters ${this.filtersOpen ? 'open' : ''}"
        part="filters"
        role="search"
        aria-label=${msg.boardFilters}
        @submit=${(event: Event) => event.preventDefault()}
      >
        <label class="field">
          <span>${msg.boardFilterType}</span>
          <select name="type" @change=${(event: Event) => this.changeFilters({ types: changed(event).value ? [changed(event).value as CaseType] : [] })}>
            <option value="" ?selected=${!filters.types.length}>${msg.boardFilterAllTypes}</option>
            ${caseTypes.map((type) => html`<option value=${type} ?selected=${filters.types.includes(type)}>${msg.caseTypeLabels[type]}</option>`)}
          </select>
        </label>
        <label class="field">
          <span>${msg.boardFilterAssignee}</span>
          <select name="assignee" @change=${(event: Event) => this.changeFilters({ assignee: changed(event).value })}>
            <option value="" ?selected=${!filters.assignee}>${msg.boardAssigneeAll}</option>
            <option value="me" ?selected=${filters.assignee === 'me'}>${msg.boardAssigneeMe}</option>
            <option value="none" ?selected=${filters.assignee === 'none'}>${msg.boardAssigneeNone}</option>
            ${this.clerks.map((clerk) => html`<option value=${clerk.id} ?selected=${filters.assignee === clerk.id}>${clerk.label}</option>`)}
          </select>
        </label>
        <label class="field">
          <span>${msg.boardFilterBuilding}</span>
          <select name="building" @change=${(event: Event) => this.changeFilters({ building: changed(event).value })}>
            <option value="" ?selected=${!filters.building}>${msg.boardBuildingAll}</option>
            ${[...this.buildings].map(([id, address]) => html`<option value=${id} ?selected=${filters.building === id}>${address}</option>`)}
          </select>
        </label>
        <fieldset class="statuses">
          <legend>${msg.boardFilterStatus}</legend>
          ${caseStatuses.map(
            (status) => html`
              <label class="check">
                <input
                  type="checkbox"
                  name="status"
                  value=${status}
                  .checked=${filters.statuses.includes(status)}
                  @change=${(event: Event) => this.toggleStatus(status, changed(event).checked)}
                />
                ${msg.caseStatusLabels[status]}
              </label>
            `,
          )}
        </fieldset>
        <div class="filter-row">
          <label class="check">
            <input type="checkbox" name="overdue" .checked=${filters.overdueOnly} @change=${(event: Event) => this.changeFilters({ overdueOnly: changed(event).checked })} />
            ${msg.boardFilterOverdue}
          </label>
          <button type="button" class="link" part="button" @click=${() => this.changeFilters(noFilters())}>${msg.boardResetFilters}</button>
        </div>
      </form>
      ${
        this.listState === 'ready'
          ? html`<div class="export" part="export" role="group" aria-label=${msg.boardExport}>
              <span class="muted">${msg.boardExport}:</span>
              <a class="button" part="button" href=${this.cases.exportUrl(filters, 'csv')} download aria-label=${msg.boardExportCsvLabel}
                >${msg.boardExportCsv}</a
              >
              <a class="button" part="button" href=${this.cases.exportUrl(filters, 'xlsx')} download aria-label=${msg.boardExportXlsxLabel}
                >${msg.boardExportXlsx}</a
              >
            </div>`
          : nothing
      }
    `;
  }

  private renderList() {
    const msg = this.msg;
    switch (this.listState) {
      case 'loading':
        return html`<p class="muted loading" role="status">${msg.boardLoadingCases}</p>`;
      case 'signed-out':
        return html`<p class="empty" part="alert">${msg.boardSignInFirst}</p>`;
      case 'forbidden':
        return html`<p class="empty" part="alert">${msg.boardForbidden}</p>`;
      case 'error':
        return html`
          <div class="alert" part="alert" role="alert">${this.errorText(this.listError!)}</div>
          <button type="button" part="button" @click=${() => this.reload()}>${msg.boardRetry}</button>
        `;
    }
    const filtered = JSON.stringify(this.filters) !== JSON.stringify(noFilters());
    if (!this.items.length) return html`<p class="empty">${filtered ? msg.boardEmptyFiltered : msg.boardSummary(0)}</p>`;
    return html`
      <p class="muted count" role="status">${msg.boardShown(this.items.length, this.nextCursor !== null)}</p>
      <ul class="list" part="list" aria-label=${msg.boardList}>
        ${repeat(
          this.items,
          (item) => item.id,
          (item) => this.renderItem(item),
        )}
      </ul>
      ${this.listError && this.listState === 'ready' ? html`<div class="alert" part="alert" role="alert">${this.errorText(this.listError)}</div>` : nothing}
      ${
        this.nextCursor
          ? html`<button type="button" class="load-more" part="load-more button" ?disabled=${this.loadingMore} @click=${() => this.loadMore()}>
            ${this.loadingMore ? msg.loading : msg.boardLoadMore}
          </button>`
          : nothing
      }
    `;
  }

  private renderItem(item: StaffCase) {
    const msg = this.msg;
    const isNew = this.newIds.has(item.id);
    return html`
      <li>
        <button
          type="button"
          class="case ${item.overdue ? 'overdue' : ''} priority-${item.priority} ${isNew ? 'new' : ''}"
          part="case"
          data-id=${item.id}
          aria-current=${this.caseId === item.id ? 'true' : nothing}
          @click=${() => this.open(item.id)}
        >
          <span class="case-head">
            <span class="number">${item.caseNumber}</span>
            ${isNew ? html`<span class="badge new-badge">${msg.boardNew}</span>` : nothing}
            ${statusBadge(msg, item.status)}
            ${
              item.priority !== 'normal'
                ? html`<span class="badge priority">${msg.boardPriority}: ${msg.boardPriorityLabels[item.priority]}</span>`
                : nothing
            }
          </span>
          <span class="title">${item.title}</span>
          <span class="meta">
            <span>${item.source === 'portal' ? msg.caseTypeLabels[item.type] : `${msg.caseTypeLabels[item.type]} · ${msg.caseSourceLabels[item.source]}`}</span>
            <span class="deadline">${item.overdue ? msg.boardOverdueSince(this.formatDate(item.deadlineAt)) : msg.boardDeadline(this.formatDate(item.deadlineAt))}</span>
            <span>${item.assignee?.label ?? msg.boardUnassigned}</span>
            <span>${[item.building.address, item.unitLabel && keepNumbersWithWords(item.unitLabel)].filter(Boolean).join(' · ')}</span>
          </span>
        </button>
      </li>
    `;
  }

  private formatDate(iso: string): string {
    return staffDate(iso, this.locale);
  }
}

function filterParameters(filters: CaseFilters): UrlParameters<BoardParameter> {
  return {
    type: filters.types.join(',') || undefined,
    status: filters.statuses.join(',') || undefined,
    assignee: filters.assignee || undefined,
    building: filters.building || undefined,
    overdue: filters.overdueOnly ? 'true' : undefined,
  };
}

/** The filters a URL names; unknown types and statuses are left out. */
function filtersOf(parameters: UrlParameters<BoardParameter>): CaseFilters {
  const listed = (value?: string) => value?.split(',') ?? [];
  return {
    types: caseTypes.filter((type) => listed(parameters.type).includes(type)),
    statuses: caseStatuses.filter((status) => listed(parameters.status).includes(status)),
    assignee: parameters.assignee ?? '',
    building: parameters.building ?? '',
    overdueOnly: parameters.overdue === 'true',
  };
}

/** Fields where letters are typed: shortcuts stay out of them. */
function isTextEntry(element: HTMLElement): boolean {
  return element instanceof HTMLInputElement || element instanceof HTMLTextAreaElement || element instanceof HTMLSelectElement;
}

/** The focused element, looked for through open shadow roots. */
function deepActiveElement(): HTMLElement | undefined {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active instanceof HTMLElement ? active : undefined;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', '');
}

defineElement('case-board', CaseBoard);

declare global {
  interface HTMLElementTagNameMap {
    'case-board': CaseBoard;
  }
}
