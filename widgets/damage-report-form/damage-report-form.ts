import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../internal/portal-element.ts';
import { ApiError } from '../internal/api-client.ts';
import { errorText } from '../internal/localize.ts';
import { CaseFilingForm } from '../case-filing/case-filing-form.ts';
import type { CompanyContact, FiledCase, FilingUrgency, NewCaseInput, OpenDamageReport } from '../internal/case-filing-api.ts';
import { damageReportFormStyles } from './damage-report-form.styles.ts';

const urgencies: FilingUrgency[] = ['normal', 'urgent', 'emergency'];

/** A `tel:` address dials digits (and a leading +) only. */
const telHref = (phone: string) => `tel:${phone.replace(/(?!^\+)[^0-9]/g, '')}`;

interface OpenReports {
  categoryId: string;
  state: 'loading' | 'loaded' | 'failed';
  items: OpenDamageReport[];
}

interface JoinState {
  state: 'joining' | 'joined' | 'failed';
  message?: string;
}

/**
 * The residents' damage report (Schadensmeldung): Schadensort → Schadenskategorie → Schadensart from the
 * housing company's catalogue, urgency with an emergency hint, description, availability and access
 * consent, photos through `<mp-attachment-picker>`, and "Bereits gemeldet?": open reports of the same
 * category in the resident's building, which the resident can join instead of reporting again.
 *
 * Works on its own on any page of the housing company (the resident signed in through the portal's
 * session cookie; otherwise it says so) and inside `<tenant-portal>` (session from the portal).
 * The housing company's emergency numbers (its settings, `GET /api/tenants/:slug/contact`) stand in the
 * emergency hint, signed in or not: signed out, the form shows the emergency hint with the numbers below
 * its sign-in hint. Standalone it needs `tenant` to know the company before anyone signed in.
 * On success it shows a receipt with case number and time and fires `mp-case-submitted`; on failure
 * everything typed and attached stays and the errors are shown next to the fields.
 *
 * Not form-associated: it is a whole form that files the case itself, not a field of a host page's form.
 * Its attachment picker is form-associated inside it.
 *
 * @tagname damage-report-form
 * @summary Report damage: dependent catalogue selects, urgency, photos, "Bereits gemeldet?", receipt.
 *
 * @slot emergency-contact - More emergency contacts of the page, shown with the emergency hint below the company's numbers.
 *
 * @event {CaseSubmittedEvent} mp-case-submitted - The damage was filed; `detail.case` is the case with its number.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (the receipt's heading after filing).
 * @csspart loading - The text shown while the session or catalogue loads.
 * @csspart sign-in-hint - The hint shown when no resident is signed in.
 * @csspart alert - The general error of the form (or of the catalogue).
 * @csspart retry - The button that loads the catalogue again.
 * @csspart form - The form.
 * @csspart field - A label, control, hint and error group.
 * @csspart label - A field label.
 * @csspart select - Each of the three catalogue selects.
 * @csspart input - The availability input.
 * @csspart textarea - The description.
 * @csspart hint - A field hint.
 * @csspart field-error - The error message under a field.
 * @csspart urgency - The urgency choices.
 * @csspart emergency-hint - What to do in an emergency, shown when "Notfall" is chosen and to visitors who are not signed in.
 * @csspart emergency-numbers - The list of the housing company's emergency numbers.
 * @csspart emergency-number - One emergency number (a `tel:` link).
 * @csspart already-reported - The "Bereits gemeldet?" section.
 * @csspart open-report - One open report in the building.
 * @csspart join - The "Ich bin auch betroffen" button.
 * @csspart attachments - The attachment picker.
 * @csspart submit - The submit button.
 * @csspart receipt - The receipt after filing.
 * @csspart another - The "Weiteres Anliegen melden" button.
 *
 * @cssproperty --mp-color-primary - Buttons, accents, selected choices.
 * @cssproperty --mp-color-on-primary - Text on the submit button.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Background of inputs and cards.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors, invalid fields and the emergency hint.
 * @cssproperty --mp-color-success - The receipt.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class DamageReportForm extends CaseFilingForm {
  static override styles = [CaseFilingForm.styles, damageReportFormStyles];

  /** The housing company's slug, e.g. `wohnbau-nord`: standalone, its emergency numbers show before sign-in too. */
  @property({ reflect: true }) tenant = '';

  /** The housing company's emergency numbers and contact; absent until loaded (or when they cannot be). */
  @state() private contact?: CompanyContact;
  /** The company whose contact is loaded or loading. */
  private contactSlug?: string;

  @state() private locationId = '';
  @state() private categoryId = '';
  @state() private kindId = '';
  @state() private urgency: FilingUrgency = 'normal';
  @state() private description = '';
  @state() private availability = '';
  @state() private accessConsent = false;
  @state() private openReports?: OpenReports;
  @state() private joins: Record<string, JoinState> = {};

  protected heading(): string {
    return this.msg.damageFormHeading;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const slug = this.currentSession?.user?.tenant.slug || this.tenant;
    if (slug && slug !== this.contactSlug) void this.loadContact(slug);
  }

  private async loadContact(slug: string): Promise<void> {
    this.contactSlug = slug;
    try {
      const contact = await this.filingApi.companyContact(slug);
      if (this.contactSlug === slug) this.contact = contact;
    } catch {
      // Without the numbers the hint still says what to do (the company's emergency service, 112).
      if (this.contactSlug === slug) this.contact = undefined;
    }
  }

  protected override renderSignedOut(): TemplateResult {
    return html`
      ${super.renderSignedOut()}
      <div class="emergency" part="emergency-hint" id="emergency-hint">
        <p>${this.msg.emergencyWithoutSignIn}</p>
        ${this.renderEmergencyNumbers()}
        <slot name="emergency-contact"></slot>
      </div>
    `;
  }

  private renderEmergencyNumbers(): TemplateResult | typeof nothing {
    const numbers = this.contact?.emergencyNumbers ?? [];
    if (!numbers.length) return nothing;
    return html`
      <ul class="emergency-numbers" part="emergency-numbers" aria-label=${this.msg.emergencyNumbersLabel}>
        ${numbers.map(
          (entry) =>
            html`<li><a part="emergency-number" href=${telHref(entry.phone)}>${entry.label}: <span class="phone">${entry.phone}</span></a></li>`,
        )}
      </ul>
    `;
  }

  protected submitLabel(): string {
    return this.msg.submitDamage;
  }

  private get location() {
    return this.catalogue?.damageLocations.find((entry) => entry.id === this.locationId);
  }

  private get category() {
    return this.location?.categories.find((entry) => entry.id === this.categoryId);
  }

  protected override renderBody(): TemplateResult {
    return this.catalogue ? this.renderForm() : this.renderCatalogueState();
  }

  protected renderFields(): TemplateResult {
    const locations = this.catalogue?.damageLocations ?? [];
    return html`
      <p class="intro">${this.msg.damageFormIntro}</p>
      ${this.renderSelect('damageLocationId', this.msg.damageLocation, locations, this.locationId, (id) => this.chooseLocation(id))}
      ${this.renderSelect(
        'damageCategoryId',
        this.msg.damageCategory,
        this.location?.categories ?? [],
        this.categoryId,
        (id) => this.chooseCategory(id),
        {
          disabled: !this.location,
          placeholder: this.location ? this.msg.choosePlaceholder : this.msg.chooseLocationFirst,
        },
      )}
      ${this.renderSelect('damageKindId', this.msg.damageKind, this.category?.kinds ?? [], this.kindId, (id) => (this.kindId = id), {
        disabled: !this.category,
        placeholder: this.category ? this.msg.choosePlaceholder : this.msg.chooseCategoryFirst,
      })}
      ${this.renderAlreadyReported()} ${this.renderUrgency()}
      ${this.renderText('description', this.msg.description, this.description, (value) => (this.description = value), {
        required: true,
        multiline: true,
        hint: this.msg.damageDescriptionHint,
        max: 5000,
      })}
      ${this.renderText('residentAvailability', this.msg.availability, this.availability, (value) => (this.availability = value), {
        hint: this.msg.availabilityHint,
        max: 500,
      })}
      <div class="field" part="field">
        <label class="choice">
          <input
            type="checkbox"
            name="accessConsent"
            .checked=${this.accessConsent}
            ?disabled=${this.busy}
            @change=${(event: Event) => (this.accessConsent = (event.target as HTMLInputElement).checked)}
          />
          <span>${this.msg.accessConsent}</span>
        </label>
        ${this.renderHintAndError('accessConsent')}
      </div>
    `;
  }

  private renderUrgency(): TemplateResult {
    return html`
      <fieldset part="urgency" aria-describedby=${this.urgency === 'emergency' ? 'emergency-hint' : nothing}>
        <legend>${this.msg.urgency}</legend>
        ${urgencies.map(
          (urgency) => html`
            <label class="choice">
              <input
                type="radio"
                name="urgency"
                value=${urgency}
                .checked=${this.urgency === urgency}
                ?disabled=${this.busy}
                @change=${() => {
                  this.urgency = urgency;
                  this.clearServerField('urgency');
                }}
              />
              <span><strong>${this.msg.urgencyLabels[urgency]}</strong> <span class="hint">${this.msg.urgencyHints[urgency]}</span></span>
            </label>
          `,
        )}
        ${
          this.urgency === 'emergency'
            ? html`<div class="emergency" part="emergency-hint" id="emergency-hint">
              <p>${this.msg.emergencyHint}</p>
              ${this.renderEmergencyNumbers()}
              <slot name="emergency-contact"></slot>
            </div>`
            : nothing
        }
        ${this.renderHintAndError('urgency')}
      </fieldset>
    `;
  }

  private renderAlreadyReported(): TemplateResult | typeof nothing {
    const reports = this.openReports;
    if (!reports || reports.categoryId !== this.categoryId) return nothing;
    let content: TemplateResult;
    if (reports.state === 'loading') content = html`<p class="loading">${this.msg.loading}</p>`;
    else if (reports.state === 'failed') content = html`<p class="hint">${this.msg.alreadyReportedError}</p>`;
    else if (!reports.items.length) content = html`<p class="hint">${this.msg.alreadyReportedNone}</p>`;
    else {
      content = html`
        <p>${this.msg.alreadyReportedIntro(reports.items.length)}</p>
        <ul class="open-reports">
          ${reports.items.map((report) => this.renderOpenReport(report))}
        </ul>
      `;
    }
    return html`
      <section class="already-reported" part="already-reported" aria-labelledby="already-reported-heading" aria-busy=${reports.state === 'loading' ? 'true' : 'false'}>
        <p class="subheading" id="already-reported-heading" role="heading" aria-level=${this.titleLevel + 1}>${this.msg.alreadyReportedHeading}</p>
        ${content}
      </section>
    `;
  }

  private renderOpenReport(report: OpenDamageReport): TemplateResult {
    const join = this.joins[report.caseNumber];
    return html`
      <li class="open-report" part="open-report">
        <p class="open-report-title">${report.damageKind}</p>
        <p class="hint">
          ${this.msg.caseStatusLabels[report.status]} · ${this.msg.reportedAt(this.msg.dateTime(report.reportedAt))} · ${this.msg.receiptCaseNumber}
          ${report.caseNumber}
        </p>
        ${
          join?.state === 'joined'
            ? html`<p class="joined" role="status">${join.message ?? this.msg.joinedIncident}</p>`
            : html`
              <button
                class="secondary"
                part="join"
                type="button"
                ?disabled=${join?.state === 'joining'}
                aria-busy=${join?.state === 'joining' ? 'true' : 'false'}
                aria-label=${this.msg.joinIncidentLabel(report.damageKind, report.caseNumber)}
                @click=${() => this.joinReport(report.caseNumber)}
              >
                ${this.msg.joinIncident}
              </button>
              ${join?.state === 'failed' ? html`<p class="field-error" role="alert">${join.message}</p>` : nothing}
            `
        }
      </li>
    `;
  }

  /** A new location empties category and kind (they belong to the old location). */
  private chooseLocation(id: string): void {
    if (id === this.locationId) return;
    this.locationId = id;
    this.categoryId = '';
    this.kindId = '';
    this.openReports = undefined;
  }

  private chooseCategory(id: string): void {
    if (id === this.categoryId) return;
    this.categoryId = id;
    this.kindId = '';
    this.openReports = undefined;
    if (id) void this.loadOpenReports(id);
  }

  private async loadOpenReports(categoryId: string): Promise<void> {
    this.openReports = { categoryId, state: 'loading', items: [] };
    let next: OpenReports;
    try {
      next = { categoryId, state: 'loaded', items: await this.filingApi.openDamageReports(categoryId) };
    } catch {
      next = { categoryId, state: 'failed', items: [] };
    }
    // The resident may have chosen another category meanwhile.
    if (this.openReports?.categoryId === categoryId) this.openReports = next;
  }

  private async joinReport(caseNumber: string): Promise<void> {
    this.joins = { ...this.joins, [caseNumber]: { state: 'joining' } };
    let result: JoinState;
    try {
      await this.filingApi.joinDamageReport(caseNumber);
      result = { state: 'joined' };
    } catch (error) {
      const apiError = error instanceof ApiError ? error : undefined;
      // 409: already joined, or the resident's own report — either way they already get the news.
      if (apiError?.status === 409) result = { state: 'joined', message: errorText(this.msg, apiError) };
      else if (apiError?.status === 404) result = { state: 'failed', message: this.msg.joinUnavailable };
      else result = { state: 'failed', message: errorText(this.msg, error) };
    }
    this.joins = { ...this.joins, [caseNumber]: result };
  }

  protected validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    if (!this.locationId) errors.damageLocationId = this.msg.chooseLocationError;
    if (!this.categoryId) errors.damageCategoryId = this.msg.chooseCategoryError;
    if (!this.kindId) errors.damageKindId = this.msg.chooseKindError;
    const description = this.description.trim() ? this.lengthError(this.description, 5000) : this.msg.descriptionError;
    if (description) errors.description = description;
    const availability = this.lengthError(this.availability, 500);
    if (availability) errors.residentAvailability = availability;
    return errors;
  }

  protected caseInput(): NewCaseInput {
    const availability = this.availability.trim();
    return {
      type: 'damage',
      damageLocationId: this.locationId,
      damageCategoryId: this.categoryId,
      damageKindId: this.kindId,
      urgency: this.urgency,
      description: this.description.trim(),
      ...(availability ? { residentAvailability: availability } : {}),
      accessConsent: this.accessConsent,
    };
  }

  protected clearFields(): void {
    this.locationId = '';
    this.categoryId = '';
    this.kindId = '';
    this.urgency = 'normal';
    this.description = '';
    this.availability = '';
    this.accessConsent = false;
    this.openReports = undefined;
    this.joins = {};
  }

  protected override receiptRows(filed: FiledCase): [string, string][] {
    const rows: [string, string][] = [[this.msg.receiptType, this.msg.caseTypeLabels[filed.type]]];
    if (filed.damage) {
      rows.push([this.msg.damageLocation, filed.damage.location.label]);
      rows.push([this.msg.damageKind, `${filed.damage.category.label} › ${filed.damage.kind.label}`]);
    }
    rows.push([this.msg.urgency, this.msg.urgencyLabels[filed.urgency]]);
    return rows;
  }
}

defineElement('damage-report-form', DamageReportForm);

declare global {
  interface HTMLElementTagNameMap {
    'damage-report-form': DamageReportForm;
  }
}
