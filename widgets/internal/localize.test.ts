import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { ApiClient } from './api-client.ts';
import { errorText, fieldErrorText, localeFromLang, loadMessages } from './localize.ts';
import { formatFileSize } from './i18n/format.ts';
import de from './i18n/de.ts';
import common from './i18n/common/de.ts';
import errors from './i18n/errors/de.ts';
import signIn from './i18n/sign-in/de.ts';
import attachments from './i18n/attachments/de.ts';
import filing from './i18n/filing/de.ts';
import residentCases from './i18n/resident-cases/de.ts';
import documents from './i18n/documents/de.ts';
import staff from './i18n/staff/de.ts';
import notifications from './i18n/notifications/de.ts';
import { linkPageErrorCodes, staffErrorCodes } from './i18n/errors/staff-de.ts';
import { FakeBff } from '../testing/fake-bff.ts';
import { FakeCaseFiling } from '../testing/fake-case-filing.ts';
import { SignInDriver } from '../testing/sign-in-driver.ts';
import type { Session } from './api-client.ts';
import type { AccountBar } from '../account-bar/account-bar.ts';
import type { CaseRequestForm } from '../case-request-form/case-request-form.ts';
import type { TenantPortal } from '../tenant-portal/tenant-portal.ts';
import type { StaffPortal } from '../staff-portal/staff-portal.ts';
import '../account-bar/account-bar.ts';
import '../case-request-form/case-request-form.ts';
import '../tenant-portal/tenant-portal.ts';
import '../staff-portal/staff-portal.ts';

// The tests run in order: each language is first fetched by the test that checks it.
performance.setResourceTimingBufferSize(2000);

const session: Session = {
  state: 'signed_in',
  user: { role: 'resident', displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
};

/** The language chunks this page has fetched so far (`i18n/pl.ts`, `i18n/common/pl.ts`, … → `pl`). */
function fetchedLanguages(): string[] {
  const languages = performance
    .getEntriesByType('resource')
    .map((entry) => /\/i18n\/(?:[\w-]+\/)?(en|tr|pl|uk)\.ts$/.exec(new URL(entry.name).pathname)?.[1])
    .filter((language): language is string => language !== undefined);
  return [...new Set(languages)].sort();
}

const text = (el: Element) => el.shadowRoot!.textContent.replace(/\s+/g, ' ');

async function tenantPortal(lang: string) {
  const bff = new FakeBff();
  const el = await fixture<TenantPortal>(
    html`<tenant-portal tenant="wohnbau-nord" lang=${lang} .client=${new ApiClient('', bff.fetch)}></tenant-portal>`,
  );
  return { el, bff, page: new SignInDriver(el) };
}

async function requestForm(lang: string, filing = new FakeCaseFiling()) {
  const bff = new FakeBff({ session, routes: filing.routes });
  const el = await fixture<CaseRequestForm>(
    html`<mp-case-request-form lang=${lang} case-type="contact" fixed-type .client=${bff.client()}></mp-case-request-form>`,
  );
  await waitUntil(() => el.shadowRoot!.querySelector('form'), 'form shown');
  return { el, filing, bff };
}

async function submitForm(el: CaseRequestForm): Promise<void> {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
  await el.updateComplete;
}

describe('localisation', () => {
  it('loads no other language on a German page', async () => {
    const { el, page } = await tenantPortal('de');
    await page.waitForHeading('Anmelden');
    expect(fetchedLanguages()).to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('speaks Polish with lang="pl", errors of the BFF included, fetching only Polish', async () => {
    const { el, page } = await tenantPortal('pl');
    await page.waitForHeading('Logowanie');
    await page.submit({ email: 'anna.mueller@example.org', password: 'falsch-geraten' });
    expect(page.alert()).to.equal('Nieprawidłowy adres e-mail lub hasło.');
    expect(fetchedLanguages()).to.deep.equal(['pl']);
    await expect(el).to.be.accessible();
  });

  it('counts in Polish with Intl.PluralRules (2 pola, 200 znaków) and phrases field errors from their code', async () => {
    const { el, filing } = await requestForm('pl');
    await submitForm(el);
    expect(el.shadowRoot!.querySelector('#alert')!.textContent).to.equal('Prosimy poprawić 2 zaznaczone pola.');
    expect(el.shadowRoot!.querySelector('#title-error')!.textContent).to.equal('Prosimy podać temat.');

    filing.validationErrors = [{ path: 'title', code: 'too_big', limit: 200, origin: 'string', message: 'Bitte höchstens 200 Zeichen.' }];
    const input = (name: string, value: string) => {
      const field = el.shadowRoot!.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${name}`)!;
      field.value = value;
      field.dispatchEvent(new Event('input'));
    };
    input('title', 'Treppenhauslicht');
    input('description', 'Das Licht im Treppenhaus geht nicht.');
    await submitForm(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#title-error'), 'server field error shown');
    expect(el.shadowRoot!.querySelector('#title-error')!.textContent).to.equal('Prosimy wpisać maksymalnie 200 znaków.');
    expect(el.shadowRoot!.querySelector('#alert')!.textContent).to.equal('Prosimy poprawić zaznaczone pole.');
    await expect(el).to.be.accessible();
  });

  it('shows English field errors from a German BFF', async () => {
    const filing = new FakeCaseFiling({
      validationErrors: [{ path: 'title', code: 'too_big', limit: 200, origin: 'string', message: 'Bitte höchstens 200 Zeichen.' }],
    });
    const { el } = await requestForm('en', filing);
    el.shadowRoot!.querySelector<HTMLInputElement>('#title')!.value = 'x';
    el.shadowRoot!.querySelector<HTMLInputElement>('#title')!.dispatchEvent(new Event('input'));
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('#description')!.value = 'y';
    el.shadowRoot!.querySelector<HTMLTextAreaElement>('#description')!.dispatchEvent(new Event('input'));
    await submitForm(el);
    await waitUntil(() => el.shadowRoot!.querySelector('#title-error'), 'server field error shown');
    expect(el.shadowRoot!.querySelector('#title-error')!.textContent).to.equal('Please use at most 200 characters.');
    await expect(el).to.be.accessible();
  });

  it('renders German until its language has arrived, then re-renders in it', async () => {
    const el = document.createElement('mp-account-bar');
    el.session = session;
    el.lang = 'uk';
    document.body.append(el);
    try {
      await waitUntil(() => el.hasUpdated, 'first render');
      expect(text(el)).to.contain('Angemeldet als Anna Müller');
      await el.updateComplete;
      expect(text(el)).to.contain('Ви увійшли як Anna Müller');
      expect(el.shadowRoot!.querySelector('[role=group]')!.getAttribute('aria-label')).to.equal('Обліковий запис');
      await expect(el).to.be.accessible();
    } finally {
      el.remove();
    }
  });

  it('follows <html lang> when the page changes it after the first render', async () => {
    const el = await fixture<AccountBar>(html`<mp-account-bar .session=${session}></mp-account-bar>`);
    expect(text(el)).to.contain('Angemeldet als');
    try {
      document.documentElement.lang = 'tr';
      await waitUntil(() => text(el).includes('Anna Müller olarak giriş yapıldı'), 'Turkish after <html lang="tr">');
      document.documentElement.lang = 'de-AT';
      await waitUntil(() => text(el).includes('Angemeldet als'), 'German for de-AT');
      document.documentElement.lang = 'uk-UA';
      await waitUntil(() => text(el).includes('Ви увійшли як'), 'Ukrainian for uk-UA');
      document.documentElement.lang = 'fr';
      await waitUntil(() => text(el).includes('Angemeldet als'), 'German for a language without texts');
    } finally {
      document.documentElement.lang = '';
    }
  });

  it('takes the nearest ancestor’s lang and follows its changes', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="en"><mp-account-bar .session=${session}></mp-account-bar></div>`);
    const el = wrapper.querySelector<AccountBar>('mp-account-bar')!;
    await el.updateComplete;
    expect(text(el)).to.contain('Signed in as Anna Müller');
    wrapper.lang = 'pl';
    await waitUntil(() => text(el).includes('Zalogowano jako Anna Müller'), 'Polish after the wrapper changed');
  });

  it('shows staff elements in German for a language they do not speak', async () => {
    const bff = new FakeBff();
    const el = await fixture<StaffPortal>(
      html`<staff-portal tenant="wohnbau-nord" lang="tr" .client=${new ApiClient('', bff.fetch, bff.live)}></staff-portal>`,
    );
    const page = new SignInDriver(el);
    await page.waitForHeading('Anmeldung für Mitarbeitende');
    expect(bff.requests.every((request) => request.language === 'de')).to.be.true;
    await expect(el).to.be.accessible();
  });

  it('tells the BFF the element’s language with every request', async () => {
    const { bff, page } = await tenantPortal('uk');
    await page.waitForHeading('Вхід');
    await page.submit({ email: 'anna.mueller@example.org', password: 'falsch-geraten' });
    expect(bff.requests.length).to.be.greaterThan(2);
    expect(new Set(bff.requests.map((request) => request.language))).to.deep.equal(new Set(['uk']));
  });

  it('loads the catalogue again in the new language when the page language changes', async () => {
    const { el, bff } = await requestForm('de');
    el.lang = 'en';
    await waitUntil(() => bff.requests.filter((request) => request.path === '/api/cases/catalogue').length === 2, 'catalogue reloaded');
    expect(bff.requests.filter((request) => request.path === '/api/cases/catalogue').map((request) => request.language)).to.deep.equal([
      'de',
      'en',
    ]);
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('form')).to.exist;
  });

  it('writes dates, numbers and file sizes the language’s way, unit and number never apart', async () => {
    expect(formatFileSize('de-DE', 1.1 * 1024 * 1024)).to.equal('1,1\u00a0MB');
    expect(formatFileSize('en-GB', 82 * 1024)).to.equal('82\u00a0kB');
    expect(formatFileSize('uk-UA', 82 * 1024)).to.equal('82\u00a0кБ');
    await loadMessages('pl');
    const { el } = await requestForm('pl');
    expect(el.msg.dateTime('2026-03-15T13:30:00Z')).to.equal('15 marca 2026 14:30');
    expect(el.msg.attachmentsLimits(10, 10)).to.equal('Maksymalnie 10 plików, każdy do 10\u00A0MB, w formacie JPEG, PNG, WebP lub PDF.');
    expect(el.msg.tooManyFiles(3)).to.equal('Można dodać maksymalnie 3 pliki. Prosimy najpierw usunąć inny plik.');
    expect(el.msg.tooManyFiles(22)).to.equal('Można dodać maksymalnie 22 pliki. Prosimy najpierw usunąć inny plik.');
    expect(el.msg.tooManyFiles(25)).to.equal('Można dodać maksymalnie 25 plików. Prosimy najpierw usunąć inny plik.');
  });

  it('turns error codes into text, the server’s message only for a code without one', () => {
    expect(errorText(de, { code: 'case_closed', message: 'Server text' })).to.equal(de.errorCodes.case_closed);
    expect(errorText(de, { code: 'network_error', message: '' })).to.equal(de.networkError);
    expect(errorText(de, { code: 'some_new_code', message: 'Neuer Servertext.' })).to.equal('Neuer Servertext.');
    expect(errorText(de, { code: 'some_new_code', message: '' })).to.equal(de.unexpectedError);
    expect(errorText(de, new Error('no answer'))).to.equal(de.unexpectedError);
    expect(fieldErrorText(de, { path: 'email', code: 'invalid_format', message: 'x' })).to.equal(de.fieldInvalidEmail);
    expect(fieldErrorText(de, { path: 'attachmentIds', code: 'too_big', limit: 10, origin: 'array', message: 'x' })).to.equal(
      'Bitte höchstens 10 auswählen.',
    );
    expect(fieldErrorText(de, { path: 'body', code: 'custom', message: 'Bitte schreiben Sie etwas.' })).to.equal(
      'Bitte schreiben Sie etwas.',
    );
  });

  it('gives staff and link-page codes their German words once their elements are here, not with the residents’ German', () => {
    // This page imported <staff-portal>, which brings them (internal/staff-errors.ts).
    const later = [...Object.keys(staffErrorCodes), ...Object.keys(linkPageErrorCodes)];
    expect(later.filter((code) => code in de.errorCodes)).to.deep.equal([]);
    expect(errorText(de, { code: 'lead_conflict', message: 'Server text' })).to.equal(staffErrorCodes.lead_conflict);
    expect(errorText(de, { code: 'link_expired', message: 'Server text' })).to.equal(linkPageErrorCodes.link_expired);
  });

  it('picks the language from lang: de-AT → de, uk-UA → uk, unknown → de', () => {
    expect(localeFromLang('de-AT')).to.equal('de');
    expect(localeFromLang('uk-UA')).to.equal('uk');
    expect(localeFromLang('PL')).to.equal('pl');
    expect(localeFromLang('fr')).to.equal('de');
    expect(localeFromLang('')).to.equal('de');
    expect(localeFromLang('pl', ['de', 'en'])).to.equal('de');
  });

  it('keeps every text in exactly one area', () => {
    const areas = [common, errors, signIn, attachments, filing, residentCases, documents, notifications];
    const keys = areas.flatMap((area) => Object.keys(area));
    expect(keys.filter((key, index) => keys.indexOf(key) !== index)).to.deep.equal([]);
    expect(Object.keys(de)).to.have.length(keys.length);
    // The staff views merge their own area over the shared texts: a key in both would hide the shared one.
    expect(Object.keys(staff).filter((key) => key in de)).to.deep.equal([]);
  });
});
