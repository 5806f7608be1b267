import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import { ApiError, type ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { errorText, intlLocale } from '../internal/localize.ts';
import { ContractorAnswerApi, type ContractorAnswerInput, type ContractorOrderView } from '../internal/contractor-api.ts';
import { answerTexts } from './answer-texts.ts';
import { signedLinkPageStyles } from '../internal/signed-link-page.styles.ts';
import { contractorAnswerStyles } from './contractor-answer.styles.ts';
import '../internal/staff-errors.ts';

/** The codes that mean the link itself no longer works: nothing to offer, only what to do. */
const LINK_CODES = new Set(['link_missing', 'link_invalid', 'link_wrong_purpose', 'link_expired', 'link_revoked', 'link_used']);

function tokenFromLocation(): string | undefined {
  const fromHash = new URLSearchParams(location.hash.replace(/^#/, '')).get('token');
  return fromHash ?? new URLSearchParams(location.search).get('token') ?? undefined;
}

type Field = 'appointmentAt' | 'reason' | 'note';

/**
 * The public page a contractor reaches through the signed link of the order mail (`/auftrag#token=…`): no account. It
 * shows the job (case number, location, damage, description, when the resident is available and whether the flat may
 * be entered in their absence, the housing company's note) and takes one answer: accept with an appointment (again to
 * move it), decline with a reason, or report the work done with a note. A link that no longer works says so in words.
 *
 * @tagname contractor-answer
 * @summary A contractor's answer to a work order through a signed link.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading.
 * @csspart order - The job: where, what, when, access.
 * @csspart accept - The accept button.
 * @csspart decline - The decline button.
 * @csspart done - The done button.
 * @csspart status - The polite status line (what just happened).
 * @csspart alert - An error.
 *
 * @cssproperty --mp-color-primary - Buttons.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Card background.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-success - The status line.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class ContractorAnswer extends PortalElement {
  static override styles = [PortalElement.styles, signedLinkPageStyles, contractorAnswerStyles];

  /** The signed link's token; by default read from the page's address (`#token=…`). */
  @property() token?: string;
  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;
  /** The API to talk to; set it to use a fake in stories and tests. */
  @property({ attribute: false }) client?: ApiClient;

  @state() private view?: ContractorOrderView;
  @state() private loadState: 'loading' | 'loaded' | 'failed' = 'loading';
  @state() private linkError = '';
  @state() private failure = '';
  @state() private announcement = '';
  @state() private busy = false;
  @state() private errors: Partial<Record<Field, string>> = {};

  private readonly answerTexts = new AreaTexts(this, answerTexts);
  private api_?: ContractorAnswerApi;

  private get words() {
    return this.answerTexts.texts;
  }

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.answerTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this.load();
  }

  private answerApi(): ContractorAnswerApi {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    const token = this.token ?? tokenFromLocation() ?? '';
    if (!this.api_ || this.api_.client !== client) this.api_ = new ContractorAnswerApi(client, token);
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
      this.view = await this.answerApi().order();
      this.loadState = 'loaded';
    } catch (error) {
      this.fail(error);
      this.loadState = 'failed';
    }
  }

  private when(iso: string): string {
    return new Date(iso).toLocaleString(intlLocale(this.locale), { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Berlin' });
  }

  private async submit(event: SubmitEvent, kind: ContractorAnswerInput['answer']): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const field: Field = kind === 'accept' ? 'appointmentAt' : kind === 'decline' ? 'reason' : 'note';
    const value = (form.elements.namedItem(field) as HTMLInputElement | HTMLTextAreaElement).value.trim();
    const t = this.words;
    this.errors = value ? {} : { [field]: t.required };
    if (!value) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const input: ContractorAnswerInput =
      kind === 'accept'
        ? { answer: 'accept', appointmentAt: new Date(value).toISOString() }
        : kind === 'decline'
          ? { answer: 'decline', reason: value }
          : { answer: 'done', note: value };
    this.busy = true;
    this.failure = '';
    this.announcement = '';
    try {
      this.view = await this.answerApi().answer(input);
      const appointmentAt = this.view.appointmentAt;
      this.announcement =
        kind === 'accept' && appointmentAt ? t.acceptedNow(this.when(appointmentAt)) : kind === 'decline' ? t.declinedNow : t.doneNow;
      form.reset();
    } catch (error) {
      this.fail(error);
    } finally {
      this.busy = false;
    }
  }

  override render(): TemplateResult {
    const t = this.words;
    return html`<section part="base" class="base" aria-busy=${this.loadState === 'loading' || this.busy ? 'true' : 'false'}>
      <h2 part="heading">${this.view ? t.heading(this.view.caseNumber) : t.heading('')}</h2>
      ${this.renderBody()}
      <p part="status" class="status" role="status">${this.announcement}</p>
    </section>`;
  }

  private renderBody(): TemplateResult {
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
    const open = view.status === 'ordered' || view.status === 'accepted';
    return html`
      <p>${t.intro(view.company.name, view.contractor.name)}</p>
      <div part="order" class="card">
        <dl>
          <dt>${t.where}</dt>
          <dd>${[view.location.address, view.location.unit].filter(Boolean).join(', ')}</dd>
          ${view.damage ? html`<dt>${t.damage}</dt><dd>${view.damage}</dd>` : nothing}
          <dt>${t.description}</dt>
          <dd>${view.title}${view.description ? html`<br />${view.description}` : nothing}</dd>
          <dt>${t.availability}</dt>
          <dd>${view.residentAvailability ?? t.noAvailability}</dd>
          <dt>${t.access}</dt>
          <dd>${view.accessConsent ? t.accessYes : t.accessNo}</dd>
          ${view.note ? html`<dt>${t.note}</dt><dd>${view.note}</dd>` : nothing}
        </dl>
        <p class="state">${t.state[view.status]}</p>
        ${view.appointmentAt ? html`<p>${t.appointment(this.when(view.appointmentAt))}</p>` : nothing}
        ${view.answerNote ? html`<p>${view.answerNote}</p>` : nothing}
      </div>
      ${this.failure ? html`<div part="alert" role="alert"><p>${this.failure}</p></div>` : nothing}
      ${open ? this.renderForms(view) : html`<p class="muted">${t.closed}</p>`}
      ${open ? html`<p class="muted">${t.linkValidUntil(this.when(view.linkExpiresAt))}</p>` : nothing}
    `;
  }

  private field(name: Field, label: string, multiline: boolean): TemplateResult {
    const error = this.errors[name];
    const described = error ? `${name}-error` : nothing;
    return html`<label>
      ${label}
      ${
        multiline
          ? html`<textarea name=${name} maxlength="2000" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described}></textarea>`
          : html`<input name=${name} type="datetime-local" aria-invalid=${error ? 'true' : 'false'} aria-describedby=${described} />`
      }
      ${error ? html`<span id=${`${name}-error`} class="field-error">${error}</span>` : nothing}
    </label>`;
  }

  private renderForms(view: ContractorOrderView): TemplateResult {
    const t = this.words;
    return html`
      <form class="card" novalidate @submit=${(event: SubmitEvent) => this.submit(event, 'accept')}>
        <h3>${t.acceptHeading}</h3>
        ${this.field('appointmentAt', t.appointmentLabel, false)}
        <div class="actions">
          <button type="submit" part="accept" ?disabled=${this.busy}>${view.status === 'accepted' ? t.reschedule : t.accept}</button>
        </div>
      </form>
      <form class="card" novalidate @submit=${(event: SubmitEvent) => this.submit(event, 'done')}>
        <h3>${t.doneHeading}</h3>
        ${this.field('note', t.doneNoteLabel, true)}
        <div class="actions"><button type="submit" part="done" ?disabled=${this.busy}>${t.done}</button></div>
      </form>
      <form class="card" novalidate @submit=${(event: SubmitEvent) => this.submit(event, 'decline')}>
        <h3>${t.declineHeading}</h3>
        ${this.field('reason', t.reasonLabel, true)}
        <div class="actions">
          <button type="submit" part="decline" class="secondary" ?disabled=${this.busy}>${t.decline}</button>
        </div>
      </form>
    `;
  }
}

defineElement('contractor-answer', ContractorAnswer);

declare global {
  interface HTMLElementTagNameMap {
    'contractor-answer': ContractorAnswer;
  }
}
