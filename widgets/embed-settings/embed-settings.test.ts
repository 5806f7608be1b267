import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeEmbedding, type FakeEmbeddingOptions } from '../testing/fake-embedding.ts';
import { deepText, expectFocus, fill, findField, press } from '../testing/e2e-session.ts';
import { contrastRatio, type EmbedSettingsElement } from './embed-settings.ts';
import './embed-settings.ts';

async function open(options: FakeEmbeddingOptions = {}, lang = 'de') {
  const fake = new FakeEmbedding(options);
  const bff = new FakeBff({
    session: {
      state: 'signed_in',
      user: { role: 'admin', displayName: 'Dora Verwalter', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
    },
    routes: fake.routes,
  });
  const el = await fixture<EmbedSettingsElement>(html`<embed-settings lang=${lang} .client=${bff.client()}></embed-settings>`);
  return { fake, el };
}

const text = (el: Element) => deepText(el).replace(/\s+/g, ' ');
const shows = (el: Element, what: string) => waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout: 5000 });
const field = (el: EmbedSettingsElement, label: string) => findField<HTMLInputElement>(el, label)!;

describe('<embed-settings>', () => {
  it('adds an address and a colour and saves them; the preview shows the colours', async () => {
    const { el, fake } = await open();
    await shows(el, 'Adressen, auf denen das Portal eingebunden ist');
    expect(field(el, 'Adresse 1').value).to.equal('https://www.wohnbau-nord.example');
    expect(field(el, 'Hauptfarbe (Schaltflächen, Hervorhebungen)').value).to.equal('#005ca9');
    await expect(el).to.be.accessible();

    await press(el, 'Adresse hinzufügen');
    await expectFocus(el.shadowRoot!, field(el, 'Adresse 2'), 'focus on the new address');
    await fill(el, 'Adresse 2', 'https://service.wohnbau-nord.example');
    await fill(el, 'Hintergrund', '#fafafa');
    const preview = el.shadowRoot!.querySelector<HTMLElement>('[part="preview"]')!;
    expect(getComputedStyle(preview).backgroundColor).to.equal('rgb(250, 250, 250)');
    await press(el, 'Speichern');
    await shows(el, 'Gespeichert. Neue Adressen gelten nach spätestens 30 Sekunden.');
    expect(fake.changes).to.deep.equal([
      {
        allowedOrigins: ['https://www.wohnbau-nord.example', 'https://service.wohnbau-nord.example'],
        colours: { '--mp-color-primary': '#005ca9', '--mp-color-on-primary': '#ffffff', '--mp-color-surface': '#fafafa' },
      },
    ]);
  });

  it('checks each address as the BFF does before sending: a path, plain http, a wildcard, a duplicate', async () => {
    const { el, fake } = await open();
    await shows(el, 'Adresse 1');
    const cases: Array<[string, string]> = [
      ['https://www.wohnbau-nord.example/mieterportal', 'ohne Pfad: https://www.wohnbau-nord.example'],
      ['http://www.wohnbau-nord.example', 'Nur https-Adressen'],
      ['https://*.wohnbau-nord.example', 'Platzhalter (*) sind nicht erlaubt'],
      ['https://www.wohnbau-nord.example/', 'Diese Adresse steht schon in der Liste.'],
    ];
    await press(el, 'Adresse hinzufügen');
    for (const [value, message] of cases) {
      await fill(el, 'Adresse 2', value);
      await press(el, 'Speichern');
      await shows(el, message);
      expect(field(el, 'Adresse 2').getAttribute('aria-invalid'), value).to.equal('true');
      await expectFocus(el.shadowRoot!, field(el, 'Adresse 2'), `focus on the wrong address (${value})`);
    }
    await fill(el, 'Hauptfarbe (Schaltflächen, Hervorhebungen)', 'blau');
    await press(el, 'Speichern');
    await shows(el, 'Bitte eine Farbe als Hex-Wert mit sechs Stellen angeben');
    expect(fake.changes, 'nothing sent').to.deep.equal([]);
    // Removing the line takes its message with it.
    await press(el, 'Adresse https://www.wohnbau-nord.example/ entfernen');
    expect(findField(el, 'Adresse 2')).to.equal(undefined);
    expect(text(el)).to.not.contain('steht schon in der Liste');
  });

  it('warns about hard-to-read colours but saves them; shows the refusal to remove the page one works from', async () => {
    const { el, fake } = await open({ workingFrom: 'https://www.wohnbau-nord.example' });
    await shows(el, 'Adresse 1');
    expect(el.shadowRoot!.querySelector('[part="warning"]'), 'no warning for the standard colours').to.equal(null);
    await fill(el, 'Schrift auf der Hauptfarbe', '#cccccc');
    await shows(el, 'Kontrast Schrift auf Hauptfarbe: 4,2 : 1 – zu gering');
    // The preview shows the poor contrast the admin chose; the admin's page itself stays readable.
    await expect(el).to.be.accessible();
    await press(el, 'Adresse https://www.wohnbau-nord.example entfernen');
    await shows(el, 'Noch keine Adresse');
    await press(el, 'Speichern');
    await shows(el, 'Die Adresse, von der aus Sie gerade arbeiten, kann nicht entfernt werden: Sie würden sich selbst aussperren.');
    expect(fake.changes).to.deep.equal([]);
    expect(field(el, 'Schrift auf der Hauptfarbe').value, 'the entries stay').to.equal('#cccccc');
  });

  it('computes the WCAG contrast ratio', () => {
    expect(contrastRatio('#000000', '#ffffff')).to.equal(21);
    expect(contrastRatio('#ffffff', '#ffffff')).to.equal(1);
    expect(Math.round(contrastRatio('#0b5cad', '#ffffff') * 10) / 10).to.equal(6.7);
  });

  it('tells a clerk it is for admins, and speaks English', async () => {
    const clerk = await open({ signedInAs: 'clerk' });
    await waitUntil(() => clerk.el.shadowRoot!.querySelector('[part="alert"]')?.textContent?.trim(), 'a note for clerks');
    expect(text(clerk.el)).to.not.contain('Adresse hinzufügen');
    const { el } = await open({}, 'en');
    await shows(el, 'Addresses the portal is embedded on');
    expect(field(el, 'Main colour (buttons, highlights)').value).to.equal('#005ca9');
  });
});
