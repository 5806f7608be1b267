import { css } from 'lit';

export const tenantPortalStyles = css`
  .cases {
    max-width: 48em;
  }
`;
