import { expect, fixture, html } from '@open-wc/testing';
import { CLERK_API, createCaseCompany, fill, oneEndToEndFileAtATime, press, signIn, waitForText } from '../testing/e2e-session.ts';
import type { StaffPortal } from '../staff-portal/staff-portal.ts';
import '../staff-portal/staff-portal.ts';

/** Against the real BFF (web-test-runner.config.mjs): the admin through `/clerk/api`, the public contact through `/api`. */
describe('<company-settings> in the staff portal with the real BFF', () => {
  oneEndToEndFileAtATime();

  it('an admin changes the office hours under "Einstellungen" and the housing company’s public contact has them at once', async function () {
    this.timeout(60_000);
    const company = await createCaseCompany();
    await signIn(CLERK_API, company, company.admin, 'staff');
    const el = await fixture<StaffPortal>(html`<staff-portal tenant=${company.slug} api=${CLERK_API}></staff-portal>`);

    await press(el, 'Einstellungen');
    await waitForText(el, 'Noch nie geändert: Es gelten die Standardwerte.');
    await waitForText(el, /0 von 2\.000\.000 Tokens/);
    await fill(el, 'Bürozeiten', 'Mo–Do 8–16 Uhr, Fr 8–12 Uhr');
    await fill(el, 'Aufbewahrung der Chatverläufe (Tage)', '91');
    await press(el, 'Speichern');
    await waitForText(el, 'Höchstens 90 Tage.');
    await fill(el, 'Aufbewahrung der Chatverläufe (Tage)', '30');
    await press(el, 'Speichern');
    await waitForText(el, 'Gespeichert. Zuletzt geändert am');

    const contact = await (await fetch(`/api/tenants/${company.slug}/contact`)).json();
    expect(contact.officeHours).to.equal('Mo–Do 8–16 Uhr, Fr 8–12 Uhr');
    await expect(el).to.be.accessible();
  });
});
