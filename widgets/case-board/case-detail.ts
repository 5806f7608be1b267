import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import type { ApiError } from '../internal/api-client.ts';
import type { Locale, Messages } from '../internal/localize.ts';
import {
  documentCategories,
  isTenantCertificateRequest,
  statusTransitions,
  type CaseEvent,
  type CaseMessage,
  type CaseStatus,
  type DocumentCategory,
  type StaffAccount,
  type StaffCase,
  type StaffCaseDetail,
  type StaffCasesApi,
} from '../internal/staff-cases-api.ts';

/** What the detail of `<case-board>` reads from and does through the board. */
export interface DetailHost {
  readonly msg: Messages;
  readonly locale: Locale;
  readonly cases: StaffCasesApi;
  readonly headingLevel: number;
  readonly clerks: StaffAccount[];
  readonly items: StaffCase[];
  readonly selectedId?: string;
  readonly detail?: StaffCaseDetail;
  readonly detailError?: ApiError;
  readonly busy?: string;
  readonly notice?: string;
  readonly actionError?: string;
  uploadProgress?: number;
  messageKind: 'reply' | 'note';
  close(): void;
  loadDetail(id: string): Promise<void>;
  act(name: string, action: () => Promise<{ case: StaffCase }>, done: () => string, form?: HTMLFormElement): Promise<void>;
  errorText(error: ApiError): string;
  formatDate(iso: string): string;
}

/** The open case: its data, attachments, activity log and the forms to work on it. */
export function renderCaseDetail(host: DetailHost) {
  const msg = host.msg;
  const listed = host.items.find((item) => item.id === host.selectedId);
  const item = host.detail?.case ?? listed;
  const heading = item ? `${msg.boardDetail(item.caseNumber)}: ${item.title}` : msg.loading;
  return html`
    <article class="detail" part="detail" aria-labelledby="detail-heading">
      <div class="detail-head">
        <button type="button" class="back" part="button" @click=${() => host.close()}>← ${msg.boardBack}</button>
        <div id="detail-heading" class="detail-title" role="heading" aria-level=${host.headingLevel} tabindex="-1" data-focus>${heading}</div>
      </div>
      ${
        host.detailError
          ? html`<div class="alert" part="alert" role="alert">${msg.boardDetailError} ${host.errorText(host.detailError)}</div>
            <button type="button" part="button" @click=${() => host.loadDetail(host.selectedId!)}>${msg.boardRetry}</button>`
          : !host.detail
            ? html`<p class="muted" role="status">${msg.loading}</p>`
            : renderLoaded(host, host.detail)
      }
    </article>
  `;
}

function renderLoaded(host: DetailHost, detail: StaffCaseDetail) {
  const msg = host.msg;
  const item = detail.case;
  const sub = Math.min(host.headingLevel + 1, 6);
  const row = (label: string, value: unknown) =>
    value === null || value === undefined || value === '' ? nothing : html`<div class="row"><dt>${label}</dt><dd>${value}</dd></div>`;
  return html`
    <dl class="facts">
      ${row(msg.boardFieldType, msg.caseTypeLabels[item.type])}
      ${row(msg.boardFieldStatus, msg.caseStatusLabels[item.status])}
      ${row(msg.boardPriority, msg.boardPriorityLabels[item.priority])}
      ${row(msg.boardFieldUrgency, msg.boardUrgencyLabels[item.urgency])}
      ${row(
        msg.boardFieldDeadline,
        html`<span class=${item.overdue ? 'overdue-text' : ''}>${item.overdue ? msg.boardOverdueSince(host.formatDate(item.deadlineAt)) : host.formatDate(item.deadlineAt)}</span>`,
      )}
      ${row(msg.boardFieldAssignee, item.assignee?.label ?? msg.boardUnassigned)}
      ${row(msg.boardFieldResident, item.resident.name)}
      ${row(msg.boardFieldBuilding, item.building.address)}
      ${row(msg.boardFieldUnit, item.unitLabel)}
      ${row(msg.boardFieldCreated, host.formatDate(item.createdAt))}
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
                <a href=${host.cases.attachmentUrl(item.id, attachment.id)} download=${attachment.fileName} aria-label=${msg.boardDownload(attachment.fileName)}
                  >${attachment.fileName}</a
                >
                <span class="muted">${fileSize(attachment.size, host.locale)}, ${msg.boardUploadedBy[attachment.uploadedBy]}</span>
              </li>`,
            )}
          </ul>`
          : html`<p class="muted">${msg.boardNoAttachments}</p>`
      }
    </section>
    <section class="activity" part="activity" aria-labelledby="activity-heading">
      <div id="activity-heading" class="sub" role="heading" aria-level=${sub}>${msg.boardActivity}</div>
      ${renderActivity(host, detail)}
    </section>
    ${renderActions(host, item, sub)}
  `;
}

function renderActions(host: DetailHost, item: StaffCase, level: number) {
  const msg = host.msg;
  const next = statusTransitions[item.status];
  const busy = Boolean(host.busy);
  const isCertificateRequest = isTenantCertificateRequest(item) && next.length > 0;
  const form = (event: Event) => {
    event.preventDefault();
    return event.target as HTMLFormElement;
  };
  const value = (target: HTMLFormElement, name: string) => String(new FormData(target).get(name) ?? '').trim();
  return html`
    <section class="actions" part="actions" aria-labelledby="actions-heading">
      <div id="actions-heading" class="sub" role="heading" aria-level=${level}>${msg.boardActions}</div>
      <div class="feedback">
        <div class="alert" part="alert" role="alert">${host.actionError ?? nothing}</div>
        <div class="notice" part="notice" role="status">${host.notice ?? nothing}</div>
      </div>
      ${
        isCertificateRequest
          ? html`<button
            type="button"
            class="primary certificate"
            part="button"
            ?disabled=${busy}
            @click=${() =>
              host.act(
                'certificate',
                () => host.cases.issueCertificate(item.id),
                () => msg.boardCertificateIssued,
              )}
          >
            ${msg.boardCertificateSubmit}
          </button>`
          : nothing
      }
      <form
        class="action"
        aria-labelledby="status-heading"
        @submit=${(event: Event) => {
          const target = form(event);
          const status = value(target, 'status') as CaseStatus;
          const message = value(target, 'message');
          if (!status) return;
          void host.act(
            'status',
            () => host.cases.changeStatus(item.id, status, message || undefined),
            () => msg.boardStatusChanged(msg.caseStatusLabels[status]),
            target,
          );
        }}
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
              <button type="submit" class="primary" part="button" ?disabled=${busy}>${host.busy === 'status' ? msg.busy : msg.boardStatusSubmit}</button>
            `
            : html`<p class="muted">${msg.boardStatusFinal}</p>`
        }
      </form>
      <form
        class="action"
        aria-labelledby="assign-heading"
        @submit=${(event: Event) => {
          const target = form(event);
          const assigneeId = value(target, 'assignee') || null;
          const name = host.clerks.find((clerk) => clerk.id === assigneeId)?.label ?? null;
          void host.act(
            'assign',
            () => host.cases.assign(item.id, assigneeId),
            () => msg.boardAssigned(name),
          );
        }}
      >
        <div id="assign-heading" class="action-title">${msg.boardAssignHeading}</div>
        <label class="field">
          <span>${msg.boardFieldAssignee}</span>
          <select name="assignee">
            <option value="" ?selected=${!item.assignee}>${msg.boardUnassigned}</option>
            ${host.clerks.map((clerk) => html`<option value=${clerk.id} ?selected=${item.assignee?.id === clerk.id}>${clerk.label}</option>`)}
          </select>
        </label>
        <button type="submit" part="button" ?disabled=${busy}>${host.busy === 'assign' ? msg.busy : msg.boardAssignSubmit}</button>
      </form>
      <form
        class="action message-form ${host.messageKind}"
        aria-labelledby="message-heading"
        @submit=${(event: Event) => {
          const target = form(event);
          const body = value(target, 'body');
          if (!body) return;
          const note = host.messageKind === 'note';
          void host.act(
            'message',
            () => (note ? host.cases.note(item.id, body) : host.cases.reply(item.id, body)),
            () => (note ? msg.boardNoteSaved : msg.boardReplySent),
            target,
          );
        }}
      >
        <div id="message-heading" class="action-title">${msg.boardMessageHeading}</div>
        <fieldset class="kinds">
          <legend>${msg.boardMessageKind}</legend>
          <label class="check">
            <input type="radio" name="kind" value="reply" .checked=${host.messageKind === 'reply'} @change=${() => (host.messageKind = 'reply')} />
            ${msg.boardReplyOption}
          </label>
          <label class="check">
            <input type="radio" name="kind" value="note" .checked=${host.messageKind === 'note'} @change=${() => (host.messageKind = 'note')} />
            ${msg.boardNoteOption}
          </label>
        </fieldset>
        <label class="field">
          <span>${msg.boardMessageBody} (${host.messageKind === 'note' ? msg.boardInternal : msg.boardPublic})</span>
          <textarea name="body" rows="3" required maxlength="5000"></textarea>
        </label>
        <button type="submit" class="primary" part="button" ?disabled=${busy}>
          ${host.busy === 'message' ? msg.busy : host.messageKind === 'note' ? msg.boardNoteSubmit : msg.boardReplySubmit}
        </button>
      </form>
      <form
        class="action"
        aria-labelledby="document-heading"
        @submit=${(event: Event) => {
          const target = form(event);
          const file = new FormData(target).get('file');
          const title = value(target, 'title');
          const category = value(target, 'category') as DocumentCategory;
          if (!(file instanceof File) || !file.size || !title) return;
          host.uploadProgress = 0;
          void host.act(
            'document',
            () =>
              host.cases.publishDocument(
                item.id,
                { file, title, category },
                { onProgress: (fraction) => (host.uploadProgress = fraction) },
              ),
            () => msg.boardDocumentPublished,
            target,
          );
        }}
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
          host.busy === 'document' && host.uploadProgress !== undefined
            ? html`<label class="field"><span>${msg.boardUploadProgress}</span><progress max="1" .value=${host.uploadProgress}></progress></label>`
            : nothing
        }
        <button type="submit" part="button" ?disabled=${busy}>${host.busy === 'document' ? msg.busy : msg.boardDocumentSubmit}</button>
      </form>
    </section>
  `;
}

interface Entry {
  at: string;
  event?: CaseEvent;
  message?: CaseMessage;
}

/** Events in order; a message appears with the event that wrote it, or on its own if no event names it. */
function renderActivity(host: DetailHost, detail: StaffCaseDetail) {
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
        (entry) => renderEntry(host, detail.case, entry),
      )}
    </ol>
  `;
}

function renderEntry(host: DetailHost, item: StaffCase, entry: Entry) {
  const msg = host.msg;
  const message = entry.message;
  const internal = message ? message.internal : entry.event ? !entry.event.public : false;
  const who = entry.event
    ? actorOf(msg, entry.event)
    : (message?.authorName ?? (message?.author === 'resident' ? msg.boardActorResident : msg.boardActorStaff));
  const what = entry.event
    ? eventText(host, item, entry.event)
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
      <div class="muted">${who} · <time datetime=${entry.at}>${host.formatDate(entry.at)}</time></div>
      ${message ? html`<p class="message">${message.body}</p>` : nothing}
    </li>
  `;
}

function actorOf(msg: Messages, event: CaseEvent): string {
  if (event.actor === 'system') return msg.boardActorSystem;
  return event.actorName ?? (event.actor === 'resident' ? msg.boardActorResident : msg.boardActorStaff);
}

function eventText(host: DetailHost, item: StaffCase, event: CaseEvent): string {
  const msg = host.msg;
  const data = event.data;
  const person = (id: unknown) =>
    typeof id === 'string'
      ? (host.clerks.find((clerk) => clerk.id === id)?.label ?? (item.assignee?.id === id ? item.assignee.label : msg.boardSomeone))
      : null;
  const status = (value: unknown) =>
    typeof value === 'string' && value in msg.caseStatusLabels ? msg.caseStatusLabels[value as CaseStatus] : String(value);
  switch (event.kind) {
    case 'created':
      return msg.boardEvents.created;
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
    default:
      return msg.boardEvents.other(event.kind);
  }
}

function fileSize(bytes: number, locale: Locale): string {
  const number = (value: number, digits: number) =>
    new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'de-DE', { maximumFractionDigits: digits }).format(value);
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${number(bytes / 1024, 0)} KB`;
  return `${number(bytes / 1024 / 1024, 1)} MB`;
}
