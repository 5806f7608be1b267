import { css } from 'lit';

export const statusNoticeStyles = css`
  .notice {
    display: flex;
    align-items: flex-start;
    gap: 0.75em;
    margin: 0 0 1em;
    padding: 0.75em 1em;
    border: 2px solid var(--_primary);
    border-inline-start-width: 6px;
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_primary) 8%, var(--_surface));
  }
  .text {
    flex: 1 1 auto;
    min-width: 0;
    margin: 0;
  }
  .heading {
    display: block;
    font-weight: 700;
  }
  button {
    flex: none;
    min-width: 2.75em;
    min-height: 2.75em;
    border: 1px solid var(--_primary);
    border-radius: var(--_radius);
    background: var(--_surface);
    color: var(--_primary);
    font: inherit;
    font-size: 1.1em;
    line-height: 1;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 3px solid var(--_focus);
    outline-offset: 2px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .notice {
      animation: arrive 0.4s ease-out;
    }
    @keyframes arrive {
      from {
        background: color-mix(in srgb, var(--_focus) 35%, var(--_surface));
      }
    }
  }
`;
