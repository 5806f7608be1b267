import { css } from 'lit';

export const staffPortalStyles = css`
  .board {
    min-height: 12em;
  }
`;
