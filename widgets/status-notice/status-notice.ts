import { html, nothing } from 'lit';
import { property } from 'lit/decorators.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import { detailTexts } from '../internal/detail-texts.ts';
import { StatusNoticeDismissedEvent } from '../events/status-notice-dismissed.ts';
import { statusNoticeStyles } from './status-notice.styles.ts';

/**
 * What changed on a resident's case while the page was open ("Anliegen 2026-0180: Status jetzt
 * „Beauftragt“"), shown where sighted residents see it — screen readers already heard it through the portal's
 * polite live region, so this notice is no live region itself. It stays until closed or the next change.
 * `<tenant-portal>` imports it on the first change.
 *
 * @tagname mp-status-notice
 * @summary A visible, highlighted notice of a live status change.
 *
 * @event {StatusNoticeDismissedEvent} mp-status-notice-dismissed - The resident closed the notice.
 *
 * @csspart notice - The highlighted box.
 * @csspart dismiss - The close button.
 *
 * @cssproperty --mp-color-primary - Border and close button.
 * @cssproperty --mp-color-surface - Background the highlight is mixed into.
 * @cssproperty --mp-color-focus - Focus ring, and the flash of a new notice.
 */
export class StatusNotice extends PortalElement {
  static override styles = [PortalElement.styles, statusNoticeStyles];

  /** The change, in the portal's words. Empty: nothing is shown. */
  @property() text = '';

  private readonly noticeTexts = new AreaTexts(this, detailTexts);

  override render() {
    if (!this.text) return nothing;
    const msg = this.noticeTexts.texts;
    return html`
      <div class="notice" part="notice">
        <p class="text"><span class="heading">${msg.statusNoticeHeading}</span> ${this.text}</p>
        <button type="button" part="dismiss" aria-label=${msg.statusNoticeDismiss} @click=${() => this.dispatchEvent(new StatusNoticeDismissedEvent())}>
          <span aria-hidden="true">×</span>
        </button>
      </div>
    `;
  }
}

defineElement('mp-status-notice', StatusNotice);

declare global {
  interface HTMLElementTagNameMap {
    'mp-status-notice': StatusNotice;
  }
}
