import { css } from 'lit';

/** The consent page: one column; what goes to whom first, then the form, each in a card. */
export const creditCheckConsentStyles = css`
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
`;
