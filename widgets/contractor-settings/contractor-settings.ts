import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { defineElement } from '../internal/portal-element.ts';
import { AdminSettingsView } from '../internal/admin-settings-view.ts';
import { AreaTexts, TextArea } from '../internal/area-texts.ts';
import { ContractorAdminApi, type Contractor, type ContractorChange } from '../internal/contractor-admin-api.ts';
import { textLimitProblem } from '../../bff/contract/text-length.ts';
import de, { type ContractorMessages } from './i18n/de.ts';

const contractorTexts = new TextArea<ContractorMessages>(de, { en: () => import('./i18n/en.ts') });

type Field = 'name' | 'trade' | 'email' | 'phone';
type Draft = Record<Field, string>;
const FIELDS: readonly Field[] = ['name', 'trade', 'email', 'phone'];
/** The contract's limits (bff/contract/contractors.ts), in visible characters. */
const MAX: Record<Field, number> = { name: 200, trade: 100, email: 254, phone: 50 };
/** The e-mail rule of the contract's `z.email()` (zod's default pattern), so the form refuses what the BFF would. */
const EMAIL = /^(?!\.)(?!.*\.\.)([A-Za-z0-9_'+\-.]*)[A-Za-z0-9_+-]@([A-Za-z0-9][A-Za-z0-9-]*\.)+[A-Za-z]{2,}$/;

const emptyDraft = (): Draft => ({ name: '', trade: '', email: '', phone: '' });
const draftOf = (contractor: Contractor): Draft => ({
  name: contractor.name,
  trade: contractor.trade,
  email: contractor.email,
  phone: contractor.phone ?? '',
});

/**
 * The housing company's contractors (Handwerker, docs/contractors.md): lists them with trade, e-mail, phone, the
 * buildings they serve and whether they are active; adds one, edits one, deactivates and reactivates one. Wrong entries
 * are caught before sending with the contract's rules, the BFF's message shows at its field and the focus moves to the
 * first wrong field; a failed save keeps the entries. Clerks and admins may use it (the API is `access: 'staff'`);
 * anyone else reads a note.
 *
 * In `<staff-portal>` it is part of the admins' "Einstellungen" ("Handwerker"), imported when first opened.
 *
 * @tagname contractor-settings
 * @summary The housing company's contractors: list, add, edit, deactivate.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not shown with `embedded`).
 * @csspart loading - The text shown while the contractors load.
 * @csspart alert - An error: loading failed, not staff, a refused change.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart list - The list of contractors.
 * @csspart contractor - One contractor in the list.
 * @csspart status - "Aktiv" or "Deaktiviert".
 * @csspart add - "Handwerker hinzufügen".
 * @csspart form - The form to add or edit one.
 * @csspart input - Each field of the form.
 * @csspart field-error - The message under a field.
 * @csspart save - "Handwerker anlegen" / "Änderungen speichern".
 * @csspart notice - "… ist angelegt" and the like.
 *
 * @cssproperty --mp-color-primary - Buttons and accents.
 * @cssproperty --mp-color-on-primary - Text on the save button.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints and deactivated contractors.
 * @cssproperty --mp-color-surface - Background of inputs.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-success - Saved notices and "Aktiv".
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class ContractorSettingsElement extends AdminSettingsView {
  static override styles = [
    AdminSettingsView.styles,
    css`
      .group-heading {
        font-size: 1.1em;
        font-weight: 700;
        margin: var(--_space) 0 0.5em;
      }
      ul.contractors {
        list-style: none;
        margin: 0 0 var(--_space);
        padding: 0;
        display: grid;
        gap: 0.5em;
      }
      li.contractor {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: 0.6em 0.75em;
        display: grid;
        gap: 0.35em;
      }
      li.contractor.inactive {
        border-style: dashed;
      }
      .contractor-head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25em 0.75em;
        align-items: baseline;
      }
      .contractor-name {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .status {
        font-size: 0.875em;
        font-weight: 600;
        color: var(--_success);
      }
      .inactive .status {
        color: var(--_muted);
      }
      dl {
        display: grid;
        grid-template-columns: max-content minmax(0, 1fr);
        gap: 0.15em 0.75em;
        margin: 0;
      }
      dt {
        color: var(--_muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      @container (max-width: 28em) {
        dl {
          grid-template-columns: minmax(0, 1fr);
        }
        dd {
          margin-bottom: 0.25em;
        }
      }
      form {
        display: grid;
        gap: var(--_space);
        border-top: 1px solid var(--_border);
        padding-top: var(--_space);
      }
      .field {
        display: grid;
        gap: 0.25em;
      }
      input:is([type='text'], [type='tel']) {
        width: 100%;
        min-height: 2.75em;
        padding: 0.4em 0.5em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
      }
    `,
  ];

  @state() private contractors: Contractor[] = [];
  /** The open form: `'new'`, a contractor's id, or none. */
  @state() private editing?: string;
  @state() private draft: Draft = emptyDraft();
  /** The contractor being deactivated or reactivated. */
  @state() private switching?: string;
  @state() private actionError = '';

  private readonly contractorTexts = new AreaTexts(this, contractorTexts);

  private get contractorApi(): ContractorAdminApi {
    return new ContractorAdminApi(this.apiClient);
  }

  protected override get heading(): string {
    return this.contractorTexts.texts.heading;
  }

  protected override get signedOutNote(): string {
    return this.contractorTexts.texts.signInFirst;
  }

  protected override get forbiddenNote(): string {
    return this.contractorTexts.texts.staffOnly;
  }

  protected override textsReady(): Promise<void> {
    return this.contractorTexts.ready(this.locale);
  }

  protected override async loadData(isCurrent: () => boolean): Promise<void> {
    const { items } = await this.contractorApi.list();
    if (!isCurrent()) return;
    this.contractors = items;
  }

  protected override clearData(): void {
    this.contractors = [];
    this.closeForm();
    this.notice = '';
    this.actionError = '';
  }

  private get current(): Contractor | undefined {
    return this.contractors.find((contractor) => contractor.id === this.editing);
  }

  private async openForm(contractor?: Contractor): Promise<void> {
    this.editing = contractor?.id ?? 'new';
    this.draft = contractor ? draftOf(contractor) : emptyDraft();
    this.fieldErrors = {};
    this.formError = '';
    this.notice = '';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('#name')?.focus();
  }

  private closeForm(): void {
    this.editing = undefined;
    this.draft = emptyDraft();
    this.fieldErrors = {};
    this.formError = '';
  }

  private async cancel(): Promise<void> {
    this.closeForm();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part~="add"]')?.focus();
  }

  /** The contract's rules for each field, checked before sending; German uses the contract's own words. */
  private problemOf(field: Field, value: string): string | undefined {
    const texts = this.contractorTexts.texts;
    if (field !== 'phone' && !value) return this.msg.required;
    if (textLimitProblem(value, MAX[field]) === 'too_long') return this.msg.tooLong(MAX[field]);
    if (field === 'email' && !EMAIL.test(value)) return texts.invalidEmail;
    return undefined;
  }

  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (!this.editing) return;
    const texts = this.contractorTexts.texts;
    const entered = Object.fromEntries(FIELDS.map((field) => [field, this.draft[field].trim()])) as Draft;
    const existing = this.current;
    const saved = await this.saveForm(
      () =>
        Object.fromEntries(
          FIELDS.map((field) => [field, this.problemOf(field, entered[field])]).filter((entry): entry is [Field, string] => !!entry[1]),
        ),
      async () => {
        if (existing) {
          const change: ContractorChange = {};
          for (const field of FIELDS) if (entered[field] !== (existing[field] ?? '')) change[field] = entered[field];
          if (!Object.keys(change).length) return texts.nothingToSave;
          const changed = await this.contractorApi.change(existing.id, change);
          this.contractors = this.contractors.map((contractor) => (contractor.id === changed.id ? changed : contractor));
          this.closeForm();
          return texts.saved(changed.name);
        }
        const { phone, ...required } = entered;
        const created = await this.contractorApi.create({ ...required, ...(phone ? { phone } : {}) });
        this.contractors = [...this.contractors, created];
        this.closeForm();
        return texts.created(created.name);
      },
    );
    if (saved && !this.editing) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('[part~="add"]')?.focus();
    }
  };

  private async switchActive(contractor: Contractor): Promise<void> {
    if (this.switching) return;
    const texts = this.contractorTexts.texts;
    this.switching = contractor.id;
    this.notice = '';
    this.actionError = '';
    try {
      const saved = await this.contractorApi.change(contractor.id, { active: !contractor.active });
      this.contractors = this.contractors.map((other) => (other.id === saved.id ? saved : other));
      this.notice = saved.active ? texts.reactivated(saved.name) : texts.deactivated(saved.name);
    } catch (error) {
      this.actionError = this.errorText(error);
    } finally {
      this.switching = undefined;
    }
    if (this.actionError) {
      await this.updateComplete;
      this.renderRoot.querySelector<HTMLElement>('#action-error')?.focus();
    }
  }

  private enter(field: Field, value: string): void {
    this.draft = { ...this.draft, [field]: value };
    this.edited(field);
  }

  protected override renderReady(): TemplateResult {
    const texts = this.contractorTexts.texts;
    const level = this.sectionLevel;
    return html`
      <p class="muted">${texts.intro}</p>
      <div class="alert" part="alert" role="alert" id="action-error" tabindex="-1">${this.actionError}</div>
      <p class="notice" part="notice" role="status">${this.notice}</p>
      <div class="group-heading" role="heading" aria-level=${level} id="list-heading">
        ${texts.listHeading} <span class="muted">${`(${texts.count(this.contractors.length)})`}</span>
      </div>
      ${
        this.contractors.length
          ? html`<ul class="contractors" part="list" aria-labelledby="list-heading">
              ${this.contractors.map((contractor) => this.renderContractor(contractor))}
            </ul>`
          : html`<p class="muted">${texts.empty}</p>`
      }
      ${
        this.editing
          ? this.renderForm(level)
          : html`<div class="actions"><button type="button" class="primary" part="add" @click=${() => this.openForm()}>${texts.add}</button></div>`
      }
    `;
  }

  private renderContractor(contractor: Contractor): TemplateResult {
    const texts = this.contractorTexts.texts;
    const busy = this.switching === contractor.id;
    return html`
      <li class="contractor ${contractor.active ? 'active' : 'inactive'}" part="contractor">
        <div class="contractor-head">
          <span class="contractor-name">${contractor.name}</span>
          <span class="status" part="status">${contractor.active ? texts.active : texts.inactive}</span>
        </div>
        <dl>
          <dt>${texts.trade}</dt>
          <dd>${contractor.trade}</dd>
          <dt>${texts.email}</dt>
          <dd><a href="mailto:${contractor.email}">${contractor.email}</a></dd>
          ${
            contractor.phone
              ? html`<dt>${texts.phone}</dt>
                  <dd><a href="tel:${contractor.phone.replace(/[^\d+]/g, '')}">${contractor.phone}</a></dd>`
              : nothing
          }
          <dt>${texts.buildings}</dt>
          <dd>${this.servedText(contractor)}</dd>
        </dl>
        <div class="actions">
          <button type="button" aria-label=${texts.edit(contractor.name)} @click=${() => this.openForm(contractor)}>
            ${this.adminTexts.texts.edit}
          </button>
          <button
            type="button"
            aria-label=${contractor.active ? texts.deactivateLabel(contractor.name) : texts.reactivateLabel(contractor.name)}
            aria-disabled=${busy ? 'true' : 'false'}
            aria-busy=${busy ? 'true' : 'false'}
            @click=${() => this.switchActive(contractor)}
          >
            ${contractor.active ? texts.deactivate : texts.reactivate}
          </button>
        </div>
      </li>
    `;
  }

  private servedText(contractor: Pick<Contractor, 'buildingIds'>): string {
    const texts = this.contractorTexts.texts;
    return contractor.buildingIds.length ? texts.someBuildings(contractor.buildingIds.length) : texts.allBuildings;
  }

  private renderForm(level: number): TemplateResult {
    const texts = this.contractorTexts.texts;
    const existing = this.current;
    const input = (field: Field, label: string, type: 'text' | 'email', options: { hint?: string; autocomplete?: string } = {}) =>
      this.control(field, label, this.draft[field], this.fieldErrors[field], (value) => this.enter(field, value), {
        type,
        ...options,
      });
    return html`
      <form part="form" novalidate aria-labelledby="form-heading" @submit=${this.save}>
        <div class="group-heading" role="heading" aria-level=${level} id="form-heading">
          ${existing ? texts.editHeading(existing.name) : texts.newHeading}
        </div>
        <div class="alert" part="alert" role="alert" tabindex="-1">${this.formError}</div>
        ${input('name', texts.nameLabel, 'text', { autocomplete: 'organization' })}
        ${input('trade', texts.tradeLabel, 'text', { hint: texts.tradeHint })} ${input('email', texts.emailLabel, 'email', { autocomplete: 'email' })}
        ${this.phoneControl()}
        <p class="hint">${texts.buildingsHint(this.servedText(existing ?? { buildingIds: [] }))}</p>
        <div class="actions">
          <button type="submit" class="primary" part="save" aria-disabled=${this.saving ? 'true' : 'false'} aria-busy=${this.saving ? 'true' : 'false'}>
            ${this.saving ? this.adminTexts.texts.saving : existing ? texts.saveChanges : texts.create}
          </button>
          <button type="button" @click=${() => this.cancel()}>${this.adminTexts.texts.cancel}</button>
        </div>
      </form>
    `;
  }

  /** The phone field: a `tel` input (the shared control offers text, url and e-mail). */
  private phoneControl(): TemplateResult {
    const texts = this.contractorTexts.texts;
    const error = this.fieldErrors.phone;
    return html`
      <div class="field" part="field">
        <label part="label" for="phone">${texts.phoneLabel}</label>
        <input
          part="input"
          id="phone"
          type="tel"
          autocomplete="tel"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${ifDefined(error ? 'phone-error' : undefined)}
          .value=${this.draft.phone}
          @input=${(event: Event) => this.enter('phone', (event.target as HTMLInputElement).value)}
        />
        ${error ? html`<p class="field-error" part="field-error" id="phone-error">${error}</p>` : nothing}
      </div>
    `;
  }
}

defineElement('contractor-settings', ContractorSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'contractor-settings': ContractorSettingsElement;
  }
}
