import { css } from 'lit';

export const caseRequestFormStyles = css`
  fieldset[part='type'] {
    gap: 0.5em;
  }
  fieldset[part='type'] .choice {
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  fieldset[part='type'] .choice:has(input:checked) {
    border: 2px solid var(--_primary);
  }
`;
