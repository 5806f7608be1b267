import { css } from 'lit';

export const caseDetailStyles = css`
  :host {
    display: grid !important;
    gap: calc(var(--_space) * 1.25);
  }
  section {
    min-width: 0;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    margin-bottom: 0.5em;
  }
  .description,
  .body {
    white-space: pre-wrap;
  }
  ol.timeline {
    list-style: none;
    margin: 0;
    padding: 0 0 0 1em;
    border-inline-start: 2px solid var(--_border);
    display: grid;
    gap: 0.5em;
  }
  .message[data-author='resident'] {
    border-inline-start: 4px solid var(--_primary);
  }
  .message[data-author='staff'] {
    border-inline-start: 4px solid var(--_success);
  }
  .author {
    font-weight: 600;
  }
  form {
    display: grid;
    gap: 0.5em;
  }
  label {
    font-weight: 600;
  }
  textarea {
    width: 100%;
    min-height: 6em;
    padding: 0.5em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: inherit;
    resize: vertical;
  }
  textarea[aria-invalid='true'] {
    border-color: var(--_error);
  }
  .error {
    color: var(--_error);
    margin: 0;
  }
  .error:empty,
  .sent:empty {
    display: none;
  }
  .sent {
    color: var(--_success);
    margin: 0;
  }
  form button {
    justify-self: start;
  }
  .closed {
    border-inline-start: 4px solid var(--_muted);
    padding: 0.5em 0.75em;
    background: var(--_surface);
  }
  @media (max-width: 30em) {
    form button {
      justify-self: stretch;
    }
  }
`;
