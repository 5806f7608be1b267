import { html, nothing, type PropertyValues } from 'lit';
import { property } from 'lit/decorators.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import type { ResidentCase } from '../internal/resident-cases-api.ts';
import { residentViewStyles, timeOf } from '../internal/resident-view.ts';
import { statusBadge, statusBadgeStyles } from '../internal/status-badge.ts';
import { CaseOpenRequestEvent } from '../events/case-open-request.ts';
import { LoadMoreRequestEvent } from '../events/load-more-request.ts';
import { caseListStyles } from './case-list.styles.ts';

/**
 * The resident's own cases, latest activity first: case number, type, title, a summary, the status, when
 * something last happened and a "Neu" mark on cases with news since the resident last opened them.
 * Presentational: the portal loads the pages and opens a case on request.
 *
 * @tagname mp-case-list
 * @summary "Meine Anliegen" as a list of cases with "Weitere laden".
 *
 * @event {CaseOpenRequestEvent} mp-case-open-request - A case's title was activated; `detail.caseId`.
 * @event {LoadMoreRequestEvent} mp-load-more-request - "Weitere laden" was pressed.
 *
 * @csspart list - The list of cases.
 * @csspart case - One case card.
 * @csspart open - The title button that opens the case.
 * @csspart status - The status badge.
 * @csspart news - The "Neu" mark of a case with news since the resident last opened it.
 * @csspart load-more - The "Weitere laden" button.
 *
 * @cssproperty --mp-color-primary - Titles, the highlight of a new case, buttons.
 * @cssproperty --mp-color-border - Card borders.
 * @cssproperty --mp-color-surface - Card background.
 * @cssproperty --mp-color-muted - Case number, type and time.
 * @cssproperty --mp-color-status-eingegangen - Status badge “Eingegangen” (received).
 * @cssproperty --mp-color-status-in-bearbeitung - Status badge “In Bearbeitung” (in progress).
 * @cssproperty --mp-color-status-beauftragt - Status badge “Beauftragt” (commissioned).
 * @cssproperty --mp-color-status-erledigt - Status badge “Erledigt” (done).
 * @cssproperty --mp-color-status-abgelehnt - Status badge “Abgelehnt” (declined).
 * @cssproperty --mp-radius - Corners of cards and badges.
 */
export class CaseList extends PortalElement {
  static override styles = [PortalElement.styles, residentViewStyles, statusBadgeStyles, caseListStyles];

  @property({ attribute: false }) cases: ResidentCase[] = [];

  /** A further page exists. */
  @property({ type: Boolean, attribute: 'has-more' }) hasMore = false;

  /** The next page is loading. */
  @property({ type: Boolean, attribute: 'loading-more' }) loadingMore = false;

  /** Id of a case to highlight, e.g. the one just filed. */
  @property({ attribute: false }) highlight?: string;

  /** Cases shown before "Weitere laden"; focus moves to the first new one when the page arrives. */
  private countBeforeMore?: number;

  /** Moves focus to the title of a case (after returning from its detail). */
  focusCase(caseId: string): void {
    this.renderRoot.querySelector<HTMLButtonElement>(`button[data-case-id="${CSS.escape(caseId)}"]`)?.focus();
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if (this.countBeforeMore !== undefined && changed.has('cases') && this.cases.length > this.countBeforeMore) {
      const first = this.cases[this.countBeforeMore];
      this.countBeforeMore = undefined;
      this.focusCase(first.id);
    }
  }

  override render() {
    return html`
      <ul class="plain" part="list" aria-label=${this.msg.caseListLabel}>
        ${this.cases.map((item) => this.renderCase(item))}
      </ul>
      ${
        this.hasMore
          ? html`<button class="more" part="load-more" type="button" ?disabled=${this.loadingMore} aria-busy=${this.loadingMore ? 'true' : 'false'}
            @click=${this.loadMore}>${this.loadingMore ? this.msg.loading : this.msg.loadMore}</button>`
          : nothing
      }
    `;
  }

  private renderCase(item: ResidentCase) {
    const msg = this.msg;
    return html`
      <li class="card case" part="case" ?data-highlight=${item.id === this.highlight} ?data-news=${item.hasNews}>
        <div class="top">
          <span class="meta">${msg.caseNumber(item.caseNumber)} · ${msg.caseTypeLabels[item.type]}</span>
          <span class="marks">
            ${
              item.hasNews
                ? html`<span class="news" part="news">${msg.caseNew}<span class="visually-hidden">: ${msg.caseNewHidden}</span></span>`
                : nothing
            }
            ${statusBadge(msg, item.status)}
          </span>
        </div>
        <h3>
          <button class="open" part="open" type="button" data-case-id=${item.id}
            @click=${() => this.dispatchEvent(new CaseOpenRequestEvent({ caseId: item.id }))}>${item.title}</button>
        </h3>
        ${item.description ? html`<p class="summary">${item.description}</p>` : nothing}
        <p class="meta">${timeOf(item.lastActivityAt, this.locale, msg, msg.lastActivity)}</p>
      </li>
    `;
  }

  private loadMore() {
    this.countBeforeMore = this.cases.length;
    this.dispatchEvent(new LoadMoreRequestEvent());
  }
}

defineElement('mp-case-list', CaseList);

declare global {
  interface HTMLElementTagNameMap {
    'mp-case-list': CaseList;
  }
}
