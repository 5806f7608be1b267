import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, waitFor } from 'storybook/test';
import type { FormError, SignInFlow } from '../widgets/sign-in-flow/sign-in-flow.ts';
import { fakeRecoveryCodes, fakeTotpQrCodeSvg, fakeTotpSecret, fakeTotpUri } from '../widgets/testing/fake-totp.ts';
import '../widgets/sign-in-flow/sign-in-flow.ts';
import { english, phone320, polish } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

type Args = Pick<
  SignInFlow,
  'step' | 'audience' | 'busy' | 'error' | 'notice' | 'secondFactor' | 'enrollOptions' | 'totpEnrolment' | 'recoveryCodes' | 'sentTo'
>;

const meta: Meta<Args> = {
  title: 'Sign-in/mp-sign-in-flow',
  component: 'mp-sign-in-flow',
  args: { step: 'login', audience: 'resident', busy: false, secondFactor: 'totp', enrollOptions: ['totp', 'email'] },
  argTypes: {
    step: {
      control: 'select',
      options: [
        'login',
        'second-factor',
        'activate',
        'enroll-choice',
        'enroll-totp',
        'enroll-email',
        'recovery-codes',
        'reset-request',
        'reset-sent',
        'reset-complete',
      ],
    },
    audience: { control: 'inline-radio', options: ['resident', 'staff'] },
    secondFactor: { control: 'inline-radio', options: ['totp', 'email'] },
  },
  render: (args) => html`
    <mp-sign-in-flow
      .step=${args.step}
      .audience=${args.audience}
      .busy=${args.busy}
      .error=${args.error}
      .notice=${args.notice}
      .secondFactor=${args.secondFactor}
      .enrollOptions=${args.enrollOptions}
      .totpEnrolment=${args.totpEnrolment}
      .recoveryCodes=${args.recoveryCodes ?? []}
      .sentTo=${args.sentTo}
    ></mp-sign-in-flow>
  `,
};
export default meta;

type Story = StoryObj<Args>;

const invalidCredentials: FormError = { code: 'invalid_credentials', message: 'E-Mail-Adresse oder Passwort ist falsch.', fields: {} };

export const Login: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Anmelden', 'E-Mail-Adresse', 'Passwort vergessen?'),
};

export const LoginBusy: Story = {
  args: { busy: true },
  play: async ({ canvasElement }) => {
    const submit = await findDeep<HTMLButtonElement>(canvasElement, 'button[type=submit]');
    await expect(submit.disabled, 'the submit button waits').toBe(true);
  },
};

export const LoginWithError: Story = {
  args: { error: invalidCredentials },
  play: ({ canvasElement }) => expectShown(canvasElement, 'E-Mail-Adresse oder Passwort ist falsch.'),
};

export const Locked: Story = {
  args: {
    error: { code: 'locked', message: 'Zu viele Fehlversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.', fields: {} },
  },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Zu viele Fehlversuche.'),
};

export const StaffLogin: Story = {
  args: { audience: 'staff' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Anmeldung für Mitarbeitende'),
};

export const SecondFactorTotp: Story = {
  args: { step: 'second-factor', secondFactor: 'totp' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Bestätigungscode eingeben', 'Code aus Ihrer Authenticator-App'),
};

export const SecondFactorTotpWrongCode: Story = {
  args: { step: 'second-factor', error: { code: 'invalid_code', message: 'Der Code ist falsch oder abgelaufen.', fields: {} } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Code ist falsch oder abgelaufen.'),
};

export const SecondFactorEmail: Story = {
  args: { step: 'second-factor', secondFactor: 'email' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wir haben Ihnen einen Code per E-Mail geschickt.', 'Code erneut senden'),
};

export const SecondFactorEmailResent: Story = {
  args: {
    step: 'second-factor',
    secondFactor: 'email',
    sentTo: 'a***@example.org',
    notice: 'Ein neuer Code ist unterwegs an a***@example.org.',
  },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Ein neuer Code ist unterwegs an a***@example.org.'),
};

export const Activation: Story = {
  args: { step: 'activate' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Konto aktivieren', 'Aktivierungscode aus Ihrem Brief'),
};

export const ActivationWithFieldErrors: Story = {
  args: {
    step: 'activate',
    error: {
      code: 'validation_failed',
      message: 'Bitte prüfen Sie Ihre Eingaben.',
      fields: {
        email: { path: 'email', code: 'invalid_format', message: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.' },
        password: {
          path: 'password',
          code: 'too_small',
          limit: 10,
          origin: 'string',
          message: 'Das Passwort muss mindestens 10 Zeichen lang sein.',
        },
      },
    },
  },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Bitte geben Sie eine gültige E-Mail-Adresse ein.', 'Bitte mindestens 10 Zeichen.'),
};

export const EnrolmentChoice: Story = {
  args: { step: 'enroll-choice' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Zweiten Faktor einrichten', 'Authenticator-App', 'Code per E-Mail'),
};

/** A real QR code of a demo secret's otpauth:// URL: an authenticator app can scan it. */
export const TotpEnrolmentWithQrCode: Story = {
  args: { step: 'enroll-totp', totpEnrolment: { secret: fakeTotpSecret, otpauthUrl: fakeTotpUri, qrCodeSvg: fakeTotpQrCodeSvg } },
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Authenticator-App einrichten', 'Kein Scan möglich?');
    const qrCode = await findDeep<HTMLImageElement>(canvasElement, 'img[part~="qr-code"]');
    await waitFor(() => expect(qrCode.naturalWidth, 'the QR code is an image').toBeGreaterThan(0));
  },
};

/** After the authenticator app is set up: the ten recovery codes, shown once before the portal opens. */
export const RecoveryCodesAfterEnrolment: Story = {
  args: { step: 'recovery-codes', recoveryCodes: fakeRecoveryCodes },
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Ihre Wiederherstellungscodes',
      fakeRecoveryCodes[0],
      fakeRecoveryCodes[9],
      'Ich habe die Codes notiert – weiter',
    ),
};

export const EmailEnrolment: Story = {
  args: { step: 'enroll-email', sentTo: 'a***@example.org' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Code per E-Mail bestätigen'),
};

export const ResetRequest: Story = {
  args: { step: 'reset-request' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Passwort vergessen', 'Link anfordern'),
};

export const ResetSent: Story = {
  args: { step: 'reset-sent' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Bitte prüfen Sie Ihr Postfach'),
};

export const ResetComplete: Story = {
  args: { step: 'reset-complete' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Neues Passwort festlegen', 'Passwort wiederholen'),
};

export const ResetCompleteExpiredLink: Story = {
  args: {
    step: 'reset-complete',
    error: { code: 'invalid_reset_token', message: 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.', fields: {} },
  },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Link ist ungültig oder abgelaufen.', 'Neuen Link anfordern'),
};

export const LoginAfterReset: Story = {
  args: { notice: 'Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Ihr Passwort wurde geändert.'),
};

export const English: Story = {
  args: { error: invalidCredentials },
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Sign in', 'The e-mail address or password is wrong.'),
};

/** The German error answer of the BFF in Polish, by its code. */
export const Polish: Story = {
  args: { error: invalidCredentials },
  globals: polish,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Logowanie', 'Nieprawidłowy adres e-mail lub hasło.'),
};

export const Mobile320: Story = {
  args: { step: 'activate', error: invalidCredentials },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Konto aktivieren', 'E-Mail-Adresse oder Passwort ist falsch.'),
};

export const LongTexts: Story = {
  args: {
    step: 'second-factor',
    secondFactor: 'email',
    sentTo: 'maximiliane.alexandra.von-hohenzollern-sigmaringen@verwaltung-wohnungsbaugenossenschaft.example.org',
    error: {
      code: 'invalid_code',
      message:
        'Der eingegebene Bestätigungscode ist leider falsch oder bereits abgelaufen. Bitte fordern Sie einen neuen Code an und geben Sie ihn innerhalb von zehn Minuten ein.',
      fields: {},
    },
  },
  globals: phone320,
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'maximiliane.alexandra.von-hohenzollern-sigmaringen@', 'Der Code ist falsch oder abgelaufen.'),
};
