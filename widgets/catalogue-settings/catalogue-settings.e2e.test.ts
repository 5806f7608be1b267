import { expect, fixture, html } from '@open-wc/testing';
import { ApiClient } from '../internal/api-client.ts';
import {
  CLERK_API,
  createCaseCompany,
  deepText,
  fill,
  oneEndToEndFileAtATime,
  press,
  signIn,
  signOut,
  waitFor,
  waitForText,
} from '../testing/e2e-session.ts';
import type { StaffPortal } from '../staff-portal/staff-portal.ts';
import type { TenantPortal } from '../tenant-portal/tenant-portal.ts';
import '../staff-portal/staff-portal.ts';
import '../tenant-portal/tenant-portal.ts';

/** Against the real BFF: the admin adds a damage kind in the staff portal; the resident's damage form offers it and files it. */
describe('<catalogue-settings> in the staff portal with the real BFF', () => {
  oneEndToEndFileAtATime();

  it('an admin adds a damage kind under "Einstellungen"; the resident’s damage form offers it and the report goes through', async function () {
    this.timeout(120_000);
    const company = await createCaseCompany();
    await signIn(CLERK_API, company, company.admin, 'staff');
    await signIn('', company, company.resident, 'resident');
    try {
      const staff = await fixture<StaffPortal>(html`<staff-portal tenant=${company.slug} api=${CLERK_API}></staff-portal>`);
      await press(staff, 'Einstellungen');
      await press(staff, 'Schadenskatalog und Dokumente');
      await waitForText(staff, 'Wasserhahn tropft');
      await press(staff, 'Schadensart zu „Sanitär“ hinzufügen');
      await fill(staff, 'Bezeichnung (deutsch)', 'Duschabfluss verstopft');
      await fill(staff, 'Englisch', 'Shower drain blocked');
      await press(staff, 'Eintrag speichern');
      await waitForText(staff, 'Hinzugefügt: „Duschabfluss verstopft“.');
      await expect(staff).to.be.accessible();

      const portal = await fixture<TenantPortal>(html`<tenant-portal tenant=${company.slug} .client=${new ApiClient('')}></tenant-portal>`);
      await waitForText(portal, 'Sie haben noch keine Anliegen.');
      await press(portal, 'Neues Anliegen');
      await press(portal, 'Schadensmeldung');
      await fill(portal, 'Schadensort', 'Wohnung');
      await fill(portal, 'Schadenskategorie', 'Sanitär');
      await fill(portal, 'Schadensart', 'Duschabfluss verstopft');
      await fill(portal, 'Beschreibung', 'Das Wasser in der Dusche läuft seit gestern nicht mehr ab.');
      await press(portal, 'Schaden melden');
      await waitFor(
        () => /Nr\. \d{4}-\d{4,}/.test(deepText(portal)) && deepText(portal).includes('Duschabfluss verstopft'),
        () => `the new report in "Meine Anliegen": ${deepText(portal).slice(0, 1500)}`,
        20_000,
      );
    } finally {
      await signOut('');
      await signOut(CLERK_API);
    }
  });
});
