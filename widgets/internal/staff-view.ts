/** What the clerks' views share: the date format and the looks of buttons, fields and messages. */
import { css } from 'lit';
import type { Locale } from './localize.ts';

/** "12.03.2026, 14:05" in the housing company's time zone, whatever the clerk's device says. */
export function staffDate(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'de-DE', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  }).format(new Date(iso));
}

/** Buttons, fields, checkboxes, the error and confirmation lines of `<case-board>` and `<mp-staff-case-detail>`. */
export const staffViewStyles = css`
  p {
    margin: 0 0 0.75em;
  }
  .muted {
    color: var(--_muted);
  }
  button,
  input,
  select,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    min-height: 2.75em;
    padding: 0.4em 0.9em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
  }
  a.button {
    display: inline-flex;
    align-items: center;
    min-height: 2.75em;
    padding: 0.4em 0.9em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    text-decoration: none;
  }
  button.primary {
    background: var(--_primary);
    color: var(--_on-primary);
  }
  button.link {
    border: none;
    background: none;
    text-decoration: underline;
    padding-inline: 0.25em;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  :is(button, input, select, textarea, a, [tabindex]):focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  input[type='text'],
  select,
  textarea {
    width: 100%;
    min-height: 2.75em;
    padding: 0.4em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  input[type='file'] {
    width: 100%;
  }
  .field {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0.25em;
    margin: 0 0 0.75em;
    min-width: 0;
  }
  .check {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 2.75em;
    margin-inline-end: 1em;
  }
  .check input {
    width: 1.25em;
    height: 1.25em;
    margin: 0;
  }
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    margin: 0 0 0.75em;
    padding: 0.25em 0.75em 0.25em;
    min-width: 0;
  }
  .alert:empty,
  .notice:empty {
    display: none;
  }
  .alert {
    border-inline-start: 4px solid var(--_error);
    padding: 0.5em 0.75em;
    margin: 0 0 0.75em;
    color: var(--_error);
  }
  .notice {
    border-inline-start: 4px solid var(--_success);
    padding: 0.5em 0.75em;
    color: var(--_success);
  }
`;
