import { css } from 'lit';

/** A compact block for the lead detail: consent line, result with its class badge, two actions. */
export const leadCreditCheckStyles = css`
  :host {
    display: block;
    min-width: 0;
  }
  .base {
    display: grid;
    gap: 0.5em;
  }
  h3 {
    margin: 0;
    font-size: 1.05em;
  }
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .badge {
    display: inline-block;
    font-size: 0.875em;
    font-weight: 600;
    padding: 0.1em 0.6em;
    border-radius: 999px;
    border: 1px solid currentColor;
  }
  .badge.unbedenklich {
    color: var(--_success);
  }
  .badge.mit_auflagen {
    color: var(--_muted);
  }
  .badge.kritisch {
    color: var(--_error);
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button {
    font: inherit;
    min-height: 2.5em;
    padding: 0.4em 0.9em;
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
  }
  .status {
    color: var(--_success);
  }
`;
