import { css } from 'lit';

export const documentInboxStyles = css`
  .top {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.75em;
    margin-bottom: 0.25em;
  }
  .title {
    font-weight: 600;
  }
  .document[data-unread] {
    border-inline-start: 4px solid var(--_primary);
  }
  .new {
    display: inline-block;
    padding: 0.1em 0.6em;
    border-radius: var(--_radius);
    font-size: 0.85em;
    font-weight: 600;
    background: var(--_primary);
    color: var(--_on-primary);
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
