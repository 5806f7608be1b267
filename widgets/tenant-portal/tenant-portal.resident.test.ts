import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCaseFiling } from '../testing/fake-case-filing.ts';
import { FakeResidentCases, type FakeResidentCasesOptions } from '../testing/fake-resident-cases.ts';
import { FakeChat } from '../testing/fake-chat.ts';
import type { AttachmentPicker } from '../attachment-picker/attachment-picker.ts';
import type { TenantPortal } from './tenant-portal.ts';
import './tenant-portal.ts';
import { expectFocus } from '../testing/e2e-session.ts';

/** Waits like `waitUntil`, with room for a busy test machine. */
const until: typeof waitUntil = (predicate, message, options = {}) => waitUntil(predicate, message, { timeout: 5000, ...options });

const user = { role: 'resident' as const, displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } };

/** Anna is signed in; her cases and documents come from the fake. */
async function signedIn(options: FakeResidentCasesOptions = {}, lang = 'de', urlState = false) {
  const resident = new FakeResidentCases(options);
  const filing = new FakeCaseFiling();
  const chat = new FakeChat({ tokenDelay: 0, toolDelay: 0 });
  const bff = new FakeBff({ session: { state: 'signed_in', user }, routes: [...resident.routes, ...filing.routes, ...chat.routes] });
  const client = bff.client();
  const el = await fixture<TenantPortal>(
    html`<tenant-portal tenant="wohnbau-nord" lang=${lang} ?url-state=${urlState} .client=${client}></tenant-portal>`,
  );
  const page = new PortalPage(el);
  if (!urlState) await page.waitForHeading(lang === 'en' ? 'My requests' : 'Meine Anliegen');
  else await until(() => page.heading(), 'first view shown');
  return { el, bff, client, resident, filing, chat, page };
}

/** Reads and drives the resident area the way a person would. */
class PortalPage {
  constructor(readonly el: TenantPortal) {}

  get root(): ShadowRoot {
    return this.el.shadowRoot!;
  }

  heading(): string {
    return this.root.querySelector('#view-heading')?.textContent?.trim() ?? '';
  }

  async waitForHeading(text: string): Promise<void> {
    await until(() => this.heading() === text, `heading "${text}" expected, saw "${this.heading()}"`, { timeout: 3000 });
  }

  get list() {
    return this.root.querySelector('mp-case-list');
  }

  get detail() {
    return this.root.querySelector('mp-case-detail');
  }

  get inbox() {
    return this.root.querySelector('mp-document-inbox');
  }

  /** Visible text of the portal including the views inside it. */
  text(): string {
    const parts: string[] = [];
    const walk = (root: ShadowRoot) => {
      parts.push(root.textContent ?? '');
      for (const node of root.querySelectorAll('*')) if (node.shadowRoot) walk(node.shadowRoot);
    };
    walk(this.root);
    return parts.join(' ').replace(/\s+/g, ' ');
  }

  nav(label: string): HTMLButtonElement {
    const button = [...this.root.querySelectorAll<HTMLButtonElement>('nav button')].find((candidate) =>
      candidate.textContent.includes(label),
    );
    if (!button) throw new Error(`no navigation button "${label}"`);
    return button;
  }

  /** The accessible name of a navigation button: its text without what is hidden from screen readers. */
  navName(label: string): string {
    const button = this.nav(label).cloneNode(true) as HTMLElement;
    for (const hidden of button.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
    return button.textContent.replace(/\s+/g, ' ').trim();
  }

  button(root: ShadowRoot, label: string): HTMLButtonElement {
    const button = [...root.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent.includes(label));
    if (!button)
      throw new Error(`no button "${label}" in: ${[...root.querySelectorAll('button')].map((b) => b.textContent.trim()).join(' | ')}`);
    return button;
  }

  async openCase(title: string): Promise<void> {
    await until(() => this.list?.shadowRoot?.querySelector('button.open'), 'case list shown');
    this.button(this.list!.shadowRoot!, title).click();
    await until(() => this.detail?.shadowRoot?.querySelector('ol.timeline'), 'case detail shown', { timeout: 3000 });
    await this.detail!.updateComplete;
  }

  announcement(): string {
    return this.root.querySelector('[aria-live="polite"]')?.textContent?.trim() ?? '';
  }

  focused(): Element | null {
    return this.root.activeElement;
  }
}

describe('<tenant-portal> resident area', function () {
  // Several requests and lazily imported views per test, on a machine shared with other test pages.
  this.timeout(20_000);

  it('lists the own cases with number, type, title, status and last activity', async () => {
    const { el, page, bff } = await signedIn();
    await until(() => page.list, 'list shown');
    await page.list!.updateComplete;
    const cards = [...page.list!.shadowRoot!.querySelectorAll('li.case')].map((card) => card.textContent.replace(/\s+/g, ' ').trim());
    expect(cards).to.have.length(5);
    expect(cards[0])
      .to.contain('Nr. 2026-0178')
      .and.contain('Allgemeine Kontaktanfrage')
      .and.contain('Frage zur Betriebskostenabrechnung 2025');
    expect(cards[0]).to.contain('Eingegangen').and.contain('Letzte Aktivität vor 20 Minuten');
    expect(cards[1]).to.contain('Nr. 2026-0181').and.contain('Schadensmeldung').and.contain('Beauftragt').and.contain('vor 2 Stunden');
    expect(cards[4]).to.contain('Abgelehnt').and.contain('Letzte Aktivität am');
    expect(bff.calls).to.include.members(['GET /api/cases', 'GET /api/documents/unread-count', 'GET /api/cases/joined']);
    await expect(el).to.be.accessible();
  });

  it('keeps "Letzte Aktivität vor …" current while the page stays open', async () => {
    const realSetInterval = window.setInterval;
    const realNow = Date.now;
    const ticks: Array<() => void> = [];
    window.setInterval = ((handler: () => void, ms: number) => {
      if (ms === 60_000) ticks.push(handler);
      return realSetInterval(handler, ms);
    }) as typeof window.setInterval;
    try {
      const { page } = await signedIn();
      await until(() => page.list?.shadowRoot?.textContent?.includes('vor 20 Minuten'), 'fresh case');
      expect(ticks).to.have.length(1);
      Date.now = () => realNow() + 2 * 60 * 60_000;
      ticks[0]();
      await until(
        () => page.list!.shadowRoot!.querySelector('li.case')!.textContent.includes('Letzte Aktivität vor 2 Stunden'),
        'time moved on',
      );
    } finally {
      window.setInterval = realSetInterval;
      Date.now = realNow;
    }
  });

  it('shows the empty state with a way to file the first case', async () => {
    const { page } = await signedIn({ cases: 'empty' });
    await until(() => page.text().includes('Sie haben noch keine Anliegen.'), 'empty state');
    page.button(page.root, 'Neues Anliegen').click();
    await page.waitForHeading('Neues Anliegen');
  });

  it('shows that cases are loading', async () => {
    const { page } = await signedIn({ latency: 1500 });
    expect(page.root.querySelector('[part="loading"]')?.textContent).to.equal('Wird geladen …');
    await until(() => page.list, 'list after loading', { timeout: 4000 });
    expect(page.root.querySelector('[part="loading"]')).to.be.null;
  });

  it('reports a failed load and loads again on "Erneut versuchen"', async () => {
    const { el, page, resident } = await signedIn({ failing: ['cases'] });
    await until(() => page.root.querySelector('[role="alert"][part="failure"]'), 'failure shown');
    expect(page.root.querySelector('[part="failure"]')!.textContent)
      .to.contain('Ihre Anliegen konnten nicht geladen werden.')
      .and.contain('Der Dienst ist vorübergehend nicht verfügbar.');
    await expect(el).to.be.accessible();
    resident.failing.delete('cases');
    page.button(page.root, 'Erneut versuchen').click();
    await until(() => page.list, 'list after retry');
    expect(page.root.querySelector('[part="failure"]')).to.be.null;
  });

  it('loads further pages with "Weitere laden" and puts focus on the first new case', async () => {
    const { page, bff } = await signedIn({ cases: 25, pageSize: 10 });
    await until(() => page.list, 'list');
    const count = () => page.list!.shadowRoot!.querySelectorAll('li.case').length;
    expect(count()).to.equal(10);
    page.button(page.list!.shadowRoot!, 'Weitere laden').click();
    await until(() => count() === 20, 'second page');
    await page.list!.updateComplete;
    expect(page.list!.shadowRoot!.activeElement?.textContent).to.equal('Aufzug steht (11)');
    expect(bff.requests.filter((r) => r.path === '/api/cases').length).to.equal(2);
    page.button(page.list!.shadowRoot!, 'Weitere laden').click();
    await until(() => count() === 25, 'last page');
    expect(page.list!.shadowRoot!.querySelector('[part="load-more"]')).to.be.null;
  });

  it('opens a case with its history, messages and attachments; focus moves to its heading and back', async () => {
    const { el, page, client, resident } = await signedIn();
    await page.openCase('Wasserschaden · Bad');
    expect(page.heading()).to.equal('Anliegen 2026-0181: Wasserschaden · Bad');
    expect(page.focused()?.id).to.equal('view-heading');
    const detail = page.detail!.shadowRoot!;
    const timeline = [...detail.querySelectorAll('ol.timeline li')].map((item) => item.textContent.replace(/\s+/g, ' ').trim());
    expect(timeline.join(' | '))
      .to.contain('Anliegen eingegangen')
      .and.contain('Status: Beauftragt')
      .and.contain('Antwort Ihrer Hausverwaltung');
    expect(detail.textContent)
      .to.contain('Wir haben die Firma Klempnerei Jansen beauftragt.')
      .and.contain('Bad · Sanitär · Wasserschaden')
      .and.contain('Dringend');
    const record = resident.cases.find((item) => item.caseNumber === '2026-0181')!;
    const link = detail.querySelector<HTMLAnchorElement>('[part="attachments"] a')!;
    expect(link.textContent).to.equal('Foto-Bad.jpg');
    expect(link.href).to.equal(client.url(`/api/cases/${record.id}/attachments/000000a1${record.id.slice(8)}`));
    await expect(el).to.be.accessible();

    page.button(page.root, 'Zurück zu Meine Anliegen').click();
    await page.waitForHeading('Meine Anliegen');
    await el.updateComplete;
    expect(page.focused()?.id).to.equal('view-heading');
  });

  it('sends a message to an open case and shows it in the conversation', async () => {
    const { page, bff } = await signedIn();
    await page.openCase('Lärm im Treppenhaus nach 22 Uhr');
    const detail = page.detail!.shadowRoot!;
    page.button(detail, 'Senden').click();
    await page.detail!.updateComplete;
    expect(detail.querySelector('#message-error')!.textContent).to.equal(
      'Bitte schreiben Sie eine Nachricht oder hängen Sie eine Datei an.',
    );
    await expectFocus(detail, detail.querySelector('textarea'));
    expect(bff.calls.filter((call) => call.endsWith('/messages'))).to.be.empty;

    const textarea = detail.querySelector('textarea')!;
    textarea.value = 'Heute Nacht war es wieder bis 1 Uhr laut.';
    textarea.dispatchEvent(new Event('input'));
    page.button(detail, 'Senden').click();
    await until(() => detail.querySelector('.sent')?.textContent === 'Ihre Nachricht wurde gesendet.', 'sent confirmation');
    const post = bff.requests.find((request) => request.path.endsWith('/messages'))!;
    expect(post.body).to.deep.equal({ body: 'Heute Nacht war es wieder bis 1 Uhr laut.' });
    expect(textarea.value).to.equal('');
    await until(() => detail.textContent.includes('Heute Nacht war es wieder bis 1 Uhr laut.'), 'own message shown');
    expect(detail.textContent).to.contain('Ihre Nachricht');
  });

  it('sends files picked in the form with the message', async () => {
    const { page, bff } = await signedIn();
    await page.openCase('Wasserschaden · Bad');
    const detail = page.detail!.shadowRoot!;
    const picker = detail.querySelector<AttachmentPicker>('mp-attachment-picker')!;
    await picker.updateComplete;
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('#file-input')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(2048)], 'tropfen.jpg', { type: 'image/jpeg' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await until(() => picker.value.length === 1 && !picker.uploading, 'file uploaded');
    page.button(detail, 'Senden').click();
    await until(() => detail.querySelector('.sent')?.textContent, 'sent');
    const post = bff.requests.find((request) => request.path.endsWith('/messages'))!;
    expect(Object.keys(post.body!)).to.deep.equal(['attachmentIds']);
    expect(post.body!.attachmentIds).to.have.length(1);
    expect(picker.value).to.be.empty;
    await until(() => detail.querySelector('ol.timeline')!.textContent.includes('Sie haben eine Datei angehängt'), 'files in the history');
  });

  it('explains why nothing can be added to a closed case', async () => {
    const { el, page } = await signedIn();
    await page.openCase('Mieterbescheinigung');
    let detail = page.detail!.shadowRoot!;
    expect(detail.querySelector('textarea')).to.be.null;
    expect(detail.querySelector('[part="closed-notice"]')!.textContent).to.contain('Dieses Anliegen ist erledigt');
    await expect(el).to.be.accessible();

    page.button(page.root, 'Zurück zu Meine Anliegen').click();
    await page.openCase('Heizung · Wohnzimmer');
    detail = page.detail!.shadowRoot!;
    expect(detail.querySelector('[part="closed-notice"]')!.textContent).to.contain('wurde abgelehnt');
    expect(detail.textContent).to.contain('Etagenheizung');
  });

  it('shows the refusal when the case was closed while the resident was writing', async () => {
    const { page, resident } = await signedIn();
    await page.openCase('Lärm im Treppenhaus nach 22 Uhr');
    const record = resident.cases.find((item) => item.caseNumber === '2026-0180')!;
    resident.setStatus(record.id, 'erledigt', 'Die Hausordnung wurde allen Parteien zugestellt.');
    const detail = page.detail!.shadowRoot!;
    const textarea = detail.querySelector('textarea')!;
    textarea.value = 'Noch eine Frage';
    page.button(detail, 'Senden').click();
    await until(() => detail.querySelector('[part="closed-notice"]'), 'closed after refusal');
    expect(page.root.querySelector('mp-case-detail')!.sendError).to.contain('abgeschlossen');
  });

  it('counts unread documents in the navigation, lists them and marks one read when opened', async () => {
    const { el, page, bff, client, resident } = await signedIn();
    await until(() => page.navName('Meine Dokumente') === 'Meine Dokumente, 2 ungelesen', 'badge');
    expect(page.nav('Meine Dokumente').querySelector('[part="unread-badge"]')!.textContent).to.equal('2');
    page.nav('Meine Dokumente').click();
    await page.waitForHeading('Meine Dokumente');
    await el.updateComplete;
    expect(page.focused()?.id).to.equal('view-heading');
    expect(page.nav('Meine Dokumente').getAttribute('aria-current')).to.equal('page');
    await until(() => page.inbox, 'inbox');
    await page.inbox!.updateComplete;
    const inbox = page.inbox!.shadowRoot!;
    const first = inbox.querySelector('li.document')!.textContent.replace(/\s+/g, ' ');
    expect(first).to.contain('Bescheinigung').and.contain('zu Anliegen 2026-0179').and.contain('Neu').and.contain('Mieterbescheinigung');
    expect(inbox.textContent).to.contain('Betriebskostenabrechnung').and.contain('Vertrag');
    expect(inbox.querySelectorAll('[part="unread"]')).to.have.length(2);
    await expect(el).to.be.accessible();

    const link = inbox.querySelector<HTMLAnchorElement>('a[part="download"]')!;
    expect(link.href).to.equal(client.url(`/api/documents/${resident.documents[0].id}/file`));
    link.addEventListener('click', (event) => event.preventDefault());
    link.click();
    await until(() => page.navName('Meine Dokumente') === 'Meine Dokumente, 1 ungelesen', 'badge dropped');
    expect(bff.calls).to.include(`POST /api/documents/${resident.documents[0].id}/read`);
    await page.inbox!.updateComplete;
    expect(inbox.querySelectorAll('[part="unread"]')).to.have.length(1);
  });

  it('shows an empty document inbox and a failure with retry', async () => {
    const { page, resident } = await signedIn({ documents: 'empty' });
    page.nav('Meine Dokumente').click();
    await until(() => page.text().includes('Sie haben noch keine Dokumente.'), 'empty inbox');
    expect(page.nav('Meine Dokumente').querySelector('[part="unread-badge"]')).to.be.null;

    resident.failing.add('documents');
    resident.documents = [];
    page.nav('Meine Anliegen').click();
    const again = await signedIn({ failing: ['documents'] });
    again.page.nav('Meine Dokumente').click();
    await until(() => again.page.root.querySelector('[part="failure"]'), 'documents failure');
    expect(again.page.root.querySelector('[part="failure"]')!.textContent).to.contain('Ihre Dokumente konnten nicht geladen werden.');
    again.resident.failing.delete('documents');
    again.page.button(again.page.root, 'Erneut versuchen').click();
    await until(() => again.page.inbox, 'inbox after retry');
  });

  it('opens the assistant under "Assistent": its code loads on first use, it uses the portal\'s session', async () => {
    const { page, bff } = await signedIn();
    expect(customElements.get('tenant-chat'), 'not loaded with the portal').to.equal(undefined);
    page.nav('Assistent').click();
    await page.waitForHeading('Assistent');
    await until(() => page.root.querySelector('tenant-chat')?.shadowRoot?.querySelector('[part="notice"]'), 'notice shown');
    expect(page.text()).to.contain('Datenschutzhinweis zum Assistenten');
    expect(
      bff.calls.filter((call) => call === 'GET /api/session'),
      'the chat takes the session from the portal',
    ).to.have.length(1);
    expect(page.nav('Assistent').getAttribute('aria-current')).to.equal('page');
  });

  it('shows the damages the resident joined', async () => {
    const { page } = await signedIn({
      joined: [
        {
          caseNumber: '2026-0150',
          damageLocation: 'Treppenhaus',
          damageCategory: 'Elektrik',
          damageKind: 'Beleuchtung defekt',
          status: 'beauftragt',
          reportedAt: new Date(Date.now() - 5 * 86_400_000).toISOString(),
          joinedAt: new Date().toISOString(),
        },
      ],
    });
    await until(() => page.root.querySelector('[part="joined"]'), 'joined list');
    const joined = page.root.querySelector('[part="joined"]')!.textContent.replace(/\s+/g, ' ');
    expect(joined)
      .to.contain('Mitgemeldete Schäden')
      .and.contain('Beleuchtung defekt')
      .and.contain('Nr. 2026-0150')
      .and.contain('Beauftragt');
  });

  it('reads the joined damages again when returning to "Meine Anliegen" (joining happens in the damage form)', async () => {
    const { page, resident } = await signedIn();
    await until(() => page.list, 'list');
    expect(page.root.querySelector('[part="joined"]')).to.be.null;
    page.nav('Neues Anliegen').click();
    await page.waitForHeading('Neues Anliegen');
    resident.joined = [
      {
        caseNumber: '2026-0171',
        damageLocation: 'Wohnung',
        damageCategory: 'Heizung und Warmwasser',
        damageKind: 'Kein Warmwasser',
        status: 'in_bearbeitung',
        reportedAt: new Date().toISOString(),
        joinedAt: new Date().toISOString(),
      },
    ];
    page.nav('Meine Anliegen').click();
    await until(() => page.root.querySelector('[part="joined"]')?.textContent?.includes('Kein Warmwasser'), 'joined damage shown');
  });

  describe('live updates', () => {
    it('subscribes while signed in and stops on sign-out', async () => {
      const { bff, page } = await signedIn();
      expect(bff.live.subscribers).to.equal(1);
      const bar = page.root.querySelector('mp-account-bar')!;
      [...bar.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent.trim() === 'Abmelden')!.click();
      await until(() => page.root.querySelector('mp-sign-in-flow'), 'signed out');
      expect(bff.live.subscribers).to.equal(0);
    });

    it('unsubscribes when the portal leaves the page', async () => {
      const { bff, el } = await signedIn();
      el.remove();
      expect(bff.live.subscribers).to.equal(0);
    });

    it('updates a status in the list and the open case, and announces it politely', async () => {
      const { page, bff, resident } = await signedIn();
      const record = resident.cases.find((item) => item.caseNumber === '2026-0180')!;
      await until(() => page.list, 'list');
      bff.live.emit('case:updated', resident.setStatus(record.id, 'beauftragt'));
      await until(() => page.announcement() === 'Anliegen 2026-0180: Status jetzt „Beauftragt“.', 'announced');
      await page.list!.updateComplete;
      const card = [...page.list!.shadowRoot!.querySelectorAll('li.case')].find((item) => item.textContent.includes('2026-0180'))!;
      expect(card.querySelector('[part="status"]')!.textContent).to.equal('Beauftragt');
      // Sighted residents see it too: a highlighted notice above the list, and the case highlighted in it.
      const notice = () => page.root.querySelector('mp-status-notice')?.shadowRoot?.querySelector<HTMLElement>('[part="notice"]');
      await until(() => notice(), 'visible notice');
      expect(notice()!.querySelector('.text')!.textContent.replace(/\s+/g, ' ').trim()).to.equal(
        'Neuigkeit zu Ihrem Anliegen Anliegen 2026-0180: Status jetzt „Beauftragt“.',
      );
      expect(notice()!.getBoundingClientRect().height).to.be.greaterThan(0);
      expect(notice()!.closest('[aria-live],[role=status]')).to.equal(null);
      expect(card.hasAttribute('data-highlight')).to.equal(true);
      await expect(page.el).to.be.accessible();
      notice()!.querySelector<HTMLButtonElement>('[part="dismiss"]')!.click();
      await until(() => !page.root.querySelector('mp-status-notice'), 'closed');

      await page.openCase('Lärm im Treppenhaus nach 22 Uhr');
      const detailLoads = () => bff.calls.filter((call) => call === `GET /api/cases/${record.id}`).length;
      const before = detailLoads();
      bff.live.emit('case:updated', resident.setStatus(record.id, 'erledigt', 'Wir haben alle Parteien angeschrieben.'));
      await until(() => page.detail!.shadowRoot!.querySelector('[part="closed-notice"]'), 'detail reloaded');
      expect(detailLoads()).to.equal(before + 1);
      expect(page.detail!.shadowRoot!.textContent).to.contain('Wir haben alle Parteien angeschrieben.').and.contain('Status: Erledigt');
      expect(page.heading()).to.equal('Anliegen 2026-0180: Lärm im Treppenhaus nach 22 Uhr');
      await until(() => notice()?.textContent?.includes('Status jetzt „Erledigt“'), 'visible in the open case too');
    });

    it('announces a reply from the housing company', async () => {
      const { page, bff, resident } = await signedIn();
      await until(() => page.list, 'list');
      bff.live.emit('case:updated', resident.reply(resident.cases[0].id, 'Der Posten setzt sich aus …'));
      await until(() => page.announcement() === 'Neue Antwort zu Anliegen 2026-0178.', 'announced');
    });

    it('moves a case the housing company answered to the top of "Meine Anliegen" with "Neu" until it is opened', async () => {
      const { page, bff, resident } = await signedIn();
      await until(() => page.list, 'list');
      const oldest = resident.cases.at(-1)!;
      const cards = () => [...page.list!.shadowRoot!.querySelectorAll<HTMLElement>('li.case')];
      expect(cards()[0].textContent).not.to.contain(oldest.title);
      bff.live.emit('case:updated', resident.reply(oldest.id, 'Wir haben den Heizkörper entlüftet.'));
      await until(() => cards()[0].textContent.includes(oldest.title), 'moved to the top');
      expect(cards()[0].querySelector('[part="news"]')!.textContent).to.contain('Neu');

      await page.openCase(oldest.title);
      page.button(page.root, 'Zurück zu Meine Anliegen').click();
      await until(() => page.list, 'list again');
      await page.list!.updateComplete;
      expect(cards()[0].textContent).to.contain(oldest.title);
      expect(cards()[0].querySelector('[part="news"]')).to.be.null;
    });

    it('adds a published document to the inbox and the badge', async () => {
      const { page, bff, resident } = await signedIn();
      page.nav('Meine Dokumente').click();
      await until(() => page.inbox, 'inbox');
      bff.live.emit('document:published', resident.publish({ title: 'Einladung zur Mieterversammlung', category: 'letter' }));
      await until(() => page.navName('Meine Dokumente') === 'Meine Dokumente, 3 ungelesen', 'badge up');
      await until(() => page.announcement() === 'Neues Dokument: Einladung zur Mieterversammlung.', 'announced');
      await page.inbox!.updateComplete;
      expect(page.inbox!.shadowRoot!.querySelector('li.document')!.textContent).to.contain('Einladung zur Mieterversammlung');
    });

    it('updates a joined damage', async () => {
      const { page, bff, resident } = await signedIn({ joined: [] });
      const incident = {
        caseNumber: '2026-0150',
        damageLocation: 'Treppenhaus',
        damageCategory: 'Elektrik',
        damageKind: 'Beleuchtung defekt',
        status: 'erledigt' as const,
        reportedAt: new Date().toISOString(),
        joinedAt: new Date().toISOString(),
      };
      resident.joined = [incident];
      bff.live.emit('incident:updated', { change: 'status_changed', incident });
      await until(() => page.announcement() === 'Mitgemeldeter Schaden 2026-0150: Status jetzt „Erledigt“.', 'announced');
      // The list of joined damages renders after the announcement (its own update): wait for it, do not race it.
      await until(() => !!page.root.querySelector('[part="joined"]')?.textContent?.includes('Erledigt'), 'joined list updated');
    });

    it('reloads what is shown after reconnecting', async () => {
      const { page, bff, resident } = await signedIn();
      await until(() => page.list, 'list');
      resident.file({ type: 'complaint', title: 'Müllraum nicht abgeschlossen' });
      resident.publish({ title: 'Wasserabstellung am Dienstag' });
      bff.live.emit('live:connected');
      await until(() => page.list!.shadowRoot!.textContent.includes('Müllraum nicht abgeschlossen'), 'missed case loaded');
      await until(() => page.navName('Meine Dokumente') === 'Meine Dokumente, 3 ungelesen', 'unread count reloaded');
    });

    it('shows that the connection is being restored, in a polite live region that moves nothing, until it is back', async () => {
      const { page, bff } = await signedIn();
      await until(() => page.list, 'list');
      const status = () => page.root.querySelector('.live-status[role="status"][aria-live="polite"]')!;
      const listTop = page.list!.getBoundingClientRect().top;
      bff.live.emit('live:interrupted');
      await until(() => status().textContent.trim() === 'Verbindung unterbrochen – wird wiederhergestellt', 'interruption shown');
      expect(page.list!.getBoundingClientRect().top).to.equal(listTop, 'the list did not move');
      await expect(page.el).to.be.accessible();
      bff.live.emit('live:connected');
      await until(() => status().textContent.trim() === '', 'interruption cleared');
    });

    it('says it in the page language', async () => {
      const { page, bff } = await signedIn();
      await until(() => page.list, 'list');
      page.el.setAttribute('lang', 'uk');
      bff.live.emit('live:interrupted');
      await until(
        () => page.root.querySelector('.live-status')!.textContent.trim() === 'З’єднання перервано – відновлюється',
        'interruption in Ukrainian',
      );
    });
  });

  it('is usable with the keyboard: navigation buttons, opening a case', async () => {
    const { page } = await signedIn();
    await until(() => page.list, 'list');
    page.nav('Neues Anliegen').focus();
    await sendKeys({ press: 'Enter' });
    await page.waitForHeading('Neues Anliegen');
    await page.el.updateComplete;
    expect(page.focused()?.id).to.equal('view-heading');
    page.nav('Meine Anliegen').focus();
    await sendKeys({ press: 'Space' });
    await page.waitForHeading('Meine Anliegen');
    await until(() => page.list?.shadowRoot?.querySelector('button.open'), 'list');
    page.list!.shadowRoot!.querySelector<HTMLButtonElement>('button.open')!.focus();
    await sendKeys({ press: 'Enter' });
    await page.waitForHeading('Anliegen 2026-0178: Frage zur Betriebskostenabrechnung 2025');
  });

  it('fits a 320 px wide phone without sideways scrolling, long texts included', async () => {
    const resident = new FakeResidentCases({ long: true });
    const bff = new FakeBff({ session: { state: 'signed_in', user }, routes: resident.routes });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><tenant-portal tenant="wohnbau-nord" .client=${bff.client()}></tenant-portal></div>`,
    );
    const el = wrapper.querySelector('tenant-portal')!;
    const page = new PortalPage(el);
    await until(() => page.list?.shadowRoot?.querySelector('li.case'), 'list');
    const fits = (root: Element) => root.scrollWidth <= root.clientWidth;
    expect(fits(el), 'portal').to.be.true;
    expect(fits(page.list!), 'list').to.be.true;
    await page.openCase(resident.cases[1].title);
    expect(fits(el), 'portal with a case').to.be.true;
    expect(fits(page.detail!), 'case').to.be.true;
    page.nav('Meine Dokumente').click();
    await until(() => page.inbox?.shadowRoot?.querySelector('li.document'), 'inbox');
    expect(fits(el), 'portal with documents').to.be.true;
    expect(fits(page.inbox!), 'documents').to.be.true;
  });

  it('speaks English with lang="en"', async () => {
    const { el, page } = await signedIn({}, 'en');
    await until(() => page.list, 'list');
    await page.list!.updateComplete;
    const text = page.text();
    expect(text)
      .to.contain('No. 2026-0181')
      .and.contain('Damage report')
      .and.contain('Commissioned')
      .and.contain('Last activity 2 hours ago');
    expect(page.navName('My documents')).to.equal('My documents, 2 unread');
    await page.openCase('Wasserschaden · Bad');
    expect(page.heading()).to.equal('Request 2026-0181: Wasserschaden · Bad');
    expect(page.detail!.shadowRoot!.textContent).to.contain('History').and.contain('Add a message or files');
    await expect(el).to.be.accessible();
  });

  describe('with url-state', () => {
    const pageUrl = location.href;
    afterEach(() => history.replaceState(null, '', pageUrl));

    /** The portal's parameters in the page URL. */
    const parameters = () => [...new URLSearchParams(location.search)].filter(([name]) => name.startsWith('mp-'));

    it('puts an opened case into the URL, shows it again after a reload and closes it on Back', async () => {
      history.replaceState(null, '', '?seite=mieterportal&utm_source=brief%20M%C3%A4rz');
      const first = await signedIn({}, 'de', true);
      const record = first.resident.cases.find((item) => item.caseNumber === '2026-0181')!;
      expect(parameters()).to.deep.equal([]);
      await first.page.openCase('Wasserschaden · Bad');
      expect(location.search).to.equal(`?seite=mieterportal&utm_source=brief%20M%C3%A4rz&mp-case=${record.id}`);

      first.el.remove();
      const reloaded = await signedIn({}, 'de', true);
      await reloaded.page.waitForHeading('Anliegen 2026-0181: Wasserschaden · Bad');
      await until(() => reloaded.page.detail?.shadowRoot?.querySelector('ol.timeline'), 'case detail shown');
      expect(reloaded.page.focused(), 'no focus taken on load').to.equal(null);

      history.back();
      await reloaded.page.waitForHeading('Meine Anliegen');
      expect(location.search).to.equal('?seite=mieterportal&utm_source=brief%20M%C3%A4rz');
      history.forward();
      await reloaded.page.waitForHeading('Anliegen 2026-0181: Wasserschaden · Bad');
    });

    it('gives "Meine Dokumente" and each filing form an address', async () => {
      const { el, page } = await signedIn({}, 'de', true);
      page.nav('Meine Dokumente').click();
      await page.waitForHeading('Meine Dokumente');
      expect(parameters()).to.deep.equal([['mp-view', 'documents']]);
      page.nav('Neues Anliegen').click();
      await page.waitForHeading('Neues Anliegen');
      page.button(page.root, 'Meldung/Beschwerde').click();
      await until(() => page.root.querySelector('mp-case-request-form'), 'request form');
      expect(parameters()).to.deep.equal([
        ['mp-view', 'new'],
        ['mp-type', 'complaint'],
      ]);

      el.remove();
      const reloaded = await signedIn({}, 'de', true);
      await until(() => reloaded.page.root.querySelector('mp-case-request-form[case-type="complaint"]'), 'the same form after reload');
      history.back();
      await until(() => !reloaded.page.root.querySelector('mp-case-request-form'), 'type choice again');
      expect(reloaded.page.heading()).to.equal('Neues Anliegen');
      history.back();
      await reloaded.page.waitForHeading('Meine Dokumente');
    });

    it('leaves the URL alone without url-state, and to the first of two portals with it', async () => {
      const plain = await signedIn();
      await plain.page.openCase('Wasserschaden · Bad');
      expect(parameters()).to.deep.equal([]);
      plain.el.remove();

      const warn = console.warn;
      const warnings: unknown[] = [];
      console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
      try {
        const owner = await signedIn({}, 'de', true);
        const second = await signedIn({}, 'de', true);
        expect(warnings).to.have.length(1);
        await second.page.openCase('Wasserschaden · Bad');
        expect(parameters()).to.deep.equal([]);
        await owner.page.openCase('Lärm im Treppenhaus nach 22 Uhr');
        expect(parameters().map(([name]) => name)).to.deep.equal(['mp-case']);
      } finally {
        console.warn = warn;
      }
    });
  });

  it("shows the housing company's emergency numbers in the damage form's emergency hint", async () => {
    const { page, bff } = await signedIn();
    await until(() => page.list, 'list');
    page.nav('Neues Anliegen').click();
    await page.waitForHeading('Neues Anliegen');
    page.button(page.root, 'Schadensmeldung').click();
    await until(() => page.root.querySelector('damage-report-form')?.shadowRoot?.querySelector('form'), 'damage form', { timeout: 5000 });
    const form = page.root.querySelector('damage-report-form')!;
    form.shadowRoot!.querySelector<HTMLInputElement>('input[value=emergency]')!.click();
    await until(() => form.shadowRoot!.querySelector('[part=emergency-number]'), 'emergency numbers');
    expect(bff.calls).to.include('GET /api/tenants/wohnbau-nord/contact');
    expect(form.shadowRoot!.querySelector('[part=emergency-hint]')!.textContent.replace(/\s+/g, ' ')).to.contain(
      'Aufzug-Notruf: 040 123 457',
    );
  });

  it('files through the form of the chosen type and shows the new case first in the list', async () => {
    const { page, el, resident } = await signedIn();
    await until(() => page.list, 'list');
    page.nav('Neues Anliegen').click();
    await page.waitForHeading('Neues Anliegen');
    const types = [...page.root.querySelectorAll('[part="case-type"]')].map((button) => button.querySelector('strong')!.textContent);
    expect(types).to.deep.equal(['Schadensmeldung', 'Meldung/Beschwerde', 'Allgemeine Kontaktanfrage', 'Dokumentenanforderung']);
    await expect(el).to.be.accessible();

    page.button(page.root, 'Meldung/Beschwerde').click();
    await until(() => page.root.querySelector('mp-case-request-form'), 'request form');
    const requestForm = page.root.querySelector('mp-case-request-form')!;
    expect(requestForm.getAttribute('case-type')).to.equal('complaint');
    expect(requestForm.hasAttribute('fixed-type')).to.be.true;
    // Each step starts where the resident acts: the first field of the form, not its heading.
    await until(() => requestForm.shadowRoot?.activeElement?.id === 'title', 'focus on the subject field');
    expect(page.focused()).to.equal(requestForm);
    page.button(page.root, 'Andere Art wählen').click();
    await el.updateComplete;
    await until(() => page.focused()?.getAttribute('part') === 'case-type', 'focus on the first type');
    expect(page.focused()!.textContent).to.contain('Schadensmeldung');
    page.button(page.root, 'Schadensmeldung').click();
    await until(() => page.root.querySelector('damage-report-form')?.shadowRoot, 'damage form', { timeout: 5000 });
    const form = page.root.querySelector('damage-report-form')!;
    await until(() => form.shadowRoot!.activeElement?.id === 'damageLocationId', 'focus on "Schadensort" once the catalogue is here');
    expect((form as unknown as { client: unknown }).client).to.equal((el as unknown as { apiClient: unknown }).apiClient);

    const filed = {
      ...resident.cases[1],
      id: '0000000c-0000-4000-8000-000000000999',
      caseNumber: '2026-0183',
      title: 'Klingel defekt',
      status: 'eingegangen' as const,
    };
    setTimeout(() => form.dispatchEvent(new CustomEvent('mp-case-submitted', { detail: { case: filed }, bubbles: true, composed: true })));
    await oneEvent(el, 'mp-case-submitted');
    await page.waitForHeading('Meine Anliegen');
    const receipt = page.root.querySelector('[part="filed-notice"]')!.textContent;
    expect(receipt).to.match(/^Ihr Anliegen 2026-0183 ist eingegangen am \d{1,2}\. \S+ \d{4} um \d{2}:\d{2} Uhr\.$/);
    await until(() => page.announcement() === receipt, 'announced');
    await page.list!.updateComplete;
    const first = page.list!.shadowRoot!.querySelector('li.case')!;
    expect(first.textContent).to.contain('Klingel defekt');
    expect(first.hasAttribute('data-highlight')).to.be.true;
  });
});
