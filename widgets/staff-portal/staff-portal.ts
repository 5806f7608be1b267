import { html, nothing, type PropertyValues } from 'lit';
import { state } from 'lit/decorators.js';
import { defineElement } from '../internal/portal-element.ts';
import type { Locale } from '../internal/localize.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { SignInPortal } from '../sign-in-flow/sign-in-portal.ts';
import { settingsTexts } from '../company-settings/settings-texts.ts';
import { staffTexts } from '../internal/staff-element.ts';
import { staffPortalStyles } from './staff-portal.styles.ts';
import '../case-board/case-board.ts';
import '../internal/staff-errors.ts';

type StaffView = 'board' | 'reports' | 'leads' | 'settings' | 'privacy';
/** The parts of "Vermietung": the lead board, the listings and the daily overview. */
type LettingView = 'leads' | 'listings' | 'overview';
/** The parts of the admins' "Einstellungen": general settings, catalogue, routing, deadlines, contractors, embedding and colours. */
type SettingsView = 'settings' | 'catalogue' | 'routing' | 'deadlines' | 'contractors' | 'embedding';
type LazyView = 'reports' | SettingsView | 'privacy' | LettingView;
type Load = 'loading' | 'loaded' | 'failed';

/**
 * The code of a view beside "Vorgänge" is imported when it is first opened: the reports ("Auswertungen") by staff who
 * open them, the settings and the erasure requests ("Datenschutz") only by admins; the lead
 * board, the listings and the daily overview ("Vermietung") by staff who work lettings, each when its part of
 * "Vermietung" is first shown — nobody else loads them.
 */
const lazyViews: Record<LazyView, { tag: string; load: () => Promise<unknown> }> = {
  reports: { tag: 'case-reports', load: () => import('../case-reports/case-reports.ts') },
  settings: { tag: 'company-settings', load: () => import('../company-settings/company-settings.ts') },
  privacy: { tag: 'privacy-requests', load: () => import('../privacy-requests/privacy-requests.ts') },
  catalogue: { tag: 'catalogue-settings', load: () => import('../catalogue-settings/catalogue-settings.ts') },
  routing: { tag: 'routing-settings', load: () => import('../routing-settings/routing-settings.ts') },
  deadlines: { tag: 'deadline-settings', load: () => import('../deadline-settings/deadline-settings.ts') },
  contractors: { tag: 'contractor-settings', load: () => import('../contractor-settings/contractor-settings.ts') },
  embedding: { tag: 'embed-settings', load: () => import('../embed-settings/embed-settings.ts') },
  leads: { tag: 'lead-kanban', load: () => import('../lead-kanban/lead-kanban.ts') },
  listings: { tag: 'listing-editor', load: () => import('../listing-editor/listing-editor.ts') },
  overview: { tag: 'lead-overview', load: () => import('../lead-overview/lead-overview.ts') },
};
const lettingViews: readonly LettingView[] = ['leads', 'listings', 'overview'];
const settingsViews: readonly SettingsView[] = ['settings', 'catalogue', 'routing', 'deadlines', 'contractors', 'embedding'];

/**
 * The clerks' workplace of a housing company: staff sign-in with an authenticator app (activation for
 * new staff accounts included) and, once signed in, the "Vorgänge" board (`<case-board>` on the same session).
 * Staff also find "Auswertungen" (`<case-reports>`: intake, processing times, deadline adherence, backlog), "Vermietung" —
 * its "Board" (`<lead-kanban>`, the rental leads), "Inserate" (`<listing-editor>`) and "Übersicht" (`<lead-overview>`) —
 * and admins "Einstellungen" (`<company-settings>`) and "Datenschutz" (the residents' erasure requests,
 * `<privacy-requests>`), each loaded when first opened;
 * switching between them keeps each as it was, unsaved settings and listing edits included.
 *
 * @tagname staff-portal
 * @summary Staff sign-in and the "Vorgänge" board.
 *
 * @slot header - Shown above the sign-in forms, e.g. the housing company's logo.
 *
 * @event {SignedInEvent} mp-signed-in - The clerk completed sign-in; `detail.user` is the signed-in person.
 * @event {SignedOutEvent} mp-signed-out - The clerk signed out; `detail.everywhere` if on all devices.
 *
 * @csspart portal - The outer container.
 * @csspart loading - The text shown while the session loads.
 * @csspart sign-in - The sign-in flow.
 * @csspart account-bar - Name and sign-out buttons.
 * @csspart account-settings - `<account-settings>`, in place of the content while the account bar has it open.
 * @csspart nav - The navigation between "Vorgänge", "Auswertungen", "Vermietung" and (admins only) "Einstellungen".
 * @csspart nav-item - Each navigation button; the current one has `aria-current="page"`.
 * @csspart board - The "Vorgänge" area.
 * @csspart case-board - The `<case-board>` in it; its own parts are exported as `board-…` (e.g. `board-case`).
 * @csspart reports - The "Auswertungen" area (`<case-reports>`).
 * @csspart leads - The "Vermietung" area.
 * @csspart letting-nav - The navigation inside "Vermietung" between "Board", "Inserate" and "Übersicht".
 * @csspart letting-nav-item - Each of its buttons; the current one has `aria-current="true"`.
 * @csspart settings - The "Einstellungen" area: `<company-settings>`, `<catalogue-settings>`, `<routing-settings>`, `<deadline-settings>`, `<contractor-settings>`, `<embed-settings>`.
 * @csspart settings-nav - The navigation between the parts of "Einstellungen".
 * @csspart settings-nav-item - Each button of that navigation.
 * @csspart privacy - The "Datenschutz" area (`<privacy-requests>`).
 * @csspart failure - The code of "Auswertungen", "Vermietung" or "Einstellungen" could not be loaded, with its retry button.
 * @csspart heading - The heading of a sign-in step.
 * @csspart alert - The region for error messages.
 * @csspart form - Each sign-in form.
 * @csspart input - A text, e-mail or password input.
 * @csspart submit - The primary button of a form.
 *
 * @cssproperty --mp-color-primary - Buttons, links and accents.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-background - Background of the portal.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Error messages and invalid fields.
 * @cssproperty --mp-color-status-eingegangen - Status badge “Eingegangen” (received).
 * @cssproperty --mp-color-status-in-bearbeitung - Status badge “In Bearbeitung” (in progress).
 * @cssproperty --mp-color-status-beauftragt - Status badge “Beauftragt” (commissioned).
 * @cssproperty --mp-color-status-erledigt - Status badge “Erledigt” (done).
 * @cssproperty --mp-color-status-abgelehnt - Status badge “Abgelehnt” (declined).
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 * @cssproperty --mp-reserved-height - Least height, kept from page load on (before the code and data arrive) so the page does not jump; default 27 × the font size, about the sign-in form.
 */
export class StaffPortal extends SignInPortal {
  static override styles = [SignInPortal.styles, staffPortalStyles];
  /** Staff work in German or English; any other page language shows German. */
  static override languages: readonly Locale[] = ['de', 'en'];

  /** @internal */
  readonly audience = 'staff';

  @state() private view: StaffView = 'board';
  /** Which part of "Vermietung" shows. */
  @state() private lettingView: LettingView = 'leads';
  /** Which part of "Einstellungen" shows. */
  @state() private settingsView: SettingsView = 'settings';
  /** Views opened once stay on the page (hidden when another view shows) so nothing typed or scrolled is lost. */
  @state() private opened: Partial<Record<LazyView, Load>> = {};
  private readonly settingsTexts = new AreaTexts(this, settingsTexts);
  private readonly staffTexts = new AreaTexts(this, staffTexts);

  private get admin(): boolean {
    const session = this.signIn.session;
    return session?.state === 'signed_in' && session.user?.role === 'admin';
  }

  private get staff(): boolean {
    const session = this.signIn.session;
    return session?.state === 'signed_in' && (session.user?.role === 'admin' || session.user?.role === 'clerk');
  }

  protected label(tenantName: string): string {
    return this.staffTexts.texts.staffPortalLabel(tenantName);
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await Promise.all([this.settingsTexts.ready(this.locale), this.staffTexts.ready(this.locale)]);
    return super.getUpdateComplete();
  }

  /** Whoever signs in next starts at the board, with no views of the one before on the page. */
  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.staff) {
      this.view = 'board';
      this.lettingView = 'leads';
      this.settingsView = 'settings';
      this.opened = {};
    } else if (!this.admin && (this.opened.privacy || settingsViews.some((view) => this.opened[view]))) {
      this.view = this.view === 'settings' || this.view === 'privacy' ? 'board' : this.view;
      this.settingsView = 'settings';
      this.opened = Object.fromEntries(
        Object.entries(this.opened).filter(([view]) => view !== 'privacy' && !settingsViews.includes(view as SettingsView)),
      );
    }
  }

  private show(view: StaffView): void {
    if (view === 'settings') this.openLazy(this.settingsView);
    if (view === 'privacy' || view === 'reports') this.openLazy(view);
    if (view === 'leads') this.openLazy(this.lettingView);
    this.view = view;
    void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>(`#${view}-heading`)?.focus());
  }

  /** Another part of "Vermietung"; focus stays on its button, which now names the current part. */
  private showLetting(view: LettingView): void {
    this.openLazy(view);
    this.lettingView = view;
  }

  /** Another part of "Einstellungen"; focus stays on its button. */
  private showSettings(view: SettingsView): void {
    this.openLazy(view);
    this.settingsView = view;
  }

  private openLazy(view: LazyView): void {
    const { tag, load } = lazyViews[view];
    if (customElements.get(tag)) {
      this.opened = { ...this.opened, [view]: 'loaded' };
      return;
    }
    if (this.opened[view] === 'loading') return;
    this.opened = { ...this.opened, [view]: 'loading' };
    load().then(
      () => (this.opened = { ...this.opened, [view]: 'loaded' }),
      () => (this.opened = { ...this.opened, [view]: 'failed' }),
    );
  }

  protected renderSignedIn() {
    const admin = this.admin;
    return html`
      ${this.staff ? this.renderNav(admin) : nothing}
      <section class="board" part="board" aria-labelledby="board-heading" ?hidden=${this.view !== 'board'}>
        <h2 id="board-heading" tabindex="-1">${this.staffTexts.texts.boardHeading}</h2>
        <case-board
          part="case-board"
          exportparts="filters: board-filters, list: board-list, case: board-case, load-more: board-load-more, detail: board-detail, activity: board-activity, actions: board-actions, button: board-button, alert: board-alert, notice: board-notice"
          lang=${this.locale}
          heading-level="3"
          ?url-state=${this.urlState}
          .client=${this.apiClient}
        ></case-board>
      </section>
      ${this.opened.reports ? this.renderReports() : nothing}
      ${lettingViews.some((view) => this.opened[view]) ? this.renderLetting() : nothing}
      ${admin && settingsViews.some((view) => this.opened[view]) ? this.renderSettings() : nothing}
      ${admin && this.opened.privacy ? this.renderPrivacy() : nothing}
    `;
  }

  private renderNav(admin: boolean) {
    const item = (view: StaffView, text: string) => html`
      <li>
        <button type="button" part="nav-item" aria-current=${this.view === view ? 'page' : 'false'} @click=${() => this.show(view)}>${text}</button>
      </li>
    `;
    return html`
      <nav part="nav" aria-label=${this.settingsTexts.texts.staffSections}>
        <ul class="nav">
          ${item('board', this.staffTexts.texts.boardHeading)} ${item('reports', this.settingsTexts.texts.reportsHeading)}
          ${item('leads', this.settingsTexts.texts.leadsHeading)}
          ${admin ? item('settings', this.settingsTexts.texts.settingsHeading) : nothing}
          ${admin ? item('privacy', this.settingsTexts.texts.privacyHeading) : nothing}
        </ul>
      </nav>
    `;
  }

  /** A view's content once its code is here; until then "Wird geladen …", or the failure with a retry. */
  private lazyContent(view: LazyView, content: () => unknown) {
    const load = this.opened[view];
    if (load === 'failed')
      return html`<div class="failure" part="failure" role="alert">
        <p>${this.msg.unexpectedError}</p>
        <button type="button" @click=${() => this.openLazy(view)}>${this.msg.retry}</button>
      </div>`;
    if (load === 'loading') return html`<p class="placeholder" part="loading" role="status">${this.msg.loading}</p>`;
    return content();
  }

  private renderLetting() {
    const texts = this.settingsTexts.texts;
    const labels: Record<LettingView, string> = {
      leads: texts.lettingBoard,
      listings: texts.lettingListings,
      overview: texts.lettingOverview,
    };
    const content: Record<LettingView, () => unknown> = {
      leads: () => html`<lead-kanban lang=${this.locale} heading-level="3" .client=${this.apiClient}></lead-kanban>`,
      listings: () => html`<listing-editor lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></listing-editor>`,
      overview: () => html`<lead-overview lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></lead-overview>`,
    };
    return html`
      <section class="leads" part="leads" aria-labelledby="leads-heading" ?hidden=${this.view !== 'leads'}>
        <h2 id="leads-heading" tabindex="-1">${texts.leadsHeading}</h2>
        <nav part="letting-nav" aria-label=${texts.lettingSections}>
          <ul class="nav sub">
            ${lettingViews.map(
              (view) => html`
                <li>
                  <button
                    type="button"
                    part="letting-nav-item"
                    aria-current=${this.lettingView === view ? 'true' : 'false'}
                    @click=${() => this.showLetting(view)}
                  >${labels[view]}</button>
                </li>
              `,
            )}
          </ul>
        </nav>
        ${lettingViews.map((view) =>
          this.opened[view]
            ? html`<div class="letting-view ${view}" ?hidden=${this.lettingView !== view}>${this.lazyContent(view, content[view])}</div>`
            : nothing,
        )}
      </section>
    `;
  }

  private renderReports() {
    const content = this.lazyContent(
      'reports',
      () => html`<case-reports lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></case-reports>`,
    );
    return html`
      <section class="reports" part="reports" aria-labelledby="reports-heading" ?hidden=${this.view !== 'reports'}>
        <h2 id="reports-heading" tabindex="-1">${this.settingsTexts.texts.reportsHeading}</h2>
        ${content}
      </section>
    `;
  }

  private renderSettings() {
    const texts = this.settingsTexts.texts;
    const labels: Record<SettingsView, string> = {
      settings: texts.settingsGeneral,
      catalogue: texts.settingsCatalogue,
      routing: texts.settingsRouting,
      deadlines: texts.settingsDeadlines,
      contractors: texts.settingsContractors,
      embedding: texts.settingsEmbedding,
    };
    const content: Record<SettingsView, () => unknown> = {
      settings: () => html`<company-settings lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></company-settings>`,
      catalogue: () =>
        html`<catalogue-settings lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></catalogue-settings>`,
      routing: () => html`<routing-settings lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></routing-settings>`,
      deadlines: () =>
        html`<deadline-settings lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></deadline-settings>`,
      contractors: () =>
        html`<contractor-settings lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></contractor-settings>`,
      embedding: () => html`<embed-settings lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></embed-settings>`,
    };
    return html`
      <section class="settings" part="settings" aria-labelledby="settings-heading" ?hidden=${this.view !== 'settings'}>
        <h2 id="settings-heading" tabindex="-1">${texts.settingsHeading}</h2>
        <nav part="settings-nav" aria-label=${texts.settingsSections}>
          <ul class="nav sub">
            ${settingsViews.map(
              (view) => html`
                <li>
                  <button
                    type="button"
                    part="settings-nav-item"
                    aria-current=${this.settingsView === view ? 'true' : 'false'}
                    @click=${() => this.showSettings(view)}
                  >${labels[view]}</button>
                </li>
              `,
            )}
          </ul>
        </nav>
        ${settingsViews.map((view) =>
          this.opened[view]
            ? html`<div class="settings-view ${view}" ?hidden=${this.settingsView !== view}>${this.lazyContent(view, content[view])}</div>`
            : nothing,
        )}
      </section>
    `;
  }

  private renderPrivacy() {
    const content = this.lazyContent(
      'privacy',
      () => html`<privacy-requests lang=${this.locale} embedded heading-level="2" .client=${this.apiClient}></privacy-requests>`,
    );
    return html`
      <section class="privacy" part="privacy" aria-labelledby="privacy-heading" ?hidden=${this.view !== 'privacy'}>
        <h2 id="privacy-heading" tabindex="-1">${this.settingsTexts.texts.privacyHeading}</h2>
        ${content}
      </section>
    `;
  }
}

defineElement('staff-portal', StaffPortal);

declare global {
  interface HTMLElementTagNameMap {
    'staff-portal': StaffPortal;
  }
}
