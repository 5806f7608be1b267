import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { FormError, SignInFlow } from '../widgets/sign-in-flow/sign-in-flow.ts';
import '../widgets/sign-in-flow/sign-in-flow.ts';
import { mobileWidth, qrCodeSvg } from './fixtures.ts';

type Args = Pick<
  SignInFlow,
  'step' | 'audience' | 'busy' | 'error' | 'notice' | 'secondFactor' | 'enrollOptions' | 'totpEnrolment' | 'sentTo'
> & {
  lang: string;
};

const meta: Meta<Args> = {
  title: 'Sign-in/mp-sign-in-flow',
  component: 'mp-sign-in-flow',
  args: { step: 'login', audience: 'resident', busy: false, lang: 'de', secondFactor: 'totp', enrollOptions: ['totp', 'email'] },
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
        'reset-request',
        'reset-sent',
        'reset-complete',
      ],
    },
    audience: { control: 'inline-radio', options: ['resident', 'staff'] },
    secondFactor: { control: 'inline-radio', options: ['totp', 'email'] },
    lang: { control: 'inline-radio', options: ['de', 'en'] },
  },
  render: (args) => html`
    <mp-sign-in-flow
      lang=${args.lang}
      .step=${args.step}
      .audience=${args.audience}
      .busy=${args.busy}
      .error=${args.error}
      .notice=${args.notice}
      .secondFactor=${args.secondFactor}
      .enrollOptions=${args.enrollOptions}
      .totpEnrolment=${args.totpEnrolment}
      .sentTo=${args.sentTo}
    ></mp-sign-in-flow>
  `,
};
export default meta;

type Story = StoryObj<Args>;

const invalidCredentials: FormError = { code: 'invalid_credentials', message: 'E-Mail-Adresse oder Passwort ist falsch.', fields: {} };

export const Login: Story = {};

export const LoginBusy: Story = { args: { busy: true } };

export const LoginWithError: Story = { args: { error: invalidCredentials } };

export const Locked: Story = {
  args: {
    error: { code: 'locked', message: 'Zu viele Fehlversuche. Bitte warten Sie 15 Minuten und versuchen Sie es dann erneut.', fields: {} },
  },
};

export const StaffLogin: Story = { args: { audience: 'staff' } };

export const SecondFactorTotp: Story = { args: { step: 'second-factor', secondFactor: 'totp' } };

export const SecondFactorTotpWrongCode: Story = {
  args: { step: 'second-factor', error: { code: 'invalid_code', message: 'Der Code ist falsch oder abgelaufen.', fields: {} } },
};

export const SecondFactorEmail: Story = { args: { step: 'second-factor', secondFactor: 'email' } };

export const SecondFactorEmailResent: Story = {
  args: {
    step: 'second-factor',
    secondFactor: 'email',
    sentTo: 'a***@example.org',
    notice: 'Ein neuer Code ist unterwegs an a***@example.org.',
  },
};

export const Activation: Story = { args: { step: 'activate' } };

export const ActivationWithFieldErrors: Story = {
  args: {
    step: 'activate',
    error: {
      code: 'validation_failed',
      message: 'Bitte prüfen Sie Ihre Eingaben.',
      fields: { email: 'Bitte geben Sie eine gültige E-Mail-Adresse ein.', password: 'Das Passwort muss mindestens 10 Zeichen lang sein.' },
    },
  },
};

export const EnrolmentChoice: Story = { args: { step: 'enroll-choice' } };

export const TotpEnrolmentWithQrCode: Story = {
  args: {
    step: 'enroll-totp',
    totpEnrolment: {
      secret: 'JBSWY3DPEHPK3PXPJBSWY3DP',
      otpauthUrl: 'otpauth://totp/Mieterportal:anna?secret=JBSWY3DPEHPK3PXP',
      qrCodeSvg,
    },
  },
};

export const EmailEnrolment: Story = { args: { step: 'enroll-email', sentTo: 'a***@example.org' } };

export const ResetRequest: Story = { args: { step: 'reset-request' } };

export const ResetSent: Story = { args: { step: 'reset-sent' } };

export const ResetComplete: Story = { args: { step: 'reset-complete' } };

export const ResetCompleteExpiredLink: Story = {
  args: {
    step: 'reset-complete',
    error: { code: 'invalid_reset_token', message: 'Der Link ist ungültig oder abgelaufen. Bitte fordern Sie einen neuen an.', fields: {} },
  },
};

export const LoginAfterReset: Story = {
  args: { notice: 'Ihr Passwort wurde geändert. Bitte melden Sie sich mit dem neuen Passwort an.' },
};

export const English: Story = { args: { lang: 'en', error: { ...invalidCredentials, message: 'Wrong e-mail address or password.' } } };

export const Mobile320: Story = { args: { step: 'activate', error: invalidCredentials }, decorators: [mobileWidth] };

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
  decorators: [mobileWidth],
};
