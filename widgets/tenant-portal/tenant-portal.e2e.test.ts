import { expect, fixture, html } from '@open-wc/testing';
import { SignInDriver } from '../testing/sign-in-driver.ts';
import { oneEndToEndFileAtATime, waitForText } from '../testing/e2e-session.ts';
import type { TenantPortal } from './tenant-portal.ts';
import './tenant-portal.ts';

/** Against the real BFF (started by web-test-runner.config.mjs, reached through `/api` on this origin). */
describe('<tenant-portal> with the real BFF', () => {
  oneEndToEndFileAtATime();

  it('activates a resident with the letter code, enrols an authenticator app and shows "Meine Anliegen"', async function () {
    this.timeout(60_000);
    const company = await (await fetch('/e2e/housing-company')).json();
    const el = await fixture<TenantPortal>(html`<tenant-portal tenant=${company.slug}></tenant-portal>`);
    const page = new SignInDriver(el, 20_000);
    await page.waitForHeading('Anmelden');

    await page.press('Konto mit Brief-Code aktivieren');
    await page.submit({
      code: company.activationCode,
      email: company.email,
      password: 'Sommer-Regen-2026!',
      passwordRepeat: 'Sommer-Regen-2026!',
    });
    await page.waitForHeading('Zweiten Faktor einrichten');

    await page.press('Authenticator-App');
    await page.waitForHeading('Authenticator-App einrichten');
    const secret = page.flow!.shadowRoot!.querySelector('code')!.textContent.replace(/\s/g, '');
    const { code } = await (await fetch(`/e2e/totp?secret=${secret}`)).json();
    await page.submit({ code });
    // The BFF's ten recovery codes, shown once before the portal opens.
    await page.waitForHeading('Ihre Wiederherstellungscodes');
    expect(page.flow!.shadowRoot!.querySelectorAll('[part="recovery-codes"] li')).to.have.length(10);
    await page.press('Ich habe die Codes notiert – weiter');

    await page.waitForHeading('Meine Anliegen');
    expect(page.text()).to.contain('Angemeldet als Erika Mustermann');
    // The list of cases loads after the sign-in.
    await waitForText(el, 'Sie haben noch keine Anliegen.');
    await expect(el).to.be.accessible();

    await page.press('Abmelden');
    await page.waitForHeading('Anmelden');
    const session = await (await fetch('/api/session')).json();
    expect(session.state).to.equal('anonymous');
  });
});
