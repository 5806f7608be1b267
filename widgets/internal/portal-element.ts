import { LitElement, css, type CSSResultGroup, type ReactiveController } from 'lit';
import { property } from 'lit/decorators.js';
import { LOCALES, langOf, loadMessages, loadedMessages, localeFromLang, onLanguageChange, type Locale, type Messages } from './localize.ts';
import de from './i18n/de.ts';

/**
 * Theme defaults. Each `--mp-*` property a housing company may set is read once here into a private
 * `--_*` variable, so a value set on the element, on a parent or on `:root` wins over the default.
 */
const themeDefaults = css`
  :host {
    --_font-family: var(--mp-font-family, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    --_font-size: var(--mp-font-size, 16px);
    --_text: var(--mp-color-text, #1d2430);
    --_muted: var(--mp-color-muted, #556070);
    --_surface: var(--mp-color-surface, #ffffff);
    --_border: var(--mp-color-border, #8a94a3);
    --_primary: var(--mp-color-primary, #0b5cad);
    --_on-primary: var(--mp-color-on-primary, #ffffff);
    --_error: var(--mp-color-error, #b3261e);
    --_success: var(--mp-color-success, #1e6b34);
    --_radius: var(--mp-radius, 6px);
    --_space: var(--mp-spacing, 16px);
    --_focus: var(--mp-color-focus, #f2a900);
  }
`;

/**
 * Inherited text properties are reset so the host page's typography cannot leak in. `!important` on
 * `:host` beats even `!important` rules of the page (CMS themes), while the `--mp-*` tokens still apply.
 * Long German words ("Betriebskostenabrechnung") are hyphenated in the language of `lang` on the element
 * or the page; a word that still does not fit (an e-mail address, a file name) breaks as a last resort.
 */
const hostReset = css`
  :host {
    display: block !important;
    box-sizing: border-box;
    font-family: var(--_font-family) !important;
    font-size: var(--_font-size) !important;
    font-weight: 400 !important;
    font-style: normal !important;
    line-height: 1.5 !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-align: start !important;
    text-transform: none !important;
    text-indent: 0 !important;
    hyphens: auto;
    overflow-wrap: break-word;
    color: var(--_text) !important;
    visibility: visible !important;
    -webkit-text-size-adjust: 100%;
  }
  :host([hidden]) {
    display: none !important;
  }
  *,
  *::before,
  *::after {
    box-sizing: inherit;
  }
`;

/**
 * The texts an element shows: those of its language once they are here; until then the ones it showed
 * before (German at first), so it never shows keys or empty text, and re-renders when they arrive.
 */
class ElementTexts implements ReactiveController {
  locale: Locale = 'de';
  messages: Messages = de;
  private stopListening?: () => void;

  constructor(private readonly host: PortalElement) {
    host.addController(this);
  }

  hostConnected(): void {
    this.stopListening = onLanguageChange(() => this.host.requestUpdate());
    this.follow();
  }

  hostDisconnected(): void {
    this.stopListening?.();
    this.stopListening = undefined;
  }

  hostUpdate(): void {
    this.follow();
  }

  private follow(): void {
    const locale = this.host.locale;
    const messages = loadedMessages(locale);
    if (!messages) return;
    this.locale = locale;
    this.messages = messages;
  }
}

/** Base class of every Mieterportal element: host reset, theme tokens and localisation. */
export class PortalElement extends LitElement {
  static override styles: CSSResultGroup = [themeDefaults, hostReset];

  /**
   * The languages the element has texts for; any other `lang` shows German. Staff elements narrow it.
   * @internal
   */
  static languages: readonly Locale[] = LOCALES;

  /** Observed so that setting `lang` on the element re-renders it in that language. */
  @property({ attribute: 'lang' }) protected langAttribute?: string;

  private readonly texts = new ElementTexts(this);

  /**
   * The element's language: its own `lang`, else the nearest ancestor's, else `<html lang>`, among the
   * languages it speaks. Dates and numbers follow it at once, the texts (`msg`) once they are loaded.
   * @internal
   */
  get locale(): Locale {
    return localeFromLang(langOf(this), (this.constructor as typeof PortalElement).languages);
  }

  /**
   * The texts in the element's language, German until that language has arrived.
   * @internal
   */
  get msg(): Messages {
    return this.texts.messages;
  }

  /** Settles once the element shows its language (or that language could not be loaded). */
  protected override async getUpdateComplete(): Promise<boolean> {
    const settled = await super.getUpdateComplete();
    if (this.texts.locale === this.locale) return settled;
    await loadMessages(this.locale);
    return super.getUpdateComplete();
  }
}

/** Registers a tag once; a second copy of the widget code on the page is then harmless. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
