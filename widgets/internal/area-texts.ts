import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { onLanguageChange, type Locale } from './localize.ts';

type Importers<T> = Partial<Record<Exclude<Locale, 'de'>, () => Promise<{ default: T }>>>;

/**
 * The texts of an element that keeps them out of the portal's eager bundle (localize.ts has the shared ones):
 * German comes with the element's chunk, every other language is a chunk of its own, fetched the first time
 * an element needs it. A language without an importer shows German.
 */
export class TextArea<T> {
  private readonly loaded: Map<Locale, T>;
  private readonly loading = new Map<Locale, Promise<void>>();
  private readonly listeners = new Set<() => void>();

  constructor(
    de: T,
    private readonly importers: Importers<T>,
  ) {
    this.loaded = new Map([['de', de]]);
  }

  /** The texts of `locale` if they are here. */
  get(locale: Locale): T | undefined {
    return this.loaded.get(locale);
  }

  /** Fetches a language once; a failed fetch (offline, a replaced chunk) is tried again the next time. */
  load(locale: Locale): Promise<void> {
    const importer = locale === 'de' ? undefined : this.importers[locale];
    if (!importer || this.loaded.has(locale)) return Promise.resolve();
    let pending = this.loading.get(locale);
    if (!pending) {
      pending = importer()
        .then(
          (module) => {
            this.loaded.set(locale, module.default);
            for (const listener of [...this.listeners]) listener();
          },
          () => {},
        )
        .finally(() => this.loading.delete(locale));
      this.loading.set(locale, pending);
    }
    return pending;
  }

  /** Calls `listener` whenever a language arrives; returns the function that stops it. */
  onLoad(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

/**
 * An area's texts as an element shows them: its language once here, until then the ones it showed before
 * (German at first), so it never shows keys or empty text; it re-renders when they arrive or `lang` changes.
 */
export class AreaTexts<T> implements ReactiveController {
  locale: Locale = 'de';
  texts: T;
  private stop: Array<() => void> = [];
  private readonly update = () => this.host.requestUpdate();

  constructor(
    private readonly host: ReactiveControllerHost & { readonly locale: Locale },
    private readonly area: TextArea<T>,
  ) {
    this.texts = area.get('de')!;
    host.addController(this);
  }

  hostConnected(): void {
    this.stop = [this.area.onLoad(this.update), onLanguageChange(this.update)];
  }

  hostDisconnected(): void {
    for (const stop of this.stop) stop();
    this.stop = [];
  }

  hostUpdate(): void {
    const texts = this.area.get(this.host.locale);
    if (!texts) {
      void this.area.load(this.host.locale);
      return;
    }
    this.locale = this.host.locale;
    this.texts = texts;
  }

  /** Settles once the texts of `locale` are here (or could not be loaded). */
  ready(locale: Locale): Promise<void> {
    return this.area.load(locale);
  }
}
