import { html, nothing } from 'lit';
import { property, state } from 'lit/decorators.js';
import { PortalElement, defineElement } from '../internal/portal-element.ts';
import { errorText } from '../internal/localize.ts';
import { AreaTexts } from '../internal/area-texts.ts';
import {
  loadNotificationPreferences,
  saveNotificationPreferences,
  type NotificationPreferences,
  type NotificationPreferencesClient,
} from '../internal/notification-preferences-api.ts';
import { notificationPreferencesStyles } from './notification-preferences.styles.ts';
import { preferenceTexts } from './preference-texts.ts';

const CHOICES = ['receipt', 'replies', 'statusChanges', 'appointments'] as const satisfies ReadonlyArray<keyof NotificationPreferences>;

/**
 * The resident's choice of e-mails about their cases: the receipt on filing, each reply of the housing
 * company, each status change, contractor appointments. Loads the choice through `client` and saves it
 * as a whole; the BFF sends only what is chosen.
 *
 * @tagname mp-notification-preferences
 * @summary "E-Mail-Benachrichtigungen": which e-mails a resident gets.
 *
 * @csspart form - The form.
 * @csspart choice - Each checkbox with its label.
 * @csspart save - The "Auswahl speichern" button.
 * @csspart saved - The confirmation after saving.
 * @csspart error - A loading or saving error.
 *
 * @cssproperty --mp-color-primary - The button and the checkboxes.
 * @cssproperty --mp-color-border - The frame of the choices.
 * @cssproperty --mp-color-success - The confirmation.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-radius - Corners.
 */
export class NotificationPreferencesView extends PortalElement {
  static override styles = [PortalElement.styles, notificationPreferencesStyles];

  /** The BFF (the portal's `ApiClient`). */
  @property({ attribute: false }) client?: NotificationPreferencesClient;

  /** The choice as shown; loaded through `client` when not set. */
  @property({ attribute: false }) preferences?: NotificationPreferences;

  @state() private saving = false;
  @state() private saved = false;
  @state() private error?: unknown;

  private readonly preferenceTexts = new AreaTexts(this, preferenceTexts);

  protected override async getUpdateComplete(): Promise<boolean> {
    await this.preferenceTexts.ready(this.locale);
    return super.getUpdateComplete();
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.preferences && this.client) void this.load();
  }

  private async load() {
    try {
      this.preferences = await loadNotificationPreferences(this.client!);
      this.error = undefined;
    } catch (error) {
      this.error = error;
    }
  }

  override render() {
    const msg = this.msg;
    const t = this.preferenceTexts.texts;
    const preferences = this.preferences;
    return html`
      <form part="form" @submit=${this.save} aria-busy=${preferences ? 'false' : 'true'}>
        <fieldset>
          <legend>${msg.notificationsHeading}</legend>
          <p class="intro">${t.intro}</p>
          ${
            preferences
              ? CHOICES.map(
                  (choice) => html`<label part="choice">
                    <input type="checkbox" name=${choice} .checked=${preferences[choice]} ?disabled=${this.saving} @change=${this.changed} />
                    <span>${t.choices[choice]}</span>
                  </label>`,
                )
              : this.error
                ? nothing
                : html`<p role="status">${msg.loading}</p>`
          }
        </fieldset>
        ${
          preferences
            ? html`<button part="save" type="submit" ?disabled=${this.saving} aria-busy=${this.saving ? 'true' : 'false'}>
              ${this.saving ? msg.busy : t.save}
            </button>`
            : nothing
        }
        <div role="status">${this.saved ? html`<p class="saved" part="saved">${t.saved}</p>` : nothing}</div>
        <div role="alert">${this.error ? html`<p class="error" part="error">${errorText(msg, this.error)}</p>` : nothing}</div>
      </form>
    `;
  }

  private changed(event: Event) {
    const input = event.target as HTMLInputElement;
    this.preferences = { ...this.preferences!, [input.name]: input.checked };
    this.saved = false;
  }

  private async save(event: SubmitEvent) {
    event.preventDefault();
    if (!this.client || !this.preferences) return;
    this.saving = true;
    this.saved = false;
    this.error = undefined;
    try {
      this.preferences = await saveNotificationPreferences(this.client, this.preferences);
      this.saved = true;
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }
}

defineElement('mp-notification-preferences', NotificationPreferencesView);

declare global {
  interface HTMLElementTagNameMap {
    'mp-notification-preferences': NotificationPreferencesView;
  }
}
