import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ApiClient } from '../internal/api-client.ts';
import { FakeBff, fakeCodes } from '../testing/fake-bff.ts';
import { FakeStaffCases } from '../testing/fake-staff-cases.ts';
import { FakeLeads, fakeLeads } from '../testing/fake-leads.ts';
import { fakeCompanySettings, FakeSettings } from '../testing/fake-settings.ts';
import { FakeContractors } from '../testing/fake-contractors.ts';
import { FakeCatalogueAdmin } from '../testing/fake-catalogue-admin.ts';
import { FakeListings } from '../testing/fake-listings.ts';
import { FakePrivacy } from '../testing/fake-privacy.ts';
import { FakeReports } from '../testing/fake-reports.ts';
import { SignInDriver } from '../testing/sign-in-driver.ts';
import { deepText, fill, findButton, findField, press } from '../testing/e2e-session.ts';
import type { CaseBoard } from '../case-board/case-board.ts';
import type { SessionUser } from '../internal/api-client.ts';
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
    // Staff too see their recovery codes once, before the board opens.
    await page.waitForHeading('Ihre Wiederherstellungscodes');
    await page.press('Ich habe die Codes notiert – weiter');
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

  describe('"Einstellungen" for admins', () => {
    const wohnbauNord = { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' };
    const admin: SessionUser = { role: 'admin', displayName: 'Dora Verwalter', tenant: wohnbauNord };

    async function signedIn(user: SessionUser, lang = 'de') {
      const settings = new FakeSettings({ settings: fakeCompanySettings() });
      const catalogue = new FakeCatalogueAdmin();
      const bff = new FakeBff({
        session: { state: 'signed_in', user },
        routes: [
          ...settings.routes,
          ...catalogue.routes,
          ...new FakeContractors().routes,
          ...new FakePrivacy().routes,
          ...new FakeStaffCases({ count: 2 }).routes,
        ],
      });
      const el = await fixture<StaffPortal>(html`<staff-portal tenant="wohnbau-nord" lang=${lang} .client=${bff.client()}></staff-portal>`);
      await waitUntil(() => el.shadowRoot!.querySelector('case-board'), 'board shown');
      return { el, bff, settings };
    }

    const nav = (el: StaffPortal) => el.shadowRoot!.querySelector('nav');
    const current = (el: StaffPortal) => el.shadowRoot!.querySelector('[aria-current="page"]')?.textContent.trim();

    it('shows a clerk "Vorgänge" and "Vermietung" but never the settings', async () => {
      const { el, bff } = await signedIn({ role: 'clerk', displayName: 'Clara Kaiser', tenant: wohnbauNord });
      expect(nav(el)!.textContent).to.contain('Vorgänge').and.contain('Auswertungen').and.contain('Vermietung');
      expect(deepText(el)).to.not.contain('Einstellungen');
      expect(bff.calls).to.not.include('GET /api/staff/settings');
      expect(deepText(el)).to.not.contain('Datenschutz');
      expect(el.shadowRoot!.querySelector('privacy-requests')).to.equal(null);
      expect(el.shadowRoot!.querySelector('lead-kanban'), 'the lead board is not on the page before it is opened').to.equal(null);
    });

    it('loads the lead board when a clerk first opens "Vermietung", and keeps it when switching back and forth', async () => {
      const leads = new FakeLeads({ leads: fakeLeads(12) });
      const bff = new FakeBff({
        session: { state: 'signed_in', user: { role: 'clerk', displayName: 'Clara Kaiser', tenant: wohnbauNord } },
        routes: [...leads.routes, ...new FakeStaffCases({ count: 2 }).routes],
      });
      const el = await fixture<StaffPortal>(html`<staff-portal tenant="wohnbau-nord" .client=${bff.client()}></staff-portal>`);
      await waitUntil(() => el.shadowRoot!.querySelector('case-board'), 'board shown');
      expect(bff.calls).to.not.include('GET /api/staff/leads/counts');
      await press(el, 'Vermietung');
      await waitUntil(() => deepText(el).includes('Offen ('), 'lead board shown', { timeout: 5000 });
      expect(current(el)).to.equal('Vermietung');
      expect(el.shadowRoot!.activeElement!.id, 'focus on the view heading').to.equal('leads-heading');
      await expect(el).to.be.accessible();
      await press(el, 'Vorgänge');
      await press(el, 'Vermietung');
      expect(
        bff.calls.filter((call) => call === 'GET /api/staff/leads/counts'),
        'read once, not again on return',
      ).to.have.length(1);
    });

    it('loads the reports when a clerk first opens "Auswertungen", and keeps the chosen period when switching', async () => {
      const reports = new FakeReports();
      const bff = new FakeBff({
        session: { state: 'signed_in', user: { role: 'clerk', displayName: 'Clara Kaiser', tenant: wohnbauNord } },
        routes: [...reports.routes, ...new FakeStaffCases({ count: 2 }).routes],
      });
      const el = await fixture<StaffPortal>(html`<staff-portal tenant="wohnbau-nord" .client=${bff.client()}></staff-portal>`);
      await waitUntil(() => el.shadowRoot!.querySelector('case-board'), 'board shown');
      expect([...nav(el)!.querySelectorAll('button')].map((button) => button.textContent.trim())).to.deep.equal([
        'Vorgänge',
        'Auswertungen',
        'Vermietung',
      ]);
      expect(customElements.get('case-reports'), 'the reports’ code is not loaded with the board').to.equal(undefined);
      expect(bff.calls).to.not.include('GET /api/staff/reports/cases?interval=week');
      await press(el, 'Auswertungen');
      await waitUntil(() => deepText(el).includes('95 Vorgänge eingegangen'), 'reports shown', { timeout: 5000 });
      expect(current(el)).to.equal('Auswertungen');
      expect(el.shadowRoot!.activeElement!.id, 'focus on the view heading').to.equal('reports-heading');
      await expect(el).to.be.accessible();
      const reportsElement = el.shadowRoot!.querySelector('case-reports')!;
      const select = reportsElement.shadowRoot!.querySelector<HTMLSelectElement>('#period-interval')!;
      select.value = 'month';
      select.dispatchEvent(new Event('change'));
      await press(el, 'Anzeigen');
      await waitUntil(() => deepText(el).includes('Januar 2026'), 'by months');
      await press(el, 'Vorgänge');
      await press(el, 'Auswertungen');
      expect(deepText(el), 'the months are still shown').to.contain('Januar 2026');
      expect(reports.queries.map((query) => query.get('interval'))).to.deep.equal(['week', 'month']);
    });

    it('offers "Board", "Inserate" and "Übersicht" inside "Vermietung", each loaded when first shown and kept when switching', async () => {
      const listings = new FakeListings();
      const leads = new FakeLeads({ leads: fakeLeads(4) });
      const bff = new FakeBff({
        session: { state: 'signed_in', user: { role: 'clerk', displayName: 'Clara Kaiser', tenant: wohnbauNord } },
        routes: [...listings.routes, ...leads.routes, ...new FakeStaffCases({ count: 2 }).routes],
      });
      const el = await fixture<StaffPortal>(html`<staff-portal tenant="wohnbau-nord" .client=${bff.client()}></staff-portal>`);
      await waitUntil(() => el.shadowRoot!.querySelector('case-board'), 'board shown');
      await press(el, 'Vermietung');
      await waitUntil(() => deepText(el).includes('Offen ('), 'lead board shown', { timeout: 5000 });
      const letting = el.shadowRoot!.querySelector('nav[aria-label="Bereiche der Vermietung"]')!;
      expect([...letting.querySelectorAll('button')].map((button) => button.textContent.trim())).to.deep.equal([
        'Board',
        'Inserate',
        'Übersicht',
      ]);
      expect(letting.querySelector('[aria-current="true"]')!.textContent.trim()).to.equal('Board');
      expect(customElements.get('listing-editor'), 'the listings’ code is not loaded with the board').to.equal(undefined);
      expect(customElements.get('lead-overview'), 'nor the overview’s').to.equal(undefined);
      expect(bff.calls).to.not.include('GET /api/staff/units');
      expect(bff.calls).to.not.include('GET /api/staff/leads/overview');
      await expect(el).to.be.accessible();

      await press(el, 'Inserate');
      await waitUntil(() => deepText(el).includes('Neues Inserat'), 'listings shown', { timeout: 5000 });
      expect(customElements.get('listing-editor')).to.not.equal(undefined);
      expect(letting.querySelector('[aria-current="true"]')!.textContent.trim()).to.equal('Inserate');
      expect(el.shadowRoot!.querySelector<HTMLElement>('.letting-view.leads')!.hidden, 'the board is hidden, not gone').to.equal(true);
      await press(el, 'Neues Inserat');
      await fill(el, 'Titel *', 'Dachgeschoss mit Gaube');
      await expect(el).to.be.accessible();

      await press(el, 'Übersicht');
      await waitUntil(() => deepText(el).includes('47 Interessenten insgesamt'), 'overview shown', { timeout: 5000 });
      await press(el, 'Vorgänge');
      await press(el, 'Vermietung');
      expect(letting.querySelector('[aria-current="true"]')!.textContent.trim(), 'back where the clerk was').to.equal('Übersicht');
      await press(el, 'Inserate');
      expect(findField<HTMLInputElement>(el, 'Titel *')!.value, 'the unsaved listing is still there').to.equal('Dachgeschoss mit Gaube');
      expect(bff.calls.filter((call) => call === 'GET /api/staff/units')).to.have.length(1);
      expect(bff.calls.filter((call) => call === 'GET /api/staff/leads/overview')).to.have.length(1);
    });

    it('lets an admin open the settings by keyboard, keeps unsaved edits while on the board, and saves them', async () => {
      const { el, bff, settings } = await signedIn(admin);
      expect(current(el)).to.equal('Vorgänge');
      await expect(el).to.be.accessible();
      findButton(el, 'Einstellungen')!.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => findField(el, 'Bürozeiten'), 'settings shown', { timeout: 5000 });
      expect(current(el)).to.equal('Einstellungen');
      expect(el.shadowRoot!.activeElement!.id, 'focus on the view heading').to.equal('settings-heading');
      expect(el.shadowRoot!.querySelector<HTMLElement>('.board')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();

      await fill(el, 'Bürozeiten', 'Di und Do 9–12 Uhr');
      await press(el, 'Vorgänge');
      await el.updateComplete;
      expect(el.shadowRoot!.activeElement!.id).to.equal('board-heading');
      await press(el, 'Einstellungen');
      await el.updateComplete;
      expect(findField<HTMLTextAreaElement>(el, 'Bürozeiten')!.value, 'the edit is still there').to.equal('Di und Do 9–12 Uhr');
      expect(bff.calls.filter((call) => call === 'GET /api/staff/settings')).to.have.length(1);
      await press(el, 'Speichern');
      await waitUntil(() => deepText(el).includes('Gespeichert.'), 'saved');
      expect(settings.settings.officeHours).to.equal('Di und Do 9–12 Uhr');
    });

    it('lets an admin open "Datenschutz", loading the erasure requests only then, and complete one', async () => {
      const { el, bff } = await signedIn(admin);
      expect(el.shadowRoot!.querySelector('privacy-requests'), 'not on the page before it is opened').to.equal(null);
      expect(bff.calls).to.not.include('GET /api/privacy/erasure-requests');
      await press(el, 'Datenschutz');
      await waitUntil(() => deepText(el).includes('Anna Müller'), 'requests shown', { timeout: 5000 });
      expect(current(el)).to.equal('Datenschutz');
      expect(el.shadowRoot!.activeElement!.id, 'focus on the view heading').to.equal('privacy-heading');
      await press(el, 'Löschantrag von Anna Müller erledigen');
      await press(el, 'Jetzt löschen und anonymisieren');
      await waitUntil(() => deepText(el).includes('Der Löschantrag von Anna Müller ist erledigt.'), 'completed');
      await expect(el).to.be.accessible();
      await press(el, 'Vorgänge');
      await press(el, 'Datenschutz');
      expect(bff.calls.filter((call) => call === 'GET /api/privacy/erasure-requests')).to.have.length(1);
    });

    it('opens the catalogue, one part of the settings, only when asked; its code and data load then, once', async () => {
      const { el, bff } = await signedIn(admin);
      await press(el, 'Einstellungen');
      await waitUntil(() => findField(el, 'Bürozeiten'), 'settings shown', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('catalogue-settings'), 'not on the page before it is opened').to.equal(null);
      expect(bff.calls).to.not.include('GET /api/staff/admin/catalogue');
      await press(el, 'Schadenskatalog und Dokumente');
      await waitUntil(() => deepText(el).includes('Gemeinschaftsfläche'), 'catalogue shown', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('[part="settings-nav-item"][aria-current="true"]')!.textContent.trim()).to.equal(
        'Schadenskatalog und Dokumente',
      );
      expect(el.shadowRoot!.querySelector<HTMLElement>('.settings-view.settings')!.hidden).to.equal(true);
      await expect(el).to.be.accessible();
      await press(el, 'Allgemein');
      await press(el, 'Schadenskatalog und Dokumente');
      expect(
        bff.calls.filter((call) => call === 'GET /api/staff/admin/catalogue'),
        bff.calls.join(', '),
      ).to.have.length(1);

      // "Fristen": the deadlines in working days, from the same settings.
      expect(el.shadowRoot!.querySelector('deadline-settings'), 'not on the page before it is opened').to.equal(null);
      await press(el, 'Fristen');
      await waitUntil(() => deepText(el).includes('Fristen in Arbeitstagen'), 'deadlines shown', { timeout: 5000 });
      expect(findField(el, 'Schadensmeldung, Notfall: Frist in Arbeitstagen'), 'a field per type and urgency').to.exist;

      // "Handwerker": the company's contractors, loaded only now.
      expect(el.shadowRoot!.querySelector('contractor-settings'), 'not on the page before it is opened').to.equal(null);
      expect(bff.calls).to.not.include('GET /api/staff/contractors');
      await press(el, 'Handwerker');
      await waitUntil(() => deepText(el).includes('Rohr & Co. GmbH'), 'contractors shown', { timeout: 5000 });
      expect(el.shadowRoot!.querySelector('[part="settings-nav-item"][aria-current="true"]')!.textContent.trim()).to.equal('Handwerker');
      await press(el, 'Handwerker hinzufügen');
      expect(findField(el, 'E-Mail-Adresse für Aufträge'), 'the form to add one').to.exist;
      await expect(el).to.be.accessible();
    });

    it('names the settings in English too', async () => {
      const { el } = await signedIn(admin, 'en');
      await el.updateComplete;
      expect(nav(el)!.getAttribute('aria-label')).to.equal('Sections');
      await press(el, 'Settings');
      await waitUntil(() => deepText(el).includes('Contact and emergencies'), 'settings in English', { timeout: 5000 });
    });
  });
});
