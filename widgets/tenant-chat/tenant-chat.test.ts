import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCaseFiling } from '../testing/fake-case-filing.ts';
import { FakeChat, type FakeChatOptions } from '../testing/fake-chat.ts';
import type { Session } from '../internal/api-client.ts';
import type { AttachmentPicker } from '../attachment-picker/attachment-picker.ts';
import type { TenantChat } from './tenant-chat.ts';
import './tenant-chat.ts';
import { expectFocus } from '../testing/e2e-session.ts';

const session: Session = {
  state: 'signed_in',
  user: { role: 'resident', displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
};

function setUp(options: FakeChatOptions = {}, bffSession: Session = session) {
  const chat = new FakeChat({ tokenDelay: 5, toolDelay: 50, ...options });
  const filing = new FakeCaseFiling();
  const bff = new FakeBff({ session: bffSession, routes: [...chat.routes, ...filing.routes] });
  return { chat, filing, bff, client: bff.client() };
}

const $ = <T extends Element = HTMLElement>(el: TenantChat, selector: string) => el.shadowRoot!.querySelector<T>(selector);
const text = (el: TenantChat) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');
const live = (el: TenantChat) => $(el, '[role="status"][aria-live="polite"]')!.textContent.trim();
const button = (el: TenantChat, label: string) =>
  [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find((candidate) => candidate.textContent.trim().includes(label));

async function shows(el: TenantChat, what: string, timeout = 3000): Promise<void> {
  await waitUntil(() => text(el).includes(what), `shows “${what}”: ${text(el)}`, { timeout });
}

async function open(options: FakeChatOptions = {}, lang = 'de') {
  const setup = setUp(options);
  const el = await fixture<TenantChat>(html`<tenant-chat lang=${lang} .client=${setup.client}></tenant-chat>`);
  return { ...setup, el };
}

/** Types into the message field and sends with Enter, as a resident does. */
async function ask(el: TenantChat, question: string): Promise<void> {
  const input = $<HTMLTextAreaElement>(el, 'textarea')!;
  input.focus();
  input.value = question;
  input.dispatchEvent(new Event('input'));
  await el.updateComplete;
  await sendKeys({ press: 'Enter' });
}

const idle = (el: TenantChat) => waitUntil(() => !$(el, '[part="stop"]') && $(el, '[part="send"]'), 'answer ended', { timeout: 5000 });

describe('<tenant-chat>', () => {
  it('asks a visitor who is not signed in to sign in', async () => {
    const { client } = setUp({}, { state: 'anonymous' });
    const el = await fixture<TenantChat>(html`<tenant-chat .client=${client}></tenant-chat>`);
    await shows(el, 'Bitte melden Sie sich im Mieterportal an');
    expect($(el, 'textarea')).to.equal(null);
  });

  it('shows the Art. 13 notice first: nothing can be sent before "Verstanden", which acknowledges that version', async () => {
    const { el, bff, chat } = await open();
    await shows(el, 'Datenschutzhinweis zum Assistenten');
    expect(text(el)).to.contain('Verantwortlich für die Verarbeitung ist Ihre Hausverwaltung');
    expect(text(el)).to.contain('Offline-Assistent');
    expect($(el, 'textarea'), 'no message field before the notice is acknowledged').to.equal(null);
    await expect(el).to.be.accessible();

    button(el, 'Verstanden')!.click();
    await waitUntil(() => $(el, 'textarea'), 'message field after acknowledging');
    const acknowledge = bff.requests.find((request) => request.path === '/api/chat/notice/acknowledge');
    expect(acknowledge?.body).to.deep.equal({ version: chat.notice.version });
    await expectFocus(el.shadowRoot!, $(el, 'textarea'), 'the field has focus');
    expect(text(el)).to.contain('Wann kommt meine Nebenkostenabrechnung?');
  });

  it('streams the answer token by token with the tool state, and the live region reads whole sentences only', async () => {
    const { el } = await open({ acknowledged: true, tokenDelay: 60, toolDelay: 300 });
    await waitUntil(() => $(el, 'textarea'));
    await ask(el, 'Wann kommt meine Nebenkostenabrechnung?');

    await waitUntil(() => $(el, '[part="typing"]')?.textContent.includes('Ich sehe in Ihrem Mietverhältnis nach …'), 'tool state');
    expect($(el, '[part="stop"]'), 'a stop button while the answer runs').to.exist;
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value, 'the sent text left the field').to.equal('');

    // Part of the first sentence is shown, but not yet read out.
    await waitUntil(() => text(el).includes('Ihre Nebenkostenabrechnung für'), 'first tokens');
    expect(text(el)).not.to.contain('§ 556');
    expect(live(el)).not.to.contain('Ihre Nebenkostenabrechnung');

    await waitUntil(() => live(el).includes('spätestens am 31.12.2026 vorliegen.'), 'first sentence announced', { timeout: 5000 });
    expect(live(el)).to.equal(
      'Ihre Nebenkostenabrechnung für den Zeitraum 01.01.2025 bis 31.12.2025 muss Ihnen spätestens am 31.12.2026 vorliegen.',
    );
    await idle(el);
    expect(live(el)).to.equal('Das regelt § 556 Abs. 3 BGB.');
    expect(text(el)).to.contain('muss Ihnen spätestens am 31.12.2026 vorliegen. Das regelt § 556 Abs. 3 BGB.');
    await expect(el).to.be.accessible();
  });

  it('stops a running answer: POST stop, the reading ends, the text so far stays marked as stopped', async () => {
    const { el, bff } = await open({ acknowledged: true, tokenDelay: 150, toolDelay: 0 });
    await waitUntil(() => $(el, 'textarea'));
    await ask(el, 'Hallo, was können Sie?');
    await waitUntil(() => text(el).includes('Das kann ich'), 'answer started');
    $<HTMLButtonElement>(el, '[part="stop"]')!.click();
    await idle(el);
    // The reading ends at once; the stop request may still be fetching its CSRF token.
    await waitUntil(() => bff.calls.some((call) => call.endsWith('/stop')), 'POST …/stop sent');
    expect(bff.calls.filter((call) => call.endsWith('/stop'))).to.have.length(1);
    expect(text(el)).to.contain('Antwort gestoppt.');
    expect(text(el)).not.to.contain('Hausverwaltung.');
    expect(live(el)).to.contain('Antwort gestoppt.');
  });

  it('prepares a damage report as a draft card; "Schadensmeldung absenden" sends it with the photos and shows the case number', async () => {
    const { el, chat } = await open({ acknowledged: true });
    await waitUntil(() => $(el, 'textarea'));
    await ask(el, 'Bei mir tropft die Küchenarmatur');
    await waitUntil(() => $(el, '[part="draft"]'), 'draft card');
    await idle(el);
    const card = $(el, '[part="draft"]')!;
    expect(card.textContent).to.contain('Entwurf: Schadensmeldung').and.contain('Wasserhahn tropft').and.contain('Sanitär');
    expect(chat.confirmed, 'nothing is filed before the resident sends it').to.deep.equal([]);

    const picker = card.querySelector<AttachmentPicker>('mp-attachment-picker')!;
    const input = picker.shadowRoot!.querySelector<HTMLInputElement>('input[type=file]')!;
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(2048)], 'armatur.jpg', { type: 'image/jpeg' }));
    input.files = transfer.files;
    input.dispatchEvent(new Event('change'));
    await waitUntil(() => picker.value.length === 1 && !picker.uploading, 'photo uploaded');

    button(el, 'Schadensmeldung absenden')!.click();
    await waitUntil(() => $(el, '[part="draft-sent"]'), 'sent');
    expect(chat.confirmed).to.have.length(1);
    expect(chat.confirmed[0].attachmentIds, 'the uploaded photo goes along').to.have.length(1);
    expect($(el, '[part="draft-sent"]')!.textContent)
      .to.contain('Gesendet als Anliegen 2026-0300.')
      .and.contain('Die zuständige Sachbearbeitung und der Hausmeister-Bereich „Nord 2 (Herr Krause)“ sind informiert.')
      .and.match(/Ihre Hausverwaltung sieht es sich bis .*2026.* an\./);
    expect(live(el)).to.contain('Gesendet als Anliegen 2026-0300. Die zuständige Sachbearbeitung');
    expect(button(el, 'Schadensmeldung absenden'), 'sent once').to.equal(undefined);
    await expect(el).to.be.accessible();
  });

  it('offers a callback draft with "Rückruf anfordern" and document cards with download links', async () => {
    const { el, chat } = await open({ acknowledged: true });
    await waitUntil(() => $(el, 'textarea'));
    await ask(el, 'Welche Dokumente habe ich?');
    await idle(el);
    const link = $<HTMLAnchorElement>(el, '[part="documents"] a')!;
    expect(link.textContent).to.equal('Betriebskostenabrechnung 2024');
    expect(link.getAttribute('href')).to.match(/\/api\/documents\/0000000f-0000-4000-8000-000000000001\/file$/);

    await ask(el, 'Bitte um Rückruf wegen der Miete');
    await waitUntil(() => button(el, 'Rückruf anfordern'), 'callback card');
    button(el, 'Rückruf anfordern')!.click();
    await waitUntil(() => $(el, '[part="draft-sent"]'), 'callback sent');
    expect(chat.confirmed).to.have.length(1);
    expect(text(el)).to.contain('Gesendet als Anliegen').and.contain('Das Team Ihrer Hausverwaltung ist informiert.');
  });

  it('turns an unanswered question into a request: the card shows the question and the part of the chat that goes with it, "Anfrage senden" files it', async () => {
    const { el, chat } = await open({ acknowledged: true });
    await waitUntil(() => $(el, 'textarea'));
    await ask(el, 'Darf ich auf dem Balkon grillen?');
    await idle(el);
    expect(text(el)).to.contain('Das kann ich leider nicht beantworten.');
    await ask(el, 'Ja bitte');
    await waitUntil(() => button(el, 'Anfrage senden'), 'request card');
    const card = $(el, '[part="draft"]')!;
    expect(card.textContent).to.contain('Entwurf: Anfrage an Ihre Hausverwaltung');
    expect(card.textContent).to.contain('Darf ich auf dem Balkon grillen?');
    const excerpt = $(el, '[part="draft-excerpt"]')!;
    expect(excerpt.textContent).to.contain('Mieter/in: Darf ich auf dem Balkon grillen?');
    expect(getComputedStyle(excerpt).whiteSpace).to.equal('pre-line');
    expect(chat.confirmed).to.have.length(0);
    button(el, 'Anfrage senden')!.click();
    await waitUntil(() => $(el, '[part="draft-sent"]'), 'request sent');
    expect(chat.confirmed).to.have.length(1);
    expect(text(el)).to.contain('Gesendet als Anliegen');
  });

  const refusals: Array<[NonNullable<FakeChatOptions['refuse']>, string]> = [
    ['chat_busy', 'Der Assistent antwortet noch. Bitte warten Sie die Antwort ab oder stoppen Sie sie.'],
    ['chat_budget_exhausted', 'Der Assistent ist in diesem Monat nicht mehr verfügbar.'],
    ['rate_limited', 'Sie haben in einer Minute 10 Nachrichten an den Assistenten geschickt.'],
  ];
  for (const [code, words] of refusals) {
    it(`a refused message (${code}) says why in German and keeps the text in the field`, async () => {
      const { el } = await open({ acknowledged: true, refuse: code });
      await waitUntil(() => $(el, 'textarea'));
      await ask(el, 'Wann kommt meine Nebenkostenabrechnung?');
      await waitUntil(() => $(el, '[role="alert"]'), 'alert');
      expect($(el, '[role="alert"]')!.textContent).to.contain(words);
      expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('Wann kommt meine Nebenkostenabrechnung?');
      expect(live(el)).to.contain(words);
    });
  }

  it('an overloaded model ends the answer with "Der Assistent ist gerade überlastet …"', async () => {
    const { el, chat } = await open({ acknowledged: true, streamError: 'model_overloaded' });
    await waitUntil(() => $(el, 'textarea'));
    await ask(el, 'Wie ist der Stand meiner Anliegen?');
    await idle(el);
    expect(text(el)).to.contain('Der Assistent ist gerade überlastet. Bitte versuchen Sie es in einer Minute noch einmal.');
    chat.options.streamError = undefined;
    await ask(el, 'Wie ist der Stand meiner Anliegen?');
    await idle(el);
    expect(text(el)).to.contain('hat den Status „In Bearbeitung“');
  });

  it('continues the latest conversation, lists earlier ones, opens one and starts a new one', async () => {
    const { el } = await open({ acknowledged: true, conversations: 'some' });
    await shows(el, 'spätestens am 31.12.2026');
    button(el, 'Frühere Unterhaltungen')!.click();
    await shows(el, 'Bei mir tropft die Küchenarmatur');
    const items = [...el.shadowRoot!.querySelectorAll('[part="history"] li')].map((item) => item.textContent.replace(/\s+/g, ' ').trim());
    expect(items).to.have.length(2);
    expect(items[0]).to.contain('Wann kommt meine Nebenkostenabrechnung?');
    await expect(el).to.be.accessible();

    button(el, 'Bei mir tropft die Küchenarmatur')!.click();
    await shows(el, 'Der Assistent ist gerade überlastet');
    expect(text(el)).not.to.contain('31.12.2026');

    button(el, 'Neue Unterhaltung')!.click();
    await shows(el, 'Fragen Sie zum Beispiel');
    expect(el.shadowRoot!.querySelectorAll('[part="message"]')).to.have.length(0);
  });

  it('stays on the earlier conversations when the resident opens them while the latest one is still loading', async () => {
    const { el } = await open({ acknowledged: true, conversations: 'some', openDelay: 400 });
    await waitUntil(() => button(el, 'Frühere Unterhaltungen'), 'history button');
    button(el, 'Frühere Unterhaltungen')!.click();
    await shows(el, 'Bei mir tropft die Küchenarmatur');
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect($(el, '[part="history"]'), 'the list stays open after the latest conversation has loaded').not.to.equal(null);
    expect(text(el)).not.to.contain('spätestens am 31.12.2026');
  });

  it('downloads every conversation as JSON (Art. 15) and deletes them after a confirmation (Art. 17)', async () => {
    const { el, bff, chat } = await open({ acknowledged: true, conversations: 'some' });
    await shows(el, '31.12.2026');
    button(el, 'Frühere Unterhaltungen')!.click();
    await shows(el, 'Alle Unterhaltungen herunterladen');

    const downloads: Array<{ name: string; href: string }> = [];
    const click = HTMLAnchorElement.prototype.click;
    HTMLAnchorElement.prototype.click = function (this: HTMLAnchorElement) {
      downloads.push({ name: this.download, href: this.href });
    };
    try {
      button(el, 'Alle Unterhaltungen herunterladen')!.click();
      await waitUntil(() => downloads.length === 1, 'download');
    } finally {
      HTMLAnchorElement.prototype.click = click;
    }
    expect(downloads[0].name).to.match(/^chat-export-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = (await (await fetch(downloads[0].href)).json()) as { conversations: unknown[] };
    expect(exported.conversations).to.have.length(2);
    expect(live(el)).to.equal('Ihre Unterhaltungen wurden als JSON-Datei heruntergeladen.');

    button(el, 'Alle Unterhaltungen löschen')!.click();
    await shows(el, 'Alle Unterhaltungen mit allen Nachrichten endgültig löschen?');
    expect(bff.calls).not.to.include('DELETE /api/chat/conversations');
    button(el, 'Endgültig löschen')!.click();
    await shows(el, 'Sie haben noch keine Unterhaltungen.');
    expect(bff.calls).to.include('DELETE /api/chat/conversations');
    expect(chat.conversations).to.have.length(0);
    expect(live(el)).to.equal('2 Unterhaltungen wurden gelöscht.');
  });

  it('deletes one conversation only after "Endgültig löschen"; "Abbrechen" keeps it', async () => {
    const { el, chat } = await open({ acknowledged: true, conversations: 'some' });
    await shows(el, '31.12.2026');
    button(el, 'Diese Unterhaltung löschen')!.click();
    await el.updateComplete;
    button(el, 'Abbrechen')!.click();
    await el.updateComplete;
    expect(chat.conversations).to.have.length(2);
    button(el, 'Diese Unterhaltung löschen')!.click();
    await el.updateComplete;
    button(el, 'Endgültig löschen')!.click();
    await shows(el, 'Fragen Sie zum Beispiel');
    expect(live(el)).to.equal('Die Unterhaltung wurde gelöscht.');
    expect(chat.conversations.map((conversation) => conversation.summary.title)).to.deep.equal(['Bei mir tropft die Küchenarmatur']);
  });

  it('speaks the page language: English texts, and Polish, Turkish and Ukrainian ones', async () => {
    const { el } = await open({ acknowledged: false }, 'en');
    await shows(el, 'Privacy notice for the assistant');
    expect(button(el, 'Understood')).to.exist;
    expect(text(el)).to.contain('Offline assistant');
    for (const [lang, words] of [
      ['pl', 'Rozumiem'],
      ['tr', 'Anladım'],
      ['uk', 'Зрозуміло'],
    ]) {
      el.setAttribute('lang', lang);
      await el.updateComplete;
      await waitUntil(() => button(el, words), `${lang}: ${words}`);
    }
  });

  it('fits a 320 px wide phone without sideways scrolling, with a draft card and a long conversation', async () => {
    const { client } = setUp({ acknowledged: true, conversations: 'long' });
    const wrapper = await fixture<HTMLDivElement>(
      html`<div style="width: 320px"><tenant-chat lang="de" .client=${client}></tenant-chat></div>`,
    );
    const el = wrapper.querySelector('tenant-chat')!;
    await shows(el, '31.12.2026');
    await ask(el, 'Bei mir tropft die Küchenarmatur seit gestern ununterbrochen');
    await waitUntil(() => $(el, '[part="draft"]'));
    await idle(el);
    expect(el.scrollWidth, 'element').to.be.at.most(el.clientWidth);
    const base = $(el, '[part="base"]')!;
    expect(base.scrollWidth, 'content').to.be.at.most(base.clientWidth);
  });
});
