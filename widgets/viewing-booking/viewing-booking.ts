import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { errorText, intlLocale } from '../internal/localize.ts';
import { ViewingBookingApi, type PublicViewingSlot, type ViewingBookingState } from '../internal/viewing-booking-api.ts';
import { ViewingBookingChangedEvent } from '../events/viewing-booking-changed.ts';
import { viewingTexts } from './viewing-texts.ts';
import { viewingBookingStyles } from './viewing-booking.styles.ts';
import '../internal/staff-errors.ts';

/** The codes that mean the link itself no longer works: no retry, no slots, only what to do. */
const LINK_CODES = new Set(['link_missing', 'link_invalid', 'link_wrong_purpose', 'link_expired', 'link_revoked', 'link_used']);

/** The token of the page's address: `#token=…` (how the invitation mail links), else `?token=…`. */
function tokenFromLocation(): string | undefined {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  return fromHash ?? new URLSearchParams(location.search).get('token') ?? undefined;
}

/**
 * The public page an invited person reaches through the signed link of the invitation mail: no account, no
 * sign-in. It shows the flat's address and the offered viewing slots with their free places; the person books a
 * slot, moves the booking to another, joins a full slot's waitlist, cancels, and downloads the appointment as an
 * ICS file. A link that expired, was revoked, used or altered says so in words, without offering anything.
 *
 * @tagname viewing-booking
 * @summary Self-service booking of a viewing through a signed link.
 *
 * @event mp-viewing-booking-changed - After a booking, a move, joining a waitlist or a cancellation (`detail.booking`, null when cancelled).
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading.
 * @csspart listing - The flat: title and address.
 * @csspart own - The person's appointment or waitlist place, with its actions.
 * @csspart calendar - The ICS download button.
 * @csspart cancel - The cancel button.
 * @csspart slots - The list of offered slots.
 * @csspart slot - One slot.
 * @csspart book - A slot's book, move or waitlist button.
 * @csspart status - The polite status line (what just happened).
 * @csspart alert - An error.
 *
 * @cssproperty --mp-color-primary - Buttons and the own appointment's frame.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Card background.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors and "ausgebucht".
 * @cssproperty --mp-color-success - The status line.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class ViewingBooking extends PortalElement {
  static override styles = [PortalElement.styles, viewingBookingStyles];

  /** The signed link's token; by default read from the page's address (`#token=…` or `?token=…`). */
  @property() token?: string;
  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;
  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;
  /** Level of the heading (2 by default). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private view?: ViewingBookingState;
  @state() private loadState: 'loading' | 'loaded' | 'failed' = 'loading';
  /** A refusal of the link itself (expired, revoked, …): the page shows only it. */
  @state() private linkError = '';
  @state() private failure = '';
  @state() private announcement = '';
  @state() private busy = false;
  /** A slot that was full when asked: its button offers the waitlist. */
  @state() private fullSlotId?: string;

  private readonly viewingTexts = new AreaTexts(this, viewingTexts);
  private api_?: ViewingBookingApi;

  private get words() {
    return this.viewingTexts.texts;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.viewingTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private bookingApi(): ViewingBookingApi {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    const token = this.token ?? tokenFromLocation() ?? '';
    if (!this.api_ || this.api_.client !== client) this.api_ = new ViewingBookingApi(client, token);
    return this.api_;
  }

  private fail(error: unknown): void {
    if (error instanceof ApiError && LINK_CODES.has(error.code)) {
      this.linkError = errorText(this.msg, error);
      return;
    }
    this.failure = errorText(this.msg, error);
  }

  /** Loads (again) what the link shows. */
  async load(): Promise<void> {
    this.loadState = 'loading';
    this.failure = '';
    try {
      this.view = await this.bookingApi().state();
      this.loadState = 'loaded';
    } catch (error) {
      this.fail(error);
      this.loadState = 'failed';
    }
  }

  /** Runs one change of the booking; the error it failed with, if any (already shown). */
  private async change(action: () => Promise<ViewingBookingState>, done: (next: ViewingBookingState) => string): Promise<unknown> {
    if (this.busy) return undefined;
    this.busy = true;
    this.failure = '';
    this.announcement = '';
    try {
      const next = await action();
      this.view = next;
      this.fullSlotId = undefined;
      this.announcement = done(next);
      this.dispatchEvent(new ViewingBookingChangedEvent({ booking: next.booking }));
      return undefined;
    } catch (error) {
      this.fail(error);
      return error;
    } finally {
      this.busy = false;
    }
  }

  private async book(slot: PublicViewingSlot): Promise<void> {
    const moving = Boolean(this.view?.booking);
    const waitlist = slot.free === 0 || this.fullSlotId === slot.id;
    const error = await this.change(
      () => this.bookingApi().book({ slotId: slot.id, waitlist }),
      (next) => (next.booking?.status === 'waitlisted' ? this.words.waitlisted : moving ? this.words.moved : this.words.booked),
    );
    if (error instanceof ApiError && error.code === 'slot_full') {
      // Someone else took the last place meanwhile: offer the waitlist and show the fresh numbers.
      this.fullSlotId = slot.id;
      this.failure = this.words.fullNow;
      try {
        this.view = await this.bookingApi().state();
      } catch {
        // The refusal already says what to do; the old numbers stay.
      }
    }
  }

  private async cancel(): Promise<void> {
    await this.change(
      () => this.bookingApi().cancel(),
      () => this.words.cancelled,
    );
  }

  private async downloadCalendar(): Promise<void> {
    this.failure = '';
    try {
      const calendar = await this.bookingApi().calendar();
      const url = URL.createObjectURL(new Blob([calendar], { type: 'text/calendar' }));
      const anchor = document.createElement('a');
      anchor.href = url;
      anchor.download = 'besichtigung.ics';
      anchor.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      this.announcement = this.words.calendarSaved;
    } catch (error) {
      this.fail(error);
    }
  }

  private when(iso: string): string {
    return new Date(iso).toLocaleString(intlLocale(this.locale), {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZone: 'Europe/Berlin',
    });
  }

  private time(iso: string): string {
    return new Date(iso).toLocaleTimeString(intlLocale(this.locale), { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/Berlin' });
  }

  private heading(text: string): TemplateResult {
    const level = Math.min(Math.max(this.headingLevel, 1), 5);
    switch (level) {
      case 1:
        return html`<h1 part="heading">${text}</h1>`;
      case 3:
        return html`<h3 part="heading">${text}</h3>`;
      case 4:
        return html`<h4 part="heading">${text}</h4>`;
      case 5:
        return html`<h5 part="heading">${text}</h5>`;
      default:
        return html`<h2 part="heading">${text}</h2>`;
    }
  }

  override render(): TemplateResult {
    const t = this.words;
    return html`<section part="base" class="base" aria-busy=${this.loadState === 'loading' || this.busy ? 'true' : 'false'}>
      ${this.heading(t.heading)} ${this.renderBody()}
      <p part="status" class="status" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderBody(): TemplateResult | typeof nothing {
    const t = this.words;
    if (this.linkError) {
      return html`<div part="alert" role="alert"><strong>${t.linkProblem}</strong><p>${this.linkError}</p></div>`;
    }
    if (this.loadState === 'loading' && !this.view) return html`<p class="muted">${t.loading}</p>`;
    if (!this.view) {
      return html`<div part="alert" role="alert"><p>${this.failure}</p></div>
        <div class="actions"><button type="button" @click=${() => this.load()}>${t.retry}</button></div>`;
    }
    const view = this.view;
    const { address } = view.listing;
    return html`
      <p>${t.greeting(view.invitee.name)} ${t.intro(view.company.name)}</p>
      <div part="listing" class="listing">
        <strong>${view.listing.title}</strong>
        <span><span class="muted">${t.address}:</span> ${`${address.street}, ${address.postalCode} ${address.city}`}</span>
      </div>
      ${this.renderOwn(view)}
      ${this.failure ? html`<div part="alert" role="alert"><p>${this.failure}</p></div>` : nothing}
      <h3>${t.slotsHeading}</h3>
      ${
        view.slots.length
          ? html`<ul part="slots">
            ${view.slots.map((slot) => this.renderSlot(slot, view))}
          </ul>`
          : html`<p class="muted">${t.noSlots}</p>`
      }
      <p class="muted">${t.linkValidUntil(new Date(view.linkExpiresAt).toLocaleString(intlLocale(this.locale), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' }))}</p>
    `;
  }

  private renderOwn(view: ViewingBookingState): TemplateResult | typeof nothing {
    const booking = view.booking;
    if (!booking) return nothing;
    const t = this.words;
    const booked = booking.status === 'booked';
    return html`<div part="own" class="own">
      <strong>${booked ? t.yourViewing : t.yourWaitlist}</strong>
      <span>${this.when(booking.startsAt)}–${this.time(booking.endsAt)}</span>
      ${booking.note ? html`<span>${booking.note}</span>` : nothing}
      ${booking.waitlistPosition ? html`<span>${t.waitlistPosition(booking.waitlistPosition)}</span>` : nothing}
      ${booking.lockGrant ? html`<span>${t.lockAccess(this.time(booking.lockGrant.from), this.time(booking.lockGrant.until))}</span>` : nothing}
      <div class="actions">
        ${
          booked
            ? html`<button type="button" part="calendar" class="secondary" @click=${() => this.downloadCalendar()}>${t.downloadCalendar}</button>`
            : nothing
        }
        <button type="button" part="cancel" class="secondary" ?disabled=${this.busy} @click=${() => this.cancel()}>
          ${booked ? t.cancel : t.leaveWaitlist}
        </button>
      </div>
    </div>`;
  }

  private renderSlot(slot: PublicViewingSlot, view: ViewingBookingState): TemplateResult {
    const t = this.words;
    const own = view.booking?.slotId === slot.id;
    const full = slot.free === 0 || this.fullSlotId === slot.id;
    const when = this.when(slot.startsAt);
    const action = full ? t.joinWaitlist : view.booking ? t.move : t.book;
    return html`<li part="slot" class="slot">
      <div class="slot-head">
        <span>${when}–${this.time(slot.endsAt)}</span>
        ${own ? html`<span class="badge">${t.ownSlot}</span>` : nothing}
      </div>
      <span class="muted">${t.minutes(slot.durationMinutes)}</span>
      ${slot.note ? html`<span>${slot.note}</span>` : nothing}
      <span class="places ${full ? 'full' : ''}">
        ${full ? t.full : t.freePlaces(slot.free)}${slot.waitlisted ? html` · ${t.waiting(slot.waitlisted)}` : nothing}
      </span>
      ${
        own
          ? nothing
          : html`<div class="actions">
            <button type="button" part="book" aria-label=${`${action}: ${when}`} ?disabled=${this.busy} @click=${() => this.book(slot)}>
              ${action}
            </button>
          </div>`
      }
    </li>`;
  }
}

defineElement('viewing-booking', ViewingBooking);

declare global {
  interface HTMLElementTagNameMap {
    'viewing-booking': ViewingBooking;
  }
}
