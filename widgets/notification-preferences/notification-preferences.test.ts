import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ApiError } from '../internal/api-client.ts';
import type { NotificationPreferences, NotificationPreferencesClient } from '../internal/notification-preferences-api.ts';
import type { NotificationPreferencesView } from './notification-preferences.ts';
import './notification-preferences.ts';

/** A stand-in for the BFF's two operations: keeps what was put, can refuse the next request. */
function fakeClient(stored: NotificationPreferences = { receipt: true, replies: true, statusChanges: true, appointments: true }) {
  const calls: Array<[string, unknown]> = [];
  let refuse: ApiError | undefined;
  const client: NotificationPreferencesClient = {
    async request<T>(method: 'GET' | 'PUT', _path: string, body?: unknown): Promise<T> {
      calls.push([method, body]);
      if (refuse) {
        const error = refuse;
        refuse = undefined;
        throw error;
      }
      if (method === 'PUT') stored = body as NotificationPreferences;
      return structuredClone(stored) as T;
    },
  };
  return { client, calls, refuseNext: (error: ApiError) => (refuse = error) };
}

const boxes = (el: NotificationPreferencesView) => [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')];

describe('<mp-notification-preferences>', () => {
  it('loads the choice, shows every e-mail with its label, and saves what the resident changed', async () => {
    const { client, calls } = fakeClient({ receipt: true, replies: false, statusChanges: true, appointments: true });
    const el = await fixture<NotificationPreferencesView>(
      html`<mp-notification-preferences lang="de" .client=${client}></mp-notification-preferences>`,
    );
    await waitUntil(() => boxes(el).length === 4, 'the choices appear');
    expect(el.shadowRoot!.querySelector('legend')!.textContent).to.equal('E-Mail-Benachrichtigungen');
    expect(boxes(el).map((box) => [box.name, box.checked])).to.deep.equal([
      ['receipt', true],
      ['replies', false],
      ['statusChanges', true],
      ['appointments', true],
    ]);
    expect(el.shadowRoot!.textContent).to.contain('Jede Antwort meiner Hausverwaltung').and.contain('Termine mit Handwerkern');
    await expect(el).to.be.accessible();

    boxes(el)[0].click();
    boxes(el)[1].click();
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="saved"]'), 'the confirmation');
    expect(calls.at(-1)).to.deep.equal(['PUT', { receipt: false, replies: true, statusChanges: true, appointments: true }]);
    expect(el.shadowRoot!.querySelector('[part="saved"]')!.textContent).to.equal('Ihre Auswahl ist gespeichert.');
  });

  it('says why saving failed, keeps the choice, and speaks English', async () => {
    const { client, refuseNext } = fakeClient();
    const el = await fixture<NotificationPreferencesView>(
      html`<mp-notification-preferences lang="en" .client=${client}></mp-notification-preferences>`,
    );
    await waitUntil(() => boxes(el).length === 4);
    boxes(el)[3].click();
    refuseNext(new ApiError(0, 'network_error', 'offline'));
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="save"]')!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part="error"]'), 'the error');
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.contain('The server cannot be reached');
    expect(boxes(el)[3].checked).to.be.false;
    expect(el.shadowRoot!.textContent).to.contain('Appointments with contractors').and.contain('Save choice');
    await expect(el).to.be.accessible();
  });
});
