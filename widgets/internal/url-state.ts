import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** Every parameter the widgets put into the page URL starts with this, so the host page's own parameters stay apart. */
export const urlParameterPrefix = 'mp-';

/** The parameters an element keeps, by key without the prefix; a missing key is a default (`mp-case` absent: no case open). */
export type UrlParameters<Key extends string> = Partial<Record<Key, string>>;

export interface UrlStateOptions<Key extends string> {
  /** The element's parameters, e.g. `['view', 'case']` for `mp-view` and `mp-case`. */
  keys: readonly Key[];
  /** Keys whose change is a new history entry, so Back returns (opening a case); the others replace the current entry (filters). */
  pushKeys: readonly Key[];
  /** While this holds the element shows what the URL says and writes back what it shows, e.g. once signed in. */
  ready: () => boolean;
  /** What the element shows now. */
  current: () => UrlParameters<Key>;
  /**
   * Shows what the URL says: when the element becomes ready — on connecting, or during the update in which
   * `ready()` turned true (after `willUpdate`, before `render`) — and on Back and Forward (`fromHistory`).
   */
  show: (parameters: UrlParameters<Key>, fromHistory: boolean) => void;
}

interface UrlStateHost extends ReactiveControllerHost, HTMLElement {
  /** Only an element with `url-state` keeps its view in the URL. */
  readonly urlState: boolean;
}

/** The element that keeps its view in this page's URL: one per page, so two portals never fight over it. */
const ownerKey = Symbol.for('mieterportal.url-state-owner');
const page = globalThis as { [ownerKey]?: Element };

/**
 * Gives a view an address: what the element shows is written to the page URL as query parameters
 * (`history.pushState`, prefix `mp-`, the host page's own parameters untouched), Back and Forward
 * (`popstate`) show what the URL says, and so does a reload or a link (e.g. from an e-mail) once the
 * element is ready — after sign-in, if the session had to be established first.
 */
export class UrlStateController<Key extends string> implements ReactiveController {
  private owner = false;
  private ready = false;
  /** Set after the element showed what the URL says: its next write only tidies the URL, it makes no history entry. */
  private replaceNext = false;

  constructor(
    private readonly host: UrlStateHost,
    private readonly options: UrlStateOptions<Key>,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    if (!this.host.urlState) return;
    const holder = page[ownerKey];
    if (holder && holder !== this.host && holder.isConnected) {
      console.warn(`Mieterportal: <${holder.localName}> already keeps its view in the URL; <${this.host.localName} url-state> does not.`);
      return;
    }
    page[ownerKey] = this.host;
    this.owner = true;
    addEventListener('popstate', this.onPopState);
    this.follow();
  }

  hostDisconnected(): void {
    if (!this.owner) return;
    removeEventListener('popstate', this.onPopState);
    if (page[ownerKey] === this.host) delete page[ownerKey];
    this.owner = false;
    this.ready = false;
  }

  hostUpdate(): void {
    this.follow();
  }

  hostUpdated(): void {
    if (this.ready) this.write();
  }

  private readonly onPopState = () => {
    if (!this.ready) return;
    this.showUrl(true);
    this.host.requestUpdate();
  };

  /** Shows what the URL says when the element becomes ready. */
  private follow(): void {
    const ready = this.owner && this.options.ready();
    if (ready && !this.ready) this.showUrl(false);
    this.ready = ready;
  }

  private showUrl(fromHistory: boolean): void {
    this.replaceNext = true;
    this.options.show(this.read(), fromHistory);
  }

  private read(): UrlParameters<Key> {
    const search = new URLSearchParams(location.search);
    const parameters: UrlParameters<Key> = {};
    for (const key of this.options.keys) {
      const value = search.get(urlParameterPrefix + key);
      if (value) parameters[key] = value;
    }
    return parameters;
  }

  /** Puts what the element shows into the URL, if the URL says something else. */
  private write(): void {
    const wanted = this.options.current();
    const shown = this.read();
    const changed = this.options.keys.filter((key) => (wanted[key] || undefined) !== shown[key]);
    const replace = this.replaceNext;
    this.replaceNext = false;
    if (!changed.length) return;
    const own = new Set(this.options.keys.map((key) => urlParameterPrefix + key));
    // The host page's parameters are kept byte for byte: only ours are taken out and added again.
    const others = location.search
      .slice(1)
      .split('&')
      .filter((pair) => pair && !own.has(parameterName(pair)));
    const ours = this.options.keys
      .filter((key) => wanted[key])
      .map((key) => `${urlParameterPrefix}${key}=${encodeURIComponent(wanted[key]!)}`);
    const search = [...others, ...ours].join('&');
    const url = `${location.pathname}${search ? `?${search}` : ''}${location.hash}`;
    const push = !replace && changed.some((key) => this.options.pushKeys.includes(key));
    if (push) history.pushState(history.state, '', url);
    else history.replaceState(history.state, '', url);
  }
}

/** The decoded name of a `name=value` pair of a query string (as written, if it is not valid percent-encoding). */
function parameterName(pair: string): string {
  const name = pair.split('=')[0].replace(/\+/g, ' ');
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
