import { css } from 'lit';

/**
 * What the public pages opened through a signed link share (`<contractor-answer>`, `<credit-check-consent>`): one
 * column of cards, forms, buttons, the alert and the status line. Each page adds its own rules after these.
 */
export const signedLinkPageStyles = css`
  :host {
    container-type: inline-size;
    min-width: 0;
  }
  .base {
    max-width: 40em;
    display: grid;
    gap: var(--_space);
  }
  h2,
  h3 {
    margin: 0;
    line-height: 1.25;
  }
  h2 {
    font-size: 1.4em;
  }
  h3 {
    font-size: 1.15em;
  }
  p,
  ul {
    margin: 0;
  }
  ul {
    padding-left: 1.25em;
  }
  .muted {
    color: var(--_muted);
  }
  .card {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface);
    display: grid;
    gap: 0.5em;
    min-width: 0;
  }
  form {
    display: grid;
    gap: 0.75em;
  }
  label {
    display: grid;
    gap: 0.25em;
  }
  .field-error {
    color: var(--_error);
    font-size: 0.9em;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button {
    font: inherit;
    min-height: 2.75em;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--_primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  [role='alert'] {
    color: var(--_error);
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
    padding: 0.75em;
  }
  .status {
    color: var(--_success);
  }
`;
