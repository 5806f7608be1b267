/** What the resident's case and document views share: time formatting and the looks. */
import { css, html } from 'lit';
import { intlLocale, type Locale, type Messages } from './localize.ts';

const minute = 60_000;
const hour = 60 * minute;
const day = 24 * hour;

/**
 * "vor 5 Minuten", "gestern", "vor 3 Tagen" for the last week, then "am 12. März 2026"; `full` is the
 * exact date and time for the `title` and the `datetime` of a `<time>`.
 */
export function when(iso: string, locale: Locale, msg: Messages, now = Date.now()): { text: string; full: string } {
  const date = new Date(iso);
  const tag = intlLocale(locale);
  const full = date.toLocaleString(tag, { dateStyle: 'long', timeStyle: 'short' });
  const elapsed = now - date.getTime();
  const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
  if (elapsed < minute) return { text: relative.format(0, 'second'), full };
  if (elapsed < hour) return { text: relative.format(-Math.floor(elapsed / minute), 'minute'), full };
  if (elapsed < day) return { text: relative.format(-Math.floor(elapsed / hour), 'hour'), full };
  if (elapsed < 7 * day) return { text: relative.format(-Math.floor(elapsed / day), 'day'), full };
  return { text: msg.onDate(date.toLocaleDateString(tag, { dateStyle: 'long' })), full };
}

/** A `<time>` with the relative text, wrapped by `wrap` (e.g. "Letzte Aktivität …"). */
export function timeOf(iso: string, locale: Locale, msg: Messages, wrap: (text: string) => string = (text) => text) {
  const { text, full } = when(iso, locale, msg);
  return html`<time datetime=${iso} title=${full}>${wrap(text)}</time>`;
}

/** Buttons, cards and the visually hidden text the resident views use (status badges: status-badge.ts). */
export const residentViewStyles = css`
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    padding: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .meta {
    color: var(--_muted);
    font-size: 0.9em;
  }
  ul.plain {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  button,
  textarea {
    font: inherit;
    margin: 0;
  }
  button {
    cursor: pointer;
    min-height: 2.75em;
    padding: 0.5em 1.25em;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
  }
  button.primary {
    border: 0;
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  button:focus-visible,
  a:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  a {
    color: var(--_primary);
  }
  h3 {
    font-size: 1.1em;
    margin: 0 0 0.5em;
  }
  p {
    margin: 0 0 0.75em;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    padding: 0;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
    border: 0;
  }
`;
