import { css } from 'lit';

export const damageReportFormStyles = css`
  .intro {
    color: var(--_muted);
  }
  .emergency {
    display: grid;
    gap: 0.5em;
    margin-top: 0.25em;
    border-inline-start: 4px solid var(--_error);
    padding: 0.5em 0.75em;
    background: color-mix(in srgb, var(--_error) 8%, var(--_surface));
    font-weight: 600;
  }

  .emergency-numbers {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 0.25em;
  }

  .emergency-numbers a {
    color: inherit;
    overflow-wrap: anywhere;
  }

  .emergency-numbers .phone {
    white-space: nowrap;
  }
  .already-reported {
    display: grid;
    gap: 0.5em;
    padding: 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_primary) 4%, var(--_surface));
  }
  .open-reports {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: 0.5em;
  }
  .open-report {
    display: grid;
    gap: 0.25em;
    justify-items: start;
    padding: 0.5em 0.75em;
    border: 1px solid var(--_border);
    border-radius: var(--_radius);
    background: var(--_surface);
  }
  .open-report-title {
    font-weight: 600;
  }
  .joined {
    color: var(--_success);
    font-weight: 600;
  }
`;
