import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { FakeBff } from '../testing/fake-bff.ts';
import { fakeLead, fakeLeadId, FakeLeads, fakeListings, type FakeLead, type FakeLeadsOptions } from '../testing/fake-leads.ts';
import { deepText, fill, findButton, press } from '../testing/e2e-session.ts';
import type { LeadUpdatedEvent } from '../events/lead-updated.ts';
import { berlinDateTime } from './berlin-time.ts';
import type { LeadDetail } from './lead-detail.ts';
import './lead-detail.ts';

const clerk = { role: 'clerk' as const, displayName: 'Clara Kaiser', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } };

const maxMuster = (fields: Partial<FakeLead> = {}) =>
  fakeLead({ id: fakeLeadId(1), name: 'Max Muster', email: 'max.muster@example.org', phone: '0171 2345678', ...fields });

async function open(lead: FakeLead, options: FakeLeadsOptions = {}) {
  const fake = new FakeLeads({ leads: [lead], ...options });
  const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: fake.routes });
  const updates: LeadUpdatedEvent[] = [];
  const el = await fixture<LeadDetail>(
    html`<lead-detail lead-id=${lead.id} .client=${bff.client()} @mp-lead-updated=${(event: LeadUpdatedEvent) => updates.push(event)}></lead-detail>`,
  );
  await shows(el, 'Verlauf');
  // The sections that need the lifecycle have it.
  await waitUntil(() => !deepText(el).includes('Wird geladen'), `sections loaded: ${deepText(el)}`);
  return { fake, bff, el, updates };
}

const shows = (el: Element, what: string, timeout = 3000) =>
  waitUntil(() => deepText(el).includes(what), `shows “${what}”: ${deepText(el)}`, { timeout });
const section = (el: LeadDetail, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`section.${name}`)!;
const posts = (bff: FakeBff, suffix: string) => bff.requests.filter((request) => request.method !== 'GET' && request.path.endsWith(suffix));

describe('<lead-detail>', () => {
  it('shows the lead’s fields, trail and sections, and tells the board the card it read', async () => {
    const { el, updates } = await open(maxMuster());
    for (const heading of ['Kontaktwege', 'Nachrichten', 'Besichtigungen', 'Selbstauskunft', 'Verlauf'])
      expect(deepText(el)).to.contain(heading);
    expect(deepText(el)).to.not.contain('0171 2345678');
    expect(updates[0].detail.lead.name).to.equal('Max Muster');
    await expect(el).to.be.accessible();
  });

  describe('mail thread', () => {
    it('reads the thread and sends a message with an Idempotency-Key, showing it in the thread', async () => {
      const lead = maxMuster({ status: 'kontaktiert' });
      const { el, bff, fake } = await open(lead, {
        lives: {
          [lead.id]: {
            messages: [
              {
                id: '3e55a9e0-0000-4000-8000-000000000901',
                direction: 'out',
                at: '2026-03-10T09:00:00.000Z',
                subject: 'Ihre Anfrage zur Wohnung',
                body: 'Guten Tag, wann passt Ihnen eine Besichtigung?',
                sentBy: 'Clara Kaiser',
                from: 'vermietung@wohnbau-nord.example',
                to: lead.email,
              },
            ],
          },
        },
      });
      expect(deepText(section(el, 'thread')))
        .to.contain('wann passt Ihnen eine Besichtigung?')
        .and.contain('Gesendet von Clara Kaiser');
      await fill(el, 'Nachricht', 'Am Donnerstag um 17 Uhr?');
      const release = fake.hold('send');
      await press(el, 'Nachricht senden');
      await shows(el, 'Wird gesendet …');
      expect(findButton(el, 'Wird gesendet …')!.disabled, 'no second send while the first is under way').to.equal(true);
      release();
      await shows(el, 'Die Nachricht wird versandt.');
      expect(deepText(section(el, 'thread'))).to.contain('Am Donnerstag um 17 Uhr?');
      const [sent] = posts(bff, '/messages');
      expect(sent.idempotencyKey).to.match(/^[0-9a-f]{32}$/);
      expect(sent.body).to.deep.equal({ body: 'Am Donnerstag um 17 Uhr?' });
      await expect(el).to.be.accessible();
    });

    it('says the admin must set the letting address when the BFF refuses with letting_email_missing', async () => {
      const { el } = await open(maxMuster(), { noLettingEmail: true });
      await fill(el, 'Nachricht', 'Hallo');
      await press(el, 'Nachricht senden');
      await shows(el, 'Ein Administrator muss sie unter „Einstellungen“ eintragen');
      expect(deepText(section(el, 'thread')), 'beside the form').to.contain('Absenderadresse der Vermietung');
    });

    it('asks for a message before sending nothing', async () => {
      const { el, bff } = await open(maxMuster());
      await press(el, 'Nachricht senden');
      await shows(el, 'Bitte eine Nachricht eingeben.');
      expect(posts(bff, '/messages')).to.have.length(0);
    });

    it('shows an answer of the person live', async () => {
      const { el, bff, fake } = await open(maxMuster());
      const reply = fake.reply(fakeLeadId(1), 'Donnerstag passt gut.');
      bff.live.emit('lead:message', { leadId: fakeLeadId(1), message: reply });
      await shows(el, 'Donnerstag passt gut.');
      bff.live.emit('lead:message', { leadId: fakeLeadId(1), message: reply });
      await el.updateComplete;
      expect(deepText(el).split('Donnerstag passt gut.').length - 1, 'once, however often it arrives').to.equal(1);
    });
  });

  describe('contact verification', () => {
    it('marks the e-mail address as reached, pending while the BFF works, and tells the board the new version', async () => {
      const { el, fake, updates } = await open(maxMuster());
      const release = fake.hold('verify');
      await press(el, 'E-Mail: als erreicht vermerken');
      await shows(el, 'Wird vermerkt …');
      release();
      await shows(el, 'E-Mail ist als bestätigter Kontaktweg vermerkt.');
      expect(deepText(section(el, 'contact')))
        .to.contain('bestätigt am')
        .and.contain('Person erreicht');
      expect(updates.at(-1)!.detail.lead.version).to.equal(2);
    });

    it('shows the BFF’s refusal beside the channel', async () => {
      const { el, fake } = await open(maxMuster());
      fake.refuseNext('verify', 409, 'contact_channel_missing', 'Für diesen Interessenten ist keine Telefonnummer hinterlegt.');
      await press(el, 'Telefon: als erreicht vermerken');
      await shows(el, 'Für diesen Interessenten ist keine Telefonnummer hinterlegt.');
    });
  });

  describe('viewings', () => {
    it('plans a viewing in the company’s time zone and lists it', async () => {
      const { el, bff, fake } = await open(maxMuster({ status: 'kontaktiert' }));
      await fill(el, 'Datum', '2026-03-19');
      await fill(el, 'Uhrzeit', '17:00');
      await fill(el, 'Notiz (optional)', 'Klingel Muster, 2. OG');
      const release = fake.hold('plan');
      await press(el, 'Besichtigung planen');
      await shows(el, 'Wird geplant …');
      release();
      await shows(el, 'Besichtigung am 19.03.2026, 17:00 geplant.');
      expect(deepText(section(el, 'viewings')))
        .to.contain('19.03.2026, 17:00, 30 Minuten')
        .and.contain('Klingel Muster');
      expect(posts(bff, '/viewings')[0].body).to.deep.equal({
        startsAt: '2026-03-19T17:00:00+01:00',
        durationMinutes: 30,
        note: 'Klingel Muster, 2. OG',
      });
      expect(posts(bff, '/viewings')[0].idempotencyKey).to.match(/^[0-9a-f]{32}$/);
    });

    it('asks for date and time, and shows the BFF’s refusal', async () => {
      const { el, fake } = await open(maxMuster());
      await press(el, 'Besichtigung planen');
      await shows(el, 'Bitte Datum und Uhrzeit angeben.');
      await fill(el, 'Datum', '2026-03-19');
      await fill(el, 'Uhrzeit', '17:00');
      fake.refuseNext(
        'plan',
        409,
        'lead_transition_invalid',
        'Für einen Interessenten im Status „abgelehnt“ wird keine Besichtigung mehr geplant.',
      );
      await press(el, 'Besichtigung planen');
      await shows(el, 'wird keine Besichtigung mehr geplant');
    });

    it('invites the lead to book a slot of its listing, and shows the refusal when it cannot', async () => {
      const { el, fake } = await open(maxMuster());
      const release = fake.hold('invite');
      await press(el, 'Einladung zur Terminbuchung senden');
      await shows(el, 'Einladung wird gesendet …');
      release();
      await shows(el, 'Einladung an max.muster@example.org gesendet.');
      fake.refuseNext('invite', 409, 'lead_without_email', 'Für diesen Interessenten ist keine E-Mail-Adresse bekannt.');
      await press(el, 'Einladung zur Terminbuchung senden');
      await shows(el, 'Für diesen Interessenten ist keine E-Mail-Adresse bekannt.');
    });
  });

  describe('self-disclosure', () => {
    it('is not offered before „Besichtigt“, with the reason', async () => {
      const { el, bff } = await open(maxMuster({ status: 'kontaktiert' }));
      expect(deepText(section(el, 'disclosure'))).to.contain('darf erst ab „Besichtigt“ erhoben werden');
      expect(bff.calls).to.not.include(`GET /api/staff/leads/${fakeLeadId(1)}/self-disclosure`);
      expect(findButton(el, 'Selbstauskunft speichern')).to.equal(undefined);
    });

    it('records it from „Besichtigt“ on, and shows the BFF’s refusal', async () => {
      const { el, bff, fake } = await open(maxMuster({ status: 'besichtigt' }));
      await fill(el, 'Beruf', 'Krankenpfleger');
      await fill(el, 'Nettohaushaltseinkommen im Monat', '2.500 – 3.500 €');
      await fill(el, 'Mietschuldenfreiheitsbescheinigung', 'liegt vor');
      const release = fake.hold('record-self-disclosure');
      await press(el, 'Selbstauskunft speichern');
      await shows(el, 'Wird gespeichert …');
      release();
      await shows(el, 'Die Selbstauskunft ist gespeichert.');
      expect(posts(bff, '/self-disclosure')[0].body).to.deep.equal({
        profession: 'Krankenpfleger',
        incomeBand: '2500_3500',
        rentDebtFreeCertificate: true,
      });
      await fill(el, 'Arbeitgeber', 'UKE');
      fake.refuseNext(
        'record-self-disclosure',
        409,
        'self_disclosure_locked',
        'Angaben zur Selbstauskunft dürfen erst ab „besichtigt“ erhoben werden.',
      );
      await press(el, 'Selbstauskunft speichern');
      await shows(el, 'dürfen erst ab „besichtigt“ erhoben werden.');
    });
  });

  describe('rejection message', () => {
    const rejected = () => {
      const lead = maxMuster({ status: 'abgelehnt' });
      const lives = {
        [lead.id]: {
          rejection: {
            id: 'ab5a9e00-0000-4000-8000-000000000001',
            subject: 'Ihre Anfrage zur Wohnung',
            body: 'Sehr geehrter Herr Muster, leider …',
            preparedAt: '2026-03-11T10:00:00.000Z',
            releasedAt: null,
            releasedBy: null,
            sentTo: null,
          },
        },
      };
      return { lead, lives };
    };

    it('saves the edited draft and releases it', async () => {
      const { lead, lives } = rejected();
      const { el, bff, fake } = await open(lead, { lives });
      await fill(el, 'Text', 'Sehr geehrter Herr Muster, die Wohnung ist leider vergeben.');
      await press(el, 'Entwurf speichern');
      await shows(el, 'Der Entwurf ist gespeichert.');
      const release = fake.hold('release');
      await press(el, 'Absage freigeben und senden');
      await shows(el, 'Wird freigegeben …');
      release();
      await shows(el, 'an max.muster@example.org, freigegeben von Clara Kaiser');
      expect(posts(bff, '/rejection-message/release')[0].body).to.deep.include({
        body: 'Sehr geehrter Herr Muster, die Wohnung ist leider vergeben.',
      });
      expect(findButton(el, 'Absage freigeben und senden'), 'released once').to.equal(undefined);
    });

    it('shows the BFF’s refusal beside the message', async () => {
      const { lead, lives } = rejected();
      const { el, fake } = await open(lead, { lives });
      fake.refuseNext('release', 409, 'lead_without_email', 'Bitte teilen Sie die Absage auf anderem Weg mit.');
      await press(el, 'Absage freigeben und senden');
      await shows(el, 'Bitte teilen Sie die Absage auf anderem Weg mit.');
      expect(deepText(section(el, 'rejection'))).to.contain('Bitte teilen Sie die Absage auf anderem Weg mit.');
    });
  });

  describe('legal hold and § 21 AGG export', () => {
    it('sets and clears the hold, and exports the decisions (letting permission)', async () => {
      const { el, bff, fake } = await open(maxMuster(), { letting: true });
      await press(el, 'Sperre setzen');
      await shows(el, 'Bitte einen Grund für die Sperre angeben.');
      await fill(el, 'Grund der Sperre', 'Anfrage nach § 21 AGG vom 12.03.2026');
      const release = fake.hold('legal-hold');
      await press(el, 'Sperre setzen');
      await shows(el, 'Wird gespeichert …');
      release();
      await shows(el, 'Gesperrt gegen Anonymisierung seit');
      await press(el, 'Sperre aufheben');
      await shows(el, 'Die Sperre ist aufgehoben.');
      await press(el, 'Entscheidungsverlauf herunterladen (JSON)');
      await shows(el, 'Der Entscheidungsverlauf wurde heruntergeladen');
      expect(bff.calls).to.include(`GET /api/staff/leads/${fakeLeadId(1)}/decision-export`);
    });

    it('shows the refusal of the BFF, and keeps both from staff without the letting permission', async () => {
      const { el, fake } = await open(maxMuster(), { letting: true });
      fake.refuseNext('export', 403, 'forbidden', 'Dafür ist das Vermietungsrecht nötig.');
      await press(el, 'Entscheidungsverlauf herunterladen (JSON)');
      await shows(el, 'Dafür ist das Vermietungsrecht nötig.');
      const other = await open(maxMuster());
      expect(deepText(section(other.el, 'legal'))).to.contain('Mitarbeitenden mit dem Recht „Vermietung“ vorbehalten');
      expect(findButton(other.el, 'Sperre setzen')).to.equal(undefined);
    });
  });

  describe('assignment from „Nicht zugeordnet“', () => {
    it('assigns the lead to an active listing with the version seen', async () => {
      const { el, bff, fake, updates } = await open(maxMuster({ listing: null }));
      expect(deepText(el)).to.contain('Inserat zuordnen');
      await fill(el, 'Inserat', fakeListings[1].title);
      const release = fake.hold('assign');
      await press(el, 'Zuordnen');
      await shows(el, 'Wird zugeordnet …');
      release();
      await shows(el, `Zugeordnet zu „${fakeListings[1].title}“.`);
      expect(posts(bff, '/listing')[0].body).to.deep.equal({ listingId: fakeListings[1].id, version: 1 });
      expect(updates.at(-1)!.detail.lead.column).to.equal('offen');
    });

    it('shows the conflict and reads the lead again when someone else changed it', async () => {
      const { el, bff, fake } = await open(maxMuster({ listing: null }));
      await fill(el, 'Inserat', fakeListings[0].title);
      fake.refuseNext('assign', 409, 'lead_conflict', 'Jemand anderes hat diesen Interessenten inzwischen geändert.');
      const reads = () => bff.calls.filter((call) => call === `GET /api/staff/leads/${fakeLeadId(1)}`).length;
      expect(reads()).to.equal(1);
      await press(el, 'Zuordnen');
      await shows(el, 'Die Ansicht zeigt jetzt den aktuellen Stand');
      await waitUntil(() => reads() === 2, 'read again');
    });
  });

  it('keeps a place for the credit check, shown once something fills it', async () => {
    const { el } = await open(maxMuster({ status: 'besichtigt' }));
    expect(section(el, 'credit-check').hidden).to.equal(true);
    const check = document.createElement('div');
    check.slot = 'credit-check';
    check.textContent = 'Bonität: unauffällig';
    el.append(check);
    await waitUntil(() => !section(el, 'credit-check').hidden, 'credit check shown');
    expect(deepText(section(el, 'credit-check'))).to.contain('Bonitätsprüfung');
  });

  it('says so when the lead cannot be read, and reads it again on „Erneut versuchen“', async () => {
    const fake = new FakeLeads({ leads: [maxMuster()], failing: ['detail'] });
    const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: fake.routes });
    const el = await fixture<LeadDetail>(html`<lead-detail lead-id=${fakeLeadId(1)} .client=${bff.client()}></lead-detail>`);
    await shows(el, 'Der Interessent konnte nicht geladen werden.');
    fake.failing.clear();
    await press(el, 'Erneut versuchen');
    await shows(el, 'Verlauf');
  });

  it('reads a date and time as the housing company’s (Europe/Berlin), summer and winter', () => {
    expect(berlinDateTime('2026-03-19', '17:00')).to.equal('2026-03-19T17:00:00+01:00');
    expect(berlinDateTime('2026-07-01', '09:30')).to.equal('2026-07-01T09:30:00+02:00');
    expect(berlinDateTime('2026-03-29', '03:30')).to.equal('2026-03-29T03:30:00+02:00');
  });
});
