import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ApiClient } from '../internal/api-client.ts';
import { FakeBff, fakeCodes } from '../testing/fake-bff.ts';
import { FakeStaffCases } from '../testing/fake-staff-cases.ts';
import { SignInDriver } from '../testing/sign-in-driver.ts';
import type { CaseBoard } from '../case-board/case-board.ts';
import type { StaffPortal } from './staff-portal.ts';
import './staff-portal.ts';

async function portal(bff: FakeBff) {
  const el = await fixture<StaffPortal>(html`<staff-portal tenant="wohnbau-nord" .client=${new ApiClient('', bff.fetch)}></staff-portal>`);
  const page = new SignInDriver(el);
  await page.waitForHeading('Anmeldung für Mitarbeitende');
  return { el, page };
}

describe('<staff-portal>', () => {
  it('signs a clerk in with the staff audience and shows the empty "Vorgänge" board', async () => {
    const bff = new FakeBff({ routes: new FakeStaffCases({ count: 0 }).routes });
    const { el, page } = await portal(bff);
    await expect(el).to.be.accessible();
    await page.submit({ email: 'sachbearbeitung@example.org', password: 'richtig-geheim' });
    expect(bff.requests.find((r) => r.path === '/api/auth/login')!.body).to.include({ audience: 'staff' });
    await page.waitForHeading('Bestätigungscode eingeben');
    await page.submit({ code: fakeCodes.totp });
    await page.waitForHeading('Vorgänge');
    const board = el.shadowRoot!.querySelector<CaseBoard>('case-board')!;
    await waitUntil(() => board.shadowRoot?.querySelector('.list, .empty'), 'board did not load');
    await board.updateComplete;
    expect(board.shadowRoot!.textContent).to.contain('Keine offenen Vorgänge.');
    expect(page.text()).to.contain('Angemeldet als Clara Kaiser');
    await expect(el).to.be.accessible();
  });

  it('does not let a resident in through the staff sign-in', async () => {
    const { page } = await portal(new FakeBff());
    await page.submit({ email: 'anna.mueller@example.org', password: 'richtig-geheim' });
    expect(page.alert()).to.equal('E-Mail-Adresse oder Passwort ist falsch.');
  });

  it('activates a staff account straight into authenticator enrolment', async () => {
    const bff = new FakeBff({ activatesAs: 'clerk' });
    const { el, page } = await portal(bff);
    await page.press('Konto mit Brief-Code aktivieren');
    await page.submit({
      code: fakeCodes.activation,
      email: 'neu@example.org',
      password: 'ein-gutes-passwort',
      passwordRepeat: 'ein-gutes-passwort',
    });
    await page.waitForHeading('Authenticator-App einrichten');
    expect(page.text()).to.not.contain('Andere Methode wählen');
    await expect(el).to.be.accessible();
    await page.submit({ code: fakeCodes.totp });
    await page.waitForHeading('Vorgänge');
  });

  it("shows the company's cases on the board, with the portal's session and language", async () => {
    const cases = new FakeStaffCases({ count: 3 });
    const bff = new FakeBff({
      session: {
        state: 'signed_in',
        user: { role: 'clerk', displayName: 'Clara Kaiser', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
      },
      routes: cases.routes,
    });
    const el = await fixture<StaffPortal>(
      html`<staff-portal tenant="wohnbau-nord" lang="en" .client=${new ApiClient('', bff.fetch, bff.live)}></staff-portal>`,
    );
    await waitUntil(() => el.shadowRoot!.querySelector<CaseBoard>('case-board')?.shadowRoot?.querySelector('.list'), 'board did not load');
    const board = el.shadowRoot!.querySelector<CaseBoard>('case-board')!;
    await board.updateComplete;
    const numbers = [...board.shadowRoot!.querySelectorAll('button.case .number')].map((node) => node.textContent);
    expect(numbers).to.deep.equal(cases.cases.map((item) => item.caseNumber));
    expect(board.shadowRoot!.textContent).to.contain('All types');
    expect(bff.live.subscribers).to.equal(1, 'the board listens live on the portal session');
    await expect(el).to.be.accessible();
  });
});
