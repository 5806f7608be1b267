import { css } from 'lit';

/** The consent page: one column; what goes to whom first, then the form, each in a card. */
export const creditCheckConsentStyles = css`
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
  .row {
    display: grid;
    grid-template-columns: 7em 1fr;
    gap: 0.75em;
  }
  @container (max-width: 24em) {
    .row {
      grid-template-columns: 1fr;
    }
  }
  input:not([type='checkbox']) {
    font: inherit;
    min-height: 2.5em;
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .agree {
    display: flex;
    gap: 0.6em;
    align-items: flex-start;
  }
  .agree input {
    width: 1.25em;
    height: 1.25em;
    margin-top: 0.15em;
    flex: none;
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
