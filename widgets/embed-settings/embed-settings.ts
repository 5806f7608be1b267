import { css, html, nothing, type TemplateResult } from 'lit';
import { state } from 'lit/decorators.js';
import { styleMap } from 'lit/directives/style-map.js';
import { defineElement } from '../internal/portal-element.ts';
import { AdminSettingsView, idOf } from '../internal/admin-settings-view.ts';
import { AreaTexts, TextArea } from '../internal/area-texts.ts';
import { intlLocale } from '../internal/localize.ts';
import { EmbeddingApi, type Embedding } from '../internal/embedding-api.ts';
import { originProblem, THEME_COLOURS, type ThemeColour } from '../../bff/contract/embedding.ts';
import de, { type EmbeddingMessages } from './i18n/de.ts';

const embeddingTexts = new TextArea<EmbeddingMessages>(de, { en: () => import('./i18n/en.ts') });

/** The widgets' own colours where a company sets none (the defaults of `PortalElement`'s theme). */
const STANDARD_COLOURS: Record<ThemeColour, string> = {
  '--mp-color-primary': '#0b5cad',
  '--mp-color-on-primary': '#ffffff',
  '--mp-color-text': '#1d2430',
  '--mp-color-surface': '#ffffff',
};
const MAX_ORIGINS = 50;
const HEX = /^#[0-9a-fA-F]{6}$/;

/** WCAG 2.2 contrast ratio of two `#rrggbb` colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, b] = [1, 3, 5].map((at) => {
      const channel = parseInt(hex.slice(at, at + 2), 16) / 255;
      return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light + 0.05) / (dark + 0.05);
}

/**
 * The admins' embed origins and widget colours (docs/portal-admin.md, "Einbindung und Farben"): the list of
 * addresses whose pages may embed the widgets (exact origins: scheme, host, port — checked here with the
 * contract's own rule before anything is sent) and the four colour tokens, with a live preview and a warning
 * where text would be hard to read. The BFF refuses removing the page the admin works from.
 *
 * In `<staff-portal>` it is part of the admins' "Einstellungen", imported when first opened.
 *
 * @tagname embed-settings
 * @summary The admins' embed origins and widget colours.
 *
 * @csspart base - The outer section.
 * @csspart heading - The heading (not shown with `embedded`).
 * @csspart loading - The text shown while the settings load.
 * @csspart alert - An error: loading failed, no admin, a refused save.
 * @csspart retry - The "Erneut versuchen" button.
 * @csspart form - The form.
 * @csspart field-error - The message under a field.
 * @csspart warning - A contrast warning.
 * @csspart preview - The colour preview.
 * @csspart save - "Speichern".
 * @csspart notice - "Gespeichert …".
 *
 * @cssproperty --mp-color-primary - Buttons and accents.
 * @cssproperty --mp-color-on-primary - Text on the save button.
 * @cssproperty --mp-color-text - Body text.
 * @cssproperty --mp-color-muted - Hints.
 * @cssproperty --mp-color-surface - Background of inputs.
 * @cssproperty --mp-color-border - Borders.
 * @cssproperty --mp-color-error - Errors.
 * @cssproperty --mp-color-success - "Gespeichert".
 * @cssproperty --mp-color-focus - Focus ring.
 * @cssproperty --mp-font-family - Font family.
 * @cssproperty --mp-font-size - Base font size; everything scales with it.
 * @cssproperty --mp-radius - Corner radius.
 * @cssproperty --mp-spacing - Base spacing.
 */
export class EmbedSettingsElement extends AdminSettingsView {
  static override styles = [
    AdminSettingsView.styles,
    css`
      form {
        display: grid;
        gap: var(--_space);
      }
      fieldset {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        display: grid;
        gap: 0.75em;
        min-width: 0;
      }
      ol {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.5em;
      }
      .origin {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 0.25em 0.5em;
        align-items: end;
      }
      .origin .field-error {
        grid-column: 1 / -1;
      }
      .colour {
        display: grid;
        grid-template-columns: 2.75em minmax(0, 12em);
        gap: 0.25em 0.5em;
        align-items: center;
      }
      .colour label,
      .colour .hint,
      .colour .field-error {
        grid-column: 1 / -1;
      }
      .swatch {
        width: 2.75em;
        height: 2.75em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
      }
      input[type='text'] {
        min-height: 2.75em;
        padding: 0.3em 0.5em;
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        background: var(--_surface);
        font-family: ui-monospace, monospace;
      }
      .warning {
        border-inline-start: 4px solid var(--_error);
        padding: 0.25em 0.75em;
        margin: 0;
      }
      .preview {
        border: 1px solid var(--_border);
        border-radius: var(--_radius);
        padding: var(--_space);
        display: grid;
        gap: 0.5em;
        justify-items: start;
      }
      .drawn::before {
        content: attr(data-text);
      }
      .drawn:first-child {
        font-weight: 700;
      }
      .preview-button {
        border: 0;
        border-radius: var(--_radius);
        padding: 0.6em 1em;
        font-weight: 600;
      }
    `,
  ];

  @state() private origins: string[] = [];
  @state() private colours: Record<ThemeColour, string> = emptyColours();

  private readonly embeddingTexts = new AreaTexts(this, embeddingTexts);

  private get embeddingApi(): EmbeddingApi {
    return new EmbeddingApi(this.apiClient);
  }

  protected override get heading(): string {
    return this.embeddingTexts.texts.heading;
  }

  protected override textsReady(): Promise<void> {
    return this.embeddingTexts.ready(this.locale);
  }

  protected override async loadData(isCurrent: () => boolean): Promise<void> {
    const embedding = await this.embeddingApi.read();
    if (isCurrent()) this.show(embedding);
  }

  protected override clearData(): void {
    this.origins = [];
    this.colours = emptyColours();
  }

  private show(embedding: Embedding): void {
    this.origins = [...embedding.allowedOrigins];
    this.colours = { ...emptyColours(), ...embedding.colours };
  }

  /** The colour in effect for a token: the entered one where it is a valid hex value, else the standard. */
  private effective(token: ThemeColour): string {
    const value = this.colours[token].trim();
    return HEX.test(value) ? value.toLowerCase() : STANDARD_COLOURS[token];
  }

  /** The same checks as the BFF, so most mistakes show at their field before anything is sent. */
  private check(): Record<string, string> {
    const texts = this.embeddingTexts.texts;
    const errors: Record<string, string> = {};
    const seen = new Set<string>();
    this.origins.forEach((value, index) => {
      const origin = value.trim();
      const problem = originProblem(origin);
      if (problem) errors[`allowedOrigins.${index}`] = problem;
      else if (seen.has(new URL(origin).origin)) errors[`allowedOrigins.${index}`] = texts.duplicate;
      else seen.add(new URL(origin).origin);
    });
    for (const token of THEME_COLOURS) {
      const value = this.colours[token].trim();
      if (value && !HEX.test(value)) errors[`colours.${token}`] = texts.wrongColour;
    }
    return errors;
  }

  private readonly save = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const colours = Object.fromEntries(
      THEME_COLOURS.filter((token) => this.colours[token].trim()).map((token) => [token, this.colours[token].trim()]),
    );
    await this.saveForm(
      () => this.check(),
      async () => {
        this.show(await this.embeddingApi.change({ allowedOrigins: this.origins.map((origin) => origin.trim()), colours }));
        return this.embeddingTexts.texts.saved;
      },
    );
  };

  private async addOrigin(): Promise<void> {
    this.origins = [...this.origins, ''];
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>(`#${idOf(`allowedOrigins.${this.origins.length - 1}`)}`)?.focus();
  }

  private removeOrigin(index: number): void {
    this.origins = this.origins.filter((_, at) => at !== index);
    // The messages belong to positions: after a removal they would name the wrong line.
    this.fieldErrors = Object.fromEntries(Object.entries(this.fieldErrors).filter(([path]) => !path.startsWith('allowedOrigins.')));
    this.notice = '';
  }

  protected override renderReady(): TemplateResult {
    const texts = this.embeddingTexts.texts;
    return html`
      <div class="alert" part="alert" role="alert" tabindex="-1">${this.formError}</div>
      <p class="notice" part="notice" role="status">${this.notice}</p>
      <form part="form" novalidate @submit=${this.save}>
        <fieldset>
          <legend>${texts.originsSection}</legend>
          <p class="hint">${texts.originsIntro}</p>
          ${this.origins.length ? html`<ol>${this.origins.map((origin, index) => this.renderOrigin(origin, index))}</ol>` : html`<p class="muted">${texts.noOrigins}</p>`}
          <div class="actions">
            <button type="button" ?disabled=${this.origins.length >= MAX_ORIGINS} @click=${() => this.addOrigin()}>${texts.addOrigin}</button>
          </div>
        </fieldset>
        <fieldset>
          <legend>${texts.coloursSection}</legend>
          <p class="hint">${texts.coloursIntro}</p>
          ${THEME_COLOURS.map((token) => this.renderColour(token))} ${this.renderContrast()} ${this.renderPreview()}
        </fieldset>
        <div class="actions">
          <button type="submit" class="primary" part="save" aria-disabled=${this.saving ? 'true' : 'false'} aria-busy=${this.saving ? 'true' : 'false'}>
            ${this.saving ? this.adminTexts.texts.saving : texts.save}
          </button>
        </div>
      </form>
    `;
  }

  private renderOrigin(origin: string, index: number): TemplateResult {
    const texts = this.embeddingTexts.texts;
    const path = `allowedOrigins.${index}`;
    const id = idOf(path);
    const error = this.fieldErrors[path];
    return html`
      <li class="origin">
        <div class="field">
          <label for=${id}>${texts.originLabel(index + 1)}</label>
          <input
            id=${id}
            type="text"
            inputmode="url"
            autocomplete="off"
            spellcheck="false"
            aria-invalid=${error ? 'true' : 'false'}
            aria-describedby=${error ? `${id}-error` : nothing}
            .value=${origin}
            @input=${(event: Event) => {
              this.origins = this.origins.map((value, at) => (at === index ? (event.target as HTMLInputElement).value : value));
              this.edited(path);
            }}
          />
        </div>
        <button type="button" class="link" aria-label=${texts.removeOrigin(origin.trim())} @click=${() => this.removeOrigin(index)}>
          ${this.adminTexts.texts.remove}
        </button>
        ${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}
      </li>
    `;
  }

  private renderColour(token: ThemeColour): TemplateResult {
    const texts = this.embeddingTexts.texts;
    const path = `colours.${token}`;
    const id = idOf(path);
    const error = this.fieldErrors[path];
    return html`
      <div class="colour">
        <label for=${id}>${texts.colourLabels[token]}</label>
        <span class="swatch" aria-hidden="true" style=${styleMap({ background: this.effective(token) })}></span>
        <input
          id=${id}
          type="text"
          autocomplete="off"
          spellcheck="false"
          maxlength="7"
          aria-invalid=${error ? 'true' : 'false'}
          aria-describedby=${error ? `${id}-hint ${id}-error` : `${id}-hint`}
          .value=${this.colours[token]}
          @input=${(event: Event) => {
            this.colours = { ...this.colours, [token]: (event.target as HTMLInputElement).value };
            this.edited(path);
          }}
        />
        <p class="hint" id="${id}-hint">${texts.standardColour(STANDARD_COLOURS[token])}</p>
        ${error ? html`<p class="field-error" part="field-error" id="${id}-error">${error}</p>` : nothing}
      </div>
    `;
  }

  private renderContrast(): TemplateResult {
    const texts = this.embeddingTexts.texts;
    const format = new Intl.NumberFormat(intlLocale(this.locale), { maximumFractionDigits: 1 });
    const pairs: Array<[string, ThemeColour, ThemeColour]> = [
      [texts.pairButton, '--mp-color-on-primary', '--mp-color-primary'],
      [texts.pairText, '--mp-color-text', '--mp-color-surface'],
    ];
    const warnings = pairs
      .map(([name, a, b]) => ({ name, ratio: contrastRatio(this.effective(a), this.effective(b)) }))
      .filter(({ ratio }) => ratio < 4.5);
    return html`${warnings.map(({ name, ratio }) => html`<p class="warning" part="warning" role="status">${texts.lowContrast(name, format.format(ratio))}</p>`)}`;
  }

  /**
   * The colours as residents will see them. Its texts are drawn by CSS (`content`), not in the document: the preview
   * must show a poor contrast the admin chose, which would otherwise count as the admin page's own failing text.
   */
  private renderPreview(): TemplateResult {
    const texts = this.embeddingTexts.texts;
    return html`
      <div
        class="preview"
        part="preview"
        aria-hidden="true"
        style=${styleMap({ background: this.effective('--mp-color-surface'), color: this.effective('--mp-color-text') })}
      >
        <span class="drawn" data-text=${texts.preview}></span>
        <span class="drawn" data-text=${texts.previewText}></span>
        <span
          class="preview-button drawn"
          data-text=${texts.previewButton}
          style=${styleMap({ background: this.effective('--mp-color-primary'), color: this.effective('--mp-color-on-primary') })}
        ></span>
      </div>
    `;
  }
}

function emptyColours(): Record<ThemeColour, string> {
  return Object.fromEntries(THEME_COLOURS.map((token) => [token, ''])) as Record<ThemeColour, string>;
}

defineElement('embed-settings', EmbedSettingsElement);

declare global {
  interface HTMLElementTagNameMap {
    'embed-settings': EmbedSettingsElement;
  }
}
