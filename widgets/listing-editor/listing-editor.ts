import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defineElement, PortalElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { errorText, fieldErrorText, intlLocale, type Locale } from '../internal/localize.ts';
import { staffViewStyles } from '../internal/staff-view.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import type { FieldError } from '../../bff/contract/errors.ts';
import {
  ListingsApi,
  type Listing,
  type ListingChange,
  type ListingInput,
  type ListingUnit,
  type ViewingSlot,
} from '../internal/listings-api.ts';
import { listingTexts } from './listing-texts.ts';
import { listingEditorStyles } from './listing-editor.styles.ts';
import '../internal/staff-errors.ts';

type ListingKey = keyof ListingInput;
type TextKey = Exclude<ListingKey, 'portalIds'>;
type PortalRow = { provider: string; providerListingId: string };
/** The form's values as typed (numbers too, so "2,5" and an emptied field stay as they are); portal ids row by row. */
type Draft = Record<TextKey, string> & { portalIds: PortalRow[] };

const numberFields = ['rooms', 'livingArea', 'coldRent', 'serviceCharges'] as const;
const isNumberField = (key: string): key is (typeof numberFields)[number] => (numberFields as readonly string[]).includes(key);
/** The contract's limit (bff/contract/leads.ts), so "add" stops where the BFF would refuse. */
const MAX_PORTAL_IDS = 20;
/** The portals clerks name most; any other provider slug may be typed. */
const knownProviders = ['immoscout24', 'immowelt', 'openimmo', 'estatesync', 'kleinanzeigen'];
const TIME_ZONE = 'Europe/Berlin';

const emptyDraft = (): Draft => ({
  unitId: '',
  title: '',
  rooms: '',
  livingArea: '',
  coldRent: '',
  serviceCharges: '',
  availableFrom: '',
  commission: '',
  status: 'aktiv',
  portalIds: [],
});

/** "2.5" → "2,5" in German: the form shows numbers the way the clerk types them. */
const numberText = (value: number, locale: Locale) => (locale === 'de' ? String(value).replace('.', ',') : String(value));

function draftOf(listing: Listing, locale: Locale): Draft {
  return {
    unitId: listing.unit.id,
    title: listing.title,
    rooms: numberText(listing.rooms, locale),
    livingArea: numberText(listing.livingArea, locale),
    coldRent: numberText(listing.coldRent, locale),
    serviceCharges: numberText(listing.serviceCharges, locale),
    availableFrom: listing.availableFrom ?? '',
    commission: listing.commission,
    status: listing.status,
    portalIds: listing.portalIds.map((row) => ({ ...row })),
  };
}

/** "2,5" and "2.5" are the same number; empty is `null`, which the BFF refuses in its own words. */
function parseNumber(value: string): number | null {
  const trimmed = value.trim().replace(/\s/g, '');
  if (trimmed === '') return null;
  return Number(trimmed.replace(',', '.'));
}

/** A field's value as the BFF takes it. */
function wireValue(key: ListingKey, draft: Draft): unknown {
  if (key === 'portalIds')
    return draft.portalIds.map((row) => ({ provider: row.provider.trim(), providerListingId: row.providerListingId.trim() }));
  const value = draft[key];
  if (isNumberField(key)) return parseNumber(value);
  if (key === 'availableFrom') return value === '' ? null : value;
  if (key === 'title' || key === 'commission') return value.trim();
  return value;
}

function inputOf(draft: Draft): ListingInput {
  return Object.fromEntries((Object.keys(draft) as ListingKey[]).map((key) => [key, wireValue(key, draft)])) as ListingInput;
}

/** The fields whose value differs from the saved listing: only these are sent. */
function changesOf(draft: Draft, saved: Listing): ListingChange {
  const savedValues: Record<ListingKey, unknown> = {
    unitId: saved.unit.id,
    title: saved.title,
    rooms: saved.rooms,
    livingArea: saved.livingArea,
    coldRent: saved.coldRent,
    serviceCharges: saved.serviceCharges,
    availableFrom: saved.availableFrom,
    commission: saved.commission,
    status: saved.status,
    portalIds: saved.portalIds,
  };
  const change: Record<string, unknown> = {};
  for (const key of Object.keys(draft) as ListingKey[]) {
    const value = wireValue(key, draft);
    if (JSON.stringify(value) !== JSON.stringify(savedValues[key])) change[key] = value;
  }
  return change;
}

/** A wall-clock time in Berlin (where the flats are) as an instant with its offset, whatever the clerk's device says. */
export function berlinInstant(date: string, time: string): string {
  const [year, month, day] = date.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wanted = Date.UTC(year, month - 1, day, hour, minute);
  const offsetAt = (instant: number) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', {
        timeZone: TIME_ZONE,
        hourCycle: 'h23',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
      })
        .formatToParts(new Date(instant))
        .map((part) => [part.type, part.value]),
    );
    return Date.UTC(+parts.year, +parts.month - 1, +parts.day, +parts.hour, +parts.minute) - instant;
  };
  const first = wanted - offsetAt(wanted);
  return new Date(wanted - offsetAt(first)).toISOString();
}

interface SlotDraft {
  date: string;
  time: string;
  durationMinutes: string;
  capacity: string;
  note: string;
}
const emptySlotDraft = (): SlotDraft => ({ date: '', time: '', durationMinutes: '30', capacity: '1', note: '' });

interface ControlOptions {
  type?: 'text' | 'date' | 'time' | 'number';
  decimal?: boolean;
  hint?: string;
  required?: boolean;
  multiline?: boolean;
  list?: string;
  min?: number;
  max?: number;
}

/**
 * The housing company's listings (Inserate) for its clerks (docs/leads.md): the list with status and number of
 * leads, a form to create and edit one — unit, title, rooms, living area, cold rent, service charges, available
 * from, the commission (Provision, required: it is carried into each lead and the contract draft), status and the
 * listing's id on each portal, through which a portal's enquiry finds it — and, per listing, the viewing slots
 * clerks offer (with places for group viewings), their bookings and waitlist. Saving an edit sends only the changed
 * fields; the BFF's message for a wrong value appears at its field, and what was typed stays until it is saved.
 *
 * It is "Inserate" under "Vermietung" in `<staff-portal>`, which imports it when first opened.
 *
 * @tagname listing-editor
 * @summary The clerks' listings with their portal ids and viewing slots.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not shown with `embedded`).
 * @csspart loading - The text shown while the listings load.
 * @csspart alert - An error: loading failed, not signed in, the summary of wrong fields.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart list - The list of listings.
 * @csspart listing - One listing in the list.
 * @csspart status - A listing's status badge ("aktiv", "vermietet").
 * @csspart create - The "Neues Inserat" button.
 * @csspart form - The listing form.
 * @csspart field - A label, control, hint and error group.
 * @csspart label - A field label.
 * @csspart input - An input or select.
 * @csspart hint - A field hint.
 * @csspart field-error - The BFF's message for a wrong value, under its field.
 * @csspart row - One portal id row.
 * @csspart add - "Portal hinzufügen".
 * @csspart remove - The "Entfernen" button of a row.
 * @csspart save - The "Speichern" / "Inserat anlegen" button.
 * @csspart notice - "Gespeichert." and other confirmations.
 * @csspart slots - The viewing slots of the listing being edited.
 * @csspart slot-form - The form to offer a slot.
 *
 * @cssproperty --mp-color-primary - Buttons and accents.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Background of inputs and rows.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors and wrong fields.
 * @cssproperty --mp-color-success - "Gespeichert", the "aktiv" badge.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class ListingEditorElement extends PortalElement {
  static override styles = [PortalElement.styles, staffViewStyles, listingEditorStyles];
  /** Staff work in German or English; any other page language shows German. */
  static override languages: readonly Locale[] = ['de', 'en'];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** Level of the element's heading ("Inserate", or the portal's with `embedded`); the form's is one level deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Inside `<staff-portal>`: the portal's heading names the listings, the element shows no heading of its own. */
  @property({ type: Boolean }) embedded = false;

  @state() private loadState: 'loading' | 'ready' | 'signed-out' | 'forbidden' | 'error' = 'loading';
  @state() private loadError?: unknown;
  @state() private listings: Listing[] = [];
  @state() private nextCursor: string | null = null;
  @state() private loadingMore = false;
  @state() private units?: ListingUnit[];
  @state() private unitsFailed = false;
  /** What the form shows: nothing (the list), a new listing, or the listing being edited (as saved last). */
  @state() private editing: 'new' | Listing | null = null;
  @state() private draft: Draft = emptyDraft();
  @state() private saving = false;
  /** The BFF's message per field path (`portalIds.0.provider`) from the last save; one goes when its field is edited. */
  @state() private fieldErrors: Record<string, string> = {};
  @state() private formError = '';
  @state() private notice = '';

  @state() private slotsState: 'loading' | 'ready' | 'error' = 'loading';
  @state() private slots: ViewingSlot[] = [];
  @state() private slotDraft: SlotDraft = emptySlotDraft();
  @state() private slotErrors: Record<string, string> = {};
  @state() private slotFormError = '';
  @state() private slotNotice = '';
  @state() private offering = false;
  @state() private cancelling = '';

  private readonly listingTexts = new AreaTexts(this, listingTexts);
  private loadRequest = 0;
  private slotsRequest = 0;
  private loaded = false;

  /** The element's own texts (`msg` has the shared ones). */
  private get listingMsg() {
    return this.listingTexts.texts;
  }

  /** @internal The element's client (`client`, else the one for `api`), speaking the element's language. */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  private get listingsApi(): ListingsApi {
    return new ListingsApi(this.apiClient);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addEventListener('mp-signed-in', this.onSignedIn);
    addEventListener('mp-signed-out', this.onSignedOut);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    removeEventListener('mp-signed-in', this.onSignedIn);
    removeEventListener('mp-signed-out', this.onSignedOut);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.listingTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.loaded || changed.has('client') || changed.has('api')) {
      this.loaded = true;
      void this.load();
    }
  }

  private readonly onSignedIn = () => void this.load();

  /** Signed out (here or in a portal on the page): nothing of the company stays on screen. */
  private readonly onSignedOut = () => {
    this.loadRequest++;
    this.slotsRequest++;
    this.listings = [];
    this.units = undefined;
    this.editing = null;
    this.draft = emptyDraft();
    this.slots = [];
    this.loadState = 'signed-out';
  };

  /** Reads the listings and, beside them, the units the form offers. */
  private async load(): Promise<void> {
    const request = ++this.loadRequest;
    this.loadState = 'loading';
    void this.loadUnits(request);
    try {
      const page = await this.listingsApi.listings();
      if (request !== this.loadRequest) return;
      this.listings = page.items;
      this.nextCursor = page.nextCursor;
      this.loadState = 'ready';
    } catch (error) {
      if (request !== this.loadRequest) return;
      const status = error instanceof ApiError ? error.status : 0;
      this.loadState = status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'error';
      this.loadError = error;
    }
  }

  private async loadUnits(request = this.loadRequest): Promise<void> {
    this.unitsFailed = false;
    try {
      const units = await this.listingsApi.units();
      if (request === this.loadRequest) this.units = units;
    } catch {
      if (request === this.loadRequest) this.unitsFailed = true;
    }
  }

  private async loadMore(): Promise<void> {
    if (!this.nextCursor || this.loadingMore) return;
    const request = this.loadRequest;
    this.loadingMore = true;
    try {
      const page = await this.listingsApi.listings(this.nextCursor);
      if (request !== this.loadRequest) return;
      const known = new Set(this.listings.map((listing) => listing.id));
      this.listings = [...this.listings, ...page.items.filter((listing) => !known.has(listing.id))];
      this.nextCursor = page.nextCursor;
    } catch (error) {
      this.formError = errorText(this.msg, error);
    } finally {
      this.loadingMore = false;
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Opening the form

  private openNew(): void {
    this.editing = 'new';
    this.draft = emptyDraft();
    this.resetFormMessages();
    this.focusSoon('#form-heading');
  }

  private openEdit(listing: Listing): void {
    this.editing = listing;
    this.draft = draftOf(listing, this.locale);
    this.resetFormMessages();
    this.slotDraft = emptySlotDraft();
    this.slotErrors = {};
    this.slotFormError = '';
    this.slotNotice = '';
    void this.loadSlots(listing.id);
    this.focusSoon('#form-heading');
  }

  private closeForm(): void {
    const edited = this.editing;
    this.editing = null;
    this.slotsRequest++;
    this.resetFormMessages();
    this.focusSoon(edited && edited !== 'new' ? `#edit-${edited.id}` : '#create');
  }

  private resetFormMessages(): void {
    this.fieldErrors = {};
    this.formError = '';
    this.notice = '';
  }

  private focusSoon(selector: string): void {
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(selector)?.focus());
  }

  // -------------------------------------------------------------------------------------------------
  // Saving

  /** Creates the listing or sends the changed fields. On failure the form keeps everything typed and shows the BFF's words at the fields. */
  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const editing = this.editing;
    if (this.saving || !editing) return;
    const sent = this.draft;
    this.notice = '';
    this.formError = '';
    const change = editing === 'new' ? undefined : changesOf(sent, editing);
    if (change && !Object.keys(change).length) {
      this.notice = this.listingMsg.nothingToSave;
      return;
    }
    this.saving = true;
    try {
      const listing =
        change && editing !== 'new' ? await this.listingsApi.update(editing.id, change) : await this.listingsApi.create(inputOf(sent));
      this.listings =
        editing === 'new' ? [listing, ...this.listings] : this.listings.map((known) => (known.id === listing.id ? listing : known));
      const saved = draftOf(listing, this.locale);
      // A field edited while the answer was on its way keeps the edit; the others show what was stored.
      const draft = { ...this.draft } as Record<ListingKey, unknown>;
      for (const key of Object.keys(saved) as ListingKey[]) if (this.draft[key] === sent[key]) draft[key] = saved[key];
      this.draft = draft as Draft;
      this.fieldErrors = {};
      if (editing === 'new') {
        this.editing = listing;
        this.notice = this.listingMsg.created;
        this.slots = [];
        void this.loadSlots(listing.id);
        void this.loadUnits();
      } else {
        this.editing = listing;
        this.notice = this.listingMsg.saved;
      }
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      this.fieldErrors = Object.fromEntries(Object.entries(fields).map(([path, field]) => [path, this.fieldErrorText(field)]));
      const shown = Object.keys(this.fieldErrors).filter((path) => path !== '').length;
      this.formError = shown ? this.msg.fieldErrorsSummary(shown) : (this.fieldErrors[''] ?? errorText(this.msg, error));
    } finally {
      this.saving = false;
    }
    if (this.formError) await this.focusFirstError('#form-alert');
  };

  /**
   * The contract's messages are German and name each field's own rule ("in halben Schritten"): German shows them as
   * they are, except a missing commission, which says why it is needed; English phrases the issue from its code.
   */
  private fieldErrorText(field: FieldError): string {
    const key = field.path.split('.')[0];
    if (key === 'commission' && (field.code === 'too_small' || field.code === 'invalid_type')) return this.listingMsg.commissionRequired;
    if (this.locale === 'de' && field.message) return field.message;
    if (isNumberField(key) && field.code === 'invalid_type') return this.listingMsg.notANumber;
    return fieldErrorText(this.msg, field);
  }

  private async focusFirstError(alert: string, within = 'form'): Promise<void> {
    await this.updateComplete;
    const invalid = this.renderRoot.querySelector<HTMLElement>(`${within} [aria-invalid="true"]`);
    (invalid ?? this.renderRoot.querySelector<HTMLElement>(alert))?.focus();
  }

  // -------------------------------------------------------------------------------------------------
  // Editing

  private edited(path: string): void {
    this.notice = '';
    if (!(path in this.fieldErrors)) return;
    const { [path]: _gone, ...rest } = this.fieldErrors;
    this.fieldErrors = rest;
  }

  private setText(key: TextKey, value: string): void {
    this.draft = { ...this.draft, [key]: value };
    this.edited(key);
  }

  private setRow(index: number, part: keyof PortalRow, value: string): void {
    const rows = this.draft.portalIds.map((row, at) => (at === index ? { ...row, [part]: value } : row));
    this.draft = { ...this.draft, portalIds: rows };
    this.edited(`portalIds.${index}.${part}`);
  }

  /** Rows move when one is added or removed: the list's messages from the last save no longer fit them. */
  private setRows(rows: PortalRow[], focus: string): void {
    this.draft = { ...this.draft, portalIds: rows };
    this.notice = '';
    this.fieldErrors = Object.fromEntries(Object.entries(this.fieldErrors).filter(([path]) => !path.startsWith('portalIds')));
    this.focusSoon(focus);
  }

  private addRow(): void {
    const rows = this.draft.portalIds;
    if (rows.length >= MAX_PORTAL_IDS) return;
    this.setRows([...rows, { provider: '', providerListingId: '' }], `#portalIds-${rows.length}-provider`);
  }

  private removeRow(index: number): void {
    const rows = this.draft.portalIds.filter((_, at) => at !== index);
    const next = Math.min(index, rows.length - 1);
    this.setRows(rows, next >= 0 ? `#portalIds-${next}-provider` : '#portalIds-add');
  }

  // -------------------------------------------------------------------------------------------------
  // Viewing slots

  private async loadSlots(listingId: string): Promise<void> {
    const request = ++this.slotsRequest;
    this.slotsState = 'loading';
    try {
      const slots = await this.listingsApi.slots(listingId);
      if (request !== this.slotsRequest) return;
      this.slots = slots;
      this.slotsState = 'ready';
    } catch {
      if (request === this.slotsRequest) this.slotsState = 'error';
    }
  }

  private setSlot(key: keyof SlotDraft, value: string): void {
    this.slotDraft = { ...this.slotDraft, [key]: value };
    this.slotNotice = '';
    const path = key === 'date' || key === 'time' ? 'startsAt' : key;
    if (path in this.slotErrors) {
      const { [path]: _gone, ...rest } = this.slotErrors;
      this.slotErrors = rest;
    }
  }

  private readonly offerSlot = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const listing = this.editing;
    if (this.offering || !listing || listing === 'new') return;
    const slot = this.slotDraft;
    this.slotNotice = '';
    this.slotFormError = '';
    if (!slot.date || !slot.time) {
      this.slotErrors = { startsAt: this.listingMsg.slotDateMissing };
      this.slotFormError = this.msg.fieldErrorsSummary(1);
      await this.focusFirstError('#slot-alert', '.slot-form');
      return;
    }
    this.offering = true;
    try {
      const offered = await this.listingsApi.offerSlot(listing.id, {
        startsAt: berlinInstant(slot.date, slot.time),
        durationMinutes: parseNumber(slot.durationMinutes) as number,
        capacity: parseNumber(slot.capacity) as number,
        note: slot.note.trim(),
      });
      this.slots = [...this.slots, offered].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      this.slotDraft = { ...emptySlotDraft(), durationMinutes: slot.durationMinutes, capacity: slot.capacity };
      this.slotErrors = {};
      this.slotNotice = this.listingMsg.slotOffered;
    } catch (error) {
      const fields = error instanceof ApiError ? error.fields : {};
      this.slotErrors = Object.fromEntries(
        Object.entries(fields).map(([path, field]) => [
          path,
          this.locale === 'de' && field.message ? field.message : fieldErrorText(this.msg, field),
        ]),
      );
      const shown = Object.keys(this.slotErrors).filter((path) => path !== '').length;
      this.slotFormError = shown ? this.msg.fieldErrorsSummary(shown) : errorText(this.msg, error);
    } finally {
      this.offering = false;
    }
    if (this.slotFormError) await this.focusFirstError('#slot-alert', '.slot-form');
  };

  private async cancelSlot(slot: ViewingSlot): Promise<void> {
    if (this.cancelling) return;
    this.cancelling = slot.id;
    this.slotNotice = '';
    this.slotFormError = '';
    try {
      await this.listingsApi.cancelSlot(slot.id);
      this.slots = this.slots.filter((known) => known.id !== slot.id);
      this.slotNotice = this.listingMsg.slotCancelled;
      this.focusSoon('#slots-heading');
    } catch (error) {
      this.slotFormError = errorText(this.msg, error);
    } finally {
      this.cancelling = '';
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Rendering

  private get level(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 5);
  }

  private number(value: number, options: Intl.NumberFormatOptions = {}): string {
    return new Intl.NumberFormat(intlLocale(this.locale), options).format(value);
  }

  private euros(value: number): string {
    return this.number(value, { style: 'currency', currency: 'EUR' });
  }

  private date(iso: string): string {
    return new Intl.DateTimeFormat(intlLocale(this.locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${iso}T00:00:00Z`));
  }

  override render() {
    return html`
      <section class="listings" part="base" aria-labelledby=${ifDefined(this.embedded ? undefined : 'listings-heading')}>
        ${
          this.embedded
            ? nothing
            : html`<div class="title" id="listings-heading" part="heading" role="heading" aria-level=${this.level}>${this.listingMsg.heading}</div>`
        }
        ${this.renderBody()}
      </section>
    `;
  }

  private renderBody(): TemplateResult {
    const texts = this.listingMsg;
    switch (this.loadState) {
      case 'loading':
        return html`<p class="muted" part="loading" role="status">${this.msg.loading}</p>`;
      case 'signed-out':
        return html`<p class="alert" part="alert">${texts.signInFirst}</p>`;
      case 'forbidden':
        return html`<p class="alert" part="alert">${texts.staffOnly}</p>`;
      case 'error':
        return html`
          <div class="alert" part="alert" role="alert">
            <p>${texts.loadFailed} ${errorText(this.msg, this.loadError)}</p>
            <button type="button" part="retry" @click=${() => this.load()}>${this.msg.retry}</button>
          </div>
        `;
    }
    return this.editing ? this.renderEditor(this.editing) : this.renderList();
  }

  private renderList(): TemplateResult {
    const texts = this.listingMsg;
    return html`
      <p class="muted">${texts.intro}</p>
      <button type="button" id="create" class="primary" part="create" @click=${() => this.openNew()}>${texts.create}</button>
      <div class="alert" part="alert" role="alert">${this.formError}</div>
      ${
        this.listings.length
          ? html`<ul class="list" part="list" aria-label=${texts.listLabel}>
              ${this.listings.map((listing) => this.renderListing(listing))}
            </ul>`
          : html`<p class="empty muted">${texts.empty}</p>`
      }
      ${
        this.nextCursor
          ? html`<button type="button" aria-busy=${this.loadingMore ? 'true' : 'false'} @click=${() => this.loadMore()}>${texts.loadMore}</button>`
          : nothing
      }
    `;
  }

  private renderListing(listing: Listing): TemplateResult {
    const texts = this.listingMsg;
    const { street, postalCode, city } = listing.address;
    const facts = texts.facts(this.number(listing.rooms), this.number(listing.livingArea), this.euros(listing.coldRent));
    return html`
      <li class="listing" part="listing">
        <div class="listing-main">
          <div class="listing-title" role="heading" aria-level=${this.level + 1}>${listing.title}</div>
          <p class="muted">${`${street}, ${postalCode} ${city} · ${listing.unit.label}`}</p>
          <p>
            ${facts}${listing.availableFrom ? html` · ${texts.availableFrom(this.date(listing.availableFrom))}` : nothing}
          </p>
          ${
            listing.portalIds.length
              ? html`<p class="muted">${`${texts.portalIdsShort}: ${listing.portalIds.map((row) => `${row.provider} ${row.providerListingId}`).join(', ')}`}</p>`
              : nothing
          }
        </div>
        <div class="listing-side">
          <span class="badge ${listing.status}" part="status">${texts.statusLabels[listing.status]}</span>
          <span class="count">${texts.leadCount(listing.leadCount)}</span>
          <button type="button" id="edit-${listing.id}" aria-label=${texts.editListing(listing.title)} @click=${() => this.openEdit(listing)}>
            ${texts.edit}
          </button>
        </div>
      </li>
    `;
  }

  private renderEditor(editing: 'new' | Listing): TemplateResult {
    const texts = this.listingMsg;
    const draft = this.draft;
    const isNew = editing === 'new';
    const dirty = isNew || Object.keys(changesOf(draft, editing)).length > 0;
    return html`
      <button type="button" class="link back" @click=${() => this.closeForm()}>${texts.backToList}</button>
      <div class="form-heading" id="form-heading" tabindex="-1" role="heading" aria-level=${this.level + 1}>
        ${isNew ? texts.createHeading : `${texts.editHeading}: ${editing.title}`}
      </div>
      <p class="muted">${texts.formIntro}</p>
      <form part="form" class="listing-form" novalidate @submit=${this.save}>
        <div id="form-alert" class="alert" part="alert" role="alert" tabindex="-1">${this.formError}</div>
        ${this.renderUnitField()}
        ${this.field('title', { hint: texts.titleHint, required: true })}
        <div class="figures">
          ${this.field('rooms', { decimal: true, hint: texts.roomsHint, required: true })}
          ${this.field('livingArea', { decimal: true, required: true })}
          ${this.field('coldRent', { decimal: true, hint: texts.euroHint, required: true })}
          ${this.field('serviceCharges', { decimal: true, hint: texts.euroHint, required: true })}
        </div>
        ${this.field('availableFrom', { type: 'date', hint: texts.availableFromHint })}
        ${this.field('commission', { hint: texts.commissionHint, required: true })}
        ${this.renderStatusField()}
        ${this.renderPortalIds()}
        <datalist id="providers">${knownProviders.map((provider) => html`<option value=${provider}></option>`)}</datalist>
        <div class="actions">
          <button
            type="submit"
            class="primary"
            part="save"
            aria-disabled=${this.saving ? 'true' : 'false'}
            aria-busy=${this.saving ? 'true' : 'false'}
          >${this.saving ? texts.saving : isNew ? texts.createSave : texts.save}</button>
          <p class="notice" part="notice" role="status">${this.notice}</p>
          ${!isNew && dirty && !this.saving && !this.notice ? html`<p class="muted unsaved">${texts.unsaved}</p>` : nothing}
        </div>
      </form>
      ${isNew ? nothing : this.renderSlots(editing)}
    `;
  }

  private describedBy(id: string, hint: boolean, error: boolean): string | undefined {
    return [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  }

  private fieldFrame(
    id: string,
    label: string,
    control: TemplateResult,
    hint: string | undefined,
    error: string | undefined,
  ): TemplateResult {
    return html`
      <div class="field" part="field">
        <label part="label" for=${id}>${label}</label>
        ${control}
        ${hint ? html`<p class="hint" part="hint" id="${id}-hint">${hint}</p>` : nothing}
        ${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}
      </div>
    `;
  }

  /** One labelled input with its hint and the BFF's message for it. */
  private control(
    path: string,
    label: string,
    value: string,
    onInput: (value: string) => void,
    errors: Record<string, string>,
    options: ControlOptions = {},
  ): TemplateResult {
    const id = path.replace(/\./g, '-');
    const error = errors[path];
    const input = (event: Event) => onInput((event.target as HTMLInputElement | HTMLTextAreaElement).value);
    const describedBy = this.describedBy(id, !!options.hint, !!error);
    const control = options.multiline
      ? html`<textarea
          part="input"
          id=${id}
          rows="2"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy)}
          .value=${value}
          @input=${input}
        ></textarea>`
      : html`<input
          part="input"
          id=${id}
          type=${options.type ?? 'text'}
          inputmode=${ifDefined(options.decimal ? 'decimal' : options.type === 'number' ? 'numeric' : undefined)}
          min=${ifDefined(options.min)}
          max=${ifDefined(options.max)}
          list=${ifDefined(options.list)}
          autocomplete="off"
          aria-required=${options.required ? 'true' : 'false'}
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(describedBy)}
          .value=${value}
          @input=${input}
        />`;
    return this.fieldFrame(id, label, control, options.hint, error);
  }

  private field(key: Exclude<TextKey, 'unitId' | 'status'>, options: ControlOptions = {}): TemplateResult {
    return this.control(
      key,
      this.listingMsg.fieldLabels[key],
      this.draft[key],
      (value) => this.setText(key, value),
      this.fieldErrors,
      options,
    );
  }

  private renderUnitField(): TemplateResult {
    const texts = this.listingMsg;
    const error = this.fieldErrors.unitId;
    const hint = this.unitsFailed ? texts.unitsFailed : this.units && !this.units.length ? texts.noUnits : undefined;
    const units = this.units ?? [];
    // The listing's own unit stays choosable while the list is loading or failed.
    const own = this.editing && this.editing !== 'new' ? this.editing : undefined;
    const options =
      own && !units.some((unit) => unit.id === own.unit.id)
        ? [{ id: own.unit.id, label: own.unit.label, address: own.address, activeListing: false }, ...units]
        : units;
    const select = html`<select
      part="input"
      id="unitId"
      aria-required="true"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(this.describedBy('unitId', !!hint, !!error))}
      @change=${(event: Event) => this.setText('unitId', (event.target as HTMLSelectElement).value)}
    >
      <option value="" ?selected=${this.draft.unitId === ''}>${texts.chooseUnit}</option>
      ${options.map(
        (unit) =>
          html`<option value=${unit.id} ?selected=${this.draft.unitId === unit.id}>
            ${texts.unitOption(unit.label, unit.address.street, unit.address.city, unit.activeListing && unit.id !== own?.unit.id)}
          </option>`,
      )}
    </select>`;
    return html`
      ${this.fieldFrame('unitId', texts.fieldLabels.unitId, select, hint, error)}
      ${this.unitsFailed ? html`<button type="button" part="retry" @click=${() => this.loadUnits()}>${this.msg.retry}</button>` : nothing}
    `;
  }

  private renderStatusField(): TemplateResult {
    const texts = this.listingMsg;
    const error = this.fieldErrors.status;
    const select = html`<select
      part="input"
      id="status"
      aria-invalid=${error ? 'true' : 'false'}
      aria-describedby=${ifDefined(this.describedBy('status', false, !!error))}
      @change=${(event: Event) => this.setText('status', (event.target as HTMLSelectElement).value)}
    >
      ${(['aktiv', 'vermietet'] as const).map(
        (status) => html`<option value=${status} ?selected=${this.draft.status === status}>${texts.statusLabels[status]}</option>`,
      )}
    </select>`;
    return this.fieldFrame('status', texts.fieldLabels.status, select, undefined, error);
  }

  private renderPortalIds(): TemplateResult {
    const texts = this.listingMsg;
    const rows = this.draft.portalIds;
    const error = this.fieldErrors.portalIds;
    const full = rows.length >= MAX_PORTAL_IDS;
    return html`
      <fieldset class="list" aria-describedby=${ifDefined(error ? 'portalIds-error' : undefined)}>
        <legend part="label">${texts.fieldLabels.portalIds}</legend>
        ${
          rows.length
            ? html`<ol class="rows">
                ${rows.map(
                  (row, index) => html`
                    <li>
                      <fieldset class="row" part="row">
                        <legend class="visually-hidden">${texts.portalRow(index + 1)}</legend>
                        ${this.control(
                          `portalIds.${index}.provider`,
                          texts.provider,
                          row.provider,
                          (value) => this.setRow(index, 'provider', value),
                          this.fieldErrors,
                          {
                            hint: index === 0 ? texts.providerHint : undefined,
                            list: 'providers',
                          },
                        )}
                        ${this.control(
                          `portalIds.${index}.providerListingId`,
                          texts.providerListingId,
                          row.providerListingId,
                          (value) => this.setRow(index, 'providerListingId', value),
                          this.fieldErrors,
                        )}
                        <button type="button" class="link remove" part="remove" aria-label=${texts.removePortalId(index + 1)} @click=${() => this.removeRow(index)}>
                          ${texts.remove}
                        </button>
                      </fieldset>
                    </li>
                  `,
                )}
              </ol>`
            : html`<p class="muted">${texts.noPortalIds}</p>`
        }
        ${error ? html`<p class="field-error" part="field-error" id="portalIds-error">${error}</p>` : nothing}
        <button type="button" id="portalIds-add" part="add" aria-disabled=${full ? 'true' : 'false'} @click=${() => this.addRow()}>${texts.addPortalId}</button>
        ${full ? html`<p class="hint" part="hint">${texts.portalIdsFull(MAX_PORTAL_IDS)}</p>` : nothing}
      </fieldset>
    `;
  }

  private slotTime(iso: string, withDate: boolean): string {
    return new Intl.DateTimeFormat(intlLocale(this.locale), {
      ...(withDate ? { weekday: 'short', day: '2-digit', month: '2-digit', year: 'numeric' } : {}),
      hour: '2-digit',
      minute: '2-digit',
      timeZone: TIME_ZONE,
    }).format(new Date(iso));
  }

  private renderSlots(listing: Listing): TemplateResult {
    const texts = this.listingMsg;
    return html`
      <section class="slots" part="slots" aria-labelledby="slots-heading">
        <div class="form-heading" id="slots-heading" tabindex="-1" role="heading" aria-level=${this.level + 1}>${texts.slotsHeading}</div>
        <p class="muted">${texts.slotsIntro}</p>
        ${this.renderSlotList()}
        <p class="notice" part="notice" role="status">${this.slotNotice}</p>
        ${listing.status === 'aktiv' ? this.renderSlotForm() : html`<p class="muted">${texts.slotsOnlyActive}</p>`}
      </section>
    `;
  }

  private renderSlotList(): TemplateResult {
    const texts = this.listingMsg;
    if (this.slotsState === 'loading') return html`<p class="muted" role="status">${texts.slotsLoading}</p>`;
    if (this.slotsState === 'error')
      return html`<div class="alert" role="alert">
        <p>${texts.slotsFailed}</p>
        <button type="button" part="retry" @click=${() => this.editing && this.editing !== 'new' && this.loadSlots(this.editing.id)}>
          ${this.msg.retry}
        </button>
      </div>`;
    if (!this.slots.length) return html`<p class="muted">${texts.noSlots}</p>`;
    return html`
      <div class="table-wrap">
        <table>
          <caption class="visually-hidden">${texts.slotsTable}</caption>
          <thead>
            <tr>
              <th scope="col">${texts.slotWhen}</th>
              <th scope="col" class="num">${texts.slotCapacity}</th>
              <th scope="col" class="num">${texts.slotBooked}</th>
              <th scope="col" class="num">${texts.slotWaitlist}</th>
              <th scope="col"><span class="visually-hidden">${texts.slotActions}</span></th>
            </tr>
          </thead>
          <tbody>
            ${this.slots.map((slot) => {
              const when = texts.slotRange(this.slotTime(slot.startsAt, true), this.slotTime(slot.endsAt, false));
              const booked = slot.bookings.filter((booking) => booking.status === 'booked').map((booking) => booking.leadName);
              return html`
                <tr>
                  <th scope="row">
                    ${when}
                    ${slot.note ? html`<div class="muted small">${slot.note}</div>` : nothing}
                    ${booked.length ? html`<div class="muted small">${texts.slotBookedBy(booked.join(', '))}</div>` : nothing}
                  </th>
                  <td class="num">${slot.capacity}</td>
                  <td class="num">${slot.booked}</td>
                  <td class="num">${slot.waitlisted}</td>
                  <td>
                    <button
                      type="button"
                      class="link"
                      aria-label=${texts.cancelSlotLabel(when)}
                      aria-busy=${this.cancelling === slot.id ? 'true' : 'false'}
                      @click=${() => this.cancelSlot(slot)}
                    >${texts.cancelSlot}</button>
                  </td>
                </tr>
              `;
            })}
          </tbody>
        </table>
      </div>
    `;
  }

  private renderSlotForm(): TemplateResult {
    const texts = this.listingMsg;
    const slot = this.slotDraft;
    const errors = this.slotErrors;
    return html`
      <form class="slot-form" part="slot-form" novalidate aria-labelledby="offer-heading" @submit=${this.offerSlot}>
        <div class="group-heading" id="offer-heading">${texts.offerHeading}</div>
        <div id="slot-alert" class="alert" part="alert" role="alert" tabindex="-1">${this.slotFormError}</div>
        <div class="figures">
          ${this.control('startsAt', texts.slotDate, slot.date, (value) => this.setSlot('date', value), errors, { type: 'date', required: true })}
          ${this.control('slot-time', texts.slotTime, slot.time, (value) => this.setSlot('time', value), errors, { type: 'time', required: true })}
          ${this.control(
            'durationMinutes',
            texts.slotDuration,
            slot.durationMinutes,
            (value) => this.setSlot('durationMinutes', value),
            errors,
            {
              type: 'number',
              min: 5,
              max: 480,
            },
          )}
          ${this.control('capacity', texts.slotCapacityLabel, slot.capacity, (value) => this.setSlot('capacity', value), errors, {
            type: 'number',
            min: 1,
            max: 100,
            hint: texts.slotCapacityHint,
          })}
        </div>
        ${this.control('note', texts.slotNote, slot.note, (value) => this.setSlot('note', value), errors, { multiline: true, hint: texts.slotNoteHint })}
        <button type="submit" part="save" aria-busy=${this.offering ? 'true' : 'false'} aria-disabled=${this.offering ? 'true' : 'false'}>
          ${this.offering ? texts.offering : texts.offerSlot}
        </button>
      </form>
    `;
  }
}

defineElement('listing-editor', ListingEditorElement);

declare global {
  interface HTMLElementTagNameMap {
    'listing-editor': ListingEditorElement;
  }
}
