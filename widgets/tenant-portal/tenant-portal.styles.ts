import { css } from 'lit';

/**
 * The request-type cards: two columns where a card's longest word fits, one on a phone, never wider than the
 * view; a compound longer than a card ("Dokumentenanforderung" in large type) breaks rather than overflows.
 * (Comments outside the template: the bundle keeps CSS comments.)
 */
export const tenantPortalStyles = css`
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    list-style: none;
    margin: 0 0 calc(var(--_space) * 1.25);
    padding: 0;
  }
  .nav button {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
  }
  .nav button[aria-current='page'] {
    background: var(--_primary);
    color: var(--_on-primary);
    font-weight: 600;
  }
  .badge {
    display: inline-block;
    min-width: 1.5em;
    padding: 0 0.4em;
    border-radius: var(--_radius);
    background: var(--_error);
    color: #fff;
    font-size: 0.85em;
    font-weight: 700;
    text-align: center;
  }
  .view {
    max-width: 48em;
    min-width: 0;
  }
  /* A case and a filing form are always tall: their room is kept while their code and data load, so the page below does not jump. */
  .placeholder,
  mp-case-detail:not(:defined),
  damage-report-form,
  mp-case-request-form {
    display: block;
    min-height: 24em;
  }
  .back {
    min-height: 2.5em;
    padding: 0.25em 0;
    border: 0;
    background: none;
    text-decoration: underline;
    margin-bottom: 0.5em;
  }
  .failure {
    border-inline-start: 4px solid var(--_error);
    padding: 0.5em 0.75em;
    margin: 0 0 1em;
  }
  .failure p {
    color: var(--_error);
  }
  .filed {
    border-inline-start: 4px solid var(--_success);
    padding: 0.5em 0.75em;
    color: var(--_success);
    font-weight: 600;
  }
  .joined,
  .notifications {
    margin-top: calc(var(--_space) * 1.5);
  }
  .notifications > summary {
    cursor: pointer;
    font-weight: 600;
    margin-bottom: 0.5em;
  }
  .types {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fit, minmax(min(17em, 100%), 1fr));
  }
  .type {
    display: grid;
    gap: 0.25em;
    width: 100%;
    min-width: 0;
    overflow-wrap: anywhere;
    height: 100%;
    text-align: start;
    padding: 0.75em 1em;
  }
  .type strong {
    font-size: 1.05em;
  }
  .type span {
    color: var(--_text);
  }
  @media (max-width: 30em) {
    .nav li {
      flex: 1 1 100%;
    }
    .nav button {
      width: 100%;
      justify-content: space-between;
    }
  }
`;
