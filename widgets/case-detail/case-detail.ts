import { html, nothing } from 'lit';
import { property, query, state } from 'lit/decorators.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import type { ApiClient } from '../internal/api-client.ts';
import type { AttachmentPicker } from '../attachment-picker/attachment-picker.ts';
import '../attachment-picker/attachment-picker.ts';
import { isClosedStatus, type CaseDetail, type CaseStatus, type TimelineEvent } from '../internal/resident-cases-api.ts';
import { residentViewStyles, timeOf } from '../internal/resident-view.ts';
import { intlLocale } from '../internal/localize.ts';
import { statusBadge, statusBadgeStyles } from '../internal/status-badge.ts';
import { CaseMessageRequestEvent } from '../events/case-message-request.ts';
import { textLimitProblem } from '../../bff/contract/text-length.ts';
import { CharacterCount, characterCountStyles } from '../internal/character-count.ts';
import { photoThumbnail, photoThumbnailStyles } from '../internal/photo-thumbnail.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { detailTexts } from '../internal/detail-texts.ts';
import { caseDetailStyles } from './case-detail.styles.ts';

/** The most characters of a message (as people see them), as the BFF takes them. */
const MESSAGE_MAX = 5000;

/**
 * One of the resident's cases: what they reported, the public status history, the messages with the
 * housing company, the attachments to download and — while the case is open — a form to add a message.
 * A closed case (erledigt, abgelehnt) says why nothing can be added. The portal sends the message; files
 * are uploaded by the `<mp-attachment-picker>` in the form as soon as they are chosen.
 *
 * @tagname mp-case-detail
 * @summary Status timeline, messages, attachments and the message form of one case.
 *
 *
 * @event {CaseMessageRequestEvent} mp-case-message-request - The resident sends `detail.body` and/or `detail.attachmentIds`.
 *
 * @csspart thumbnail - A photo of the case, small (`?size=thumbnail` of its download), lazily loaded.
 * @csspart facts - Case number, type, status and urgency.
 * @csspart status - The status badge.
 * @csspart timeline - The list of public events.
 * @csspart messages - The list of messages.
 * @csspart message - One message.
 * @csspart attachments - The list of attachments.
 * @csspart message-form - The form to add a message.
 * @csspart send - The send button.
 * @csspart closed-notice - Why nothing can be added to a closed case.
 *
 * @cssproperty --mp-color-primary - Links, buttons, the resident's messages.
 * @cssproperty --mp-color-success - The housing company's messages and the sent confirmation.
 * @cssproperty --mp-color-error - The message form's error.
 * @cssproperty --mp-color-border - Card borders and the timeline line.
 * @cssproperty --mp-color-status-eingegangen - Status badge “Eingegangen” (received).
 * @cssproperty --mp-color-status-in-bearbeitung - Status badge “In Bearbeitung” (in progress).
 * @cssproperty --mp-color-status-beauftragt - Status badge “Beauftragt” (commissioned).
 * @cssproperty --mp-color-status-erledigt - Status badge “Erledigt” (done).
 * @cssproperty --mp-color-status-abgelehnt - Status badge “Abgelehnt” (declined).
 * @cssproperty --mp-radius - Corners of cards and badges.
 */
export class CaseDetailView extends PortalElement {
  static override styles = [
    PortalElement.styles,
    residentViewStyles,
    statusBadgeStyles,
    caseDetailStyles,
    characterCountStyles,
    photoThumbnailStyles,
  ];

  @property({ attribute: false }) detail?: CaseDetail;

  /** Download link of an attachment (`client.url('/api/cases/:id/attachments/:aid')`). */
  @property({ attribute: false }) attachmentUrl: (caseId: string, attachmentId: string) => string = () => '#';

  /** The address of a photo's thumbnail (`thumbnailOf` its download address); without it no thumbnails are shown. */
  @property({ attribute: false }) thumbnailUrl?: (caseId: string, attachmentId: string) => string;

  /** A message is being sent. */
  @property({ type: Boolean, reflect: true }) sending = false;

  /** Why sending failed (German message from the BFF). */
  @property({ attribute: false }) sendError = '';

  /** The API the file picker uploads through (the portal's client). */
  @property({ attribute: false }) client?: ApiClient;

  @state() private fieldError = '';
  @state() private sent = '';
  /** What is typed in the message field (its counter follows it). */
  @state() private draft = '';
  private readonly counter = new CharacterCount(this);
  private readonly detailTexts = new AreaTexts(this, detailTexts);
  @query('textarea') private textarea?: HTMLTextAreaElement;
  @query('mp-attachment-picker') private picker?: AttachmentPicker;

  /** The portal calls this after the BFF took the message: the form empties and confirms. */
  messageSent(): void {
    if (this.textarea) this.textarea.value = '';
    this.draft = '';
    this.picker?.clear();
    this.fieldError = '';
    this.sent = this.msg.messageSent;
  }

  override render() {
    const detail = this.detail;
    if (!detail) return nothing;
    const msg = this.msg;
    const item = detail.case;
    return html`
      <section aria-label=${msg.caseDescription}>
        <div class="facts" part="facts">
          <span class="meta">${msg.caseNumber(item.caseNumber)} · ${msg.caseTypeLabels[item.type]}</span>
          ${statusBadge(msg, item.status)}
          ${item.urgency !== 'normal' ? html`<span class="meta">${msg.urgencyLabels[item.urgency]}</span>` : nothing}
        </div>
        ${item.damage ? html`<p>${msg.damagePlace(item.damage.location.label, item.damage.category.label, item.damage.kind.label)}</p>` : nothing}
        ${item.documentType ? html`<p>${item.documentType.label}</p>` : nothing}
        ${item.description ? html`<h3>${msg.caseDescription}</h3><p class="description">${item.description}</p>` : nothing}
      </section>
      <section aria-labelledby="timeline-heading">
        <h3 id="timeline-heading">${msg.timelineHeading}</h3>
        <ol class="timeline" part="timeline">
          ${detail.timeline.map((event) => html`<li>${timeOf(event.createdAt, this.locale, msg)}: ${this.eventText(event)}</li>`)}
        </ol>
      </section>
      <section aria-labelledby="messages-heading">
        <h3 id="messages-heading">${msg.messagesHeading}</h3>
        ${
          detail.messages.length
            ? html`<ul class="plain" part="messages">
              ${detail.messages.map(
                (message) => html`
                  <li class="card message" part="message" data-author=${message.author}>
                    <p class="meta">
                      <span class="author">${message.author === 'resident' ? msg.messageFromResident : msg.messageFromStaff}</span>,
                      ${timeOf(message.createdAt, this.locale, msg)}
                    </p>
                    <p class="body">${message.body}</p>
                  </li>
                `,
              )}
            </ul>`
            : html`<p class="meta">${msg.noMessages}</p>`
        }
      </section>
      ${
        detail.attachments.length
          ? html`<section aria-labelledby="attachments-heading">
            <h3 id="attachments-heading">${msg.attachmentsHeading}</h3>
            <ul class="plain" part="attachments">
              ${detail.attachments.map(
                (attachment) => html`<li>
                  ${photoThumbnail(this.thumbnailUrl?.(item.id, attachment.id), attachment, this.detailTexts.texts.photoAlt(attachment.fileName))}
                  <a href=${this.attachmentUrl(item.id, attachment.id)} download=${attachment.fileName}>${attachment.fileName}</a>
                  <span class="meta">(${msg.fileSize(attachment.size)}, ${msg.attachmentFrom(attachment.uploadedBy)})</span>
                </li>`,
              )}
            </ul>
          </section>`
          : nothing
      }
      ${isClosedStatus(item.status) ? this.renderClosed(item.status) : this.renderForm(item.id)}
    `;
  }

  private renderClosed(status: CaseStatus) {
    return html`<p class="closed" part="closed-notice">${this.msg.caseClosedNotice(status as 'erledigt' | 'abgelehnt')}</p>`;
  }

  private renderForm(caseId: string) {
    const msg = this.msg;
    const error = this.fieldError || this.sendError;
    return html`
      <section aria-labelledby="form-heading">
        <h3 id="form-heading">${msg.addMessageHeading}</h3>
        <form part="message-form" novalidate @submit=${(event: SubmitEvent) => this.submit(event, caseId)}>
          <label for="message">${msg.messageLabel}</label>
          <textarea id="message" name="body" aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${[this.counter.describedBy('message', this.draft, MESSAGE_MAX), 'message-error'].filter(Boolean).join(' ')}
            @input=${(event: InputEvent) => ((this.fieldError = ''), (this.sent = ''), (this.draft = (event.target as HTMLTextAreaElement).value))}></textarea>
          ${this.counter.render('message', this.draft, MESSAGE_MAX)}
          <mp-attachment-picker lang=${this.locale} .client=${this.client} ?disabled=${this.sending} @change=${() => (this.fieldError = '')}></mp-attachment-picker>
          <p class="error" id="message-error" role="alert">${error}</p>
          <button class="primary" part="send" type="submit" ?disabled=${this.sending} aria-busy=${this.sending ? 'true' : 'false'}>
            ${this.sending ? msg.busy : msg.sendMessage}
          </button>
          <p class="sent" role="status">${this.sent}</p>
        </form>
      </section>
    `;
  }

  private eventText(event: TimelineEvent): string {
    const msg = this.msg;
    switch (event.kind) {
      case 'created':
        return msg.timelineCreated;
      case 'status_changed': {
        const to = event.data.to as CaseStatus;
        return msg.timelineStatus(msg.caseStatusLabels[to] ?? String(to));
      }
      case 'public_reply':
        return msg.timelineReply;
      case 'resident_message':
        return msg.timelineResidentMessage;
      case 'attachments_added':
        return msg.timelineAttachments(Number(event.data.count) || 1);
      case 'document_published':
        return msg.timelineDocument(typeof event.data.title === 'string' ? event.data.title : '');
      case 'work_order': {
        const at = event.data.appointmentAt;
        const when =
          typeof at === 'string'
            ? new Date(at).toLocaleString(intlLocale(this.locale), { dateStyle: 'medium', timeStyle: 'short', timeZone: 'Europe/Berlin' })
            : null;
        return msg.timelineWorkOrder(
          event.data.action === 'done',
          typeof event.data.contractor === 'string' ? event.data.contractor : '',
          when,
        );
      }
      default:
        return String(event.kind);
    }
  }

  private submit(event: SubmitEvent, caseId: string) {
    event.preventDefault();
    if (this.sending) return;
    const body = this.textarea?.value.trim() ?? '';
    const attachmentIds = this.picker?.value ?? [];
    this.sent = '';
    if (this.picker?.uploading) {
      this.fieldError = this.msg.uploadsPending;
      return;
    }
    if (!body && !attachmentIds.length) {
      this.fieldError = this.msg.messageEmpty;
      this.textarea?.focus();
      return;
    }
    const problem = textLimitProblem(body, MESSAGE_MAX);
    if (problem) {
      this.fieldError = problem === 'too_long' ? this.msg.tooLong(MESSAGE_MAX) : this.counter.tooManyCombined;
      this.textarea?.focus();
      return;
    }
    this.fieldError = '';
    this.dispatchEvent(
      new CaseMessageRequestEvent({ caseId, ...(body ? { body } : {}), ...(attachmentIds.length ? { attachmentIds } : {}) }),
    );
  }
}

defineElement('mp-case-detail', CaseDetailView);

declare global {
  interface HTMLElementTagNameMap {
    'mp-case-detail': CaseDetailView;
  }
}
