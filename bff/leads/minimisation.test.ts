import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CUT_MARKER, minimiseEnquiry } from './minimisation.ts';

/**
 * What a lead keeps of an enquiry. The texts follow what public parsers written against real portal mails
 * expect (../shared/corpus/portal-emails/PORTAL-LEAD-FORMATS.md): IS24's "Weitere Daten zum Interessenten;
 * Label: Wert; …" block after the message (S3 IS24_VARIABLE_MAP labels and value forms), Immowelt's extra data as
 * `Label: value` lines in the message via EstateSync, and self-disclosure in the person's own words.
 */
describe('data minimisation at the door', () => {
  it('an IS24 message with its "Weitere Daten" block keeps move-in, household and pets and cuts the self-disclosure', () => {
    const message =
      'Sehr geehrte Damen und Herren,\n\nwir interessieren uns sehr für die Wohnung und würden sie gerne besichtigen.\n\n' +
      'Weitere Daten zum Interessenten; Nutzung der Immobilie: Eigennutzung; Gewünschter Einzugstermin: 01.05.2026; ' +
      'Haushaltsgröße: Zwei Erwachsene; Tiere im Haushalt: Nein; Anstellungsverhältnis: Angestellte(r); ' +
      'Haushaltsnettoeinkommen: 3.000 € - 4.000 €; Eigenkapital: 20.000 €; SCHUFA-Bonitätscheck: vorhanden; ' +
      'Mietrückstände in den letzten 5 Jahren: Nein; Insolvenzverfahren in den letzten 5 Jahren: Nein; Raucher: Nein; ' +
      'Bewerbungsunterlagen: vorhanden';
    const lead = minimiseEnquiry({ message });
    assert.deepEqual(lead, {
      message: 'Sehr geehrte Damen und Herren,\n\nwir interessieren uns sehr für die Wohnung und würden sie gerne besichtigen.',
      desiredMoveIn: '2026-05-01',
      householdSize: 2,
      householdType: 'couple',
      pets: false,
      petsNote: null,
      selfDisclosureOffered: true,
    });
    for (const word of ['3.000', 'Angestellte', 'SCHUFA', '20.000', 'Insolvenz', 'Raucher', 'Eigennutzung']) {
      assert.ok(!JSON.stringify(lead).includes(word), `${word} is not stored`);
    }
  });

  it('an IS24 block with only allowed data offers no self-disclosure ("ab sofort", Einpersonenhaushalt, pets yes)', () => {
    const lead = minimiseEnquiry({
      message:
        'Hallo, ist die Wohnung noch frei?\nWeitere Daten zum Interessenten; Gewünschter Einzugstermin: ab sofort; Haushaltsgröße: Einpersonenhaushalt; Tiere im Haushalt: Ja',
    });
    assert.equal(lead.message, 'Hallo, ist die Wohnung noch frei?');
    assert.equal(lead.desiredMoveIn, 'ab sofort');
    assert.deepEqual([lead.householdSize, lead.householdType, lead.pets], [1, 'single', true]);
    assert.equal(lead.selfDisclosureOffered, false);
  });

  it("Immowelt's extra data as `Label: value` lines (EstateSync): Tierfreier Haushalt is inverted, income and job are cut", () => {
    const message = [
      'Guten Tag, ich hätte gerne einen Besichtigungstermin.',
      'Geburtsdatum: 12.03.1990',
      'Beschäftigungsstatus: Angestellt',
      'Beruf oder Branche: Pflege',
      'Haushaltsgröße: 2 Erwachsene, 1 Kind',
      'Nettohaushaltseinkommen: 3.500 €',
      'Tierfreier Haushalt: Ja',
      'Wohnberechtigungsschein: Nein',
      'Profilfoto: https://example.org/p.jpg',
    ].join('\n');
    const lead = minimiseEnquiry({ message });
    assert.equal(lead.message, 'Guten Tag, ich hätte gerne einen Besichtigungstermin.');
    assert.deepEqual([lead.householdSize, lead.householdType, lead.pets], [3, 'family', false]);
    assert.equal(lead.selfDisclosureOffered, true);
    assert.ok(!/1990|Pflege|3\.500|example\.org/.test(JSON.stringify(lead)));
  });

  it('self-disclosure in the person’s own sentences is cut, the rest of the message stays as written', () => {
    const lead = minimiseEnquiry({
      message:
        'Liebe Frau Schulz,\nich bin 34, arbeite als Ingenieurin bei Airbus und verdiene 3.800 € netto. Meine SCHUFA ist sauber. ' +
        'Ich würde gerne am Samstag vorbeikommen.\nIch habe keine Mietschulden und lege gerne eine Mietschuldenfreiheitsbescheinigung vor.\n\nViele Grüße\nJana',
    });
    assert.equal(
      lead.message,
      `Liebe Frau Schulz,\n${CUT_MARKER} Ich würde gerne am Samstag vorbeikommen.\n${CUT_MARKER}\n\nViele Grüße\nJana`,
    );
    assert.equal(lead.selfDisclosureOffered, true);
  });

  it('harmless words that look like self-disclosure stay: Nettokaltmiete, lohnt sich, gehalten, befristeter Mietvertrag, rent netto', () => {
    const message =
      'Ist die Nettokaltmiete verhandelbar? Ein Stellplatz lohnt sich für uns. Wir haben früher Hühner gehalten. ' +
      'Ist der Mietvertrag befristet? Ist die Miete von 800 € netto oder warm?';
    const lead = minimiseEnquiry({ message });
    assert.equal(lead.message, message);
    assert.equal(lead.selfDisclosureOffered, false);
  });

  it('structured fields: the allow-list is kept, self-disclosure labels are noted as offered, other fields are dropped', () => {
    const lead = minimiseEnquiry({
      message: 'Bitte um Rückruf.',
      fields: {
        moveInDate: '2026-07-15',
        householdSize: 4,
        pets: 'eine Katze',
        netIncome: '2500-3000',
        employer: 'Stadtwerke',
        salutation: 'Frau',
        smoker: false,
      },
    });
    assert.deepEqual(
      { ...lead },
      {
        message: 'Bitte um Rückruf.',
        desiredMoveIn: '2026-07-15',
        householdSize: 4,
        householdType: null,
        pets: true,
        petsNote: 'eine Katze',
        selfDisclosureOffered: true,
      },
    );
  });

  it('an allowed field whose words disclose more is not kept; an empty self-disclosure field is not an offer', () => {
    const lead = minimiseEnquiry({ message: '', fields: { Haushaltsgröße: '2 Personen, beide berufstätig', Eigenkapital: '-' } });
    assert.equal(lead.householdSize, null);
    assert.equal(lead.selfDisclosureOffered, true);
    const empty = minimiseEnquiry({ message: 'Hallo', fields: { Eigenkapital: '-', 'SCHUFA-Bonitätscheck': '' } });
    assert.equal(empty.selfDisclosureOffered, false);
  });

  it('Wohngemeinschaft geplant: Ja makes a shared household; an impossible date stays as written', () => {
    const lead = minimiseEnquiry({
      message: 'Weitere Daten zum Interessenten; Wohngemeinschaft geplant: Ja; Gewünschter Einzugstermin: 31.02.2026',
    });
    assert.equal(lead.householdType, 'shared');
    assert.equal(lead.desiredMoveIn, '31.02.2026');
    assert.equal(lead.message, '');
  });
});
