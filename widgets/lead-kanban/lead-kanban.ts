import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { LiveUpdatesController } from '../internal/live-updates-controller.ts';
import { liveStatus, liveStatusStyles } from '../internal/live-status.ts';
import { errorText, fieldErrorText, type Locale } from '../internal/localize.ts';
import { defineElement, PortalElement } from '../internal/portal-element.ts';
import { staffDate, staffViewStyles } from '../internal/staff-view.ts';
import type { StaffEventMap, StaffLiveEvent } from '../../bff/contract/realtime.ts';
import {
  boardColumns,
  isLeadConflict,
  LeadBoardApi,
  leadTransitions,
  matchesLeadFilters,
  newestFirst,
  noLeadFilters,
  type LeadCard,
  type LeadColumn,
  type LeadCounts,
  type LeadFilters,
  type LeadMove,
  type LeadRejectionReason,
  type LeadSource,
  type MoveTarget,
  type StaffAccount,
} from '../internal/lead-board-api.ts';
import type { HouseholdType } from '../../bff/contract/enums.ts';
import { LeadMovedEvent } from '../events/lead-moved.ts';
import type { LeadOpenRequestEvent } from '../events/lead-open-request.ts';
import type { LeadUpdatedEvent } from '../events/lead-updated.ts';
import { kanbanTexts } from './kanban-texts.ts';
import kanbanDe from './i18n/de.ts';
import { leadKanbanStyles } from './lead-kanban.styles.ts';
import '../internal/staff-errors.ts';

type BoardState = 'loading' | 'ready' | 'error' | 'signed-out' | 'forbidden';

interface Column {
  items: LeadCard[];
  nextCursor: string | null;
  loadingMore: boolean;
}

const emptyColumn = (): Column => ({ items: [], nextCursor: null, loadingMore: false });
const emptyColumns = () => Object.fromEntries(boardColumns.map((column) => [column, emptyColumn()])) as Record<LeadColumn, Column>;
const zeroCounts = (): LeadCounts => ({ nicht_zugeordnet: 0, offen: 0, kontaktiert: 0, besichtigt: 0, akzeptiert: 0, abgelehnt: 0 });
/**
 * The sources to filter by, in the order of the contract's `LEAD_SOURCES` (the German texts name every one). Not the
 * contract's list itself: it lives in the chunk every portal loads, which would then export one name more.
 */
const leadSources = Object.keys(kanbanDe.sourceLabels) as LeadSource[];
/** What a move to kontaktiert or abgelehnt needs besides its target (the contract's `LeadMove`). */
export interface MoveDetails {
  contactMessage?: string;
  name?: string;
  householdType?: HouseholdType;
  desiredMoveIn?: string;
  reasonCode?: LeadRejectionReason;
  reasonText?: string;
  acknowledgeAggWarning?: boolean;
}

/** The form a move to kontaktiert or abgelehnt asks for at its card, with what was typed. */
interface MoveForm {
  id: string;
  to: 'kontaktiert' | 'abgelehnt';
  contactMessage: string;
  name: string;
  householdType: HouseholdType | '';
  desiredMoveIn: string;
  verifyEmail: boolean;
  verifyPhone: boolean;
  reasonCode: LeadRejectionReason | '';
  reasonText: string;
  /** The BFF warned that the text touches § 19 AGG: the clerk may confirm and reject all the same. */
  aggWarning: boolean;
  acknowledgeAggWarning: boolean;
  /** Why the form was not sent, or the BFF's refusal (a stage gate). */
  problem?: string;
}

const householdTypes: readonly HouseholdType[] = ['single', 'couple', 'family', 'shared'];
/** Refusals that concern what the form asked for: the form opens again with them, nothing typed lost. */
const formProblems: readonly string[] = [
  'lead_gate_failed',
  'rejection_reason_required',
  'agg_warning',
  'validation_failed',
  'contact_channel_missing',
];

/** A search waits this long after the last keystroke, so typing a name sends one request, not one per letter. */
const SEARCH_DEBOUNCE_MS = 300;
/** Live changes of cards this board has not loaded are counted by asking the BFF, at most this often. */
const COUNTS_DEBOUNCE_MS = 250;

/**
 * The clerks' lead board (Vermietung): the housing company's prospective tenants in the columns offen →
 * kontaktiert → besichtigt → akzeptiert, abgelehnt and nicht zugeordnet, each with its count and loaded page by
 * page. Filters by listing, source and owner and a search by name, e-mail or phone across listings. A card
 * moves by drag and drop or by "Verschieben nach …" (keyboard); the move shows at once and is rolled back
 * with the reason when the BFF refuses it — another clerk was faster, or a stage gate is not met. New leads
 * and moves of other clerks arrive live. A card opens the lead's detail: its fields, the audit trail, possible
 * duplicates and, for staff with the letting permission, telephone, address and the access log.
 *
 * Inside `<staff-portal>` it is the "Vermietung" area; standalone on a staff page it uses the staff session.
 *
 * @tagname lead-kanban
 * @summary Clerks' kanban of rental leads with filters, search, moves and detail, updated live.
 *
 * @event {LeadMovedEvent} mp-lead-moved - The BFF moved a card; `detail.lead` is the card as it is now.
 *
 * @csspart filters - The filter and search form.
 * @csspart board - The row of columns.
 * @csspart column - One column.
 * @csspart card - One lead's card.
 * @csspart load-more - The "Mehr laden" button of a column.
 * @csspart move-menu - The "Verschieben nach …" choices of a card.
 * @csspart detail - The open lead.
 * @csspart button - Every button.
 * @csspart alert - Error messages.
 * @csspart notice - Confirmations.
 * @csspart live-status - "Verbindung unterbrochen – wird wiederhergestellt" while live updates are restored.
 *
 * @cssproperty --mp-color-primary - Buttons, links and accents.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Secondary text.
 * @cssproperty --mp-color-surface - Background of cards.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors and the conflict message.
 * @cssproperty --mp-color-success - Confirmations.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-color-duplicate - The duplicate badge.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class LeadKanban extends PortalElement {
  static override styles = [PortalElement.styles, staffViewStyles, liveStatusStyles, leadKanbanStyles];
  /** Staff work in German or English; any other page language shows German. */
  static override languages: readonly Locale[] = ['de', 'en'];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** Level of the column and detail headings; 3 inside a portal that has its own `h2`. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** The id of the open lead; set it to open one, `undefined` shows the board alone. */
  @property({ attribute: 'lead-id' }) leadId?: string;

  /** The filters in use. Setting them reloads the board. */
  @property({ attribute: false }) filters: LeadFilters = noLeadFilters();

  @state() private boardState: BoardState = 'loading';
  @state() private boardError?: ApiError;
  @state() private columns = emptyColumns();
  @state() private counts = zeroCounts();
  /** The board is being read again (filters changed, reconnected): screen readers hear it is busy. */
  @state() private refreshing = false;
  /** The BFF has answered: the clerk is signed in, so changes are followed live. */
  @state() private admitted = false;
  @state() private listings: Array<{ id: string; title: string }> = [];
  @state() private staff: StaffAccount[] = [];
  /** What is typed in the search field; it becomes `filters.q` after a pause. */
  @state() private searchInput = '';
  @state() private newIds = new Set<string>();

  /** The card whose "Verschieben nach …" choices are open, and the target asked for a reason (abgelehnt). */
  @state() private menuFor?: string;
  @state() private moveForm?: MoveForm;
  /** Cards whose move waits for the BFF. */
  @state() private pending = new Set<string>();
  /** The last refused move, shown at its card and in the board's alert. */
  @state() private moveError?: { id: string; text: string };
  @state() private notice = '';
  @state() private dragging?: string;
  @state() private dropTarget?: LeadColumn;

  /** `<lead-detail>`'s code has arrived (it is imported the first time a lead is opened), or could not be loaded. */
  @state() private detailElement: 'absent' | 'loading' | 'ready' | 'failed' = 'absent';
  /** The open lead's card as `<lead-detail>` last read it (its name heads the pane). */
  @state() private detailCard?: LeadCard;

  /** Read out politely by screen readers (new leads, moves of others). */
  @state() private announcement = '';

  private readonly kanban = new AreaTexts(this, kanbanTexts);
  private readonly live: LiveUpdatesController<StaffEventMap>;
  private boardRequest = 0;
  /** Cards that arrived live while the board was being read: the read may predate them, so they are laid on top of it. */
  private arrivedDuringReload?: LeadCard[];
  private stale = true;
  private searchTimer?: ReturnType<typeof setTimeout>;
  private countsTimer?: ReturnType<typeof setTimeout>;
  private announcementTimer?: ReturnType<typeof setTimeout>;
  private focusAfterRender?: string;
  private observer?: IntersectionObserver;
  private readonly observed = new WeakSet<Element>();

  constructor() {
    super();
    this.live = new LiveUpdatesController<StaffEventMap>(this, {
      client: () => this.apiClient,
      active: () => this.admitted,
      onEvent: (live) => this.onLive(live),
      reload: () => void this.reload({ quiet: true }),
    });
  }

  private get t() {
    return this.kanban.texts;
  }

  private get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  private get leads(): LeadBoardApi {
    return new LeadBoardApi(this.apiClient);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('mp-signed-in', this.onSignedIn);
    addEventListener('mp-signed-out', this.onSignedOut);
    this.stale = true;
    this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('mp-signed-in', this.onSignedIn);
    removeEventListener('mp-signed-out', this.onSignedOut);
    clearTimeout(this.searchTimer);
    clearTimeout(this.countsTimer);
    clearTimeout(this.announcementTimer);
    this.observer?.disconnect();
    this.observer = undefined;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.kanban.ready(this.locale);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (this.stale || changed.has('filters') || changed.has('client') || changed.has('api')) {
      this.stale = false;
      if (changed.has('filters') && this.filters.q !== this.searchInput.trim()) this.searchInput = this.filters.q;
      void this.reload();
    }
    if (changed.has('leadId')) this.leadChanged();
  }

  private readonly onSignedIn = () => void this.reload();

  private readonly onSignedOut = () => {
    this.admitted = false;
    this.columns = emptyColumns();
    this.counts = zeroCounts();
    this.detailCard = undefined;
    this.boardState = 'signed-out';
  };

  /** Reads the counts and the first page of every column for the current filters. */
  private async reload(options: { quiet?: boolean } = {}): Promise<void> {
    const request = ++this.boardRequest;
    if (!options.quiet && this.boardState !== 'ready') this.boardState = 'loading';
    this.refreshing = true;
    this.arrivedDuringReload = [];
    const leads = this.leads;
    const filters = this.filters;
    try {
      const [counts, ...pages] = await Promise.all([leads.counts(filters), ...boardColumns.map((column) => leads.column(column, filters))]);
      if (request !== this.boardRequest) return;
      const columns = emptyColumns();
      boardColumns.forEach((column, index) => {
        columns[column] = { items: pages[index].items, nextCursor: pages[index].nextCursor, loadingMore: false };
      });
      this.columns = columns;
      this.counts = counts;
      this.layArrivedOnTop();
      this.boardState = 'ready';
      this.boardError = undefined;
      this.admitted = true;
      if (!this.listings.length) void this.loadChoices();
    } catch (error) {
      if (request !== this.boardRequest) return;
      const apiError = asApiError(error);
      this.boardState = apiError.status === 401 ? 'signed-out' : apiError.status === 403 ? 'forbidden' : 'error';
      if (this.boardState !== 'error') this.admitted = false;
      this.boardError = apiError;
    } finally {
      if (request === this.boardRequest) {
        this.refreshing = false;
        this.arrivedDuringReload = undefined;
      }
    }
    if (this.leadId && this.boardState === 'ready') this.loadDetailElement();
  }

  /** A card newer than what the read found (or not found by it) is shown as it arrived; the counts are read again. */
  private layArrivedOnTop(): void {
    const arrived = (this.arrivedDuringReload ?? []).filter((card) => {
      const loaded = this.findCard(card.id)?.card;
      return !loaded || loaded.version < card.version;
    });
    for (const card of arrived) this.place(card, { show: matchesLeadFilters(card, this.filters) });
    if (arrived.length) this.refreshCountsSoon();
  }

  private async loadChoices(): Promise<void> {
    const [listings, staff] = await Promise.allSettled([this.leads.listings(), this.leads.staff()]);
    // Without them the board still works; the filters then offer only "Alle" and "Ohne Inserat".
    if (listings.status === 'fulfilled') this.listings = listings.value.map(({ id, title }) => ({ id, title }));
    if (staff.status === 'fulfilled') this.staff = staff.value;
  }

  private async loadMore(column: LeadColumn): Promise<void> {
    const current = this.columns[column];
    if (!current.nextCursor || current.loadingMore) return;
    const request = this.boardRequest;
    this.setColumn(column, { ...current, loadingMore: true });
    try {
      const page = await this.leads.column(column, this.filters, current.nextCursor);
      if (request !== this.boardRequest) return;
      const now = this.columns[column];
      const known = new Set(now.items.map((item) => item.id));
      this.setColumn(column, {
        items: [...now.items, ...page.items.filter((item) => !known.has(item.id))],
        nextCursor: page.nextCursor,
        loadingMore: false,
      });
    } catch (error) {
      if (request !== this.boardRequest) return;
      this.setColumn(column, { ...this.columns[column], loadingMore: false });
      this.moveError = undefined;
      this.boardError = asApiError(error);
    }
  }

  private setColumn(column: LeadColumn, value: Column): void {
    this.columns = { ...this.columns, [column]: value };
  }

  private findCard(id: string): { card: LeadCard; column: LeadColumn } | undefined {
    for (const column of boardColumns) {
      const card = this.columns[column].items.find((item) => item.id === id);
      if (card) return { card, column };
    }
    return undefined;
  }

  /** Takes a card out of its column (if loaded there) and puts `card` into its own column, newest first. */
  private place(card: LeadCard, options: { from?: LeadColumn; show: boolean }): void {
    const columns = { ...this.columns };
    for (const column of boardColumns) {
      if (columns[column].items.some((item) => item.id === card.id))
        columns[column] = { ...columns[column], items: columns[column].items.filter((item) => item.id !== card.id) };
    }
    if (options.show) {
      const target = columns[card.column];
      const items = [...target.items, card].sort(newestFirst);
      // A card that sorts beyond the loaded pages waits for "Mehr laden", so a column never shows a gap.
      const beyond = target.nextCursor !== null && items[items.length - 1].id === card.id && target.items.length > 0;
      columns[card.column] = { ...target, items: beyond ? target.items : items };
    }
    this.columns = columns;
  }

  private count(column: LeadColumn, delta: number): void {
    this.counts = { ...this.counts, [column]: Math.max(0, this.counts[column] + delta) };
  }

  private refreshCountsSoon(): void {
    clearTimeout(this.countsTimer);
    this.countsTimer = setTimeout(() => void this.refreshCounts(), COUNTS_DEBOUNCE_MS);
  }

  private async refreshCounts(): Promise<void> {
    const request = this.boardRequest;
    try {
      const counts = await this.leads.counts(this.filters);
      if (request === this.boardRequest) this.counts = counts;
    } catch {
      // The next reload counts again.
    }
  }

  // Live updates.

  private onLive(live: StaffLiveEvent): void {
    // The staff room also carries the case board's events.
    if (live.event !== 'lead:created' && live.event !== 'lead:changed') return;
    const card = live.payload.lead;
    // A card this board is moving is settled by the BFF's answer (or the reload after a conflict).
    if (this.pending.has(card.id)) return;
    this.arrivedDuringReload?.push(card);
    const known = this.findCard(card.id);
    if (known && known.card.version > card.version) return;
    const shows = matchesLeadFilters(card, this.filters);
    if (live.event === 'lead:created') {
      if (!shows) return;
      this.newIds = new Set(this.newIds).add(card.id);
      this.announce(this.t.newLeadArrived(card.name));
      this.place(card, { show: true });
      this.count(card.column, 1);
      return;
    }
    this.place(card, { show: shows });
    if (known && known.column !== card.column) this.announce(this.t.movedLive(card.name, this.t.columnLabels[card.column]));
    this.refreshCountsSoon();
    if (this.detailCard?.id === card.id && this.detailCard.version < card.version) this.detailCard = card;
  }

  private announce(text: string): void {
    // Several arrivals in a row are read together; the region empties afterwards so the next one is read again.
    this.announcement = this.announcement ? `${this.announcement}. ${text}` : text;
    clearTimeout(this.announcementTimer);
    this.announcementTimer = setTimeout(() => (this.announcement = ''), 8000);
  }

  // Filters and search.

  private changeFilters(change: Partial<LeadFilters>): void {
    this.filters = { ...this.filters, ...change };
  }

  private onSearchInput(value: string): void {
    this.searchInput = value;
    clearTimeout(this.searchTimer);
    const q = value.trim();
    if (q.length === 1) return;
    this.searchTimer = setTimeout(() => {
      if (q !== this.filters.q) this.changeFilters({ q });
    }, SEARCH_DEBOUNCE_MS);
  }

  // Moves.

  /**
   * Moves a card, as the menu and a drop do: besichtigt and akzeptiert at once; kontaktiert and abgelehnt first ask
   * at the card for what the lifecycle needs (the contact message; a reason), unless `details` has it.
   */
  async move(id: string, to: MoveTarget, details: MoveDetails = {}): Promise<void> {
    const found = this.findCard(id);
    if (!found || this.pending.has(id)) return;
    this.menuFor = undefined;
    if (!leadTransitions[found.card.status].includes(to)) return;
    const complete =
      to === 'kontaktiert' ? !!details.contactMessage : to === 'abgelehnt' ? !!(details.reasonCode || details.reasonText) : true;
    if (!complete) return this.openForm(found.card, to as MoveForm['to']);
    this.moveForm = undefined;
    await this.send(found.card, found.column, to, details);
  }

  private openForm(card: LeadCard, to: MoveForm['to']): void {
    this.moveForm = {
      id: card.id,
      to,
      contactMessage: '',
      name: card.name,
      householdType: card.householdType ?? '',
      desiredMoveIn: card.desiredMoveIn ?? '',
      verifyEmail: false,
      verifyPhone: false,
      reasonCode: '',
      reasonText: '',
      aggWarning: false,
      acknowledgeAggWarning: false,
    };
    this.focusAfterRender = `form:${card.id}`;
  }

  /** The form's move: checked in the browser first (nothing sent without what is required), then sent. */
  private submitForm(event: Event): void {
    event.preventDefault();
    const form = this.moveForm;
    const found = form && this.findCard(form.id);
    if (!form || !found) return;
    const t = this.t;
    const problem =
      form.to === 'kontaktiert'
        ? form.contactMessage.trim()
          ? undefined
          : t.contactMessageMissing
        : form.reasonCode || form.reasonText.trim()
          ? undefined
          : t.rejectReasonMissing;
    if (problem) {
      this.moveForm = { ...form, problem };
      this.focusAfterRender = `form:${form.id}`;
      return;
    }
    const card = found.card;
    const details: MoveDetails =
      form.to === 'kontaktiert'
        ? {
            contactMessage: form.contactMessage.trim(),
            ...(form.name.trim() && form.name.trim() !== card.name ? { name: form.name.trim() } : {}),
            ...(form.householdType && form.householdType !== card.householdType ? { householdType: form.householdType } : {}),
            ...(form.desiredMoveIn.trim() && form.desiredMoveIn.trim() !== card.desiredMoveIn
              ? { desiredMoveIn: form.desiredMoveIn.trim() }
              : {}),
          }
        : {
            ...(form.reasonCode ? { reasonCode: form.reasonCode } : {}),
            ...(form.reasonText.trim() ? { reasonText: form.reasonText.trim() } : {}),
            ...(form.acknowledgeAggWarning ? { acknowledgeAggWarning: true } : {}),
          };
    this.moveForm = undefined;
    const verify = [...(form.verifyEmail ? (['email'] as const) : []), ...(form.verifyPhone ? (['phone'] as const) : [])];
    void this.send(card, found.column, form.to, details, { form, verify });
  }

  private changeForm(change: Partial<MoveForm>): void {
    if (this.moveForm) this.moveForm = { ...this.moveForm, ...change, problem: undefined };
  }

  /**
   * Shows the move at once and asks the BFF (first noting verified contact channels, which count the card's version
   * up). A refusal puts the card back where it was: another clerk moved it first (the board then shows their move),
   * or what the form asked for is not enough (the form opens again with the BFF's words), or the step is not possible.
   */
  private async send(
    card: LeadCard,
    from: LeadColumn,
    to: MoveTarget,
    details: MoveDetails,
    asked: { form?: MoveForm; verify?: ReadonlyArray<'email' | 'phone'> } = {},
  ): Promise<void> {
    const id = card.id;
    const target: LeadColumn = to;
    const moved: LeadCard = { ...card, status: to, column: target };
    this.pending = new Set(this.pending).add(id);
    this.moveError = undefined;
    this.notice = this.t.moving(card.name, this.t.columnLabels[target]);
    this.place(moved, { show: true });
    this.count(from, -1);
    this.count(target, 1);
    this.focusAfterRender = `card:${id}`;
    let version = card.version;
    try {
      for (const channel of asked.verify ?? []) {
        version = (await this.leads.verifyContact(id, channel, channel === 'email' ? 'answered' : 'reached')).lead.version;
      }
      const answer = await this.leads.move(id, { to, version, ...details } as LeadMove);
      this.pending = without(this.pending, id);
      this.place(answer, { show: matchesLeadFilters(answer, this.filters) });
      if (answer.column !== target) this.refreshCountsSoon();
      this.notice = this.t.moved(answer.name, this.t.columnLabels[answer.column]);
      this.dispatchEvent(new LeadMovedEvent({ lead: answer }));
    } catch (error) {
      this.pending = without(this.pending, id);
      this.place({ ...card, version }, { show: true });
      this.count(target, -1);
      this.count(from, 1);
      this.notice = '';
      const apiError = asApiError(error);
      if (asked.form && formProblems.includes(apiError.code)) {
        this.moveForm = {
          ...asked.form,
          aggWarning: asked.form.aggWarning || apiError.code === 'agg_warning',
          // A channel noted as verified stays so: it is not asked for again.
          verifyEmail: asked.form.verifyEmail && !(asked.verify ?? []).includes('email'),
          verifyPhone: asked.form.verifyPhone && !(asked.verify ?? []).includes('phone'),
          problem: this.moveErrorText(apiError),
        };
        this.focusAfterRender = `form:${id}`;
        return;
      }
      this.moveError = {
        id,
        text: isLeadConflict(apiError) ? this.t.conflict(card.name) : `${this.t.moveFailed(card.name)} ${this.moveErrorText(apiError)}`,
      };
      this.focusAfterRender = `card:${id}`;
      // The card as the other clerk left it.
      if (isLeadConflict(apiError)) await this.reload({ quiet: true });
    }
  }

  /** A refused move in words: in German the BFF's own (it names what a stage still lacks), else the code's text. */
  private moveErrorText(error: ApiError): string {
    if (this.locale === 'de' && error.message && error.code !== 'validation_failed') return error.message;
    return this.errorText(error);
  }

  private readonly dismissMoveError = () => {
    this.moveError = undefined;
  };

  private toggleMenu(id: string): void {
    this.menuFor = this.menuFor === id ? undefined : id;
    this.moveForm = undefined;
    if (this.menuFor) this.focusAfterRender = `menu:${id}`;
  }

  private closeMenu(id: string): void {
    this.menuFor = undefined;
    this.moveForm = undefined;
    this.focusAfterRender = `toggle:${id}`;
  }

  private onMenuKeydown(event: KeyboardEvent, id: string): void {
    if (event.key === 'Escape') {
      event.stopPropagation();
      this.closeMenu(id);
      return;
    }
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    event.preventDefault();
    const items = [...(event.currentTarget as HTMLElement).querySelectorAll<HTMLButtonElement>('button[role="menuitem"]')];
    const index = items.indexOf(event.target as HTMLButtonElement);
    items[(index + (event.key === 'ArrowDown' ? 1 : items.length - 1)) % items.length]?.focus();
  }

  private onDragStart(event: DragEvent, card: LeadCard): void {
    if (this.pending.has(card.id)) return event.preventDefault();
    event.dataTransfer?.setData('text/plain', card.id);
    if (event.dataTransfer) event.dataTransfer.effectAllowed = 'move';
    this.dragging = card.id;
  }

  /** The columns the dragged card may be dropped on: the moves the lifecycle allows from its status. */
  private dropAllowed(column: LeadColumn): boolean {
    const card = this.dragging ? this.findCard(this.dragging)?.card : undefined;
    return !!card && (leadTransitions[card.status] as readonly LeadColumn[]).includes(column);
  }

  private onDragOver(event: DragEvent, column: LeadColumn): void {
    if (!this.dropAllowed(column)) return;
    event.preventDefault();
    if (event.dataTransfer) event.dataTransfer.dropEffect = 'move';
    if (this.dropTarget !== column) this.dropTarget = column;
  }

  private onDrop(event: DragEvent, column: LeadColumn): void {
    event.preventDefault();
    const allowed = this.dropAllowed(column);
    const id = this.dragging;
    this.dragging = undefined;
    this.dropTarget = undefined;
    if (id && allowed) void this.move(id, column as MoveTarget);
  }

  private onDragEnd(): void {
    this.dragging = undefined;
    this.dropTarget = undefined;
  }

  // The open lead.

  private open(id: string): void {
    this.leadId = id;
    this.focusAfterRender = 'detail';
  }

  private retryDetailElement(): void {
    this.detailElement = 'absent';
    this.loadDetailElement();
  }

  private close(): void {
    const id = this.leadId;
    this.leadId = undefined;
    if (id) this.focusAfterRender = `card:${id}`;
  }

  private leadChanged(): void {
    this.detailCard = undefined;
    if (this.leadId && this.boardState === 'ready') this.loadDetailElement();
  }

  /** Imports `<lead-detail>` (with `<lead-credit-check>`) the first time a lead is opened: the board's own chunk stays small. */
  private loadDetailElement(): void {
    if (this.detailElement === 'loading' || this.detailElement === 'ready') return;
    this.detailElement = 'loading';
    // The credit check sits in the detail's slot; both arrive together, on first use.
    Promise.all([import('../lead-detail/lead-detail.ts'), import('../lead-credit-check/lead-credit-check.ts')]).then(
      () => (this.detailElement = 'ready'),
      () => (this.detailElement = 'failed'),
    );
  }

  /** `<lead-detail>` read or changed the open lead: its card on the board shows it (a conflict's winner included). */
  private readonly onLeadUpdated = (event: LeadUpdatedEvent) => {
    const card = event.detail.lead;
    if (card.id !== this.leadId) return;
    this.detailCard = card;
    const known = this.findCard(card.id);
    if (!known || this.pending.has(card.id) || known.card.version >= card.version) return;
    this.place(card, { show: matchesLeadFilters(card, this.filters) });
    if (known.column !== card.column) {
      this.refreshCountsSoon();
      this.announce(this.t.movedLive(card.name, this.t.columnLabels[card.column]));
    }
  };

  private readonly onLeadOpenRequest = (event: LeadOpenRequestEvent) => {
    event.stopPropagation();
    this.open(event.detail.id);
  };

  private errorText(error: ApiError): string {
    const fields = Object.values(error.fields).map((field) => (field.code === 'custom' ? field.message : fieldErrorText(this.msg, field)));
    if (fields.length) return fields.join(' ');
    // A code the widgets have no words for yet (a stage gate of the lifecycle): the BFF's German message.
    return errorText(this.msg, error);
  }

  // Focus and paging by scrolling.

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    this.observeSentinels();
    const target = this.focusAfterRender;
    if (!target) return;
    this.focusAfterRender = undefined;
    const root = this.renderRoot;
    const [kind, id] = target.split(':');
    const byId = (selector: string) => (id ? root.querySelector<HTMLElement>(selector.replace('ID', CSS.escape(id))) : null);
    const element =
      kind === 'detail'
        ? root.querySelector<HTMLElement>('#detail-heading')
        : kind === 'menu'
          ? byId('[data-id="ID"] [role="menuitem"]')
          : kind === 'form'
            ? byId('[data-id="ID"] .move-form :is(input, select, textarea)')
            : kind === 'toggle'
              ? byId('[data-id="ID"] .move-toggle')
              : byId('[data-id="ID"] .open');
    element?.focus();
  }

  /** A column loads its next page when its end scrolls into view (after the clerk scrolled it); "Mehr laden" does too. */
  private observeSentinels(): void {
    if (typeof IntersectionObserver === 'undefined') return;
    this.observer ??= new IntersectionObserver((entries) => {
      for (const entry of entries) {
        const column = (entry.target as HTMLElement).dataset.column as LeadColumn;
        const list = entry.target.previousElementSibling;
        if (entry.isIntersecting && list && list.scrollTop > 0) void this.loadMore(column);
      }
    });
    for (const sentinel of this.renderRoot.querySelectorAll('.sentinel')) {
      if (this.observed.has(sentinel)) continue;
      this.observed.add(sentinel);
      this.observer.observe(sentinel);
    }
  }

  // Rendering.

  override render() {
    const open = this.boardState === 'ready' ? this.leadId : undefined;
    return html`
      <div class="live" role="status" aria-live="polite">${this.announcement}</div>
      ${liveStatus(this.live.interrupted, this.msg.liveInterrupted)}
      ${this.renderFilters()}
      <div class="status-line" role="status" aria-live="polite">
        ${this.notice ? html`<p class="notice" part="notice">${this.notice}</p>` : nothing}
      </div>
      ${
        this.moveError
          ? html`<div class="alert move-error" part="alert" role="alert">
            <span>${this.moveError.text}</span>
            <button type="button" class="link" part="button" @click=${this.dismissMoveError}>${this.t.dismiss}</button>
          </div>`
          : nothing
      }
      <div class="layout ${open ? 'has-detail' : ''}">
        <div class="board-pane" aria-busy=${this.refreshing ? 'true' : 'false'}>${this.renderBoard()}</div>
        ${open ? this.renderDetail(open) : nothing}
      </div>
    `;
  }

  private renderFilters() {
    const t = this.t;
    const filters = this.filters;
    const value = (event: Event) => (event.target as HTMLSelectElement | HTMLInputElement).value;
    const tooShort = this.searchInput.trim().length === 1;
    const filtered = JSON.stringify(filters) !== JSON.stringify(noLeadFilters());
    return html`
      <form class="filters" part="filters" role="search" aria-label=${t.filters} @submit=${(event: Event) => event.preventDefault()}>
        <label class="field search">
          <span>${t.search}</span>
          <input
            type="search"
            name="q"
            autocomplete="off"
            placeholder=${t.searchHint}
            aria-describedby="search-hint"
            .value=${this.searchInput}
            @input=${(event: Event) => this.onSearchInput(value(event))}
          />
          <span id="search-hint" class="hint ${tooShort ? 'warn' : ''}">${tooShort ? t.searchTooShort : t.searchHint}</span>
        </label>
        <label class="field">
          <span>${t.filterListing}</span>
          <select name="listing" @change=${(event: Event) => this.changeFilters({ listing: value(event) })}>
            <option value="" ?selected=${!filters.listing}>${t.allListings}</option>
            ${this.listings.map((listing) => html`<option value=${listing.id} ?selected=${filters.listing === listing.id}>${listing.title}</option>`)}
            <option value="none" ?selected=${filters.listing === 'none'}>${t.noListing}</option>
          </select>
        </label>
        <label class="field">
          <span>${t.filterSource}</span>
          <select name="source" @change=${(event: Event) => this.changeFilters({ source: value(event) as LeadFilters['source'] })}>
            <option value="" ?selected=${!filters.source}>${t.allSources}</option>
            ${leadSources.map((source) => html`<option value=${source} ?selected=${filters.source === source}>${t.sourceLabels[source]}</option>`)}
          </select>
        </label>
        <label class="field">
          <span>${t.filterOwner}</span>
          <select name="owner" @change=${(event: Event) => this.changeFilters({ owner: value(event) })}>
            <option value="" ?selected=${!filters.owner}>${t.ownerAll}</option>
            <option value="me" ?selected=${filters.owner === 'me'}>${t.ownerMe}</option>
            <option value="none" ?selected=${filters.owner === 'none'}>${t.ownerNone}</option>
            ${this.staff.map((account) => html`<option value=${account.id} ?selected=${filters.owner === account.id}>${account.label}</option>`)}
          </select>
        </label>
        ${
          filtered
            ? html`<button type="button" class="link reset" part="button" @click=${() => {
                this.searchInput = '';
                this.filters = noLeadFilters();
              }}>${t.resetFilters}</button>`
            : nothing
        }
      </form>
    `;
  }

  private renderBoard() {
    const t = this.t;
    switch (this.boardState) {
      case 'loading':
        return html`<p class="muted loading" role="status">${t.loadingBoard}</p>`;
      case 'signed-out':
        return html`<p class="empty" part="alert">${t.signInFirst}</p>`;
      case 'forbidden':
        return html`<p class="empty" part="alert">${t.forbidden}</p>`;
      case 'error':
        return html`
          <div class="alert" part="alert" role="alert">${t.loadFailed} ${this.errorText(this.boardError!)}</div>
          <button type="button" part="button" @click=${() => this.reload()}>${this.msg.retry}</button>
        `;
    }
    const total = boardColumns.reduce((sum, column) => sum + this.counts[column], 0);
    const filtered = JSON.stringify(this.filters) !== JSON.stringify(noLeadFilters());
    return html`
      ${total === 0 ? html`<p class="empty">${filtered ? t.boardEmptyFiltered : t.boardEmpty}</p>` : nothing}
      ${this.boardError ? html`<div class="alert" part="alert" role="alert">${this.errorText(this.boardError)}</div>` : nothing}
      <p class="muted drag-hint">${t.dragHint}</p>
      <div class="board" part="board" role="group" aria-label=${t.leadsHeading} tabindex="0">${boardColumns.map((column) => this.renderColumn(column))}</div>
    `;
  }

  private renderColumn(column: LeadColumn) {
    const t = this.t;
    const { items, nextCursor, loadingMore } = this.columns[column];
    const label = t.columnLabels[column];
    const count = this.counts[column];
    const droppable = this.dropAllowed(column);
    return html`
      <section
        class="column column-${column} ${this.dropTarget === column ? 'drop-target' : ''} ${droppable ? 'droppable' : ''}"
        part="column"
        data-column=${column}
        aria-labelledby="heading-${column}"
        @dragover=${(event: DragEvent) => this.onDragOver(event, column)}
        @dragleave=${(event: DragEvent) => {
          if (!(event.currentTarget as HTMLElement).contains(event.relatedTarget as Node)) this.dropTarget = undefined;
        }}
        @drop=${(event: DragEvent) => this.onDrop(event, column)}
      >
        <div class="column-head" role="heading" aria-level=${this.headingLevel} id="heading-${column}">
          ${t.columnHeading(label, count)}
        </div>
        ${droppable ? html`<p class="drop-hint" aria-hidden="true">${t.dropHere(label)}</p>` : nothing}
        <ul class="cards" aria-label=${t.columnList(label)}>
          ${repeat(
            items,
            (card) => card.id,
            (card) => this.renderCard(card),
          )}
        </ul>
        <div class="sentinel" data-column=${column}></div>
        ${items.length === 0 ? html`<p class="muted column-empty">${t.columnEmpty}</p>` : nothing}
        ${nextCursor ? html`<p class="muted shown">${t.columnShown(items.length, Math.max(count, items.length))}</p>` : nothing}
        ${
          nextCursor
            ? html`<button type="button" class="load-more" part="load-more button" ?disabled=${loadingMore} @click=${() => this.loadMore(column)}>
              ${loadingMore ? this.msg.loading : t.loadMore}
            </button>`
            : nothing
        }
      </section>
    `;
  }

  private renderCard(card: LeadCard) {
    const t = this.t;
    const pending = this.pending.has(card.id);
    const error = this.moveError?.id === card.id ? this.moveError.text : undefined;
    const menuOpen = this.menuFor === card.id;
    const form = this.moveForm?.id === card.id ? this.moveForm : undefined;
    return html`
      <li
        class="card ${pending ? 'pending' : ''} ${error ? 'refused' : ''} ${this.dragging === card.id ? 'dragging' : ''} ${this.newIds.has(card.id) ? 'new' : ''}"
        part="card"
        data-id=${card.id}
        draggable=${pending ? 'false' : 'true'}
        aria-busy=${pending ? 'true' : 'false'}
        @dragstart=${(event: DragEvent) => this.onDragStart(event, card)}
        @dragend=${() => this.onDragEnd()}
      >
        <button type="button" class="open" aria-current=${this.leadId === card.id ? 'true' : nothing} @click=${() => this.open(card.id)}>
          ${card.name || card.email || t.none}
        </button>
        <span class="badges">
          ${this.newIds.has(card.id) ? html`<span class="badge new-badge">${t.newLead}</span>` : nothing}
          ${card.duplicate ? html`<span class="badge duplicate" title=${t.duplicateHint}>${t.duplicate}</span>` : nothing}
          ${card.selfDisclosureOffered ? html`<span class="badge disclosure" title=${t.selfDisclosureHint}>${t.selfDisclosureOffered}</span>` : nothing}
        </span>
        <span class="meta">
          ${card.listing ? html`<span class="listing">${card.listing.title}</span>` : nothing}
          <span>${t.sourceLabels[card.source]} · ${card.owner?.label ?? t.noOwner}</span>
          <span>${t.since(staffDate(card.statusChangedAt, this.locale))}</span>
        </span>
        ${error ? html`<p class="card-error" role="alert">${error}</p>` : nothing}
        <button
          type="button"
          class="move-toggle link"
          part="button"
          aria-haspopup="menu"
          aria-expanded=${menuOpen ? 'true' : 'false'}
          ?disabled=${pending}
          @click=${() => this.toggleMenu(card.id)}
        >
          ${t.moveTo}
        </button>
        ${menuOpen ? this.renderMenu(card) : nothing} ${form ? this.renderMoveForm(card, form) : nothing}
      </li>
    `;
  }

  private renderMenu(card: LeadCard) {
    const t = this.t;
    const targets = leadTransitions[card.status];
    return html`
      <div class="move-menu" part="move-menu" role="menu" aria-label=${t.moveMenu(card.name)} @keydown=${(event: KeyboardEvent) => this.onMenuKeydown(event, card.id)}>
        ${targets.map(
          (status) =>
            html`<button type="button" role="menuitem" @click=${() => void this.move(card.id, status)}>${t.columnLabels[status]}</button>`,
        )}
        <button type="button" role="menuitem" class="link" @click=${() => this.closeMenu(card.id)}>${t.moveCancel}</button>
      </div>
    `;
  }

  private renderMoveForm(card: LeadCard, form: MoveForm) {
    const t = this.t;
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    const id = card.id;
    const field = (name: string, label: string, control: unknown, hint?: string) => html`
      <label class="field">
        <span>${label}</span>
        ${control} ${hint ? html`<span id="${name}-hint-${id}" class="hint">${hint}</span>` : nothing}
      </label>
    `;
    const fields =
      form.to === 'kontaktiert'
        ? html`
            ${field(
              'contact',
              t.contactMessage,
              html`<textarea
                name="contactMessage"
                rows="3"
                maxlength="5000"
                aria-required="true"
                aria-describedby="contact-hint-${id}"
                .value=${form.contactMessage}
                @input=${(event: Event) => this.changeForm({ contactMessage: value(event) })}
              ></textarea>`,
              t.contactMessageHint,
            )}
            ${field(
              'name',
              t.fullName,
              html`<input type="text" name="name" maxlength="200" .value=${form.name} @input=${(event: Event) => this.changeForm({ name: value(event) })} />`,
            )}
            ${field(
              'household',
              t.householdType,
              html`<select name="householdType" @change=${(event: Event) => this.changeForm({ householdType: value(event) as HouseholdType | '' })}>
                <option value="" ?selected=${!form.householdType}>${t.choose}</option>
                ${householdTypes.map((type) => html`<option value=${type} ?selected=${form.householdType === type}>${t.householdLabels[type]}</option>`)}
              </select>`,
            )}
            ${field(
              'move-in',
              t.desiredMoveIn,
              html`<input
                type="text"
                name="desiredMoveIn"
                maxlength="100"
                aria-describedby="move-in-hint-${id}"
                .value=${form.desiredMoveIn}
                @input=${(event: Event) => this.changeForm({ desiredMoveIn: value(event) })}
              />`,
              t.desiredMoveInHint,
            )}
            <fieldset>
              <legend>${t.verifyNow}</legend>
              ${
                card.email
                  ? html`<label class="check"
                      ><input
                        type="checkbox"
                        name="verifyEmail"
                        .checked=${form.verifyEmail}
                        @change=${(event: Event) => this.changeForm({ verifyEmail: (event.target as HTMLInputElement).checked })}
                      />${t.verifyEmail}</label
                    >`
                  : nothing
              }
              <label class="check"
                ><input
                  type="checkbox"
                  name="verifyPhone"
                  .checked=${form.verifyPhone}
                  @change=${(event: Event) => this.changeForm({ verifyPhone: (event.target as HTMLInputElement).checked })}
                />${t.verifyPhone}</label
              >
            </fieldset>
          `
        : html`
            ${field(
              'reason',
              t.rejectReason,
              html`<select name="reasonCode" @change=${(event: Event) => this.changeForm({ reasonCode: value(event) as LeadRejectionReason | '' })}>
                <option value="" ?selected=${!form.reasonCode}>${t.choose}</option>
                ${(Object.keys(t.rejectionReasons) as LeadRejectionReason[]).map(
                  (code) => html`<option value=${code} ?selected=${form.reasonCode === code}>${t.rejectionReasons[code]}</option>`,
                )}
              </select>`,
            )}
            ${field(
              'reason-text',
              t.rejectReasonText,
              html`<textarea
                name="reasonText"
                rows="2"
                maxlength="2000"
                aria-describedby="reason-text-hint-${id}"
                .value=${form.reasonText}
                @input=${(event: Event) => this.changeForm({ reasonText: value(event), acknowledgeAggWarning: false })}
              ></textarea>`,
              t.rejectReasonHint,
            )}
            ${
              form.aggWarning
                ? html`<label class="check"
                    ><input
                      type="checkbox"
                      name="acknowledgeAggWarning"
                      .checked=${form.acknowledgeAggWarning}
                      @change=${(event: Event) => this.changeForm({ acknowledgeAggWarning: (event.target as HTMLInputElement).checked })}
                    />${t.aggAcknowledge}</label
                  >`
                : nothing
            }
          `;
    return html`
      <form
        class="move-form"
        aria-label=${t.moveForm(card.name, t.columnLabels[form.to])}
        @submit=${(event: Event) => this.submitForm(event)}
        @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && this.closeMenu(id)}
      >
        ${fields} ${form.problem ? html`<p class="card-error" role="alert">${form.problem}</p>` : nothing}
        <span class="form-actions">
          <button type="submit" class="primary" part="button">
            ${form.to === 'abgelehnt' ? t.rejectConfirm : t.moveConfirm(t.columnLabels[form.to])}
          </button>
          <button type="button" part="button" @click=${() => this.closeMenu(id)}>${t.moveCancel}</button>
        </span>
      </form>
    `;
  }

  private renderDetail(id: string) {
    const t = this.t;
    const card = this.detailCard?.id === id ? this.detailCard : this.findCard(id)?.card;
    return html`
      <aside class="detail" part="detail" aria-labelledby="detail-heading">
        <button type="button" class="link close" part="button" @click=${() => this.close()}>${t.detailClose}</button>
        <div class="detail-heading" role="heading" aria-level=${this.headingLevel} id="detail-heading" tabindex="-1">${t.detailHeading(card?.name ?? '')}</div>
        ${
          this.detailElement === 'ready'
            ? html`<lead-detail
                lead-id=${id}
                heading-level=${this.headingLevel + 1}
                .api=${this.api}
                .client=${this.client}
                @mp-lead-updated=${this.onLeadUpdated}
                @mp-lead-open-request=${this.onLeadOpenRequest}
              >
                <lead-credit-check slot="credit-check" lead-id=${id} .api=${this.api} .client=${this.client}></lead-credit-check>
              </lead-detail>`
            : this.detailElement === 'failed'
              ? html`<div class="alert" part="alert" role="alert">${t.detailFailed} ${this.msg.networkError}</div>
                <button type="button" part="button" @click=${() => this.retryDetailElement()}>${this.msg.retry}</button>`
              : html`<p class="muted" role="status">${t.detailLoading}</p>`
        }
      </aside>
    `;
  }
}

function without(set: Set<string>, id: string): Set<string> {
  const next = new Set(set);
  next.delete(id);
  return next;
}

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', '');
}

defineElement('lead-kanban', LeadKanban);

declare global {
  interface HTMLElementTagNameMap {
    'lead-kanban': LeadKanban;
  }
}
