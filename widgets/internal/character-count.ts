import { css, html, nothing, type ReactiveController, type ReactiveControllerHost, type TemplateResult } from 'lit';
import { COUNTER_THRESHOLD, visibleLength } from '../../bff/contract/text-length.ts';
import type { Locale } from './localize.ts';
import { AreaTexts } from './area-texts.ts';
import { detailTexts, type DetailMessages } from './detail-texts.ts';

/** How long the counter waits after the last keystroke before a screen reader hears it. */
const ANNOUNCE_AFTER_MS = 700;

/**
 * The live counter of a text field with a limit: from 80 % of the limit on it shows what is left (or how
 * much is too much), counted as people see characters (`visibleLength`, the BFF's own count). Screen
 * readers hear it politely, once typing pauses, not on every keystroke.
 */
export class CharacterCount implements ReactiveController {
  private readonly texts: AreaTexts<DetailMessages>;
  /** Field → the counter's text now, and the text screen readers were given. */
  private readonly shown = new Map<string, string>();
  private readonly spoken = new Map<string, string>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(private readonly host: ReactiveControllerHost & { readonly locale: Locale }) {
    host.addController(this);
    this.texts = new AreaTexts(host, detailTexts);
  }

  hostDisconnected(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /** The field error of a short text composed of more code points than can be stored. */
  get tooManyCombined(): string {
    return this.texts.texts.tooManyCombined;
  }

  /** The id of a field's counter, for its `aria-describedby`; undefined while none is shown. */
  describedBy(name: string, value: string, max: number): string | undefined {
    return this.near(value, max) ? `${name}-counter` : undefined;
  }

  /** The counter under the field `name` (the BFF trims, so trailing spaces do not count). */
  render(name: string, value: string, max: number): TemplateResult | typeof nothing {
    const used = visibleLength(value.trim());
    if (!this.near(value, max)) {
      this.forget(name);
      return nothing;
    }
    const msg = this.texts.texts;
    const over = used > max;
    const text = over ? msg.charactersOver(used - max) : msg.charactersLeft(max - used);
    if (this.shown.get(name) !== text) {
      this.shown.set(name, text);
      clearTimeout(this.timers.get(name));
      this.timers.set(
        name,
        setTimeout(() => {
          this.spoken.set(name, text);
          this.host.requestUpdate();
        }, ANNOUNCE_AFTER_MS),
      );
    }
    return html`
      <p class="counter" part="counter" id="${name}-counter" ?data-over=${over} aria-hidden="true">${text}</p>
      <span class="counter-announcement" role="status">${this.spoken.get(name) ?? ''}</span>
    `;
  }

  private near(value: string, max: number): boolean {
    return visibleLength(value.trim()) >= max * COUNTER_THRESHOLD;
  }

  private forget(name: string): void {
    clearTimeout(this.timers.get(name));
    this.timers.delete(name);
    this.shown.delete(name);
    this.spoken.delete(name);
  }
}

/** The counter's look: quiet until over the limit; the announcement only for screen readers. */
export const characterCountStyles = css`
  .counter {
    margin: 0.25em 0 0;
    font-size: 0.9em;
    color: var(--_muted);
    text-align: end;
  }
  .counter[data-over] {
    color: var(--_error);
    font-weight: 600;
  }
  .counter-announcement {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
`;
