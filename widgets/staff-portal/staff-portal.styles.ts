import { css } from 'lit';

export const staffPortalStyles = css`
  .board {
    min-height: 12em;
  }
  [hidden] {
    display: none !important;
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0 0 calc(var(--_space) * 1.25);
    padding: 0;
  }
  .nav button,
  .failure button {
    font: inherit;
    cursor: pointer;
    min-height: 2.75em;
    padding: 0.5em 1.25em;
    border-radius: var(--_radius);
    border: 1px solid var(--_primary);
    background: var(--_surface);
    color: var(--_primary);
  }
  .nav.sub button {
    min-height: 2.5em;
    padding: 0.35em 1em;
  }
  .nav button[aria-current='page'],
  .nav button[aria-current='true'] {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .nav button:focus-visible,
  .failure button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  /* The settings are tall: their room is kept while their code loads, so the page below does not jump. */
  .placeholder,
  company-settings,
  lead-kanban,
  listing-editor,
  lead-overview {
    display: block;
    min-height: 24em;
  }
  .failure {
    border-inline-start: 4px solid var(--_error);
    padding: 0.5em 0.75em;
  }
  .failure p {
    color: var(--_error);
  }
`;
