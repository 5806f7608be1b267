import { LitElement, css, type CSSResultGroup } from 'lit';
import { property } from 'lit/decorators.js';
import { langOf, localeFromLang, messagesFor, type Locale, type Messages } from './localize.ts';

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

/** Base class of every Mieterportal element: host reset, theme tokens and localisation. */
export class PortalElement extends LitElement {
  static override styles: CSSResultGroup = [themeDefaults, hostReset];

  /** Observed so that setting `lang` on the element re-renders it in that language. */
  @property({ attribute: 'lang' }) protected langAttribute?: string;

  /**
   * German unless the element or an ancestor (or the document) says `lang="en…"`.
   * @internal
   */
  get locale(): Locale {
    return localeFromLang(langOf(this));
  }

  /**
   * The texts in the element's language.
   * @internal
   */
  get msg(): Messages {
    return messagesFor(this.locale);
  }
}

/** Registers a tag once; a second copy of the widget code on the page is then harmless. */
export function defineElement(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}
