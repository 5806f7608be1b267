import { css } from 'lit';

/** Four sections one below the other; rows of the session list wrap on a phone (320 px). */
export const accountSettingsStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .account {
    max-width: 40em;
  }
  .heading {
    font-size: 1.4em;
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 0.5em;
  }
  .group {
    display: grid;
    gap: 0.75em;
    padding-top: var(--_space);
    margin-top: var(--_space);
    border-top: 1px solid var(--_border);
  }
  .section-heading {
    font-size: 1.15em;
    font-weight: 700;
  }
  p {
    margin: 0;
  }
  .muted,
  .hint {
    color: var(--_muted);
  }
  form {
    display: grid;
    gap: 0.75em;
  }
  .field {
    display: grid;
    gap: 0.25em;
  }
  label {
    font-weight: 600;
  }
  input {
    font: inherit;
    color: inherit;
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.625em;
    min-width: 0;
    max-width: 24em;
  }
  input[aria-invalid='true'] {
    border-color: var(--_error);
  }
  button {
    font: inherit;
    color: var(--_primary);
    background: transparent;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    padding: 0.5em 0.875em;
    cursor: pointer;
    justify-self: start;
  }
  button.primary {
    color: var(--_on-primary);
    background: var(--_primary);
  }
  button:disabled {
    opacity: 0.6;
    cursor: progress;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  .sessions {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .session {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    align-items: center;
    gap: 0.5em;
    padding: 0.5em 0;
    border-bottom: 1px solid var(--_border);
  }
  .current {
    margin-inline-start: 0.5em;
    font-size: 0.875em;
    font-weight: 600;
    color: var(--_success);
  }
  .alert,
  .field-error {
    color: var(--_error);
  }
  .alert:empty,
  .notice:empty {
    display: none;
  }
  .notice {
    color: var(--_success);
  }
  .secret {
    font-family: ui-monospace, monospace;
    overflow-wrap: anywhere;
  }
  .recovery-codes {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(11em, 1fr));
    gap: 0.25em 1em;
    margin: 0;
    padding: 0;
    list-style: none;
    font-family: ui-monospace, monospace;
  }
  .codes {
    display: grid;
    gap: 0.75em;
  }
  a.download {
    color: var(--_primary);
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    padding: 0.5em 0.875em;
    text-decoration: none;
  }
  a.download:focus-visible,
  .check input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  button.danger {
    color: #fff;
    background: var(--_error);
    border-color: var(--_error);
  }
  .retained {
    margin: 0;
    padding-inline-start: 1.25em;
    display: grid;
    gap: 0.5em;
  }
  .confirm-erasure {
    display: grid;
    gap: 0.75em;
    padding: 0.75em;
    border: 1px solid var(--_error);
    border-radius: var(--_radius);
  }
  .check {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
  }
`;
