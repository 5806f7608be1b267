import { css } from 'lit';

export const notificationPreferencesStyles = css`
  fieldset {
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: calc(var(--_space) * 0.75);
    margin: 0;
  }
  legend {
    font-weight: 600;
    padding: 0 0.25em;
  }
  .intro {
    margin: 0 0 0.5em;
    color: var(--_muted);
  }
  label {
    display: flex;
    gap: 0.5em;
    align-items: flex-start;
    padding: 0.25em 0;
  }
  input[type='checkbox'] {
    width: 1.25em;
    height: 1.25em;
    margin: 0.15em 0 0;
    flex: none;
    accent-color: var(--_primary);
  }
  button {
    margin-top: 0.75em;
    font: inherit;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_primary);
    color: var(--_on-primary);
    cursor: pointer;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .saved {
    color: var(--_success);
    margin: 0.5em 0 0;
  }
  .error {
    color: var(--_error);
    margin: 0.5em 0 0;
  }
`;
