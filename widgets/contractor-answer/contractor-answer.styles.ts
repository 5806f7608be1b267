import { css } from 'lit';

/** The contractor page: one column; the job first, then one card per answer. */
export const contractorAnswerStyles = css`
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
  dl {
    margin: 0;
    display: grid;
    gap: 0.5em;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
    overflow-wrap: anywhere;
  }
  input,
  textarea {
    font: inherit;
    min-height: 2.5em;
    padding: 0.25em 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    min-width: 0;
  }
  textarea {
    min-height: 4.5em;
    resize: vertical;
  }
  input:focus-visible,
  textarea:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 1px;
  }
  .state {
    font-weight: 600;
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
