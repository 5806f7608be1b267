import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '../internal/api-client.ts';
import { FakeBff, fakeCodes } from '../testing/fake-bff.ts';
import { SignInDriver } from '../testing/sign-in-driver.ts';
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
    const bff = new FakeBff();
    const { el, page } = await portal(bff);
    await expect(el).to.be.accessible();
    await page.submit({ email: 'sachbearbeitung@example.org', password: 'richtig-geheim' });
    expect(bff.requests.find((r) => r.path === '/api/auth/login')!.body).to.include({ audience: 'staff' });
    await page.waitForHeading('Bestätigungscode eingeben');
    await page.submit({ code: fakeCodes.totp });
    await page.waitForHeading('Vorgänge');
    expect(page.text()).to.contain('Keine offenen Vorgänge.');
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
    await page.submit({ code: fakeCodes.activation, email: 'neu@example.org', password: 'ein-gutes-passwort', passwordRepeat: 'ein-gutes-passwort' });
    await page.waitForHeading('Authenticator-App einrichten');
    expect(page.text()).to.not.contain('Andere Methode wählen');
    await expect(el).to.be.accessible();
    await page.submit({ code: fakeCodes.totp });
    await page.waitForHeading('Vorgänge');
  });
});
