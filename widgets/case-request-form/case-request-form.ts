import { html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../internal/portal-element.ts';
import { CaseFilingForm } from '../case-filing/case-filing-form.ts';
import type { FiledCase, NewCaseInput } from '../internal/case-filing-api.ts';
import { caseRequestFormStyles } from './case-request-form.styles.ts';

export type RequestCaseType = 'contact' | 'complaint' | 'document_request';

const requestTypes: RequestCaseType[] = ['contact', 'complaint', 'document_request'];
const complaintUrgencies = ['normal', 'urgent'] as const;

/**
 * The residents' other requests: Allgemeine Kontaktanfrage, Meldung/Beschwerde (with urgency) and
 * Dokumentenanforderung (document type from the housing company's catalogue), each with attachments
 * through `<mp-attachment-picker>`. Damage has its own element, `<damage-report-form>`.
 *
 * Works on its own (the resident signed in through the portal's session cookie; otherwise it says so)
 * and inside `<tenant-portal>`. Switching the type keeps what was typed. On success it shows a receipt
 * with case number and time and fires `mp-case-submitted`; on failure everything typed stays.
 *
 * Not form-associated: it files the case itself rather than being a field of a host page's form.
 *
 * @tagname mp-case-request-form
 * @summary Contact request, complaint or document request, with attachments and a receipt.
 *
 * @event {CaseSubmittedEvent} mp-case-submitted - The request was filed; `detail.case` is the case with its number.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (the receipt's heading after filing).
 * @csspart loading - The text shown while the session or the document types load.
 * @csspart sign-in-hint - The hint shown when no resident is signed in.
 * @csspart alert - The general error of the form (or of the document types).
 * @csspart retry - The button that loads the document types again.
 * @csspart form - The form.
 * @csspart type - The choice of request type (not shown with `fixed-type`).
 * @csspart field - A label, control, hint and error group.
 * @csspart label - A field label.
 * @csspart select - The document type select.
 * @csspart input - The subject.
 * @csspart textarea - The description or note.
 * @csspart hint - A field hint.
 * @csspart field-error - The error message under a field.
 * @csspart urgency - The urgency choice of a complaint.
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
 * @cssproperty --mp-color-error - Errors and invalid fields.
 * @cssproperty --mp-color-success - The receipt.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class CaseRequestForm extends CaseFilingForm {
  static override styles = [CaseFilingForm.styles, caseRequestFormStyles];

  /** The request type chosen at first, e.g. `case-type="document_request"` for a "Dokumente" page. */
  @property({ attribute: 'case-type', reflect: true }) caseType: RequestCaseType = 'contact';

  /** The host page already chose the type (e.g. the portal's "Neues Anliegen"): no type choice, the heading names it. */
  @property({ type: Boolean, attribute: 'fixed-type' }) fixedType = false;

  @state() private subject = '';
  @state() private description = '';
  @state() private urgency: (typeof complaintUrgencies)[number] = 'normal';
  @state() private documentTypeId = '';

  protected heading(): string {
    return this.fixedType ? this.msg.caseTypeLabels[this.caseType] : this.msg.requestFormHeading;
  }

  protected submitLabel(): string {
    return this.msg.submitRequest;
  }

  protected renderFields(): TemplateResult {
    return html`
      ${this.fixedType ? nothing : this.renderTypeChoice()}
      ${this.caseType === 'document_request' ? this.renderDocumentFields() : this.renderMessageFields()}
    `;
  }

  private renderTypeChoice(): TemplateResult {
    return html`
      <fieldset part="type">
        <legend>${this.msg.requestType}</legend>
        ${requestTypes.map(
          (type) => html`
            <label class="choice">
              <input
                type="radio"
                name="type"
                value=${type}
                .checked=${this.caseType === type}
                ?disabled=${this.busy}
                @change=${() => (this.caseType = type)}
              />
              <span><strong>${this.msg.caseTypeLabels[type]}</strong> <span class="hint">${this.msg.requestTypeHints[type]}</span></span>
            </label>
          `,
        )}
      </fieldset>
    `;
  }

  private renderMessageFields(): TemplateResult {
    return html`
      ${this.renderText('title', this.msg.subject, this.subject, (value) => (this.subject = value), { required: true, max: 200 })}
      ${
        this.caseType === 'complaint'
          ? html`
            <fieldset part="urgency">
              <legend>${this.msg.complaintUrgency}</legend>
              ${complaintUrgencies.map(
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
                    <span>${this.msg.urgencyLabels[urgency]}</span>
                  </label>
                `,
              )}
              ${this.renderHintAndError('urgency')}
            </fieldset>
          `
          : nothing
      }
      ${this.renderText('description', this.msg.description, this.description, (value) => (this.description = value), {
        required: true,
        multiline: true,
        hint: this.msg.requestDescriptionHint,
        max: 5000,
      })}
    `;
  }

  private renderDocumentFields(): TemplateResult {
    const documentTypes = this.catalogue?.documentTypes;
    return html`
      ${
        documentTypes
          ? this.renderSelect(
              'documentTypeId',
              this.msg.documentType,
              documentTypes,
              this.documentTypeId,
              (id) => (this.documentTypeId = id),
            )
          : this.renderCatalogueState()
      }
      ${this.renderText('description', this.msg.documentNote, this.description, (value) => (this.description = value), {
        multiline: true,
        hint: this.msg.documentNoteHint,
        max: 5000,
      })}
    `;
  }

  protected validate(): Record<string, string> {
    const errors: Record<string, string> = {};
    const description = this.description.trim();
    if (this.caseType === 'document_request') {
      if (!this.documentTypeId) errors.documentTypeId = this.msg.documentTypeError;
    } else {
      const title = this.subject.trim() ? this.lengthError(this.subject, 200) : this.msg.subjectError;
      if (title) errors.title = title;
      if (!description) errors.description = this.msg.descriptionError;
    }
    const tooLong = this.lengthError(description, 5000);
    if (tooLong) errors.description = tooLong;
    return errors;
  }

  protected caseInput(): NewCaseInput {
    const title = this.subject.trim();
    const description = this.description.trim();
    switch (this.caseType) {
      case 'contact':
        return { type: 'contact', title, description };
      case 'complaint':
        return { type: 'complaint', title, description, urgency: this.urgency };
      case 'document_request':
        return { type: 'document_request', documentTypeId: this.documentTypeId, ...(description ? { description } : {}) };
    }
  }

  protected clearFields(): void {
    this.subject = '';
    this.description = '';
    this.urgency = 'normal';
    this.documentTypeId = '';
  }

  protected override receiptRows(filed: FiledCase): [string, string][] {
    const rows: [string, string][] = [[this.msg.receiptType, this.msg.caseTypeLabels[filed.type]]];
    if (filed.documentType) rows.push([this.msg.documentType, filed.documentType.label]);
    else rows.push([this.msg.receiptSubject, filed.title]);
    if (filed.type === 'complaint') rows.push([this.msg.urgency, this.msg.urgencyLabels[filed.urgency]]);
    return rows;
  }
}

defineElement('mp-case-request-form', CaseRequestForm);

declare global {
  interface HTMLElementTagNameMap {
    'mp-case-request-form': CaseRequestForm;
  }
}
