import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { SignInFlow } from './sign-in-flow.ts';
import './sign-in-flow.ts';
import type { SignInRequestEvent } from '../events/sign-in-request.ts';
import { expectFocus } from '../testing/e2e-session.ts';

function input(el: SignInFlow, name: string): HTMLInputElement {
  return el.shadowRoot!.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
}

function type(el: SignInFlow, name: string, value: string): void {
  const field = input(el, name);
  field.value = value;
  field.dispatchEvent(new Event('input', { bubbles: true }));
}

function submit(el: SignInFlow): void {
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
}

function heading(el: SignInFlow): string {
  return el.shadowRoot!.querySelector('h2')!.textContent.trim();
}

describe('<mp-sign-in-flow>', () => {
  it('shows an accessible login form in German with labelled fields', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow></mp-sign-in-flow>`);
    expect(heading(el)).to.equal('Anmelden');
    const label = el.shadowRoot!.querySelector('label[for="email"]')!;
    expect(label.textContent).to.equal('E-Mail-Adresse');
    expect(input(el, 'password').type).to.equal('password');
    await expect(el).to.be.accessible();
  });

  it('asks for login with the typed e-mail and password', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow></mp-sign-in-flow>`);
    type(el, 'email', 'anna@example.org');
    type(el, 'password', 'geheim-geheim');
    setTimeout(() => submit(el));
    const event = await oneEvent<SignInRequestEvent>(el, 'mp-sign-in-request');
    expect(event.detail).to.deep.equal({ action: 'login', email: 'anna@example.org', password: 'geheim-geheim' });
    expect(event.bubbles && event.composed).to.be.true;
  });

  it('marks empty fields at the field and moves focus to the first', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow></mp-sign-in-flow>`);
    let requested = false;
    el.addEventListener('mp-sign-in-request', () => (requested = true));
    type(el, 'email', 'anna@example.org');
    submit(el);
    await el.updateComplete;
    await el.updateComplete;
    expect(requested).to.be.false;
    expect(input(el, 'password').getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.getElementById('password-error')!.textContent).to.equal('Bitte füllen Sie dieses Feld aus.');
    await expectFocus(el.shadowRoot!, input(el, 'password'));
    await expect(el).to.be.accessible();
  });

  it('shows the general error in an alert and field errors at their fields, keeping what was typed', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow step="activate"></mp-sign-in-flow>`);
    type(el, 'code', 'ABCD');
    type(el, 'password', 'kurz');
    el.error = {
      code: 'validation_failed',
      message: 'Eingaben prüfen.',
      fields: { password: { path: 'password', code: 'too_small', limit: 10, origin: 'string', message: 'Zu kurz.' } },
    };
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[role="alert"]')!.textContent).to.equal('Bitte prüfen Sie Ihre Eingaben.');
    expect(el.shadowRoot!.getElementById('password-error')!.textContent).to.equal('Bitte mindestens 10 Zeichen.');
    expect(input(el, 'password').getAttribute('aria-describedby')).to.equal('password-hint password-error');
    expect(input(el, 'code').value).to.equal('ABCD');
    expect(input(el, 'password').value).to.equal('kurz');
    await expectFocus(el.shadowRoot!, input(el, 'password'));
    await expect(el).to.be.accessible();
  });

  it('checks that the repeated password matches before sending', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow step="reset-complete"></mp-sign-in-flow>`);
    type(el, 'password', 'ein-langes-passwort');
    type(el, 'passwordRepeat', 'ein-anderes-passwort');
    submit(el);
    await el.updateComplete;
    expect(el.shadowRoot!.getElementById('passwordRepeat-error')!.textContent).to.equal('Die Passwörter stimmen nicht überein.');
  });

  it('disables and marks the submit button busy while a request runs', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow busy></mp-sign-in-flow>`);
    const button = el.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!;
    expect(button.disabled).to.be.true;
    expect(button.getAttribute('aria-busy')).to.equal('true');
    expect(button.textContent.trim()).to.equal('Wird gesendet …');
  });

  it('moves focus to the new step heading and tells the connected layer', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow></mp-sign-in-flow>`);
    const forgot = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('button.link')].find((b) =>
      b.textContent.includes('Passwort vergessen'),
    )!;
    setTimeout(() => forgot.click());
    const event = await oneEvent<SignInRequestEvent>(el, 'mp-sign-in-request');
    expect(event.detail).to.deep.equal({ action: 'show', step: 'reset-request' });
    await el.updateComplete;
    expect(heading(el)).to.equal('Passwort vergessen');
    await expectFocus(el.shadowRoot!, el.shadowRoot!.querySelector('h2'));
  });

  it('shows the QR code and the secret in groups for manual entry', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow
      step="enroll-totp"
      .totpEnrolment=${{ secret: 'JBSWY3DPEHPK3PXP', otpauthUrl: 'otpauth://totp/x', qrCodeSvg: '<svg xmlns="http://www.w3.org/2000/svg"></svg>' }}
    ></mp-sign-in-flow>`);
    const image = el.shadowRoot!.querySelector('img')!;
    expect(image.alt).to.equal('QR-Code für Ihre Authenticator-App');
    expect(image.src).to.match(/^data:image\/svg\+xml/);
    expect(el.shadowRoot!.querySelector('code')!.textContent).to.equal('JBSW Y3DP EHPK 3PXP');
    await expect(el).to.be.accessible();
  });

  it('lists the recovery codes once after enrolment and goes on only when the person has noted them', async () => {
    const codes = ['ABCD-EFGH-JKLM-NPQR', 'BCDE-FGHJ-KLMN-PQRS'];
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow step="recovery-codes" .recoveryCodes=${codes}></mp-sign-in-flow>`);
    expect(heading(el)).to.equal('Ihre Wiederherstellungscodes');
    expect([...el.shadowRoot!.querySelectorAll('[part="recovery-codes"] code')].map((code) => code.textContent)).to.deep.equal(codes);
    const noted = [...el.shadowRoot!.querySelectorAll('button')].find((button) => button.textContent.includes('Codes notiert'))!;
    setTimeout(() => noted.click());
    const event = await oneEvent<SignInRequestEvent>(el, 'mp-sign-in-request');
    expect(event.detail).to.deep.equal({ action: 'codes-noted' });
    await expect(el).to.be.accessible();
  });

  it('asks for the authenticator code or a recovery code, with a keyboard that has letters', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow step="second-factor" second-factor="totp"></mp-sign-in-flow>`);
    const input = el.shadowRoot!.querySelector<HTMLInputElement>('#code')!;
    expect(el.shadowRoot!.querySelector('label[for="code"]')!.textContent).to.equal('Code oder Wiederherstellungscode');
    expect(input.inputMode).to.equal('');
    expect(el.shadowRoot!.textContent).to.contain('einen Ihrer Wiederherstellungscodes');
    const email = await fixture<SignInFlow>(html`<mp-sign-in-flow step="second-factor" second-factor="email"></mp-sign-in-flow>`);
    expect(email.shadowRoot!.querySelector<HTMLInputElement>('#code')!.inputMode).to.equal('numeric');
  });

  it('offers only the enrolment options it is given', async () => {
    const el = await fixture<SignInFlow>(html`<mp-sign-in-flow step="enroll-choice" .enrollOptions=${['totp']}></mp-sign-in-flow>`);
    expect(el.shadowRoot!.querySelectorAll('button.option')).to.have.length(1);
    await expect(el).to.be.accessible();
  });

  it('speaks English when lang="en"', async () => {
    const el = await fixture<SignInFlow>(
      html`<mp-sign-in-flow lang="en" step="second-factor" second-factor="email" sent-to="a***@example.org"></mp-sign-in-flow>`,
    );
    expect(heading(el)).to.equal('Enter your confirmation code');
    expect(el.shadowRoot!.textContent).to.contain('We have sent a code to a***@example.org.');
    await expect(el).to.be.accessible();
  });

  it('follows the document language', async () => {
    document.documentElement.lang = 'en';
    try {
      const el = await fixture<SignInFlow>(html`<mp-sign-in-flow></mp-sign-in-flow>`);
      expect(heading(el)).to.equal('Sign in');
    } finally {
      document.documentElement.lang = '';
    }
  });
});
