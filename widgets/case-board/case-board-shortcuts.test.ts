import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { SessionUser } from '../internal/api-client.ts';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeStaffCases, fakeClerks } from '../testing/fake-staff-cases.ts';
import type { StaffCaseDetailView } from '../staff-case-detail/staff-case-detail.ts';
import type { CaseBoard } from './case-board.ts';
import './case-board.ts';
import { expectFocus } from '../testing/e2e-session.ts';

/** The board's keyboard shortcuts: j/k, m (assign to me), s (status), ? (the help dialog). */

const clerk: SessionUser = { role: 'clerk', displayName: 'Clara Kaiser', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } };

async function board(lang = 'de') {
  const cases = new FakeStaffCases({ count: 4 });
  const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: cases.routes });
  const el = await fixture<CaseBoard>(html`<case-board lang=${lang} .client=${bff.client()}></case-board>`);
  await waitUntil(() => el.shadowRoot!.querySelector('button.case'), 'cases shown');
  await el.updateComplete;
  const root = el.shadowRoot!;
  const order = cases.cases.map((item) => item.id);
  const detail = () => root.querySelector<StaffCaseDetailView>('mp-staff-case-detail');
  /** Focus on the list's first case, as after a click or Tab. */
  const focusList = () => root.querySelector<HTMLButtonElement>('button.case')!.focus();
  /** Waits until the case with this id is open and its detail loaded. */
  const opened = async (id: string) => {
    await waitUntil(() => el.caseId === id && detail()?.detail?.case.id === id, `case ${order.indexOf(id)} opened`);
    await detail()!.updateComplete;
  };
  const announced = () => root.querySelector('.live')!.textContent.trim();
  const dialog = () => root.querySelector<HTMLDialogElement>('dialog.shortcuts')!;
  return { el, root, cases, bff, order, detail, focusList, opened, announced, dialog };
}

describe('<case-board> keyboard shortcuts', () => {
  it('j and k open the next and the previous case, focus on its heading; the ends of the list are announced', async () => {
    const { el, order, detail, focusList, opened, announced } = await board();
    focusList();
    await sendKeys({ press: 'j' });
    await opened(order[0]);
    expect(detail()!.shadowRoot!.activeElement?.id, 'focus on the opened case').to.equal('detail-heading');
    await sendKeys({ press: 'j' });
    await opened(order[1]);
    await sendKeys({ press: 'j' });
    await opened(order[2]);
    await sendKeys({ press: 'k' });
    await opened(order[1]);
    await sendKeys({ press: 'k' });
    await opened(order[0]);
    await sendKeys({ press: 'k' });
    await el.updateComplete;
    expect(el.caseId).to.equal(order[0]);
    expect(announced()).to.equal('Das ist der erste Vorgang der Liste.');
    await expect(el).to.be.accessible();
  });

  it('m assigns the open case to the signed-in clerk', async () => {
    const { el, cases, bff, order, focusList, opened, announced, root } = await board();
    await sendKeys({ press: 'm' });
    expect(announced(), 'no case open yet').to.equal('');
    focusList();
    await sendKeys({ press: 'm' });
    await el.updateComplete;
    expect(announced()).to.equal('Bitte öffnen Sie zuerst einen Vorgang.');
    const stored = cases.store.get(order[0])!;
    stored.case = { ...stored.case, assignee: null };
    await sendKeys({ press: 'j' });
    await opened(order[0]);
    await sendKeys({ press: 'm' });
    await waitUntil(() => cases.store.get(order[0])!.case.assignee?.id === fakeClerks[0].id, 'assigned to me');
    await waitUntil(() => root.textContent.includes(fakeClerks[0].label), 'list shows the new assignee');
    const detailRoot = root.querySelector('mp-staff-case-detail')!.shadowRoot!;
    await waitUntil(() => detailRoot.textContent.includes('Der Vorgang ist jetzt Ihnen zugewiesen.'), 'confirmed');
    expect(bff.requests.find((request) => request.method === 'PATCH')!.body).to.deep.equal({ assigneeId: 'me' });
  });

  it('s moves to the status choice of the open case', async () => {
    const { order, detail, focusList, opened } = await board();
    focusList();
    await sendKeys({ press: 'j' });
    await opened(order[0]);
    await sendKeys({ press: 's' });
    const select = detail()!.shadowRoot!.querySelector('select[name="status"]');
    expect(select).to.exist;
    await expectFocus(detail()!.shadowRoot!, select);
  });

  it('never fires while typing in a field or with a modifier key', async () => {
    const { el, root, order, detail, focusList, opened } = await board();
    const select = root.querySelector<HTMLSelectElement>('.filters select[name="assignee"]')!;
    select.focus();
    await sendKeys({ press: 'j' });
    await el.updateComplete;
    expect(el.caseId, 'j in a select').to.equal(undefined);

    focusList();
    for (const modifier of ['Control', 'Alt', 'Meta', 'Shift']) {
      await sendKeys({ down: modifier });
      await sendKeys({ press: modifier === 'Shift' ? 'J' : 'j' });
      await sendKeys({ up: modifier });
      await el.updateComplete;
      expect(el.caseId, `${modifier} and j`).to.equal(undefined);
    }

    await sendKeys({ press: 'j' });
    await opened(order[0]);
    const reply = detail()!.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
    reply.focus();
    await sendKeys({ type: 'jkms?' });
    await el.updateComplete;
    expect(reply.value).to.equal('jkms?');
    expect(el.caseId, 'typing j and k in the reply moves nowhere').to.equal(order[0]);
    expect(root.querySelector<HTMLDialogElement>('dialog.shortcuts')!.open, 'no dialog from typing ?').to.equal(false);
  });

  it('? opens the list of shortcuts in a modal dialog that keeps focus and gives it back on closing', async () => {
    const { el, root, focusList, dialog } = await board();
    focusList();
    const before = root.activeElement;
    await sendKeys({ press: '?' });
    await el.updateComplete;
    expect(dialog().open).to.equal(true);
    expect(dialog().matches(':modal')).to.equal(true);
    const texts = [...dialog().querySelectorAll('.shortcut')].map((row) =>
      [...row.children].map((cell) => cell.textContent.replace(/\s+/g, ' ').trim()).join(' '),
    );
    expect(texts).to.deep.equal([
      'j Nächsten Vorgang der Liste öffnen',
      'k Vorherigen Vorgang der Liste öffnen',
      'm Offenen Vorgang mir zuweisen',
      's Status des offenen Vorgangs ändern (springt zur Statusauswahl)',
      '? Diese Übersicht öffnen',
    ]);
    const close = dialog().querySelector<HTMLButtonElement>('.close')!;
    await expectFocus(root, close, 'focus in the dialog');
    await expect(el).to.be.accessible();
    for (const press of ['Tab', 'Tab']) {
      await sendKeys({ press });
      await expectFocus(root, close, `${press} stays in the dialog`);
    }
    await sendKeys({ down: 'Shift' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ up: 'Shift' });
    await expectFocus(root, close, 'Shift+Tab stays in the dialog');
    await sendKeys({ press: 'j' });
    expect(el.caseId, 'no shortcut behind the dialog').to.equal(undefined);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !dialog().open, 'closed by Escape');
    await expectFocus(root, before, 'focus back where it was');

    // The button opens it as well, and "Schließen" closes it, focus back on the button.
    const button = root.querySelector<HTMLButtonElement>('[part~="shortcuts-button"]')!;
    button.click();
    expect(dialog().open).to.equal(true);
    close.click();
    await waitUntil(() => !dialog().open, 'closed by its button');
    await expectFocus(root, button);
  });

  it('lists the shortcuts in English too', async () => {
    const { el, focusList, dialog } = await board('en');
    focusList();
    await sendKeys({ press: '?' });
    await el.updateComplete;
    expect(dialog().textContent).to.contain('Keyboard shortcuts').and.contain('Assign the open case to me');
  });
});
