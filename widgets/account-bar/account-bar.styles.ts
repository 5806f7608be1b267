import { css } from 'lit';

export const accountBarStyles = css`
  .bar {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.5em 1em;
    padding-bottom: 0.75em;
    border-bottom: 1px solid var(--_border);
  }
  .name {
    margin: 0;
    font-weight: 600;
    min-width: 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
  }
  button {
    font: inherit;
    font-size: 0.9em;
    margin: 0;
    min-height: 2.5em;
    padding: 0.375em 0.875em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    cursor: pointer;
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
`;
