import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defineElement, PortalElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { errorText, intlLocale, type Locale } from '../internal/localize.ts';
import { staffDate, staffViewStyles } from '../internal/staff-view.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { ListingsApi, type LeadOverview } from '../internal/listings-api.ts';
import { overviewTexts } from './overview-texts.ts';
import { leadOverviewStyles } from './lead-overview.styles.ts';
import '../internal/staff-errors.ts';

/**
 * The lettings' daily overview for clerks (docs/leads.md, "Tagesübersicht"): leads per board stage with how long
 * they have been in it (median and longest), per listing (with those still to be decided) and per source, and what
 * happened in the last 24 hours. Tables first, each count with a plain bar of its share; figures only, no names.
 * "Neu laden" reads the figures again and keeps the old ones on screen while it does.
 *
 * It is "Übersicht" under "Vermietung" in `<staff-portal>`, which imports it when first opened.
 *
 * @tagname lead-overview
 * @summary Leads per stage, listing and source, with time in stage.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not shown with `embedded`).
 * @csspart loading - The text shown while the figures load the first time.
 * @csspart alert - An error: loading failed, not signed in.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart reload - The "Neu laden" button.
 * @csspart summary - The totals and the last 24 hours.
 * @csspart table - Each table (stages, listings, sources).
 * @csspart bar - The bar of a count's share.
 *
 * @cssproperty --mp-color-primary - Buttons and bars.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Background.
 * @cssproperty --mp-color-border - Borders and the bars' track.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class LeadOverviewElement extends PortalElement {
  static override styles = [PortalElement.styles, staffViewStyles, leadOverviewStyles];
  /** Staff work in German or English; any other page language shows German. */
  static override languages: readonly Locale[] = ['de', 'en'];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  /** Level of the element's heading ("Tagesübersicht", or the portal's with `embedded`); the tables' are one deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Inside `<staff-portal>`: the portal's heading names the overview, the element shows no heading of its own. */
  @property({ type: Boolean }) embedded = false;

  @state() private loadState: 'loading' | 'ready' | 'signed-out' | 'forbidden' | 'error' = 'loading';
  @state() private loadError?: unknown;
  @state() private overview?: LeadOverview;
  /** A reload is on its way; the figures shown are the ones before. */
  @state() private reloading = false;
  /** A reload failed: the old figures stay, with this message. */
  @state() private reloadError = '';

  private readonly overviewTexts = new AreaTexts(this, overviewTexts);
  private loadRequest = 0;
  private loaded = false;

  private get overviewMsg() {
    return this.overviewTexts.texts;
  }

  /** @internal The element's client (`client`, else the one for `api`), speaking the element's language. */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
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
    await this.overviewTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.loaded || changed.has('client') || changed.has('api')) {
      this.loaded = true;
      this.overview = undefined;
      void this.load();
    }
  }

  private readonly onSignedIn = () => {
    this.overview = undefined;
    void this.load();
  };

  private readonly onSignedOut = () => {
    this.loadRequest++;
    this.overview = undefined;
    this.reloading = false;
    this.loadState = 'signed-out';
  };

  /** Reads the figures; with figures on screen they stay while the new ones come (a reload). */
  async load(): Promise<void> {
    const request = ++this.loadRequest;
    const reload = !!this.overview;
    this.reloadError = '';
    if (reload) this.reloading = true;
    else this.loadState = 'loading';
    try {
      const overview = await new ListingsApi(this.apiClient).overview();
      if (request !== this.loadRequest) return;
      this.overview = overview;
      this.loadState = 'ready';
    } catch (error) {
      if (request !== this.loadRequest) return;
      const status = error instanceof ApiError ? error.status : 0;
      if (reload && status !== 401 && status !== 403) this.reloadError = `${this.overviewMsg.loadFailed} ${errorText(this.msg, error)}`;
      else {
        this.overview = undefined;
        this.loadState = status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'error';
        this.loadError = error;
      }
    } finally {
      if (request === this.loadRequest) this.reloading = false;
    }
  }

  private get level(): number {
    return Math.min(Math.max(Math.round(this.headingLevel) || 2, 1), 5);
  }

  private number(value: number, fractionDigits = 0): string {
    return new Intl.NumberFormat(intlLocale(this.locale), { maximumFractionDigits: fractionDigits }).format(value);
  }

  /** Days in stage as a person says it: hours below a day, else days to one decimal. */
  private duration(days: number | null): string {
    if (days === null) return this.overviewMsg.none;
    if (days < 1) return this.overviewMsg.hours(Math.max(1, Math.round(days * 24)));
    return this.overviewMsg.days(this.number(days, 1), days === 1);
  }

  override render() {
    return html`
      <section class="overview" part="base" aria-labelledby=${ifDefined(this.embedded ? undefined : 'overview-heading')} aria-busy=${this.reloading || this.loadState === 'loading' ? 'true' : 'false'}>
        ${
          this.embedded
            ? nothing
            : html`<div class="title" id="overview-heading" part="heading" role="heading" aria-level=${this.level}>${this.overviewMsg.heading}</div>`
        }
        ${this.renderBody()}
      </section>
    `;
  }

  private renderBody(): TemplateResult {
    const texts = this.overviewMsg;
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
    return this.renderOverview(this.overview!);
  }

  private renderOverview(overview: LeadOverview): TemplateResult {
    const texts = this.overviewMsg;
    return html`
      <p class="muted">${texts.intro}</p>
      <div class="toolbar">
        <p class="summary" part="summary">
          <strong>${texts.total(overview.total)}</strong><br />
          ${texts.last24Hours(overview.last24Hours.newLeads, overview.last24Hours.moves)}<br />
          <span class="muted">${texts.asOf(staffDate(overview.at, this.locale))}</span>
        </p>
        <button type="button" part="reload" aria-busy=${this.reloading ? 'true' : 'false'} @click=${() => this.load()}>
          ${this.reloading ? texts.reloading : texts.reload}
        </button>
      </div>
      <p class="status" role="status">${this.reloading ? texts.reloading : ''}</p>
      <div class="alert" part="alert" role="alert">${this.reloadError}</div>
      ${overview.total === 0 ? html`<p class="empty muted">${texts.empty}</p>` : this.renderTables(overview)}
    `;
  }

  private bar(count: number, of: number): TemplateResult {
    const share = of > 0 ? count / of : 0;
    return html`<span class="bar" part="bar" aria-hidden="true"><span style="inline-size: ${(share * 100).toFixed(1)}%"></span></span>`;
  }

  private percent(count: number, of: number): string {
    return new Intl.NumberFormat(intlLocale(this.locale), { style: 'percent', maximumFractionDigits: 0 }).format(of > 0 ? count / of : 0);
  }

  private table(id: string, heading: string, head: TemplateResult, rows: TemplateResult[]): TemplateResult {
    return html`
      <section class="group" aria-labelledby="${id}-heading">
        <div class="group-heading" id="${id}-heading" role="heading" aria-level=${this.level + 1}>${heading}</div>
        <!-- Scrolls sideways on a narrow screen: focusable, so a keyboard can scroll it too. -->
        <div class="table-wrap" tabindex="0">
          <table part="table" aria-labelledby="${id}-heading">
            <thead>${head}</thead>
            <tbody>${rows}</tbody>
          </table>
        </div>
      </section>
    `;
  }

  private renderTables(overview: LeadOverview): TemplateResult {
    const texts = this.overviewMsg;
    const total = overview.total;
    const stages = this.table(
      'stages',
      texts.stagesHeading,
      html`<tr>
        <th scope="col">${texts.stage}</th>
        <th scope="col" class="num">${texts.count}</th>
        <th scope="col">${texts.share}</th>
        <th scope="col" class="num">${texts.medianInStage}</th>
        <th scope="col" class="num">${texts.longestInStage}</th>
      </tr>`,
      overview.stages.map(
        (stage) => html`<tr>
          <th scope="row">${texts.columnLabels[stage.column]}</th>
          <td class="num">${this.number(stage.count)}</td>
          <td class="share">${this.bar(stage.count, total)} <span class="percent">${this.percent(stage.count, total)}</span></td>
          <td class="num">${this.duration(stage.medianDaysInStage)}</td>
          <td class="num">${this.duration(stage.longestDaysInStage)}</td>
        </tr>`,
      ),
    );
    const most = Math.max(1, ...overview.listings.map((row) => row.total));
    const listings = overview.listings.length
      ? this.table(
          'listings',
          texts.listingsHeading,
          html`<tr>
            <th scope="col">${texts.listing}</th>
            <th scope="col" class="num">${texts.listingTotal}</th>
            <th scope="col" class="num">${texts.inProgress}</th>
            <th scope="col"><span class="visually-hidden">${texts.share}</span></th>
          </tr>`,
          overview.listings.map(
            (row) => html`<tr>
              <th scope="row">
                ${row.listing ? row.listing.title : texts.unassigned}
                ${row.listing?.status === 'vermietet' ? html`<span class="muted small">${`(${texts.listingLet})`}</span>` : nothing}
              </th>
              <td class="num">${this.number(row.total)}</td>
              <td class="num">${this.number(row.inProgress)}</td>
              <td class="share">${this.bar(row.total, most)}</td>
            </tr>`,
          ),
        )
      : html`<p class="muted">${texts.noListings}</p>`;
    const sourceTotal = overview.sources.reduce((sum, row) => sum + row.count, 0);
    const sources = overview.sources.length
      ? this.table(
          'sources',
          texts.sourcesHeading,
          html`<tr>
            <th scope="col">${texts.source}</th>
            <th scope="col" class="num">${texts.count}</th>
            <th scope="col">${texts.share}</th>
          </tr>`,
          overview.sources.map(
            (row) => html`<tr>
              <th scope="row">${texts.sourceLabels[row.source] ?? row.source}</th>
              <td class="num">${this.number(row.count)}</td>
              <td class="share">${this.bar(row.count, sourceTotal)} <span class="percent">${this.percent(row.count, sourceTotal)}</span></td>
            </tr>`,
          ),
        )
      : html`<p class="muted">${texts.noSources}</p>`;
    return html`${stages} ${listings} ${sources}`;
  }
}

defineElement('lead-overview', LeadOverviewElement);

declare global {
  interface HTMLElementTagNameMap {
    'lead-overview': LeadOverviewElement;
  }
}
