import { css } from 'lit';

/** The booking page: one column, the own appointment on top, the offered slots as a list of cards. */
export const viewingBookingStyles = css`
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
  p {
    margin: 0;
  }
  .muted {
    color: var(--_muted);
  }
  .listing,
  .own,
  .slot {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    background: var(--_surface);
    display: grid;
    gap: 0.4em;
  }
  .own {
    border-width: 2px;
    border-color: var(--_primary);
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.75em;
  }
  .slot-head {
    display: flex;
    flex-wrap: wrap;
    justify-content: space-between;
    gap: 0.5em;
    font-weight: 600;
  }
  .places.full {
    color: var(--_error);
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
  .badge {
    font-size: 0.875em;
    padding: 0.1em 0.5em;
    border-radius: 999px;
    background: var(--_primary);
    color: var(--_on-primary);
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
