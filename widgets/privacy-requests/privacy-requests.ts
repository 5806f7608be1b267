import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement, PortalElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { errorText } from '../internal/localize.ts';
import { staffDate, staffViewStyles } from '../internal/staff-view.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { PrivacyApi, type AdminErasureRequest, type RetainedItem } from '../internal/privacy-api.ts';
import { privacyRequestsTexts } from './privacy-texts.ts';
import '../internal/staff-errors.ts';

/**
 * The housing company's erasure requests (Art. 17 DSGVO, docs/data-subject-rights.md) for its admins: open ones
 * first, each completed after an explicit confirmation; a completed one shows what was deleted, anonymised and
 * kept. `<staff-portal>` shows it under "Datenschutz" and imports its code only when an admin opens that.
 *
 * @tagname privacy-requests
 * @summary The admins' list of erasure requests, completed one by one.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not when `embedded`).
 * @csspart list - The list of requests.
 * @csspart request - One request.
 * @csspart status - A request's status badge.
 * @csspart outcome - What completing a request did.
 * @csspart button - Each button.
 * @csspart alert - An error.
 * @csspart notice - A confirmation.
 * @csspart loading - "Wird geladen …".
 *
 * @cssproperty --mp-color-primary - Buttons.
 * @cssproperty --mp-color-error - Errors and the confirming button.
 * @cssproperty --mp-color-success - Confirmations.
 * @cssproperty --mp-color-border - Separators.
 */
export class PrivacyRequestsElement extends PortalElement {
  static override styles = [
    PortalElement.styles,
    staffViewStyles,
    css`
      .requests {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75em;
      }
      .request {
        display: grid;
        gap: 0.4em;
        padding: 0.75em 0;
        border-top: 1px solid var(--_border);
      }
      .title {
        font-size: 1.4em;
        font-weight: 700;
        margin: 0 0 0.5em;
      }
      .name {
        font-weight: 600;
      }
      .status {
        font-size: 0.875em;
        font-weight: 600;
        margin-inline-start: 0.5em;
      }
      .status.open {
        color: var(--_error);
      }
      .status.completed {
        color: var(--_success);
      }
      .confirm {
        display: grid;
        gap: 0.5em;
        padding: 0.75em;
        border: 1px solid var(--_error);
        border-radius: var(--_radius);
      }
      button.danger {
        background: var(--_error);
        border-color: var(--_error);
        color: #fff;
      }
      .outcome ul {
        margin: 0 0 0.5em;
        padding-inline-start: 1.25em;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5em;
      }
    `,
  ];

  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;

  /** The API to talk to; the staff portal passes its own, stories and tests a fake. */
  @property({ attribute: false }) client?: ApiClient;

  /** Inside the staff portal, which shows the heading itself. */
  @property({ type: Boolean }) embedded = false;

  /** Level of the heading (when not `embedded`). */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  @state() private loadState: 'loading' | 'ready' | 'signed-out' | 'forbidden' | 'error' = 'loading';
  @state() private loadError?: unknown;
  @state() private requests: AdminErasureRequest[] = [];
  /** The request whose confirmation is open. */
  @state() private confirming?: string;
  @state() private busy?: string;
  @state() private error?: string;
  @state() private notice?: string;

  private readonly requestTexts = new AreaTexts(this, privacyRequestsTexts);
  private loaded = false;

  private get t() {
    return this.requestTexts.texts;
  }

  /** @internal The element's client (`client`, else the one for `api`), speaking the element's language. */
  get apiClient(): ApiClient {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return client;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.requestTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (!this.loaded || changed.has('client') || changed.has('api')) {
      this.loaded = true;
      void this.load();
    }
  }

  private async load(): Promise<void> {
    this.loadState = 'loading';
    try {
      this.requests = await new PrivacyApi(this.apiClient).listRequests();
      this.loadState = 'ready';
    } catch (error) {
      this.loadError = error;
      const status = error instanceof ApiError ? error.status : 0;
      this.loadState = status === 401 ? 'signed-out' : status === 403 ? 'forbidden' : 'error';
    }
  }

  private async complete(request: AdminErasureRequest): Promise<void> {
    if (this.busy) return;
    this.busy = request.id;
    this.error = undefined;
    this.notice = undefined;
    try {
      const done = await new PrivacyApi(this.apiClient).complete(request.id);
      this.requests = this.requests.map((entry) => (entry.id === done.id ? done : entry));
      this.confirming = undefined;
      this.notice = this.t.done(done.residentName);
    } catch (error) {
      const code = (error as { code?: string }).code;
      this.error = (code && this.t.errors[code]) || errorText(this.msg, error);
    } finally {
      this.busy = undefined;
    }
  }

  override render() {
    return html`
      <section part="base" aria-label=${this.embedded ? this.t.heading : nothing}>
        ${
          this.embedded
            ? nothing
            : html`<div class="title" part="heading" role="heading" aria-level=${Math.min(Math.max(this.headingLevel, 1), 6)}>${this.t.heading}</div>`
        }
        ${this.renderBody()}
      </section>
    `;
  }

  private renderBody() {
    switch (this.loadState) {
      case 'loading':
        return html`<p class="muted" part="loading" role="status">${this.msg.loading}</p>`;
      case 'signed-out':
        return html`<p class="alert" part="alert">${this.t.signInFirst}</p>`;
      case 'forbidden':
        return html`<p class="alert" part="alert">${this.t.adminsOnly}</p>`;
      case 'error':
        return html`<div class="alert" part="alert" role="alert">
          <p>${errorText(this.msg, this.loadError)}</p>
          <button type="button" part="button" @click=${() => void this.load()}>${this.msg.retry}</button>
        </div>`;
      case 'ready':
        return html`
          <p class="muted">${this.t.intro}</p>
          <p class="alert" part="alert" role="alert">${this.error ?? nothing}</p>
          <p class="notice" part="notice" role="status">${this.notice ?? nothing}</p>
          ${
            this.requests.length
              ? html`<ul class="requests" part="list" aria-label=${this.t.listLabel}>${this.requests.map((request) => this.renderRequest(request))}</ul>`
              : html`<p>${this.t.empty}</p>`
          }
        `;
    }
  }

  private renderRequest(request: AdminErasureRequest) {
    const open = request.status === 'open';
    return html`
      <li class="request" part="request">
        <div>
          <span class="name">${request.residentName}</span>
          <span class="status ${request.status}" part="status">${open ? this.t.open : this.t.completed}</span>
        </div>
        <p class="muted">
          ${this.t.tenantNumber(request.externalRef)}${request.unit ? html` · ${this.t.unit(request.unit)}` : nothing} ·
          ${this.t.requestedAt(staffDate(request.requestedAt, this.locale))}
        </p>
        ${request.completedAt ? html`<p class="muted">${this.t.completedAt(staffDate(request.completedAt, this.locale), request.completedBy)}</p>` : nothing}
        ${open ? this.renderCompletion(request) : this.renderOutcome(request)}
      </li>
    `;
  }

  private renderCompletion(request: AdminErasureRequest) {
    if (this.confirming !== request.id)
      return html`<div class="actions">
        <button type="button" part="button" aria-label=${this.t.completeOf(request.residentName)} @click=${() => (this.confirming = request.id)}>
          ${this.t.complete}
        </button>
      </div>`;
    const busy = this.busy === request.id;
    return html`
      <div class="confirm" role="group" aria-label=${this.t.completeOf(request.residentName)}>
        <p>${this.t.confirmQuestion(request.residentName)}</p>
        <div class="actions">
          <button type="button" part="button" class="danger" ?disabled=${busy} aria-busy=${busy ? 'true' : 'false'}
            @click=${() => void this.complete(request)}>${busy ? this.t.working : this.t.confirm}</button>
          <button type="button" part="button" ?disabled=${busy} @click=${() => (this.confirming = undefined)}>${this.t.cancel}</button>
        </div>
      </div>
    `;
  }

  private keptLine(item: RetainedItem, day: (iso: string) => string): string {
    const what = this.t.kept[item.kind](item.count);
    return item.keptUntil ? `${what}, ${this.t.until(day(item.keptUntil))}` : what;
  }

  private renderOutcome(request: AdminErasureRequest) {
    const outcome = request.outcome;
    if (!outcome) return nothing;
    const removed = Object.entries(outcome.removed).filter(([, count]) => count > 0);
    const day = (iso: string) =>
      new Intl.DateTimeFormat(this.locale === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(iso));
    return html`
      <div class="outcome" part="outcome">
        ${
          removed.length
            ? html`<p><strong>${this.t.removedHeading}</strong></p>
              <ul>${removed.map(([key, count]) => html`<li>${count} ${this.t.removed[key] ?? key}</li>`)}</ul>`
            : nothing
        }
        <p><strong>${this.t.anonymisedHeading}</strong></p>
        <ul>
          ${outcome.anonymised.account ? html`<li>${this.t.anonymisedAccount}</li>` : nothing}
          <li>${outcome.anonymised.names ? this.t.anonymisedNames : this.t.namesKept}</li>
          ${outcome.anonymised.expiredCases ? html`<li>${this.t.expiredCases(outcome.anonymised.expiredCases)}</li>` : nothing}
        </ul>
        <p><strong>${this.t.keptHeading}</strong></p>
        <ul>
          ${outcome.kept.map((item) => html`<li>${this.keptLine(item, day)}</li>`)}
        </ul>
      </div>
    `;
  }
}

defineElement('privacy-requests', PrivacyRequestsElement);

declare global {
  interface HTMLElementTagNameMap {
    'privacy-requests': PrivacyRequestsElement;
  }
}
