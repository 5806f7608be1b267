/**
 * The one localisation layer of the widgets. Texts live in `i18n/<area>/<language>.ts`; `i18n/<language>.ts`
 * puts one language's areas together. German is bundled and the fallback; every other language is a
 * chunk of its own, imported the first time an element needs it. Elements read `this.msg` (PortalElement),
 * which is German until their language has arrived, then re-render.
 */
import { DEFAULT_LANGUAGE, LANGUAGES, type Language } from '../../bff/contract/enums.ts';
import type { ErrorCode, FieldError } from '../../bff/contract/errors.ts';
import de, { type Messages } from './i18n/de.ts';

export type { Messages };
export type Locale = Language;
export const LOCALES = LANGUAGES;

/** The region each language's dates and numbers are written for. */
const INTL_LOCALES: Record<Locale, string> = { de: 'de-DE', en: 'en-GB', tr: 'tr-TR', pl: 'pl-PL', uk: 'uk-UA' };

/** The tag to give `Intl` for a language, e.g. `pl-PL`. */
export function intlLocale(locale: Locale): string {
  return INTL_LOCALES[locale];
}

/** `de-AT` → `de`, `uk-UA` → `uk`, `en` → `en`; a language without texts (or not in `among`) → German. */
export function localeFromLang(lang: string | null | undefined, among: readonly Locale[] = LOCALES): Locale {
  const primary = lang?.trim().toLowerCase().split(/[-_]/)[0];
  return among.find((locale) => locale === primary) ?? DEFAULT_LANGUAGE;
}

/** Keeps a number with the word after it ("2. OG links", "3 Zimmer"), so that a line never breaks between them. */
export function keepNumbersWithWords(text: string): string {
  return text.replace(/(\d\.?) (?=\p{L})/gu, '$1\u00A0');
}

/** The nearest `lang` attribute, looking through shadow roots up to the document. */
export function langOf(node: Node): string {
  for (let current: Node | null = node; current;) {
    if (current instanceof Element && current.hasAttribute('lang')) return current.getAttribute('lang') ?? '';
    current = current.parentNode ?? (current instanceof ShadowRoot ? current.host : null);
  }
  return document.documentElement.lang;
}

// ---------------------------------------------------------------------------------------------------
// Languages on demand

const loaded = new Map<Locale, Messages>([['de', de]]);
const loading = new Map<Locale, Promise<void>>();

/** One chunk per language; each is fetched at most once per page. */
const importers: Record<Exclude<Locale, 'de'>, () => Promise<{ default: Messages }>> = {
  en: () => import('./i18n/en.ts'),
  tr: () => import('./i18n/tr.ts'),
  pl: () => import('./i18n/pl.ts'),
  uk: () => import('./i18n/uk.ts'),
};

/** The texts of a language if they are here; otherwise starts fetching them and answers `undefined`. */
export function loadedMessages(locale: Locale): Messages | undefined {
  const messages = loaded.get(locale);
  if (!messages) void loadMessages(locale);
  return messages;
}

/**
 * Fetches a language's texts; elements waiting for it re-render when they arrive. A failed fetch (offline,
 * a deploy replaced the chunk) leaves German on screen and is tried again the next time an element renders.
 */
export function loadMessages(locale: Locale): Promise<void> {
  if (locale === 'de' || loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = importers[locale]()
      .then(
        (module) => {
          loaded.set(locale, module.default);
          notify();
        },
        () => {},
      )
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

// ---------------------------------------------------------------------------------------------------
// Following the page's language

const listeners = new Set<() => void>();
let langObserver: MutationObserver | undefined;

/**
 * Calls `listener` when a language's texts arrive or a `lang` attribute changes anywhere in the page
 * (`<html lang>`, a wrapper's, an element's). One observer serves every element; it runs while any listens.
 * Returns the function that stops listening.
 */
export function onLanguageChange(listener: () => void): () => void {
  listeners.add(listener);
  if (!langObserver) {
    langObserver = new MutationObserver(notify);
    langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'], subtree: true });
  }
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      langObserver?.disconnect();
      langObserver = undefined;
    }
  };
}

function notify(): void {
  for (const listener of [...listeners]) listener();
}

// ---------------------------------------------------------------------------------------------------
// Errors of the BFF in words

/** The shape of an error answer the widgets keep (`ApiError`, and the sign-in flow's `FormError`). */
interface CodedError {
  code: string;
  message: string;
}

const isCodedError = (error: unknown): error is CodedError =>
  typeof error === 'object' && error !== null && typeof (error as CodedError).code === 'string';

/**
 * German texts of codes a resident's portal never meets (staff views, link pages). They are not part of the eager
 * German: the elements that can meet them import `staff-errors.ts`, which adds them here before their first render.
 */
const laterGermanErrorCodes: Partial<Record<ErrorCode, string>> = {};

/** Adds German error texts that come with an element's own chunk (see `staff-errors.ts`). */
export function addGermanErrorTexts(texts: Partial<Record<ErrorCode, string>>): void {
  Object.assign(laterGermanErrorCodes, texts);
}

/**
 * The text for a failed request in the element's language: by the error's stable code; the server's own
 * message only for a code this language has no text for.
 */
export function errorText(msg: Messages, error: unknown): string {
  if (!isCodedError(error)) return msg.unexpectedError;
  if (error.code === 'network_error') return msg.networkError;
  const code = error.code as ErrorCode;
  const text = msg.errorCodes[code] ?? (msg.errorCodes === de.errorCodes ? laterGermanErrorCodes[code] : undefined);
  return text ?? (error.message || msg.unexpectedError);
}

/** The text for one field of `validation_failed`, from its issue code and limit (the server's message as fallback). */
export function fieldErrorText(msg: Messages, field: FieldError): string {
  const { code, limit } = field;
  const characters = field.origin === undefined || field.origin === 'string';
  const entries = field.origin === 'array' || field.origin === 'set';
  switch (code) {
    case 'invalid_type':
      return msg.required;
    case 'too_small':
      if (limit === undefined || limit <= 1) return msg.required;
      if (characters) return msg.fieldTooShort(limit);
      break;
    case 'too_big':
      if (limit !== undefined && characters) return msg.tooLong(limit);
      if (limit !== undefined && entries) return msg.fieldTooMany(limit);
      break;
    case 'invalid_format':
      return field.path === 'email' ? msg.fieldInvalidEmail : field.path === 'code' ? msg.fieldInvalidCode : msg.fieldInvalidFormat;
    case 'invalid_value':
      return msg.fieldInvalidChoice;
  }
  return field.message || msg.fieldInvalidFormat;
}
