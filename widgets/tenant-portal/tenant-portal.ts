import { html } from 'lit';
import { defineElement } from '../internal/portal-element.ts';
import { SignInPortal } from '../sign-in-flow/sign-in-portal.ts';
import { tenantPortalStyles } from './tenant-portal.styles.ts';

/**
 * The residents' portal of a housing company: sign-in with a second factor, activation with the code from
 * the letter, password reset (`?mp-reset=<token>` in the page URL) and, once signed in, "Meine Anliegen".
 *
 * @tagname tenant-portal
 * @summary Resident sign-in and the "Meine Anliegen" overview.
 *
 * @slot header - Shown above the sign-in forms, e.g. the housing company's logo.
 * @slot cases - Content of the "Meine Anliegen" area, replacing the empty state.
 *
 * @event {SignedInEvent} mp-signed-in - The resident completed sign-in; `detail.user` is the signed-in person.
 * @event {SignedOutEvent} mp-signed-out - The resident signed out; `detail.everywhere` if on all devices.
 *
 * @csspart portal - The outer container.
 * @csspart loading - The text shown while the session loads.
 * @csspart sign-in - The sign-in flow.
 * @csspart account-bar - Name and sign-out buttons.
 * @csspart cases - The "Meine Anliegen" area.
 * @csspart empty-state - The text shown when there are no cases.
 * @csspart heading - The heading of a sign-in step.
 * @csspart alert - The region for error messages.
 * @csspart confirmation - The region for confirmations.
 * @csspart form - Each sign-in form.
 * @csspart field - A label, input, hint and error group.
 * @csspart label - A field label.
 * @csspart input - A text, e-mail or password input.
 * @csspart field-error - The error message under a field.
 * @csspart submit - The primary button of a form.
 * @csspart link - A secondary action that looks like a link.
 * @csspart option - A choice of second factor.
 * @csspart qr-code - The QR code for the authenticator app.
 * @csspart secret - The authenticator secret for manual entry.
 *
 * @cssproperty --mp-color-primary - Buttons, links and accents.
 * @cssproperty --mp-color-on-primary - Text on primary buttons.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints and empty states.
 * @cssproperty --mp-color-background - Background of the portal.
 * @cssproperty --mp-color-surface - Background of inputs and cards.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Error messages and invalid fields.
 * @cssproperty --mp-color-success - Confirmations.
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class TenantPortal extends SignInPortal {
  static override styles = [SignInPortal.styles, tenantPortalStyles];

  readonly audience = 'resident';

  protected label(tenantName: string): string {
    return this.msg.portalLabel(tenantName);
  }

  protected renderSignedIn() {
    return html`
      <section class="cases" part="cases" aria-labelledby="cases-heading">
        <h2 id="cases-heading" tabindex="-1">${this.msg.myCasesHeading}</h2>
        <slot name="cases">
          <p class="empty-state" part="empty-state">${this.msg.casesSummary(0)}</p>
        </slot>
      </section>
    `;
  }
}

defineElement('tenant-portal', TenantPortal);

declare global {
  interface HTMLElementTagNameMap {
    'tenant-portal': TenantPortal;
  }
}
