import { css, html, nothing, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import { defineElement } from '../internal/portal-element.ts';
import { StaffElement } from '../internal/staff-element.ts';
import type { ApiClient } from '../internal/api-client.ts';
import { defaultApiClient } from '../internal/default-api-client.ts';
import { errorText } from '../internal/localize.ts';
import { staffDate, staffViewStyles } from '../internal/staff-view.ts';
import { WorkOrderApi, type Contractor, type WorkOrder } from '../internal/contractor-api.ts';

/**
 * The contractor part of a damage case for clerks (docs/contractors.md): the case's work orders with the contractor's
 * answer (appointment, declined, reported done — then the case is ready to close) and the form "Handwerker
 * beauftragen" (a contractor of the company, a note). Connected: it loads and commissions through `client`. It sits
 * in `<mp-staff-case-detail>`'s `work-order` slot; `revision` (the case's last change) makes it load again.
 *
 * @tagname mp-work-order-panel
 * @summary A damage case's work orders and the form to commission a contractor.
 *
 * @csspart button - Every button.
 * @csspart alert - Error messages.
 * @csspart notice - Confirmations.
 */
export class WorkOrderPanel extends StaffElement {
  static override styles = [
    StaffElement.styles,
    staffViewStyles,
    css`
      :host {
        display: grid;
        gap: 0.75em;
      }
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
        display: grid;
        gap: 0.5em;
      }
      li {
        border-left: 3px solid var(--_border);
        padding-left: 0.6em;
        overflow-wrap: anywhere;
      }
      li.done {
        border-left-color: var(--_success);
      }
      .ready {
        font-weight: 600;
      }
    `,
  ];

  /** The damage case. */
  @property({ attribute: 'case-id' }) caseId = '';
  /** Changes when the case changed (e.g. its `lastActivityAt`): the orders load again. */
  @property() revision?: string;
  /** Base URL of the BFF; by default the origin the widget script was loaded from. */
  @property() api?: string;
  /** The API to talk to (the board's client). */
  @property({ attribute: false }) client?: ApiClient;

  @state() private orders?: WorkOrder[];
  @state() private contractors: Contractor[] = [];
  @state() private busy = false;
  @state() private failure = '';
  @state() private notice = '';

  private get workOrders(): WorkOrderApi {
    const client = this.client ?? defaultApiClient(this.api);
    client.language = this.locale;
    return new WorkOrderApi(client);
  }

  protected override updated(changed: PropertyValues<this>): void {
    super.updated(changed);
    if ((changed.has('caseId') || changed.has('revision') || changed.has('client')) && this.caseId) void this.load();
  }

  /** Loads the case's orders and the company's active contractors. */
  async load(): Promise<void> {
    try {
      const [orders, contractors] = await Promise.all([this.workOrders.orders(this.caseId), this.workOrders.contractors()]);
      this.orders = orders.items;
      this.contractors = contractors.items.filter((contractor) => contractor.active);
    } catch (error) {
      this.failure = errorText(this.msg, error);
    }
  }

  private async commission(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy) return;
    const form = event.target as HTMLFormElement;
    const values = new FormData(form);
    const text = (name: string) => {
      const entry = values.get(name);
      return typeof entry === 'string' ? entry.trim() : '';
    };
    const contractorId = text('contractorId');
    const note = text('note');
    this.notice = '';
    if (!contractorId) {
      this.failure = this.msg.workOrders.mustChoose;
      return;
    }
    this.busy = true;
    this.failure = '';
    try {
      const created = await this.workOrders.commission(this.caseId, { contractorId, note });
      form.reset();
      await this.load();
      // The notice shows together with the order it announces, never before the list holds it.
      this.notice = this.msg.workOrders.commissioned(created.workOrder.contractor.name, created.sentTo);
    } catch (error) {
      this.failure = errorText(this.msg, error);
    } finally {
      this.busy = false;
    }
  }

  override render() {
    const t = this.msg.workOrders;
    const open = this.orders?.some((order) => order.status === 'ordered' || order.status === 'accepted');
    return html`
      ${
        !this.orders
          ? html`<p class="muted" role="status">${t.loading}</p>`
          : this.orders.length
            ? html`<ul>
              ${this.orders.map(
                (order) =>
                  html`<li class=${order.status}>
                    <strong>${order.contractor.name}</strong> (${order.contractor.trade}): ${t.status[order.status]}
                    ${order.appointmentAt ? html`<br />${t.appointment(staffDate(order.appointmentAt, this.locale))}` : nothing}
                    ${order.answerNote ? html`<br /><span class="muted">${order.answerNote}</span>` : nothing}
                    ${order.status === 'done' && order === this.orders![0] ? html`<br /><span class="ready">${t.readyToClose}</span>` : nothing}
                  </li>`,
              )}
            </ul>`
            : html`<p class="muted">${t.none}</p>`
      }
      <div class="alert" part="alert" role="alert">${this.failure || nothing}</div>
      <div class="notice" part="notice" role="status">${this.notice || nothing}</div>
      ${
        this.orders && !open
          ? html`<form class="action" novalidate aria-labelledby="commission-heading" @submit=${(event: SubmitEvent) => this.commission(event)}>
            <div id="commission-heading" class="action-title">${t.commissionHeading}</div>
            ${
              this.contractors.length
                ? html`<label class="field">
                    <span>${t.contractor}</span>
                    <select name="contractorId" required>
                      <option value="">${t.chooseContractor}</option>
                      ${this.contractors.map(
                        (contractor) => html`<option value=${contractor.id}>${contractor.name} (${contractor.trade})</option>`,
                      )}
                    </select>
                  </label>
                  <label class="field">
                    <span>${t.note}</span>
                    <textarea name="note" rows="2" maxlength="2000"></textarea>
                  </label>
                  <button type="submit" class="primary" part="button" ?disabled=${this.busy}>
                    ${this.busy ? this.msg.busy : t.commission}
                  </button>`
                : html`<p class="muted">${t.noContractors}</p>`
            }
          </form>`
          : nothing
      }
    `;
  }
}

defineElement('mp-work-order-panel', WorkOrderPanel);

declare global {
  interface HTMLElementTagNameMap {
    'mp-work-order-panel': WorkOrderPanel;
  }
}
