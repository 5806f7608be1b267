import { html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { defineElement } from '../internal/portal-element.ts';
import { StaffElement } from '../internal/staff-element.ts';
import { keepNumbersWithWords, type Locale, type Messages } from '../internal/localize.ts';
import type { StaffMessages } from '../internal/i18n/staff/de.ts';
import { staffDate, staffViewStyles } from '../internal/staff-view.ts';
import {
  documentCategories,
  isTenantCertificateRequest,
  statusTransitions,
  type CertificatePreview,
  type CaseEvent,
  type CaseMessage,
  type CaseStatus,
  type DocumentCategory,
  type StaffAccount,
  type StaffCase,
  type StaffCaseDetail,
} from '../internal/staff-cases-api.ts';
import { CaseAssignRequestEvent } from '../events/case-assign-request.ts';
import { CaseCertificatePreviewCancelEvent } from '../events/case-certificate-preview-cancel.ts';
import { CaseCertificatePreviewRequestEvent } from '../events/case-certificate-preview-request.ts';
import { CaseCertificateRequestEvent } from '../events/case-certificate-request.ts';
import { CaseCloseRequestEvent } from '../events/case-close-request.ts';
import { CaseDocumentPublishRequestEvent } from '../events/case-document-publish-request.ts';
import { CaseNoteRequestEvent } from '../events/case-note-request.ts';
import { CaseOpenRequestEvent } from '../events/case-open-request.ts';
import { CaseReplyRequestEvent } from '../events/case-reply-request.ts';
import { CaseStatusChangeRequestEvent } from '../events/case-status-change-request.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { detailTexts } from '../internal/detail-texts.ts';
import { photoThumbnail, photoThumbnailStyles } from '../internal/photo-thumbnail.ts';
import { staffCaseDetailStyles } from './staff-case-detail.styles.ts';

/** The work a clerk can do on a case; `busy` names the one under way. */
export type StaffCaseAction = 'status' | 'assign' | 'message' | 'document' | 'certificate';

/**
 * One case as the clerks work it: resident, unit, damage, attachments, the activity log with public
 * messages and internal notes, and the forms to change the status, assign, reply or note, publish a
 * document and — on a request for a Mieterbescheinigung — preview the certificate and release it after looking
 * at it (the PDF, and what it states: name, address, Mietbeginn …). Presentational: it asks
 * for each action with an event; `<case-board>` does the work and sets `busy`, `notice` and `actionError`.
 * When `busy` ends without `actionError`, the form that asked is emptied.
 *
 * It is not form-associated: like the filing forms, each of its forms is whole and submits itself.
 *
 * @tagname mp-staff-case-detail
 * @summary A case's facts, activity log and the clerk's actions on it.
 *
 * @event {CaseCloseRequestEvent} mp-case-close-request - "Zurück zur Liste" or Escape; `detail.caseId`.
 * @event {CaseOpenRequestEvent} mp-case-open-request - "Erneut versuchen" after the case failed to load; `detail.caseId`.
 * @event {CaseStatusChangeRequestEvent} mp-case-status-change-request - `detail.status` and an optional public `detail.message`.
 * @event {CaseAssignRequestEvent} mp-case-assign-request - `detail.assigneeId`, `null` for nobody.
 * @event {CaseReplyRequestEvent} mp-case-reply-request - A public reply, `detail.body`.
 * @event {CaseNoteRequestEvent} mp-case-note-request - An internal note, `detail.body`.
 * @event {CaseDocumentPublishRequestEvent} mp-case-document-publish-request - `detail.file`, `detail.title`, `detail.category`.
 * @event {CaseCertificatePreviewRequestEvent} mp-case-certificate-preview-request - Show the Mieterbescheinigung as it would be issued; `detail.caseId`.
 * @event {CaseCertificateRequestEvent} mp-case-certificate-request - "Bescheinigung freigeben": release the previewed certificate; `detail.digest` is the preview's.
 * @event {CaseCertificatePreviewCancelEvent} mp-case-certificate-preview-cancel - "Abbrechen" (or Escape) in the preview: nothing is released.
 *
 * @csspart certificate-preview - The preview of the Mieterbescheinigung with its "Bescheinigung freigeben" and "Abbrechen".
 * @csspart certificate-pdf - The frame showing the previewed PDF.
 * @csspart print - The "Drucken" button (prints the case with the print stylesheet).
 *
 * @slot work-order - On a damage case: its contractor orders (`<case-board>` puts `<mp-work-order-panel>` here).
 *
 * @csspart thumbnail - A photo of the case, small (`?size=thumbnail` of its download), lazily loaded.
 * @csspart heading - The case number and title.
 * @csspart activity - The activity log.
 * @csspart actions - The forms to work on the case.
 * @csspart button - Every button.
 * @csspart alert - Error messages.
 * @csspart notice - Confirmations.
 *
 * @cssproperty --mp-color-primary - Buttons, links and public replies in the log.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Labels and secondary text.
 * @cssproperty --mp-color-surface - Background.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors and an overdue deadline.
 * @cssproperty --mp-color-success - Confirmations.
 * @cssproperty --mp-color-internal - Background of internal notes.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class StaffCaseDetailView extends StaffElement {
  static override styles = [StaffElement.styles, staffViewStyles, staffCaseDetailStyles, photoThumbnailStyles];
  /** The case as the list shows it: its number and title head the view while the detail loads. */
  @property({ attribute: false }) summary?: StaffCase;

  /** The case with its events, messages and attachments. */
  @property({ attribute: false }) detail?: StaffCaseDetail;

  /** Why the case could not be loaded; shown with "Erneut versuchen". */
  @property({ attribute: 'load-error' }) loadError?: string;

  /** Whom the case can be assigned to. */
  @property({ attribute: false }) clerks: StaffAccount[] = [];

  /** The action under way; every button is disabled meanwhile. */
  @property() busy?: StaffCaseAction;

  /** Confirmation of the last action. */
  @property() notice?: string;

  /** Why the last action failed. */
  @property({ attribute: 'action-error' }) actionError?: string;

  /**
   * The Mieterbescheinigung to check before it is released (the board loads it on `mp-case-certificate-preview-request`);
   * shown while it belongs to this case. Errors of the release (`actionError`) appear in it.
   */
  @property({ attribute: false }) certificatePreview?: CertificatePreview;

  /** Progress (0–1) of the document upload under way. */
  @property({ attribute: false }) uploadProgress?: number;

  /** Level of the heading (the case's number and title); the section headings go one deeper. */
  @property({ attribute: 'heading-level', type: Number }) headingLevel = 2;

  /** Download link of an attachment (`client.url('/api/staff/cases/:id/attachments/:aid')`). */
  @property({ attribute: false }) attachmentUrl: (caseId: string, attachmentId: string) => string = () => '#';

  /** The address of a photo's thumbnail (`thumbnailOf` its download address); without it no thumbnails are shown. */
  @property({ attribute: false }) thumbnailUrl?: (caseId: string, attachmentId: string) => string;

  private readonly detailTexts = new AreaTexts(this, detailTexts);

  @state() private messageKind: 'reply' | 'note' = 'reply';

  /** The form whose request is under way: emptied when it succeeds. */
  private submitted?: { action: StaffCaseAction; form: HTMLFormElement };

  private get caseId(): string | undefined {
    return this.detail?.case.id ?? this.summary?.id;
  }

  /** Moves focus to the heading, e.g. right after the case was opened. */
  /** When "Drucken" was pressed: printed at the top of the page. */
  @state() private printedAt?: string;

  focusHeading(): void {
    this.renderRoot.querySelector<HTMLElement>('#detail-heading')?.focus();
  }

  /** Moves focus to the choice of the next status (the board's shortcut); false when there is none to choose. */
  focusStatus(): boolean {
    const select = this.renderRoot.querySelector<HTMLSelectElement>('select[name="status"]');
    select?.focus();
    return !!select;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    const previous = changed.get('detail')?.case.id ?? changed.get('summary')?.id;
    if ((changed.has('detail') || changed.has('summary')) && previous && previous !== this.caseId) {
      this.messageKind = 'reply';
      this.submitted = undefined;
    }
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (changed.has('certificatePreview')) this.focusCertificateStep(changed.get('certificatePreview'));
    const submitted = this.submitted;
    if (!submitted || !changed.has('busy') || changed.get('busy') !== submitted.action || this.busy) return;
    this.submitted = undefined;
    if (this.actionError) return;
    // Assigning keeps its choice visible; the other forms are done with and start empty again.
    if (submitted.action !== 'assign') submitted.form.reset();
    if (submitted.action === 'message') this.messageKind = 'reply';
  }

  private get openPreview(): CertificatePreview | undefined {
    return this.certificatePreview && this.certificatePreview.caseId === this.caseId ? this.certificatePreview : undefined;
  }

  /** A preview that opens takes the focus to its heading; one that closes gives it back to the button that opened it. */
  private focusCertificateStep(previous: CertificatePreview | undefined): void {
    const preview = this.openPreview;
    if (preview && preview.digest !== previous?.digest) {
      this.renderRoot.querySelector<HTMLElement>('#certificate-preview-heading')?.focus();
    } else if (!preview && previous) {
      this.renderRoot.querySelector<HTMLElement>('button.certificate')?.focus();
    }
  }

  override render() {
    const msg = this.msg;
    const item = this.detail?.case ?? this.summary;
    const heading = item ? `${msg.boardDetail(item.caseNumber)}: ${item.title}` : msg.loading;
    return html`
      <article aria-labelledby="detail-heading" @keydown=${this.onKeydown}>
        <div class="detail-head">
          <div class="head-buttons">
            <button type="button" class="back" part="button" @click=${this.close}>← ${msg.boardBack}</button>
            ${
              this.detail && item
                ? html`<button type="button" class="print" part="button print" aria-label=${msg.boardPrintLabel(item.caseNumber)} @click=${this.print}>
                    ${msg.boardPrint}
                  </button>`
                : nothing
            }
          </div>
          <div id="detail-heading" class="detail-title" part="heading" role="heading" aria-level=${this.headingLevel} tabindex="-1">${heading}</div>
          ${this.printedAt ? html`<p class="printed-at">${msg.boardPrintedAt(this.printedAt)}</p>` : nothing}
        </div>
        ${
          this.loadError
            ? html`<div class="alert" part="alert" role="alert">${msg.boardDetailError} ${this.loadError}</div>
              <button type="button" part="button" @click=${this.retry}>${msg.boardRetry}</button>`
            : !this.detail
              ? html`<p class="muted" role="status">${msg.loading}</p>`
              : this.renderLoaded(this.detail)
        }
      </article>
    `;
  }

  /**
   * The print view is the case itself under the print stylesheet (`@media print`): facts, description, files and the
   * whole activity log with internal notes, without the forms and buttons; the board hides its list.
   */
  private readonly print = async () => {
    this.printedAt = staffDate(new Date().toISOString(), this.locale);
    await this.updateComplete;
    window.print();
  };

  private readonly onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') this.close();
  };

  private readonly close = () => {
    if (this.caseId) this.dispatchEvent(new CaseCloseRequestEvent({ caseId: this.caseId }));
  };

  private readonly retry = () => {
    if (this.caseId) this.dispatchEvent(new CaseOpenRequestEvent({ caseId: this.caseId }));
  };

  private formatDate(iso: string): string {
    return staffDate(iso, this.locale);
  }

  private renderLoaded(detail: StaffCaseDetail) {
    const msg = this.msg;
    const item = detail.case;
    const sub = Math.min(this.headingLevel + 1, 6);
    const row = (label: string, value: unknown) =>
      value === null || value === undefined || value === '' ? nothing : html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
    return html`
      <dl class="facts">
        ${row(msg.boardFieldType, msg.caseTypeLabels[item.type])}
        ${row(msg.boardFieldSource, msg.caseSourceLabels[item.source])}
        ${row(msg.boardFieldStatus, msg.caseStatusLabels[item.status])}
        ${row(msg.boardPriority, msg.boardPriorityLabels[item.priority])}
        ${row(msg.boardFieldUrgency, msg.boardUrgencyLabels[item.urgency])}
        ${row(
          msg.boardFieldDeadline,
          html`<span class=${item.overdue ? 'overdue-text' : ''}>${item.overdue ? msg.boardOverdueSince(this.formatDate(item.deadlineAt)) : this.formatDate(item.deadlineAt)}</span>`,
        )}
        ${row(msg.boardFieldAssignee, item.assignee?.label ?? msg.boardUnassigned)}
        ${row(msg.boardFieldResident, item.resident?.name)}
        ${row(msg.boardFieldApplicant, item.applicant && [item.applicant.name, item.applicant.email, item.applicant.phone].filter(Boolean).join(' · '))}
        ${row(msg.boardFieldBuilding, item.building.address)}
        ${row(msg.boardFieldUnit, item.unitLabel && keepNumbersWithWords(item.unitLabel))}
        ${row(msg.boardFieldCreated, this.formatDate(item.createdAt))}
        ${row(msg.boardFieldDamageLocation, item.damage?.location.label)}
        ${row(msg.boardFieldDamageCategory, item.damage?.category.label)}
        ${row(msg.boardFieldDamageKind, item.damage?.kind.label)}
        ${row(msg.boardFieldDocumentType, item.documentType?.label)}
        ${row(msg.boardFieldAvailability, item.residentAvailability)}
        ${item.type === 'damage' ? row(msg.boardFieldAccessConsent, msg.boardAccessConsent(item.accessConsent)) : nothing}
        ${item.type === 'damage' && detail.affectedResidents ? row(msg.boardFieldAffected, String(detail.affectedResidents)) : nothing}
      </dl>
      <section aria-labelledby="description-heading">
        <div id="description-heading" class="sub" role="heading" aria-level=${sub}>${msg.boardDescription}</div>
        <p class="description">${item.description || msg.boardNoDescription}</p>
      </section>
      <section aria-labelledby="attachments-heading">
        <div id="attachments-heading" class="sub" role="heading" aria-level=${sub}>${msg.boardAttachments}</div>
        ${
          detail.attachments?.length
            ? html`<ul class="attachments">
              ${detail.attachments.map(
                (attachment) => html`<li>
                  ${photoThumbnail(this.thumbnailUrl?.(item.id, attachment.id), attachment, this.detailTexts.texts.photoAlt(attachment.fileName))}
                  <a href=${this.attachmentUrl(item.id, attachment.id)} download=${attachment.fileName} aria-label=${msg.boardDownload(attachment.fileName)}
                    >${attachment.fileName}</a
                  >
                  <span class="muted">${fileSize(attachment.size, this.locale)}, ${msg.boardUploadedBy[attachment.uploadedBy]}</span>
                </li>`,
              )}
            </ul>`
            : html`<p class="muted">${msg.boardNoAttachments}</p>`
        }
      </section>
      ${
        item.type === 'damage'
          ? html`<section aria-labelledby="work-order-heading">
              <div id="work-order-heading" class="sub" role="heading" aria-level=${sub}>${msg.workOrders.heading}</div>
              <slot name="work-order"></slot>
            </section>`
          : nothing
      }
      <section class="activity" part="activity" aria-labelledby="activity-heading">
        <div id="activity-heading" class="sub" role="heading" aria-level=${sub}>${msg.boardActivity}</div>
        ${this.renderActivity(detail)}
      </section>
      ${this.renderActions(item, sub)}
    `;
  }

  /** Asks for an action with the form's values; the form is emptied once the action succeeded. */
  private submit(action: StaffCaseAction, event: Event, request: (values: FormData, form: HTMLFormElement) => Event | undefined): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    if (this.busy) return;
    const asked = request(new FormData(form), form);
    if (!asked) return;
    this.submitted = { action, form };
    this.dispatchEvent(asked);
  }

  private renderActions(item: StaffCase, level: number) {
    const msg = this.msg;
    const next = statusTransitions[item.status];
    const busy = Boolean(this.busy);
    const caseId = item.id;
    const text = (values: FormData, name: string) => {
      const entry = values.get(name);
      return typeof entry === 'string' ? entry.trim() : '';
    };
    return html`
      <section class="actions" part="actions" aria-labelledby="actions-heading">
        <div id="actions-heading" class="sub" role="heading" aria-level=${level}>${msg.boardActions}</div>
        <div class="feedback">
          <div class="alert" part="alert" role="alert">${this.openPreview ? nothing : (this.actionError ?? nothing)}</div>
          <div class="notice" part="notice" role="status">${this.notice ?? nothing}</div>
        </div>
        ${isTenantCertificateRequest(item) && next.length > 0 ? this.renderCertificate(caseId, level + 1) : nothing}
        <form
          class="action"
          aria-labelledby="status-heading"
          @submit=${(event: Event) =>
            this.submit('status', event, (values) => {
              const status = text(values, 'status') as CaseStatus;
              const message = text(values, 'message');
              return status ? new CaseStatusChangeRequestEvent({ caseId, status, ...(message ? { message } : {}) }) : undefined;
            })}
        >
          <div id="status-heading" class="action-title">${msg.boardStatusHeading}</div>
          ${
            next.length
              ? html`
                <label class="field">
                  <span>${msg.boardNewStatus}</span>
                  <select name="status" required>
                    <option value="">${msg.boardChooseStatus}</option>
                    ${next.map((status) => html`<option value=${status}>${msg.caseStatusLabels[status]}</option>`)}
                  </select>
                </label>
                <label class="field">
                  <span>${msg.boardStatusMessage}</span>
                  <textarea name="message" rows="2" maxlength="5000"></textarea>
                </label>
                <button type="submit" class="primary" part="button" ?disabled=${busy}>${this.busy === 'status' ? msg.busy : msg.boardStatusSubmit}</button>
              `
              : html`<p class="muted">${msg.boardStatusFinal}</p>`
          }
        </form>
        <form
          class="action"
          aria-labelledby="assign-heading"
          @submit=${(event: Event) =>
            this.submit('assign', event, (values) => new CaseAssignRequestEvent({ caseId, assigneeId: text(values, 'assignee') || null }))}
        >
          <div id="assign-heading" class="action-title">${msg.boardAssignHeading}</div>
          <label class="field">
            <span>${msg.boardFieldAssignee}</span>
            <select name="assignee">
              <option value="" ?selected=${!item.assignee}>${msg.boardUnassigned}</option>
              ${this.clerks.map((clerk) => html`<option value=${clerk.id} ?selected=${item.assignee?.id === clerk.id}>${clerk.label}</option>`)}
            </select>
          </label>
          <button type="submit" part="button" ?disabled=${busy}>${this.busy === 'assign' ? msg.busy : msg.boardAssignSubmit}</button>
        </form>
        <form
          class="action message-form ${this.messageKind}"
          aria-labelledby="message-heading"
          @submit=${(event: Event) =>
            this.submit('message', event, (values) => {
              const body = text(values, 'body');
              if (!body) return undefined;
              return this.messageKind === 'note' ? new CaseNoteRequestEvent({ caseId, body }) : new CaseReplyRequestEvent({ caseId, body });
            })}
        >
          <div id="message-heading" class="action-title">${msg.boardMessageHeading}</div>
          <fieldset class="kinds">
            <legend>${msg.boardMessageKind}</legend>
            <label class="check">
              <input type="radio" name="kind" value="reply" .checked=${this.messageKind === 'reply'} @change=${() => (this.messageKind = 'reply')} />
              ${msg.boardReplyOption}
            </label>
            <label class="check">
              <input type="radio" name="kind" value="note" .checked=${this.messageKind === 'note'} @change=${() => (this.messageKind = 'note')} />
              ${msg.boardNoteOption}
            </label>
          </fieldset>
          <label class="field">
            <span>${msg.boardMessageBody} (${this.messageKind === 'note' ? msg.boardInternal : msg.boardPublic})</span>
            <textarea name="body" rows="3" required maxlength="5000"></textarea>
          </label>
          <button type="submit" class="primary" part="button" ?disabled=${busy}>
            ${this.busy === 'message' ? msg.busy : this.messageKind === 'note' ? msg.boardNoteSubmit : msg.boardReplySubmit}
          </button>
        </form>
        <form
          class="action"
          aria-labelledby="document-heading"
          @submit=${(event: Event) =>
            this.submit('document', event, (values) => {
              const file = values.get('file');
              const title = text(values, 'title');
              const category = text(values, 'category') as DocumentCategory;
              if (!(file instanceof File) || !file.size || !title) return undefined;
              return new CaseDocumentPublishRequestEvent({ caseId, file, title, category });
            })}
        >
          <div id="document-heading" class="action-title">${msg.boardDocumentHeading}</div>
          <label class="field">
            <span>${msg.boardDocumentFile}</span>
            <input type="file" name="file" required accept="application/pdf,image/jpeg,image/png,image/webp,image/heic" />
          </label>
          <label class="field">
            <span>${msg.boardDocumentTitle}</span>
            <input type="text" name="title" required maxlength="200" />
          </label>
          <label class="field">
            <span>${msg.boardDocumentCategory}</span>
            <select name="category">
              ${documentCategories.map((category) => html`<option value=${category}>${msg.boardDocumentCategories[category]}</option>`)}
            </select>
          </label>
          ${
            this.busy === 'document' && this.uploadProgress !== undefined
              ? html`<label class="field"><span>${msg.boardUploadProgress}</span><progress max="1" .value=${this.uploadProgress}></progress></label>`
              : nothing
          }
          <button type="submit" part="button" ?disabled=${busy}>${this.busy === 'document' ? msg.busy : msg.boardDocumentSubmit}</button>
        </form>
      </section>
    `;
  }

  /** "Bescheinigung prüfen und freigeben", and once the board has it, the preview to release or cancel. */
  private renderCertificate(caseId: string, level: number) {
    const msg = this.msg;
    const texts = msg.boardCertificatePreview;
    const preview = this.openPreview;
    if (!preview) {
      return html`<button
        type="button"
        class="primary certificate"
        part="button"
        ?disabled=${Boolean(this.busy)}
        @click=${() => !this.busy && this.dispatchEvent(new CaseCertificatePreviewRequestEvent({ caseId }))}
      >
        ${this.busy === 'certificate' ? texts.loading : msg.boardCertificateSubmit}
      </button>`;
    }
    const facts = preview.certificate;
    const row = (label: string, value: string) => html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
    const releasing = this.busy === 'certificate';
    return html`
      <section
        class="certificate-preview"
        part="certificate-preview"
        aria-labelledby="certificate-preview-heading"
        @keydown=${(event: KeyboardEvent) => {
          if (event.key !== 'Escape') return;
          // Escape leaves the preview, not the case.
          event.stopPropagation();
          this.cancelPreview(caseId);
        }}
      >
        <div id="certificate-preview-heading" class="action-title" role="heading" aria-level=${level} tabindex="-1">${texts.heading}</div>
        <p class="muted">${texts.intro}</p>
        <div class="alert" part="alert" role="alert">${this.actionError ?? nothing}</div>
        <dl class="facts">
          ${row(texts.residentName, facts.residentName)} ${row(texts.unit, keepNumbersWithWords(facts.unitLabel))}
          ${row(texts.address, facts.address)}
          ${row(texts.tenancyStart, facts.tenancyStart ? calendarDay(facts.tenancyStart, this.locale) : texts.tenancyStartUnknown)}
          ${row(texts.issuedOn, calendarDay(facts.issuedOn, this.locale))} ${row(texts.caseNumber, facts.caseNumber)}
          ${row(texts.company, facts.companyName)}
        </dl>
        <iframe class="certificate-pdf" part="certificate-pdf" title=${texts.frameTitle(preview.fileName)} src=${preview.pdfUrl}></iframe>
        <a href=${preview.pdfUrl} target="_blank" rel="noopener">${texts.openPdf}</a>
        <div class="certificate-buttons">
          <button
            type="button"
            class="primary release"
            part="button"
            ?disabled=${Boolean(this.busy)}
            @click=${() => !this.busy && this.dispatchEvent(new CaseCertificateRequestEvent({ caseId, digest: preview.digest }))}
          >
            ${releasing ? texts.releasing : texts.release}
          </button>
          <button type="button" class="cancel" part="button" ?disabled=${releasing} @click=${() => this.cancelPreview(caseId)}>${texts.cancel}</button>
        </div>
      </section>
    `;
  }

  private cancelPreview(caseId: string): void {
    if (this.busy !== 'certificate') this.dispatchEvent(new CaseCertificatePreviewCancelEvent({ caseId }));
  }

  /** Events in order; a message appears with the event that wrote it, or on its own if no event names it. */
  private renderActivity(detail: StaffCaseDetail) {
    const messages = new Map(detail.messages.map((message) => [message.id, message]));
    const referenced = new Set(detail.events.map((event) => event.data.messageId).filter((id): id is string => typeof id === 'string'));
    const entries: Entry[] = [
      ...detail.events.map((event) => ({ at: event.createdAt, event, message: messages.get(String(event.data.messageId)) })),
      ...detail.messages.filter((message) => !referenced.has(message.id)).map((message) => ({ at: message.createdAt, message })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return html`
      <ol class="timeline">
        ${repeat(
          entries,
          (entry) => entry.event?.id ?? entry.message!.id,
          (entry) => this.renderEntry(detail.case, entry),
        )}
      </ol>
    `;
  }

  private renderEntry(item: StaffCase, entry: Entry) {
    const msg = this.msg;
    const message = entry.message;
    const internal = message ? message.internal : entry.event ? !entry.event.public : false;
    const who = entry.event
      ? actorOf(msg, entry.event)
      : (message?.authorName ?? (message?.author === 'resident' ? msg.boardActorResident : msg.boardActorStaff));
    const what = entry.event
      ? eventText(msg, this.clerks, item, entry.event, this.locale)
      : message!.internal
        ? msg.boardEvents.internalNote
        : message!.author === 'resident'
          ? msg.boardEvents.residentMessage
          : msg.boardEvents.publicReply;
    return html`
      <li class="entry ${internal ? 'internal' : 'public'} ${message ? 'has-message' : ''}">
        <div class="entry-head">
          <strong>${what}</strong>
          <span class="visibility">${internal ? msg.boardInternal : msg.boardPublic}</span>
        </div>
        <div class="muted">${who} · <time datetime=${entry.at}>${this.formatDate(entry.at)}</time></div>
        ${message ? html`<p class="message">${message.body}</p>` : nothing}
      </li>
    `;
  }
}

interface Entry {
  at: string;
  event?: CaseEvent;
  message?: CaseMessage;
}

function actorOf(msg: Messages & StaffMessages, event: CaseEvent): string {
  if (event.actor === 'system') return msg.boardActorSystem;
  return event.actorName ?? (event.actor === 'resident' ? msg.boardActorResident : msg.boardActorStaff);
}

function eventText(msg: Messages & StaffMessages, clerks: StaffAccount[], item: StaffCase, event: CaseEvent, locale: Locale): string {
  const data = event.data;
  const person = (id: unknown) =>
    typeof id === 'string'
      ? (clerks.find((clerk) => clerk.id === id)?.label ?? (item.assignee?.id === id ? item.assignee.label : msg.boardSomeone))
      : null;
  const status = (value: unknown) =>
    typeof value === 'string' && value in msg.caseStatusLabels ? msg.caseStatusLabels[value as CaseStatus] : String(value);
  switch (event.kind) {
    case 'created':
      return msg.boardEvents.createdVia(msg.caseSourceLabels[item.source]);
    case 'routed':
      return msg.boardEvents.routed(person(data.assigneeId) ?? msg.boardSomeone);
    case 'status_changed':
      return msg.boardEvents.statusChanged(status(data.from), status(data.to));
    case 'assigned':
      return msg.boardEvents.assigned(person(data.to));
    case 'public_reply':
      return msg.boardEvents.publicReply;
    case 'resident_message':
      return msg.boardEvents.residentMessage;
    case 'internal_note':
      return msg.boardEvents.internalNote;
    case 'attachments_added': {
      const ids = data.attachmentIds;
      return msg.boardEvents.attachmentsAdded(Array.isArray(ids) ? ids.length : typeof data.count === 'number' ? data.count : 0);
    }
    case 'document_published':
      return msg.boardEvents.documentPublished(typeof data.title === 'string' ? data.title : '');
    case 'work_order':
      return msg.boardEvents.workOrder(
        String(data.action),
        typeof data.contractor === 'string' ? data.contractor : msg.boardSomeone,
        typeof data.appointmentAt === 'string' ? staffDate(data.appointmentAt, locale) : null,
      );
    default:
      return msg.boardEvents.other(event.kind);
  }
}

/** A calendar day (YYYY-MM-DD) as the page's language writes it: 15.10.2021, 15 Oct 2021. */
function calendarDay(day: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', { dateStyle: 'medium', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function fileSize(bytes: number, locale: Locale): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)}\u00A0KB`;
  return `${number(bytes / 1024 / 1024, 1)}\u00A0MB`;
}

defineElement('mp-staff-case-detail', StaffCaseDetailView);

declare global {
  interface HTMLElementTagNameMap {
    'mp-staff-case-detail': StaffCaseDetailView;
  }
}
