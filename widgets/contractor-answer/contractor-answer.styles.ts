import { css } from 'lit';

/** The contractor page: one column; the job first, then one card per answer. */
export const contractorAnswerStyles = css`
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
`;
