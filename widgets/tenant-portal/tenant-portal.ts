import { html, nothing, type PropertyValues } from 'lit';
import { defineElement } from '../internal/portal-element.ts';
import { UrlStateController, type UrlParameters } from '../internal/url-state.ts';
import { residentViewStyles, timeOf } from '../internal/resident-view.ts';
import { statusBadge, statusBadgeStyles } from '../internal/status-badge.ts';
import { SignInPortal } from '../sign-in-flow/sign-in-portal.ts';
import type { CaseMessageRequestEvent } from '../events/case-message-request.ts';
import type { CaseDetailView } from '../case-detail/case-detail.ts';
import type { CaseFilingForm } from '../case-filing/case-filing-form.ts';
import '../case-list/case-list.ts';
import '../document-inbox/document-inbox.ts';
import type { ResidentCase } from '../internal/resident-cases-api.ts';
import { ResidentHome, type ResidentView } from './resident-home.ts';
import { tenantPortalStyles } from './tenant-portal.styles.ts';
import { liveStatus, liveStatusStyles } from '../internal/live-status.ts';
import { thumbnailOf } from '../internal/photo-thumbnail.ts';

const filingTypes = ['damage', 'complaint', 'contact', 'document_request'] as const;
type FilingType = (typeof filingTypes)[number];

/** The views whose code is imported on first use, so the portal stays small for residents who only read. */
const lazyViews = {
  'damage-report-form': () => import('../damage-report-form/damage-report-form.ts'),
  'mp-case-request-form': () => import('../case-request-form/case-request-form.ts'),
  'tenant-chat': () => import('../tenant-chat/tenant-chat.ts'),
};

/**
 * The residents' portal of a housing company: sign-in with a second factor, activation with the code from
 * the letter, password reset (`?mp-reset=<token>` in the page URL) and, once signed in, the resident's
 * area: "Meine Anliegen" (own cases with status, history and messages), "Neues Anliegen" and "Meine
 * Dokumente" (with the number of unread documents), kept current by live updates without reloading, and
 * "Assistent" (`<tenant-chat>`, loaded when first opened).
 * With `url-state` the open view is in the page URL (`mp-case`, `mp-view`, `mp-type`), for Back, reload and links.
 *
 * @tagname tenant-portal
 * @summary Resident sign-in, "Meine Anliegen", "Neues Anliegen" and "Meine Dokumente".
 *
 * @slot header - Shown above the sign-in forms, e.g. the housing company's logo.
 *
 * @event {SignedInEvent} mp-signed-in - The resident completed sign-in; `detail.user` is the signed-in person.
 * @event {SignedOutEvent} mp-signed-out - The resident signed out; `detail.everywhere` if on all devices.
 *
 * @csspart portal - The outer container.
 * @csspart loading - The text shown while the session loads.
 * @csspart sign-in - The sign-in flow.
 * @csspart account-bar - Name and sign-out buttons.
 * @csspart account-settings - `<account-settings>`, in place of the content while the account bar has it open.
 * @csspart nav - The navigation between the resident's views.
 * @csspart live-status - "Verbindung unterbrochen – wird wiederhergestellt" while live updates are restored.
 * @csspart status-notice - The visible notice of a live status change (`<mp-status-notice>`), until closed.
 * @csspart nav-item - Each navigation button; the current one has `aria-current="page"`.
 * @csspart unread-badge - The number of unread documents in the navigation.
 * @csspart view - The current view ("Meine Anliegen", a case, "Neues Anliegen", "Meine Dokumente").
 * @csspart view-heading - The heading of the current view; it gets focus when the view changes.
 * @csspart empty-state - The text shown when there are no cases or documents.
 * @csspart failure - A loading error with its retry button.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart back - "Zurück zu Meine Anliegen" in a case.
 * @csspart case-type - A case type to choose under "Neues Anliegen".
 * @csspart joined - The "Mitgemeldete Schäden" list.
 * @csspart notifications - "E-Mail-Benachrichtigungen" under "Meine Anliegen" (folded; `<mp-notification-preferences>`).
 * @csspart heading - The heading of a sign-in step.
 * @csspart alert - The region for error messages.
 * @csspart confirmation - The region for confirmations.
 * @csspart form - Each sign-in form.
 * @csspart field - A label, input, hint and error group.
 * @csspart label - A field label.
 * @csspart input - A text, e-mail or password input.
 * @csspart field-error - The error message under a field.
 * @csspart submit - The primary button of a form.
 * @csspart link - A secondary action that looks like a link.
 * @csspart option - A choice of second factor.
 * @csspart qr-code - The QR code for the authenticator app.
 * @csspart secret - The authenticator secret for manual entry.
 *
 * @cssproperty --mp-color-primary - Buttons, links and accents.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints and empty states.
 * @cssproperty --mp-color-background - Background of the portal.
 * @cssproperty --mp-color-surface - Background of inputs and cards.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Error messages and invalid fields.
 * @cssproperty --mp-color-success - Confirmations.
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
 * @cssproperty --mp-reserved-height - Least height, kept from page load on (before the code and data arrive) so the page does not jump; default 27 × the font size, about the sign-in form.
 */
export class TenantPortal extends SignInPortal {
  static override styles = [SignInPortal.styles, residentViewStyles, statusBadgeStyles, liveStatusStyles, tenantPortalStyles];

  /** @internal */
  readonly audience = 'resident';

  protected readonly home = new ResidentHome(this);

  /** The type chosen under "Neues Anliegen". */
  private newCaseType?: FilingType;

  /** With `url-state`: `mp-case=<id>`, or `mp-view=documents`, or `mp-view=new` with `mp-type=<case type>` (docs/cases.md). */
  protected readonly url = new UrlStateController(this, {
    keys: ['view', 'case', 'type'],
    pushKeys: ['view', 'case', 'type'],
    ready: () => this.signedIn,
    current: () => this.shownParameters(),
    show: (parameters) => this.showParameters(parameters),
  });

  /** A view's code that could not be imported (offline, a deploy replaced the chunk): it shows a retry. */
  private loadFailed = false;

  /** The view and case last rendered: a different one moves focus to its heading. */
  private shownView?: string;

  /** A type was chosen: the form's first field gets focus once the form's code is here and it is rendered. */
  private formFocusPending = false;

  get signedIn(): boolean {
    return this.signIn.session?.state === 'signed_in';
  }

  private shownParameters(): UrlParameters<'view' | 'case' | 'type'> {
    const { view, openCaseId } = this.home;
    if (view === 'case') return { case: openCaseId };
    if (view === 'new') return { view, type: this.newCaseType };
    return view === 'documents' || view === 'chat' ? { view } : {};
  }

  private showParameters({ view, case: caseId, type }: UrlParameters<'view' | 'case' | 'type'>): void {
    if (caseId) {
      this.openCase(caseId);
      return;
    }
    if (view === 'chat') this.load('tenant-chat');
    this.home.show(view === 'new' || view === 'documents' || view === 'chat' ? view : 'cases');
    const chosen = filingTypes.find((candidate) => candidate === type);
    if (view === 'new' && chosen !== this.newCaseType) this.showForm(chosen);
  }

  protected label(tenantName: string): string {
    return this.msg.portalLabel(tenantName);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    const shown = this.signedIn ? `${this.home.view}:${this.home.openCaseId ?? ''}` : undefined;
    if (shown && this.shownView && shown !== this.shownView) this.renderRoot.querySelector<HTMLElement>('#view-heading')?.focus();
    this.shownView = shown;
    const form = this.formFocusPending ? this.renderRoot.querySelector<CaseFilingForm>('damage-report-form, mp-case-request-form') : null;
    if (form && customElements.get(form.localName)) {
      this.formFocusPending = false;
      form.focusFirstField();
    }
  }

  protected renderSignedIn() {
    const home = this.home;
    return html`
      ${this.renderNav()}
      <div class="visually-hidden" role="status" aria-live="polite">${home.announcement}</div>
      ${liveStatus(home.liveInterrupted, this.msg.liveInterrupted)}
      <section class="view" part="view" aria-labelledby="view-heading" @mp-case-submitted=${this.caseSubmitted}>
        ${this.renderStatusNotice()}
        ${home.view === 'case' ? this.renderCase() : home.view === 'new' ? this.renderNewCase() : home.view === 'documents' ? this.renderDocuments() : home.view === 'chat' ? this.renderChat() : this.renderCases()}
      </section>
    `;
  }

  /** A live status change, visible (the live region above only speaks); its code comes with the first change. */
  private renderStatusNotice() {
    const text = this.home.statusNotice;
    if (!text) return nothing;
    // Until its code is here the element is empty; the announcement and the highlighted case say it meanwhile.
    if (!customElements.get('mp-status-notice')) import('../status-notice/status-notice.ts').catch(() => {});
    return html`<mp-status-notice part="status-notice" lang=${this.locale} text=${text} @mp-status-notice-dismissed=${() => this.home.dismissStatusNotice()}></mp-status-notice>`;
  }

  private renderNav() {
    const msg = this.msg;
    const unread = this.home.unreadCount;
    const current = this.home.view === 'case' ? 'cases' : this.home.view;
    const item = (view: ResidentView, text: string, badge?: unknown) => html`
      <li>
        <button type="button" part="nav-item" aria-current=${current === view ? 'page' : 'false'} @click=${() => this.showView(view)}>
          ${text}${badge ?? nothing}
        </button>
      </li>
    `;
    return html`
      <nav part="nav" aria-label=${msg.portalSections}>
        <ul class="nav">
          ${item('cases', msg.myCasesHeading)} ${item('new', msg.newCaseHeading)}
          ${item(
            'documents',
            msg.myDocumentsHeading,
            unread
              ? html`<span class="badge" part="unread-badge" aria-hidden="true">${unread}</span><span class="visually-hidden">${msg.unreadHidden(unread)}</span>`
              : nothing,
          )}
          ${item('chat', msg.assistantHeading)}
        </ul>
      </nav>
    `;
  }

  private showView(view: ResidentView) {
    if (view === 'chat') this.load('tenant-chat');
    this.home.show(view);
  }

  private renderChat() {
    return html`
      ${this.heading(this.msg.assistantHeading)}
      ${this.lazy('tenant-chat', () => this.load('tenant-chat'), html`<tenant-chat lang=${this.locale} embedded .client=${this.apiClient}></tenant-chat>`)}
    `;
  }

  private heading(text: string) {
    return html`<h2 id="view-heading" part="view-heading" tabindex="-1">${text}</h2>`;
  }

  private failure(text: string, retry: () => void) {
    return html`
      <div class="failure" part="failure" role="alert">
        <p>${text}</p>
        <button type="button" part="retry" @click=${retry}>${this.msg.retry}</button>
      </div>
    `;
  }

  private renderCases() {
    const { cases, joined } = this.home;
    const msg = this.msg;
    return html`
      ${this.heading(msg.myCasesHeading)}
      ${this.home.filed ? html`<p class="filed" part="filed-notice">${msg.caseFiled(this.home.filed.caseNumber, this.home.filed.createdAt)}</p>` : nothing}
      ${cases.state === 'loading' && !cases.items.length ? html`<p part="loading" role="status">${msg.loading}</p>` : nothing}
      ${cases.state === 'error' ? this.failure(cases.error, () => void this.home.loadCases()) : nothing}
      ${
        cases.state === 'loaded' && !cases.items.length
          ? html`<p class="empty-state" part="empty-state">${msg.casesSummary(0)}</p>
            <button type="button" class="primary" @click=${() => this.home.show('new')}>${msg.newCaseHeading}</button>`
          : nothing
      }
      ${
        cases.items.length
          ? html`<mp-case-list
            lang=${this.locale}
            .cases=${cases.items}
            .highlight=${this.home.highlight}
            ?has-more=${!!cases.nextCursor}
            ?loading-more=${cases.loadingMore}
            @mp-case-open-request=${(event: CustomEvent<{ caseId: string }>) => this.openCase(event.detail.caseId)}
            @mp-load-more-request=${() => this.home.loadMoreCases()}
          ></mp-case-list>`
          : nothing
      }
      ${cases.state === 'loaded' && cases.error ? this.failure(cases.error, () => void this.home.loadMoreCases()) : nothing}
      ${
        joined.length
          ? html`<section class="joined" part="joined" aria-labelledby="joined-heading">
            <h3 id="joined-heading">${msg.joinedHeading}</h3>
            <p class="meta">${msg.joinedIntro}</p>
            <ul class="plain">
              ${joined.map(
                (incident) => html`<li class="card">
                  <p><strong>${incident.damageKind}</strong> · ${incident.damageLocation} · ${incident.damageCategory}</p>
                  <p class="meta">${msg.caseNumber(incident.caseNumber)} · ${statusBadge(msg, incident.status)} ·
                    ${timeOf(incident.reportedAt, this.locale, msg, msg.joinedReported)}</p>
                </li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
      ${this.renderNotificationChoice()}
    `;
  }

  /** "E-Mail-Benachrichtigungen", folded; its code is imported when first unfolded. */
  private renderNotificationChoice() {
    const loaded = !!customElements.get('mp-notification-preferences');
    return html`<details class="notifications" part="notifications" @toggle=${this.notificationsToggled}>
      <summary>${this.msg.notificationsHeading}</summary>
      ${
        loaded
          ? html`<mp-notification-preferences lang=${this.locale} .client=${this.apiClient}></mp-notification-preferences>`
          : html`<p class="placeholder" role="status">${this.msg.loading}</p>`
      }
    </details>`;
  }

  private readonly notificationsToggled = (event: Event) => {
    if ((event.target as HTMLDetailsElement).open && !customElements.get('mp-notification-preferences')) {
      void import('../notification-preferences/notification-preferences.ts').then(() => this.requestUpdate());
    }
  };

  private renderCase() {
    const home = this.home;
    const msg = this.msg;
    const known = home.detail?.case ?? home.cases.items.find((item) => item.id === home.openCaseId);
    return html`
      <button type="button" class="back" part="back" @click=${() => home.show('cases')}>← ${msg.backToCases}</button>
      ${this.heading(known ? msg.caseHeading(known.caseNumber, known.title) : msg.myCasesHeading)}
      ${home.detailState === 'loading' && !home.detail ? html`<p class="placeholder" part="loading" role="status">${msg.loading}</p>` : nothing}
      ${home.detailState === 'error' ? this.failure(home.detailError, () => void home.loadDetail()) : nothing}
      ${
        home.detail
          ? html`<mp-case-detail
            lang=${this.locale}
            .detail=${home.detail}
            .client=${this.apiClient}
            .attachmentUrl=${(caseId: string, attachmentId: string) => home.attachmentUrl(caseId, attachmentId)}
            .thumbnailUrl=${(caseId: string, attachmentId: string) => thumbnailOf(home.attachmentUrl(caseId, attachmentId))}
            .sending=${home.sending}
            .sendError=${home.sendError}
            @mp-case-message-request=${this.sendMessage}
          ></mp-case-detail>`
          : nothing
      }
    `;
  }

  /** The case view (with its file picker) is imported when the first case is opened. */
  private openCase(caseId: string) {
    void import('../case-detail/case-detail.ts');
    this.home.openCase(caseId);
  }

  private readonly sendMessage = async (event: CaseMessageRequestEvent) => {
    const view = event.target as CaseDetailView;
    const { caseId, ...input } = event.detail;
    if (await this.home.sendMessage(caseId, input)) view.messageSent();
  };

  /** The forms answer with the filed case: it goes first into "Meine Anliegen". */
  private readonly caseSubmitted = (event: CustomEvent<{ case: ResidentCase }>) => {
    this.newCaseType = undefined;
    this.home.caseFiled(event.detail.case);
  };

  private renderNewCase() {
    const msg = this.msg;
    const type = this.newCaseType;
    return html`
      ${this.heading(msg.newCaseHeading)}
      ${
        type
          ? html`<button type="button" class="back" part="back" @click=${() => this.chooseType(undefined)}>← ${msg.chooseOtherType}</button>
            ${this.renderForm(type)}`
          : html`<p>${msg.newCaseIntro}</p>
            <ul class="plain types">
              ${filingTypes.map(
                (choice) => html`<li>
                  <button type="button" class="type" part="case-type" @click=${() => this.chooseType(choice)}>
                    <strong>${msg.caseTypeLabels[choice]}</strong>
                    <span>${msg.newCaseTypeHints[choice]}</span>
                  </button>
                </li>`,
              )}
            </ul>`
      }
    `;
  }

  /** The next step starts where the resident acts: the form's first field, or the first type to choose. */
  private chooseType(type: FilingType | undefined) {
    this.showForm(type);
    if (!type) {
      void this.updateComplete.then(() => this.renderRoot.querySelector<HTMLElement>('button.type')?.focus());
      return;
    }
    this.formFocusPending = true;
  }

  private showForm(type: FilingType | undefined) {
    this.newCaseType = type;
    if (type) this.load(type === 'damage' ? 'damage-report-form' : 'mp-case-request-form');
    this.requestUpdate();
  }

  /** Imports a form's or the chat's code (`lazyViews`) the first time it is shown. */
  private load(tag: keyof typeof lazyViews) {
    this.loadFailed = false;
    if (customElements.get(tag)) return;
    lazyViews[tag]().then(
      () => this.requestUpdate(),
      () => {
        this.loadFailed = true;
        this.requestUpdate();
      },
    );
  }

  /** The element of `tag` once its code is here; until then "Wird geladen …", or a retry when it failed. */
  private lazy(tag: string, retry: () => void, view: unknown) {
    if (this.loadFailed) return this.failure(this.msg.unexpectedError, retry);
    return customElements.get(tag) ? view : html`<p class="placeholder" part="loading" role="status">${this.msg.loading}</p>`;
  }

  private renderForm(type: FilingType) {
    const tag = type === 'damage' ? 'damage-report-form' : 'mp-case-request-form';
    return this.lazy(
      tag,
      () => this.chooseType(type),
      type === 'damage'
        ? html`<damage-report-form lang=${this.locale} .client=${this.apiClient}></damage-report-form>`
        : html`<mp-case-request-form lang=${this.locale} case-type=${type} fixed-type .client=${this.apiClient}></mp-case-request-form>`,
    );
  }

  private renderDocuments() {
    const { documents } = this.home;
    const msg = this.msg;
    return html`
      ${this.heading(msg.myDocumentsHeading)}
      ${documents.state === 'loading' && !documents.items.length ? html`<p part="loading" role="status">${msg.loading}</p>` : nothing}
      ${documents.state === 'error' ? this.failure(documents.error, () => void this.home.loadDocuments()) : nothing}
      ${documents.state === 'loaded' && !documents.items.length ? html`<p class="empty-state" part="empty-state">${msg.documentsEmpty}</p>` : nothing}
      ${
        documents.items.length
          ? html`<mp-document-inbox
            lang=${this.locale}
            .documents=${documents.items}
            .documentUrl=${(documentId: string) => this.home.downloadUrl(documentId)}
            ?has-more=${!!documents.nextCursor}
            ?loading-more=${documents.loadingMore}
            @mp-document-opened=${(event: CustomEvent<{ documentId: string }>) => this.home.documentOpened(event.detail.documentId)}
            @mp-load-more-request=${() => this.home.loadMoreDocuments()}
          ></mp-document-inbox>`
          : nothing
      }
      ${documents.state === 'loaded' && documents.error ? this.failure(documents.error, () => void this.home.loadMoreDocuments()) : nothing}
    `;
  }
}

defineElement('tenant-portal', TenantPortal);

declare global {
  interface HTMLElementTagNameMap {
    'tenant-portal': TenantPortal;
  }
}
