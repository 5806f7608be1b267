import { css } from 'lit';

/** Layout of the filing forms; each element's own styles file adds what only it shows. */
export const caseFilingFormStyles = css`
  .filing {
    max-width: 40em;
    container-type: inline-size;
  }
  .title {
    font-size: 1.4em;
    font-weight: 700;
    line-height: 1.25;
    margin: 0 0 0.75em;
  }
  .subheading {
    font-size: 1.1em;
    font-weight: 700;
    margin: 0;
  }
  p {
    margin: 0;
  }
  .title:focus,
  .alert:focus {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  .title:focus:not(:focus-visible),
  .alert:focus:not(:focus-visible) {
    outline: none;
  }
  :focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  form {
    display: grid;
    gap: var(--_space);
  }
  .alert:empty {
    display: none;
  }
  .alert {
    display: grid;
    gap: 0.5em;
    justify-items: start;
    border-inline-start: 4px solid var(--_error);
    padding: 0.5em 0.75em;
    color: var(--_error);
    background: color-mix(in srgb, var(--_error) 8%, var(--_surface));
  }
  .notice,
  .loading {
    color: var(--_muted);
  }
  .notice {
    border-inline-start: 4px solid var(--_primary);
    padding: 0.5em 0.75em;
    color: var(--_text);
    background: color-mix(in srgb, var(--_primary) 6%, var(--_surface));
  }
  .field {
    display: grid;
    gap: 0.25em;
    min-width: 0;
  }
  fieldset {
    border: 0;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.375em;
    min-width: 0;
  }
  label,
  legend {
    font-weight: 600;
  }
  legend {
    padding: 0;
    margin-bottom: 0.25em;
  }
  input[type='text'],
  select,
  textarea {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    padding: 0.5em 0.625em;
    width: 100%;
    max-width: 100%;
    min-height: 2.75em;
    margin: 0;
  }
  select {
    text-overflow: ellipsis;
  }
  select:disabled {
    opacity: 0.6;
  }
  textarea {
    resize: vertical;
  }
  [aria-invalid='true']:is(input, select, textarea) {
    border: 2px solid var(--_error);
  }
  .choice {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    gap: 0.5em;
    font-weight: 400;
    cursor: pointer;
  }
  .choice input {
    width: 1.25em;
    height: 1.25em;
    margin: 0.15em 0 0;
    accent-color: var(--_primary);
  }
  .choice strong {
    font-weight: 600;
  }
  .choice .hint {
    display: block;
  }
  .hint {
    color: var(--_muted);
    font-size: 0.875em;
    font-weight: 400;
  }
  .field-error {
    color: var(--_error);
    font-size: 0.875em;
    font-weight: 600;
  }
  button {
    font: inherit;
    cursor: pointer;
    margin: 0;
    min-height: 2.75em;
    padding: 0.5em 1em;
    border-radius: var(--_radius);
  }
  button:disabled {
    cursor: progress;
    opacity: 0.7;
  }
  .submit {
    justify-self: start;
    padding: 0.5em 1.25em;
    border: 0;
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .secondary {
    justify-self: start;
    border: 1px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
  }
  .receipt {
    border-inline-start: 4px solid var(--_success);
    padding: 0.75em 1em;
    margin: 0 0 1em;
    background: color-mix(in srgb, var(--_success) 8%, var(--_surface));
  }
  dl {
    margin: 0 0 0.75em;
    display: grid;
    gap: 0.375em;
  }
  .receipt-row {
    display: grid;
    grid-template-columns: minmax(8em, max-content) minmax(0, 1fr);
    gap: 0 1em;
  }
  dt {
    font-weight: 600;
  }
  dd {
    margin: 0;
  }
  @container (max-width: 30em) {
    .receipt-row {
      grid-template-columns: minmax(0, 1fr);
    }
  }
`;
