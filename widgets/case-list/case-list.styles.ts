import { css } from 'lit';

/** `.open`: a title of long compounds ("Schadensmeldungsübersicht …") wraps inside the card on a phone. */
export const caseListStyles = css`
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    justify-content: space-between;
    gap: 0.25em 0.75em;
    margin-bottom: 0.25em;
  }
  .marks {
    display: inline-flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
  }
  .news {
    font-weight: 700;
    font-size: 0.875em;
    padding: 0.05em 0.5em;
    border-radius: var(--_radius);
    border: 2px solid var(--_primary);
    color: var(--_primary);
  }
  .case[data-news] {
    border-inline-start: 4px solid var(--_primary);
  }
  .open {
    max-width: 100%;
    overflow-wrap: anywhere;
    min-height: 0;
    padding: 0;
    border: 0;
    background: none;
    color: var(--_primary);
    text-decoration: underline;
    text-align: start;
    font-weight: 600;
  }
  .summary {
    display: -webkit-box;
    -webkit-line-clamp: 2;
    -webkit-box-orient: vertical;
    overflow: hidden;
    margin: 0 0 0.25em;
  }
  .case[data-highlight] {
    border-color: var(--_primary);
    box-shadow: 0 0 0 2px var(--_primary);
  }
  .more {
    margin-top: 1em;
  }
  @media (max-width: 30em) {
    .more {
      width: 100%;
    }
  }
`;
