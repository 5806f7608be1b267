import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { LiveUpdatesController } from '../internal/live-updates-controller.ts';
import { errorText, fieldErrorText, type Locale } from '../internal/localize.ts';
import { defineElement, PortalElement } from '../internal/portal-element.ts';
import { staffDate, staffViewStyles } from '../internal/staff-view.ts';
import {
  LeadDetailApi,
  type ContactChannel,
  type IncomeBand,
  type LeadAccessEntry,
  type LeadCard,
  type LeadDetail as LeadDetailView,
  type LeadLifecycle,
  type LeadMessage,
  type SelfDisclosure,
  type SelfDisclosureInput,
  type ViewingInvitation,
} from '../internal/lead-detail-api.ts';
import type { StaffEventMap, StaffLiveEvent } from '../../bff/contract/realtime.ts';
import { LeadOpenRequestEvent } from '../events/lead-open-request.ts';
import { LeadUpdatedEvent } from '../events/lead-updated.ts';
import { leadDetailTexts } from './detail-texts.ts';
import { berlinDateTime } from './berlin-time.ts';
import { leadDetailStyles } from './lead-detail.styles.ts';
import '../internal/staff-errors.ts';

/** The clerk's actions, each with its own pending state, error and confirmation beside it. */
type Action =
  | 'assign'
  | 'verify-email'
  | 'verify-phone'
  | 'send'
  | 'plan'
  | 'invite'
  | 'disclosure'
  | 'rejectionSave'
  | 'rejectionRelease'
  | 'legalHold'
  | 'export';

interface ActionState {
  pending?: boolean;
  /** The BFF's refusal (or what the form lacks) in words, shown beside the action. */
  error?: string;
  /** The confirmation, shown beside the action. */
  done?: string;
}

const incomeBands: readonly IncomeBand[] = ['unter_1500', '1500_2500', '2500_3500', '3500_5000', 'ueber_5000'];
const channels: readonly ContactChannel[] = ['email', 'phone'];

/**
 * One rental lead as a clerk works it: its fields and audit trail, the mail thread with the person (live), the contact
 * channels to mark as reached, viewings to plan or an invitation to book one, the self-disclosure (from „Besichtigt“
 * on), the rejection message to edit and release, the legal hold and the § 21 AGG export, and the assignment of a lead
 * from „Nicht zugeordnet“ to a listing. Every action shows that it is under way and, beside it, the BFF's refusal in
 * words. Telephone and address only for staff with the letting permission (every view is logged; the access log shows
 * who looked).
 *
 * `<lead-kanban>` shows it in its detail pane (imported the first time a lead is opened); standalone it needs only
 * `lead-id` and the staff session.
 *
 * @tagname lead-detail
 * @summary A rental lead with the lifecycle's actions: mail, contact, viewings, self-disclosure, rejection, legal hold.
 *
 * @slot credit-check - The credit check of the lead (e.g. `<lead-credit-check lead-id=…>`), shown under its own heading.
 *
 * @event {LeadUpdatedEvent} mp-lead-updated - The lead was read or changed; `detail.lead` is its card as it is now.
 * @event {LeadOpenRequestEvent} mp-lead-open-request - The clerk asked to open another lead (a possible duplicate).
 *
 * @csspart section - Each part of the detail (thread, viewings, …).
 * @csspart thread - The mail thread.
 * @csspart credit-check - The place of the credit check.
 * @csspart button - Every button.
 * @csspart alert - Error messages.
 * @csspart notice - Confirmations.
 *
 * @cssproperty --mp-color-primary - Buttons, links and accents.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Secondary text.
 * @cssproperty --mp-color-surface - Background.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-success - Confirmations.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-color-duplicate - The duplicate badge.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class LeadDetail extends PortalElement {
  static override styles = [PortalElement.styles, staffViewStyles, leadDetailStyles];
  /** German only for now: staff pages in English show the detail in German. */
  static override languages: readonly Locale[] = ['de'];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** The lead to show. */
  @property({ attribute: 'lead-id' }) leadId?: string;

  /** Level of the detail's section headings; 3 below a pane headed at level 2. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 3;

  @state() private detail?: LeadDetailView;
  @state() private loadError?: ApiError;
  @state() private lifecycle?: LeadLifecycle;
  @state() private accessLog?: LeadAccessEntry[];
  @state() private thread?: { items: LeadMessage[]; replyAddress: string | null };
  @state() private threadError?: ApiError;
  @state() private disclosure?: SelfDisclosure;
  @state() private listings?: Array<{ id: string; title: string }>;
  @state() private invitation?: ViewingInvitation;
  @state() private actions: Partial<Record<Action, ActionState>> = {};
  @state() private hasCreditCheck = false;

  // What the forms hold, kept across renders.
  @state() private messageSubject = '';
  @state() private messageBody = '';
  @state() private viewingDate = '';
  @state() private viewingTime = '';
  @state() private viewingDuration = '30';
  @state() private viewingNote = '';
  @state() private viewingSmartLock = false;
  @state() private chosenListing = '';
  @state() private disclosureDraft: SelfDisclosureInput = {};
  @state() private rejectionDraft?: { subject: string; body: string };
  @state() private holdReason = '';
  /** Read out politely (a message that arrived live). */
  @state() private announcement = '';

  private readonly area = new AreaTexts(this, leadDetailTexts);
  private request = 0;

  constructor() {
    super();
    // Registers itself with the element: the thread's new messages and other clerks' changes arrive live.
    new LiveUpdatesController<StaffEventMap>(this, {
      client: () => this.apiClient,
      active: () => !!this.detail,
      onEvent: (live) => this.onLive(live),
      reload: () => void this.refresh(),
    });
  }

  private get t() {
    return this.area.texts;
  }

  private get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  private get leads(): LeadDetailApi {
    return new LeadDetailApi(this.apiClient);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.area.ready(this.locale);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('leadId') || changed.has('client') || changed.has('api')) this.open();
  }

  // Reading.

  private open(): void {
    this.detail = undefined;
    this.loadError = undefined;
    this.lifecycle = undefined;
    this.accessLog = undefined;
    this.thread = undefined;
    this.threadError = undefined;
    this.disclosure = undefined;
    this.invitation = undefined;
    this.actions = {};
    this.messageSubject = '';
    this.messageBody = '';
    this.viewingNote = '';
    this.chosenListing = '';
    this.disclosureDraft = {};
    this.rejectionDraft = undefined;
    this.holdReason = '';
    if (this.leadId) void this.load(this.leadId);
  }

  /** Reads the lead, then what its sections show. */
  private async load(id: string, options: { quiet?: boolean } = {}): Promise<void> {
    const request = ++this.request;
    if (!options.quiet) this.loadError = undefined;
    const leads = this.leads;
    try {
      const detail = await leads.detail(id);
      if (request !== this.request) return;
      this.detail = detail;
      this.loadError = undefined;
      this.dispatchEvent(new LeadUpdatedEvent({ lead: cardOf(detail) }));
      await Promise.all([
        this.loadLifecycle(id, request),
        this.loadThread(id, request),
        detail.contactVisible ? this.loadAccessLog(id, request) : undefined,
        this.loadDisclosure(id, request),
        detail.lead.column === 'nicht_zugeordnet' ? this.loadListings(request) : undefined,
      ]);
    } catch (error) {
      if (request !== this.request) return;
      if (!options.quiet || !this.detail) this.loadError = asApiError(error);
    }
  }

  /** After a reconnect or a conflict: everything again, what is typed stays. */
  private refresh(): Promise<void> {
    return this.leadId ? this.load(this.leadId, { quiet: true }) : Promise.resolve();
  }

  private async loadLifecycle(id: string, request = this.request): Promise<void> {
    try {
      const lifecycle = await this.leads.lifecycle(id);
      if (request === this.request) this.setLifecycle(lifecycle);
    } catch {
      // The sections that need it say what they can without it; the next reload tries again.
    }
  }

  private setLifecycle(lifecycle: LeadLifecycle): void {
    this.lifecycle = lifecycle;
    if (this.detail) this.detail = { ...this.detail, lead: { ...this.detail.lead, ...lifecycle.lead } };
    const message = lifecycle.rejectionMessage;
    if (message && !message.releasedAt && !this.rejectionDraft) this.rejectionDraft = { subject: message.subject, body: message.body };
  }

  private async loadThread(id: string, request: number): Promise<void> {
    try {
      const thread = await this.leads.messages(id);
      if (request !== this.request) return;
      // Messages that arrived live while reading stay.
      const known = new Set(thread.items.map((message) => message.id));
      const arrived = (this.thread?.items ?? []).filter((message) => !known.has(message.id));
      this.thread = { items: [...thread.items, ...arrived].sort(oldestFirst), replyAddress: thread.replyAddress };
      this.threadError = undefined;
    } catch (error) {
      if (request === this.request) this.threadError = asApiError(error);
    }
  }

  private async loadAccessLog(id: string, request: number): Promise<void> {
    try {
      const entries = await this.leads.accessLog(id);
      if (request === this.request) this.accessLog = entries;
    } catch {
      // The access log is for those who may read it; the detail shows without it.
    }
  }

  /** The self-disclosure from „Besichtigt“ on; a rejected lead shows what was collected after its viewing. */
  private async loadDisclosure(id: string, request: number): Promise<void> {
    const status = this.detail?.lead.status;
    if (status !== 'besichtigt' && status !== 'akzeptiert' && status !== 'abgelehnt') return;
    try {
      const disclosure = await this.leads.selfDisclosure(id);
      if (request === this.request) this.disclosure = disclosure;
    } catch {
      // Before the viewing (or rejected before it) the BFF refuses: the section explains why.
    }
  }

  private async loadListings(request: number): Promise<void> {
    try {
      const listings = await this.leads.activeListings();
      if (request === this.request) this.listings = listings.map(({ id, title }) => ({ id, title }));
    } catch (error) {
      if (request === this.request) this.setAction('assign', { error: this.errorWords(asApiError(error)) });
    }
  }

  // Live updates.

  private onLive(live: StaffLiveEvent): void {
    const id = this.leadId;
    if (!id || !this.detail) return;
    if (live.event === 'lead:message' && live.payload.leadId === id) {
      this.addMessage(live.payload.message);
      if (live.payload.message.direction === 'in')
        this.announcement = this.t.messageArrived(live.payload.message.from ?? this.detail.lead.name);
      return;
    }
    if (live.event === 'lead:changed' && live.payload.lead.id === id && live.payload.lead.version > this.detail.lead.version) {
      // Another clerk (or this one on the board) changed the lead: show its card at once, then the sections anew.
      this.detail = { ...this.detail, lead: { ...this.detail.lead, ...live.payload.lead } };
      void this.loadLifecycle(id);
    }
  }

  private addMessage(message: LeadMessage): void {
    const items = this.thread?.items ?? [];
    if (items.some((known) => known.id === message.id)) return;
    this.thread = { items: [...items, message].sort(oldestFirst), replyAddress: this.thread?.replyAddress ?? null };
  }

  // Actions.

  private setAction(action: Action, value: ActionState): void {
    this.actions = { ...this.actions, [action]: value };
  }

  /**
   * Runs an action: pending while the BFF works, then its confirmation or its refusal in words beside it. A conflict
   * (someone else changed the lead) reads the lead again, so the clerk decides on what is now true.
   */
  private async run<T>(action: Action, work: () => Promise<T>, done: (answer: T) => string | undefined): Promise<boolean> {
    if (this.actions[action]?.pending) return false;
    const id = this.leadId;
    this.setAction(action, { pending: true });
    try {
      const answer = await work();
      if (id !== this.leadId) return false;
      this.setAction(action, { done: done(answer) });
      return true;
    } catch (error) {
      if (id !== this.leadId) return false;
      const apiError = asApiError(error);
      if (apiError.code === 'lead_conflict') {
        this.setAction(action, { error: this.t.conflictReloaded });
        await this.refresh();
      } else {
        this.setAction(action, { error: this.errorWords(apiError) });
      }
      return false;
    }
  }

  private refuse(action: Action, problem: string): void {
    this.setAction(action, { error: problem });
  }

  private async verify(channel: ContactChannel): Promise<void> {
    const id = this.leadId!;
    const label = this.t.channelLabels[channel];
    await this.run(
      `verify-${channel}`,
      () => this.leads.verifyContact(id, channel, 'reached'),
      (lifecycle) => {
        this.setLifecycle(lifecycle);
        this.dispatchEvent(new LeadUpdatedEvent({ lead: lifecycle.lead }));
        return this.t.verified(label);
      },
    );
  }

  private async send(event: Event): Promise<void> {
    event.preventDefault();
    const body = this.messageBody.trim();
    if (!body) return this.refuse('send', this.t.messageBodyMissing);
    const subject = this.messageSubject.trim();
    const id = this.leadId!;
    const sent = await this.run(
      'send',
      () => this.leads.sendMessage(id, { ...(subject ? { subject } : {}), body }),
      (message) => {
        this.addMessage(message);
        return this.t.messageSent;
      },
    );
    if (sent) {
      this.messageSubject = '';
      this.messageBody = '';
      // The first message gives the lead its reply address: the thread names it.
      if (!this.thread?.replyAddress) await this.loadThread(id, this.request);
    }
  }

  private async plan(event: Event): Promise<void> {
    event.preventDefault();
    const t = this.t;
    if (!this.viewingDate || !this.viewingTime) return this.refuse('plan', t.planMissing);
    const duration = Number(this.viewingDuration);
    if (!Number.isInteger(duration) || duration < 5 || duration > 480) return this.refuse('plan', t.planDurationInvalid);
    const note = this.viewingNote.trim();
    const id = this.leadId!;
    const planned = await this.run(
      'plan',
      () =>
        this.leads.planViewing(id, {
          startsAt: berlinDateTime(this.viewingDate, this.viewingTime),
          durationMinutes: duration,
          ...(note ? { note } : {}),
        }),
      (viewing) => {
        if (this.lifecycle) this.lifecycle = { ...this.lifecycle, viewings: [...this.lifecycle.viewings, viewing] };
        return t.planned(this.date(viewing.startsAt));
      },
    );
    if (planned) {
      this.viewingDate = '';
      this.viewingTime = '';
      this.viewingNote = '';
      this.viewingSmartLock = false;
      // The viewing counts the lead's version up and may open „Besichtigt“: the board and the gates read it anew.
      await this.loadLifecycle(id);
      if (this.lifecycle) this.dispatchEvent(new LeadUpdatedEvent({ lead: this.lifecycle.lead }));
    }
  }

  private async invite(): Promise<void> {
    const id = this.leadId!;
    await this.run(
      'invite',
      () => this.leads.inviteToViewing(id),
      (invitation) => {
        this.invitation = invitation;
        return this.t.invited(invitation.sentTo, this.date(invitation.expiresAt));
      },
    );
  }

  private async saveDisclosure(event: Event): Promise<void> {
    event.preventDefault();
    const input = this.disclosureDraft;
    if (!Object.keys(input).length) return this.refuse('disclosure', this.t.disclosureNothing);
    const id = this.leadId!;
    const saved = await this.run(
      'disclosure',
      () => this.leads.recordSelfDisclosure(id, input),
      (disclosure) => {
        this.disclosure = disclosure;
        return this.t.disclosureSaved;
      },
    );
    if (saved) this.disclosureDraft = {};
  }

  private async saveRejection(release: boolean): Promise<void> {
    const draft = this.rejectionDraft;
    const id = this.leadId!;
    if (!draft) return;
    const change = { subject: draft.subject.trim(), body: draft.body.trim() };
    const action: Action = release ? 'rejectionRelease' : 'rejectionSave';
    await this.run(
      action,
      () => (release ? this.leads.releaseRejection(id, change) : this.leads.editRejection(id, change)),
      (message) => {
        if (this.lifecycle) this.lifecycle = { ...this.lifecycle, rejectionMessage: message };
        if (message.releasedAt) {
          this.rejectionDraft = undefined;
          return this.t.rejectionReleased(this.date(message.releasedAt), message.sentTo, message.releasedBy);
        }
        this.rejectionDraft = { subject: message.subject, body: message.body };
        return this.t.rejectionSaved;
      },
    );
    // The other button's old words would contradict what just happened.
    this.setAction(release ? 'rejectionSave' : 'rejectionRelease', {});
  }

  private async setHold(hold: boolean): Promise<void> {
    const reason = this.holdReason.trim();
    if (hold && !reason) return this.refuse('legalHold', this.t.legalHoldReasonMissing);
    const id = this.leadId!;
    await this.run(
      'legalHold',
      () => this.leads.setLegalHold(id, hold ? { hold: true, reason } : { hold: false }),
      (legalHold) => {
        if (this.lifecycle) this.lifecycle = { ...this.lifecycle, legalHold };
        this.holdReason = '';
        return legalHold ? this.t.legalHoldWasSet : this.t.legalHoldWasCleared;
      },
    );
  }

  private async exportDecisions(): Promise<void> {
    const id = this.leadId!;
    await this.run(
      'export',
      () => this.leads.exportDecisions(id),
      (exported) => {
        saveFile(this.t.exportFileName(fileSafe(exported.lead.name) || id), JSON.stringify(exported, null, 2));
        return this.t.exportDone;
      },
    );
  }

  private async assign(event: Event): Promise<void> {
    event.preventDefault();
    const listingId = this.chosenListing;
    if (!listingId) return this.refuse('assign', this.t.assignMissing);
    const detail = this.detail!;
    const assigned = await this.run(
      'assign',
      () => this.leads.assignListing(detail.lead.id, listingId, detail.lead.version),
      (card) => {
        this.detail = { ...detail, lead: { ...detail.lead, ...card } };
        this.dispatchEvent(new LeadUpdatedEvent({ lead: card }));
        return this.t.assigned(card.listing?.title ?? '');
      },
    );
    if (assigned) {
      this.chosenListing = '';
      await this.loadLifecycle(detail.lead.id);
    }
  }

  /** The BFF's refusal in words: in German its own message (it names what is missing), the field issues of a form. */
  private errorWords(error: ApiError): string {
    const fields = Object.values(error.fields).map((field) => (field.code === 'custom' ? field.message : fieldErrorText(this.msg, field)));
    if (fields.length) return fields.join(' ');
    if (error.code === 'letting_email_missing') return this.t.lettingEmailMissing;
    if (error.message && error.code !== 'network_error' && error.code !== 'validation_failed') return error.message;
    return errorText(this.msg, error);
  }

  private date(iso: string): string {
    return staffDate(iso, this.locale);
  }

  // Rendering.

  override render() {
    const t = this.t;
    if (this.loadError) {
      return html`<div class="alert" part="alert" role="alert">${t.loadFailed} ${this.errorWords(this.loadError)}</div>
        <button type="button" part="button" @click=${() => this.leadId && this.load(this.leadId)}>${this.msg.retry}</button>`;
    }
    const detail = this.detail;
    if (!detail || detail.lead.id !== this.leadId) return html`<p class="muted" role="status">${t.loading}</p>`;
    const column = detail.lead.column;
    return html`
      <div class="live" role="status" aria-live="polite">${this.announcement}</div>
      ${this.renderFields(detail)} ${column === 'nicht_zugeordnet' || this.actions.assign?.done ? this.renderAssign() : nothing} ${this.renderContact(detail)}
      ${this.renderThread(detail)} ${this.renderViewings(detail)} ${this.renderDisclosure(detail)}
      ${detail.lead.status === 'abgelehnt' ? this.renderRejection() : nothing}
      <section class="credit-check" part="section credit-check" ?hidden=${!this.hasCreditCheck} aria-labelledby="credit-heading">
        ${this.heading('credit-heading', t.creditHeading)}
        <slot name="credit-check" @slotchange=${this.onCreditSlot}></slot>
      </section>
      ${this.renderLegal(detail)} ${this.renderTrail(detail)}
    `;
  }

  private readonly onCreditSlot = (event: Event) => {
    this.hasCreditCheck = (event.target as HTMLSlotElement).assignedElements().length > 0;
  };

  private heading(id: string, text: string) {
    return html`<div class="sub-heading" role="heading" aria-level=${this.headingLevel} id=${id}>${text}</div>`;
  }

  /** The confirmation or refusal of an action, right below it; screen readers hear it. */
  private feedback(action: Action) {
    const { error, done } = this.actions[action] ?? {};
    return html`<div class="feedback" role="status" aria-live="polite">
      ${error ? html`<p class="alert" part="alert">${error}</p>` : nothing}
      ${done ? html`<p class="notice" part="notice">${done}</p>` : nothing}
    </div>`;
  }

  private pending(action: Action): boolean {
    return !!this.actions[action]?.pending;
  }

  private renderFields(detail: LeadDetailView) {
    const t = this.t;
    const lead = detail.lead;
    const row = (label: string, value: unknown) => html`<dt>${label}</dt><dd>${value ?? t.none}</dd>`;
    return html`
      <span class="badges">
        ${lead.duplicate ? html`<span class="badge duplicate">${t.duplicate}</span>` : nothing}
        ${lead.selfDisclosureOffered ? html`<span class="badge disclosure">${t.selfDisclosureOffered}</span>` : nothing}
      </span>
      ${lead.selfDisclosureOffered ? html`<p class="muted">${t.selfDisclosureHint}</p>` : nothing}
      <dl class="fields">
        ${row(t.fieldStatus, t.columnLabels[lead.column])} ${row(t.fieldListing, lead.listing?.title)}
        ${row(t.fieldSource, lead.provider ? `${t.sourceLabels[lead.source]} (${lead.provider})` : t.sourceLabels[lead.source])}
        ${row(t.fieldEmail, lead.email)}
        ${detail.contactVisible ? html`${row(t.fieldPhone, lead.phone)} ${row(t.fieldAddress, lead.address)}` : nothing}
        ${row(t.fieldMoveIn, lead.desiredMoveIn)}
        ${row(t.fieldHousehold, t.householdOf(lead.householdSize, lead.householdType ? t.householdLabels[lead.householdType] : null))}
        ${row(t.fieldPets, lead.pets === null ? null : lead.pets ? t.petsYes : t.petsNo)} ${row(t.fieldOwner, lead.owner?.label)}
        ${row(t.fieldCommission, lead.commission)} ${row(t.fieldReceived, this.date(lead.sentAt ?? lead.createdAt))}
      </dl>
      <p class="muted contact-note">${detail.contactVisible ? t.contactLogged : t.contactHidden}</p>
      ${this.heading('message-heading', t.fieldMessage)}
      <p class="message">${lead.message || t.none}</p>
      ${
        detail.duplicates.length
          ? html`${this.heading('duplicates-heading', t.duplicatesHeading)}
            <ul class="duplicates">
              ${detail.duplicates.map(
                (duplicate) =>
                  html`<li>
                    <button type="button" class="link" part="button" @click=${() => this.dispatchEvent(new LeadOpenRequestEvent({ id: duplicate.id }))}>
                      ${duplicate.name}
                    </button>
                    · ${t.columnLabels[duplicate.status]} · ${t.matchedBy(duplicate.matchedBy)}
                  </li>`,
              )}
            </ul>`
          : nothing
      }
    `;
  }

  private renderAssign() {
    const t = this.t;
    const pending = this.pending('assign');
    const listings = this.listings;
    return html`
      <section class="assign" part="section" aria-labelledby="assign-heading">
        ${this.heading('assign-heading', t.assignHeading)}
        ${
          this.detail?.lead.column !== 'nicht_zugeordnet'
            ? nothing
            : listings && !listings.length
              ? html`<p class="muted">${t.assignNoListings}</p>`
              : html`<form aria-labelledby="assign-heading" aria-busy=${pending ? 'true' : 'false'} @submit=${(event: Event) => this.assign(event)}>
              <label class="field">
                <span>${t.assignListing}</span>
                <select name="listingId" ?disabled=${pending} @change=${(event: Event) => (this.chosenListing = (event.target as HTMLSelectElement).value)}>
                  <option value="" ?selected=${!this.chosenListing}>${t.assignChoose}</option>
                  ${(listings ?? []).map((listing) => html`<option value=${listing.id} ?selected=${this.chosenListing === listing.id}>${listing.title}</option>`)}
                </select>
              </label>
              <p class="hint">${t.assignIntro}</p>
              <button type="submit" class="primary" part="button" ?disabled=${pending}>${pending ? t.assignPending : t.assignSubmit}</button>
            </form>`
        }
        ${this.feedback('assign')}
      </section>
    `;
  }

  private renderContact(detail: LeadDetailView) {
    const t = this.t;
    const lifecycle = this.lifecycle;
    const closed = detail.lead.status === 'akzeptiert';
    return html`
      <section class="contact" part="section" aria-labelledby="contact-heading">
        ${this.heading('contact-heading', t.contactHeading)}
        ${
          lifecycle
            ? html`<ul class="channels">
                ${channels.map((channel) => {
                  const view = lifecycle.contactChannels.find((candidate) => candidate.channel === channel);
                  const label = t.channelLabels[channel];
                  const action = `verify-${channel}` as const;
                  const pending = this.pending(action);
                  return html`<li>
                    <span class="channel"
                      ><strong>${label}:</strong>
                      ${
                        !view?.present
                          ? t.channelMissing
                          : view.verified
                            ? t.channelVerified(view.verified.how, this.date(view.verified.at), view.verified.by)
                            : t.channelUnverified
                      }</span
                    >
                    ${
                      view?.present && !view.verified && !closed
                        ? html`<button type="button" part="button" ?disabled=${pending} aria-busy=${pending ? 'true' : 'false'} @click=${() => this.verify(channel)}>
                          ${pending ? t.verifyPending : t.verifyReached(label)}
                        </button>`
                        : nothing
                    }
                    ${this.feedback(action)}
                  </li>`;
                })}
              </ul>
              <p class="muted hint">${t.contactHint}</p>`
            : html`<p class="muted">${this.msg.loading}</p>`
        }
      </section>
    `;
  }

  private renderThread(detail: LeadDetailView) {
    const t = this.t;
    const thread = this.thread;
    const pending = this.pending('send');
    const canWrite = !!detail.lead.email;
    return html`
      <section class="thread" part="section thread" aria-labelledby="thread-heading">
        ${this.heading('thread-heading', t.threadHeading)}
        ${
          this.threadError
            ? html`<p class="alert" part="alert" role="alert">${t.threadFailed} ${this.errorWords(this.threadError)}</p>`
            : !thread
              ? html`<p class="muted">${t.threadLoading}</p>`
              : thread.items.length
                ? html`<ol class="messages" aria-label=${t.threadHeading}>
                    ${thread.items.map(
                      (message) => html`<li class="message-item ${message.direction}">
                        <span class="when">${this.date(message.at)} · ${message.direction === 'out' ? t.messageOut(message.sentBy) : t.messageIn(message.from)}</span>
                        <strong class="subject">${message.subject}</strong>
                        <p class="body">${message.body}</p>
                      </li>`,
                    )}
                  </ol>`
                : html`<p class="muted">${t.threadEmpty}</p>`
        }
        ${thread?.replyAddress ? html`<p class="muted hint">${t.replyAddress(thread.replyAddress)}</p>` : nothing}
        ${
          canWrite
            ? html`<form class="message-form" aria-label=${t.messageSend} aria-busy=${pending ? 'true' : 'false'} @submit=${(event: Event) => this.send(event)}>
                <label class="field">
                  <span>${t.messageSubject}</span>
                  <input
                    type="text"
                    name="subject"
                    maxlength="300"
                    aria-describedby="subject-hint"
                    .value=${this.messageSubject}
                    @input=${(event: Event) => (this.messageSubject = (event.target as HTMLInputElement).value)}
                  />
                  <span id="subject-hint" class="hint">${t.messageSubjectHint}</span>
                </label>
                <label class="field">
                  <span>${t.messageBody}</span>
                  <textarea
                    name="body"
                    rows="4"
                    maxlength="10000"
                    aria-required="true"
                    .value=${this.messageBody}
                    @input=${(event: Event) => (this.messageBody = (event.target as HTMLTextAreaElement).value)}
                  ></textarea>
                </label>
                <button type="submit" class="primary" part="button" ?disabled=${pending}>${pending ? t.messageSending : t.messageSend}</button>
                ${this.feedback('send')}
              </form>`
            : html`<p class="muted">${t.threadNoEmail}</p>`
        }
      </section>
    `;
  }

  private renderViewings(detail: LeadDetailView) {
    const t = this.t;
    const lifecycle = this.lifecycle;
    const status = detail.lead.status;
    const closed = status === 'akzeptiert' || status === 'abgelehnt';
    const pending = this.pending('plan');
    const inviting = this.pending('invite');
    const value = (event: Event) => (event.target as HTMLInputElement).value;
    return html`
      <section class="viewings" part="section" aria-labelledby="viewings-heading">
        ${this.heading('viewings-heading', t.viewingsHeading)}
        ${
          !lifecycle
            ? html`<p class="muted">${this.msg.loading}</p>`
            : lifecycle.viewings.length
              ? html`<ul class="viewing-list">
                  ${[...lifecycle.viewings]
                    .sort((a, b) => a.startsAt.localeCompare(b.startsAt))
                    .map(
                      (viewing) => html`<li>
                        <strong>${t.viewingWhen(this.date(viewing.startsAt), viewing.durationMinutes)}</strong>
                        <span class="muted">${t.viewingBy(viewing.createdBy.label)}</span>
                        ${viewing.note ? html`<span class="note">${viewing.note}</span>` : nothing}
                        ${viewing.lockGrant ? html`<span class="muted">${t.viewingLock(this.date(viewing.lockGrant.from), this.date(viewing.lockGrant.until))}</span>` : nothing}
                      </li>`,
                    )}
                </ul>`
              : html`<p class="muted">${t.viewingsEmpty}</p>`
        }
        ${
          closed
            ? html`<p class="muted">${t.viewingClosed}</p>`
            : !detail.lead.listing
              ? html`<p class="muted">${t.viewingNeedsListing}</p>`
              : html`
              <form class="plan-form" aria-labelledby="plan-heading" aria-busy=${pending ? 'true' : 'false'} @submit=${(event: Event) => this.plan(event)}>
                <div class="form-heading" id="plan-heading">${t.planHeading}</div>
                <div class="row">
                  <label class="field">
                    <span>${t.planDate}</span>
                    <input type="date" name="date" aria-required="true" .value=${this.viewingDate} @input=${(event: Event) => (this.viewingDate = value(event))} />
                  </label>
                  <label class="field">
                    <span>${t.planTime}</span>
                    <input type="time" name="time" aria-required="true" .value=${this.viewingTime} @input=${(event: Event) => (this.viewingTime = value(event))} />
                  </label>
                  <label class="field">
                    <span>${t.planDuration}</span>
                    <input
                      type="number"
                      name="durationMinutes"
                      min="5"
                      max="480"
                      step="5"
                      .value=${this.viewingDuration}
                      @input=${(event: Event) => (this.viewingDuration = value(event))}
                    />
                  </label>
                </div>
                <label class="field">
                  <span>${t.planNote}</span>
                  <textarea
                    name="note"
                    rows="2"
                    maxlength="2000"
                    aria-describedby="plan-note-hint"
                    .value=${this.viewingNote}
                    @input=${(event: Event) => (this.viewingNote = value(event))}
                  ></textarea>
                  <span id="plan-note-hint" class="hint">${t.planNoteHint}</span>
                </label>
                <label class="check"
                  ><input
                    type="checkbox"
                    name="smartLock"
                    .checked=${this.viewingSmartLock}
                    @change=${(event: Event) => (this.viewingSmartLock = (event.target as HTMLInputElement).checked)}
                  />${t.planSmartLock}</label
                >
                <button type="submit" class="primary" part="button" ?disabled=${pending}>${pending ? t.planPending : t.planSubmit}</button>
                ${this.feedback('plan')}
              </form>
              <div class="form-heading" id="invite-heading">${t.inviteHeading}</div>
              ${
                detail.lead.listing
                  ? html`<p>${t.inviteIntro}</p>
                    <button type="button" part="button" ?disabled=${inviting} aria-busy=${inviting ? 'true' : 'false'} @click=${() => this.invite()}>
                      ${inviting ? t.invitePending : t.inviteSubmit}
                    </button>
                    ${this.feedback('invite')}
                    ${
                      this.invitation
                        ? html`<label class="field">
                          <span>${t.inviteLink}</span>
                          <input type="text" readonly .value=${this.invitation.url} />
                        </label>`
                        : nothing
                    }`
                  : html`<p class="muted">${t.inviteNeedsListing}</p>`
              }
            `
        }
      </section>
    `;
  }

  private renderDisclosure(detail: LeadDetailView) {
    const t = this.t;
    const status = detail.lead.status;
    const writable = status === 'besichtigt' || status === 'akzeptiert';
    const disclosure = this.disclosure;
    let body;
    if (!writable && !(status === 'abgelehnt' && disclosure)) {
      body = html`<p class="muted locked">${t.disclosureLocked}</p>`;
    } else if (!disclosure) {
      body = html`<p class="muted">${t.disclosureLoading}</p>`;
    } else if (!writable) {
      body = html`<p class="muted">${t.disclosureReadOnly}</p>
        ${this.disclosureFacts(disclosure)}`;
    } else {
      body = this.disclosureForm(disclosure);
    }
    return html`
      <section class="disclosure" part="section" aria-labelledby="disclosure-heading">
        ${this.heading('disclosure-heading', t.disclosureHeading)} ${body}
      </section>
    `;
  }

  private disclosureFacts(disclosure: SelfDisclosure) {
    const t = this.t;
    const row = (label: string, value: string | null) => html`<dt>${label}</dt><dd>${value ?? t.unknown}</dd>`;
    return html`<dl class="fields">
      ${row(t.disclosureProfession, disclosure.profession)} ${row(t.disclosureEmployer, disclosure.employer)}
      ${row(t.disclosureIncome, disclosure.incomeBand && t.incomeBands[disclosure.incomeBand])}
      ${row(t.disclosureCertificate, disclosure.rentDebtFreeCertificate === null ? null : disclosure.rentDebtFreeCertificate ? t.certificateYes : t.certificateNo)}
    </dl>`;
  }

  private disclosureForm(disclosure: SelfDisclosure) {
    const t = this.t;
    const draft = this.disclosureDraft;
    const pending = this.pending('disclosure');
    const current = <K extends keyof SelfDisclosure>(key: K) => (key in draft ? draft[key as keyof SelfDisclosureInput] : disclosure[key]);
    const change = (patch: SelfDisclosureInput) => (this.disclosureDraft = { ...this.disclosureDraft, ...patch });
    const text = (event: Event) => (event.target as HTMLInputElement).value.trim() || null;
    const certificate = current('rentDebtFreeCertificate');
    return html`
      <form class="disclosure-form" aria-labelledby="disclosure-heading" aria-busy=${pending ? 'true' : 'false'} @submit=${(event: Event) => this.saveDisclosure(event)}>
        <label class="field">
          <span>${t.disclosureProfession}</span>
          <input type="text" name="profession" maxlength="200" .value=${current('profession') ?? ''} @input=${(event: Event) => change({ profession: text(event) })} />
        </label>
        <label class="field">
          <span>${t.disclosureEmployer}</span>
          <input type="text" name="employer" maxlength="200" .value=${current('employer') ?? ''} @input=${(event: Event) => change({ employer: text(event) })} />
        </label>
        <label class="field">
          <span>${t.disclosureIncome}</span>
          <select name="incomeBand" @change=${(event: Event) => change({ incomeBand: ((event.target as HTMLSelectElement).value || null) as IncomeBand | null })}>
            <option value="" ?selected=${!current('incomeBand')}>${t.unknown}</option>
            ${incomeBands.map((band) => html`<option value=${band} ?selected=${current('incomeBand') === band}>${t.incomeBands[band]}</option>`)}
          </select>
        </label>
        <label class="field">
          <span>${t.disclosureCertificate}</span>
          <select
            name="rentDebtFreeCertificate"
            @change=${(event: Event) => {
              const value = (event.target as HTMLSelectElement).value;
              change({ rentDebtFreeCertificate: value === '' ? null : value === 'yes' });
            }}
          >
            <option value="" ?selected=${certificate === null || certificate === undefined}>${t.unknown}</option>
            <option value="yes" ?selected=${certificate === true}>${t.certificateYes}</option>
            <option value="no" ?selected=${certificate === false}>${t.certificateNo}</option>
          </select>
        </label>
        ${disclosure.recordedAt ? html`<p class="muted">${t.disclosureRecorded(this.date(disclosure.recordedAt))}</p>` : nothing}
        <button type="submit" class="primary" part="button" ?disabled=${pending}>${pending ? t.disclosurePending : t.disclosureSave}</button>
        ${this.feedback('disclosure')}
      </form>
    `;
  }

  private renderRejection() {
    const t = this.t;
    const message = this.lifecycle?.rejectionMessage;
    const draft = this.rejectionDraft;
    const saving = this.pending('rejectionSave');
    const releasing = this.pending('rejectionRelease');
    const busy = saving || releasing;
    let body;
    if (!this.lifecycle) body = html`<p class="muted">${this.msg.loading}</p>`;
    else if (!message) body = html`<p class="muted">${t.rejectionNone}</p>`;
    else if (message.releasedAt || !draft) {
      body = html`<p class="notice" part="notice">${t.rejectionReleased(this.date(message.releasedAt ?? message.preparedAt), message.sentTo, message.releasedBy)}</p>
        <p><strong>${message.subject}</strong></p>
        <p class="message">${message.body}</p>`;
    } else {
      body = html`<p>${t.rejectionPrepared}</p>
        <form class="rejection-form" aria-labelledby="rejection-heading" aria-busy=${busy ? 'true' : 'false'} @submit=${(event: Event) => {
          event.preventDefault();
          void this.saveRejection(true);
        }}>
          <label class="field">
            <span>${t.rejectionSubject}</span>
            <input
              type="text"
              name="subject"
              maxlength="200"
              .value=${draft.subject}
              @input=${(event: Event) => (this.rejectionDraft = { ...draft, subject: (event.target as HTMLInputElement).value })}
            />
          </label>
          <label class="field">
            <span>${t.rejectionBody}</span>
            <textarea
              name="body"
              rows="8"
              maxlength="10000"
              .value=${draft.body}
              @input=${(event: Event) => (this.rejectionDraft = { ...this.rejectionDraft!, body: (event.target as HTMLTextAreaElement).value })}
            ></textarea>
          </label>
          <span class="form-actions">
            <button type="button" part="button" ?disabled=${busy} @click=${() => this.saveRejection(false)}>${saving ? t.rejectionSaving : t.rejectionSave}</button>
            <button type="submit" class="primary" part="button" ?disabled=${busy}>${releasing ? t.rejectionReleasing : t.rejectionRelease}</button>
          </span>
        </form>`;
    }
    return html`
      <section class="rejection" part="section" aria-labelledby="rejection-heading">
        ${this.heading('rejection-heading', t.rejectionHeading)} ${body} ${this.feedback('rejectionSave')} ${this.feedback('rejectionRelease')}
      </section>
    `;
  }

  private renderLegal(detail: LeadDetailView) {
    const t = this.t;
    const hold = this.lifecycle?.legalHold;
    const pending = this.pending('legalHold');
    const exporting = this.pending('export');
    return html`
      <section class="legal" part="section" aria-labelledby="legal-heading">
        ${this.heading('legal-heading', t.legalHeading)}
        ${
          !detail.contactVisible
            ? html`<p class="muted">${t.legalOnlyLetting}</p>`
            : html`
              ${
                hold
                  ? html`<p class="hold" part="notice">${t.legalHoldActive(hold.reason, this.date(hold.since))}</p>
                    <button type="button" part="button" ?disabled=${pending} aria-busy=${pending ? 'true' : 'false'} @click=${() => this.setHold(false)}>
                      ${pending ? t.legalHoldPending : t.legalHoldClear}
                    </button>`
                  : html`<p class="muted">${t.legalHoldNone}</p>
                    <form class="hold-form" aria-labelledby="legal-heading" aria-busy=${pending ? 'true' : 'false'} @submit=${(
                      event: Event,
                    ) => {
                      event.preventDefault();
                      void this.setHold(true);
                    }}>
                      <label class="field">
                        <span>${t.legalHoldReason}</span>
                        <input
                          type="text"
                          name="reason"
                          maxlength="500"
                          aria-describedby="hold-hint"
                          .value=${this.holdReason}
                          @input=${(event: Event) => (this.holdReason = (event.target as HTMLInputElement).value)}
                        />
                        <span id="hold-hint" class="hint">${t.legalHoldReasonHint}</span>
                      </label>
                      <button type="submit" part="button" ?disabled=${pending}>${pending ? t.legalHoldPending : t.legalHoldSet}</button>
                    </form>`
              }
              ${this.feedback('legalHold')}
              <button type="button" class="export" part="button" ?disabled=${exporting} aria-busy=${exporting ? 'true' : 'false'} @click=${() => this.exportDecisions()}>
                ${exporting ? t.exportPending : t.exportButton}
              </button>
              ${this.feedback('export')}
            `
        }
      </section>
    `;
  }

  private renderTrail(detail: LeadDetailView) {
    const t = this.t;
    return html`
      <section class="trail" part="section" aria-labelledby="events-heading">
        ${this.heading('events-heading', t.eventsHeading)}
        <ol class="events">
          ${detail.events.map(
            (event) => html`<li>
              <span class="when">${this.date(event.at)}</span>
              <span
                >${t.eventLabels[event.kind]}${event.from && event.to ? html`: ${t.eventMove(t.columnLabels[event.from], t.columnLabels[event.to])}` : nothing}
                ${t.eventBy(event.actor.name)}</span
              >
              ${event.reason ? html`<span class="reason">${event.reason}</span>` : nothing}
            </li>`,
          )}
        </ol>
        ${
          this.accessLog
            ? html`${this.heading('access-heading', t.accessLogHeading)}
              ${
                this.accessLog.length
                  ? html`<ol class="access-log">
                    ${this.accessLog.map((entry) => html`<li><span class="when">${this.date(entry.at)}</span> ${t.accessEntry(entry.account.label, entry.fields, entry.via)}</li>`)}
                  </ol>`
                  : html`<p class="muted">${t.accessLogEmpty}</p>`
              }`
            : nothing
        }
      </section>
    `;
  }
}

/** The card of a lead's detail (what the board shows). */
function cardOf(detail: LeadDetailView): LeadCard {
  const {
    message: _message,
    petsNote: _petsNote,
    commission: _commission,
    sentAt: _sentAt,
    externalId: _externalId,
    phone: _phone,
    address: _address,
    ...card
  } = detail.lead;
  return card;
}

const oldestFirst = (a: LeadMessage, b: LeadMessage) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id);

function asApiError(error: unknown): ApiError {
  return error instanceof ApiError ? error : new ApiError(0, 'unexpected', '');
}

/** A name as part of a file name: letters, digits and dashes. */
function fileSafe(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-|-$/g, '')
    .toLowerCase();
}

/** Hands a file to the browser's downloads. */
function saveFile(name: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

defineElement('lead-detail', LeadDetail);

declare global {
  interface HTMLElementTagNameMap {
    'lead-detail': LeadDetail;
  }
}
