import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import type { ResidentDocument } from '../internal/resident-cases-api.ts';
import { residentViewStyles, timeOf } from '../internal/resident-view.ts';
import { DocumentOpenedEvent } from '../events/document-opened.ts';
import { LoadMoreRequestEvent } from '../events/load-more-request.ts';
import { documentInboxStyles } from './document-inbox.styles.ts';

/**
 * "Meine Dokumente": what the housing company published to the resident, newest first, unread ones
 * marked "Neu", each with its category, the case number of a certificate and a download link.
 * Presentational: the portal loads pages and records the read receipt when a document is opened.
 *
 * @tagname mp-document-inbox
 * @summary The resident's documents with unread marks and download links.
 *
 * @event {DocumentOpenedEvent} mp-document-opened - A document's link was followed; `detail.documentId`.
 * @event {LoadMoreRequestEvent} mp-load-more-request - "Weitere laden" was pressed.
 *
 * @csspart list - The list of documents.
 * @csspart document - One document.
 * @csspart download - The download link.
 * @csspart unread - The "Neu" mark.
 * @csspart load-more - The "Weitere laden" button.
 *
 * @cssproperty --mp-color-primary - Links, the unread mark and its border.
 * @cssproperty --mp-color-on-primary - Text of the unread mark.
 * @cssproperty --mp-color-border - Card borders.
 * @cssproperty --mp-color-muted - Category, size and date.
 * @cssproperty --mp-radius - Corners of cards and the unread mark.
 */
export class DocumentInbox extends PortalElement {
  static override styles = [PortalElement.styles, residentViewStyles, documentInboxStyles];

  @property({ attribute: false }) documents: ResidentDocument[] = [];

  /** Download link of a document (`client.url('/api/documents/:id/file')`). */
  @property({ attribute: false }) documentUrl: (documentId: string) => string = () => '#';

  @property({ type: Boolean, attribute: 'has-more' }) hasMore = false;

  @property({ type: Boolean, attribute: 'loading-more' }) loadingMore = false;

  private countBeforeMore?: number;

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.countBeforeMore !== undefined && changed.has('documents') && this.documents.length > this.countBeforeMore) {
      const first = this.documents[this.countBeforeMore];
      this.countBeforeMore = undefined;
      this.renderRoot.querySelector<HTMLAnchorElement>(`a[data-document-id="${CSS.escape(first.id)}"]`)?.focus();
    }
  }

  override render() {
    return html`
      <ul class="plain" part="list" aria-label=${this.msg.documentListLabel}>
        ${this.documents.map((document) => this.renderDocument(document))}
      </ul>
      ${
        this.hasMore
          ? html`<button class="more" part="load-more" type="button" ?disabled=${this.loadingMore} aria-busy=${this.loadingMore ? 'true' : 'false'}
            @click=${this.loadMore}>${this.loadingMore ? this.msg.loading : this.msg.loadMore}</button>`
          : nothing
      }
    `;
  }

  private renderDocument(document: ResidentDocument) {
    const msg = this.msg;
    const unread = !document.readAt;
    return html`
      <li class="card document" part="document" ?data-unread=${unread}>
        <div class="top">
          <span class="meta">${msg.documentCategoryLabels[document.category] ?? document.category}</span>
          ${document.caseNumber ? html`<span class="meta">${msg.documentForCase(document.caseNumber)}</span>` : nothing}
          ${unread ? html`<span class="new" part="unread">${msg.documentUnread}<span class="visually-hidden">, ${msg.documentUnreadHidden}</span></span>` : nothing}
        </div>
        <p class="title">
          <a part="download" href=${this.documentUrl(document.id)} download=${document.fileName} data-document-id=${document.id}
            @click=${() => this.dispatchEvent(new DocumentOpenedEvent({ documentId: document.id }))}>${document.title}</a>
        </p>
        <p class="meta">
          ${document.fileName} (${msg.fileSize(document.size)}) · ${timeOf(document.publishedAt, this.locale, msg, msg.documentPublished)}
        </p>
      </li>
    `;
  }

  private loadMore() {
    this.countBeforeMore = this.documents.length;
    this.dispatchEvent(new LoadMoreRequestEvent());
  }
}

defineElement('mp-document-inbox', DocumentInbox);

declare global {
  interface HTMLElementTagNameMap {
    'mp-document-inbox': DocumentInbox;
  }
}
