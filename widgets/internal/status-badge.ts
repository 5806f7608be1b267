/** The status badge of a case: the same on the clerks' board and in the residents' views. */
import { css, html } from 'lit';
import type { CaseStatus } from '../../bff/contract/enums.ts';
import type { Messages } from './localize.ts';

export function statusBadge(msg: Messages, status: CaseStatus) {
  return html`<span class="status" part="status" data-status=${status}>${msg.caseStatusLabels[status]}</span>`;
}

/**
 * Each status has its own colour (`--mp-color-status-<status>`), used for the text and the border on a tint
 * of it; the defaults keep at least 4.5:1 contrast on that tint. The label says the status, the colour only
 * helps to tell them apart at a glance.
 */
export const statusBadgeStyles = css`
  .status {
    display: inline-block;
    padding: 0.1em 0.6em;
    border: 1px solid var(--_status);
    border-radius: var(--_radius);
    background: color-mix(in srgb, var(--_status) 12%, var(--_surface));
    color: var(--_status);
    font-size: 0.85em;
    font-weight: 600;
    white-space: nowrap;
  }
  .status[data-status='eingegangen'] {
    --_status: var(--mp-color-status-eingegangen, #7a4d00);
  }
  .status[data-status='in_bearbeitung'] {
    --_status: var(--mp-color-status-in-bearbeitung, #0b4a8b);
  }
  .status[data-status='beauftragt'] {
    --_status: var(--mp-color-status-beauftragt, #6b2d8f);
  }
  .status[data-status='erledigt'] {
    --_status: var(--mp-color-status-erledigt, #1e6b34);
  }
  .status[data-status='abgelehnt'] {
    --_status: var(--mp-color-status-abgelehnt, #5c6270);
  }
`;
