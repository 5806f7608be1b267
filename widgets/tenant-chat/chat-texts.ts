import type { ReactiveController } from 'lit';
import { onLanguageChange, type Locale } from '../internal/localize.ts';
import de, { type ChatMessages } from './i18n/de.ts';

/**
 * The chat's own texts, loaded like the portal's (localize.ts) but kept out of the portal's eager bundle:
 * German comes with the chat's chunk, every other language is a chunk of its own, fetched the first time.
 */
const loaded = new Map<Locale, ChatMessages>([['de', de]]);
const loading = new Map<Locale, Promise<void>>();
const importers: Record<Exclude<Locale, 'de'>, () => Promise<{ default: ChatMessages }>> = {
  en: () => import('./i18n/en.ts'),
  tr: () => import('./i18n/tr.ts'),
  pl: () => import('./i18n/pl.ts'),
  uk: () => import('./i18n/uk.ts'),
};
const waiting = new Set<() => void>();

export function loadChatTexts(locale: Locale): Promise<void> {
  if (locale === 'de' || loaded.has(locale)) return Promise.resolve();
  let pending = loading.get(locale);
  if (!pending) {
    pending = importers[locale]()
      .then(
        (module) => {
          loaded.set(locale, module.default);
          for (const listener of [...waiting]) listener();
        },
        () => {},
      )
      .finally(() => loading.delete(locale));
    loading.set(locale, pending);
  }
  return pending;
}

/** The chat texts an element shows: its language once here, until then the ones it showed before (German at first). */
export class ChatTexts implements ReactiveController {
  locale: Locale = 'de';
  texts: ChatMessages = de;
  private stop?: () => void;
  private readonly update = () => this.host.requestUpdate();

  constructor(private readonly host: { requestUpdate(): void; addController(c: ReactiveController): void; readonly locale: Locale }) {
    host.addController(this);
  }

  hostConnected(): void {
    waiting.add(this.update);
    this.stop = onLanguageChange(this.update);
  }

  hostDisconnected(): void {
    waiting.delete(this.update);
    this.stop?.();
  }

  hostUpdate(): void {
    const messages = loaded.get(this.host.locale);
    if (!messages) {
      void loadChatTexts(this.host.locale);
      return;
    }
    this.locale = this.host.locale;
    this.texts = messages;
  }

  /** Settles once the texts of `locale` are here (or could not be loaded). */
  ready(locale: Locale): Promise<void> {
    return loadChatTexts(locale);
  }
}
