import { html } from 'lit';
import { defineElement } from '../internal/portal-element.ts';
import type { Locale } from '../internal/localize.ts';
import { SignInPortal } from '../sign-in-flow/sign-in-portal.ts';
import { staffPortalStyles } from './staff-portal.styles.ts';
import '../case-board/case-board.ts';

/**
 * The clerks' workplace of a housing company: staff sign-in with an authenticator app (activation for
 * new staff accounts included) and, once signed in, the "Vorgänge" board (`<case-board>` on the same session).
 *
 * @tagname staff-portal
 * @summary Staff sign-in and the "Vorgänge" board.
 *
 * @slot header - Shown above the sign-in forms, e.g. the housing company's logo.
 *
 * @event {SignedInEvent} mp-signed-in - The clerk completed sign-in; `detail.user` is the signed-in person.
 * @event {SignedOutEvent} mp-signed-out - The clerk signed out; `detail.everywhere` if on all devices.
 *
 * @csspart portal - The outer container.
 * @csspart loading - The text shown while the session loads.
 * @csspart sign-in - The sign-in flow.
 * @csspart account-bar - Name and sign-out buttons.
 * @csspart board - The "Vorgänge" area.
 * @csspart case-board - The `<case-board>` in it; its own parts are exported as `board-…` (e.g. `board-case`).
 * @csspart heading - The heading of a sign-in step.
 * @csspart alert - The region for error messages.
 * @csspart form - Each sign-in form.
 * @csspart input - A text, e-mail or password input.
 * @csspart submit - The primary button of a form.
 *
 * @cssproperty --mp-color-primary - Buttons, links and accents.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-background - Background of the portal.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Error messages and invalid fields.
 * @cssproperty --mp-color-status-eingegangen - Status badge “Eingegangen” (received).
 * @cssproperty --mp-color-status-in-bearbeitung - Status badge “In Bearbeitung” (in progress).
 * @cssproperty --mp-color-status-beauftragt - Status badge “Beauftragt” (commissioned).
 * @cssproperty --mp-color-status-erledigt - Status badge “Erledigt” (done).
 * @cssproperty --mp-color-status-abgelehnt - Status badge “Abgelehnt” (declined).
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 * @cssproperty --mp-reserved-height - Least height, kept from page load on (before the code and data arrive) so the page does not jump; default 27 × the font size, about the sign-in form.
 */
export class StaffPortal extends SignInPortal {
  static override styles = [SignInPortal.styles, staffPortalStyles];
  /** Staff work in German or English; any other page language shows German. */
  static override languages: readonly Locale[] = ['de', 'en'];

  /** @internal */
  readonly audience = 'staff';

  protected label(tenantName: string): string {
    return this.msg.staffPortalLabel(tenantName);
  }

  protected renderSignedIn() {
    return html`
      <section class="board" part="board" aria-labelledby="board-heading">
        <h2 id="board-heading" tabindex="-1">${this.msg.boardHeading}</h2>
        <case-board
          part="case-board"
          exportparts="filters: board-filters, list: board-list, case: board-case, load-more: board-load-more, detail: board-detail, activity: board-activity, actions: board-actions, button: board-button, alert: board-alert, notice: board-notice"
          lang=${this.locale}
          heading-level="3"
          ?url-state=${this.urlState}
          .client=${this.apiClient}
        ></case-board>
      </section>
    `;
  }
}

defineElement('staff-portal', StaffPortal);

declare global {
  interface HTMLElementTagNameMap {
    'staff-portal': StaffPortal;
  }
}
