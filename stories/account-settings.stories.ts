import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { fakeAccountPassword, FakeAccount, type FakeAccountOptions } from '../widgets/testing/fake-account.ts';
import '../widgets/account-settings/account-settings.ts';
import { english, phone320, resident } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory account API: password, second factor, sessions, failures, latency. */
  account: FakeAccountOptions;
}

/**
 * A signed-in person's own account against an in-memory BFF: devices, password, second factor with recovery
 * codes, e-mail address. Stories of a state that follows an interaction reach it in their play function.
 */
const meta: Meta<Args> = {
  title: 'Mieterportal/account-settings',
  component: 'account-settings',
  args: { account: { latency: 200 } },
  argTypes: { account: { control: 'object' } },
  render: ({ account }) => {
    const bff = new FakeBff({ session: { state: 'signed_in', user: resident }, routes: new FakeAccount(account).routes });
    return html`<account-settings .client=${bff.client()}></account-settings>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

async function fill(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const field = await findDeep<HTMLInputElement>(canvas, `#${id}`);
  field.value = value;
}
const press = async (canvas: HTMLElement, text: string) => userEvent.click(await findDeep(canvas, 'button', text));

export const Sessions: Story = {
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Angemeldete Geräte',
      'Firefox unter Windows',
      'Dieses Gerät',
      'Safari unter iOS',
      'Alle anderen Geräte abmelden',
    ),
};

export const OthersEnded: Story = {
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Alle anderen Geräte abmelden');
    await expectShown(canvasElement, '2 Sitzungen wurden beendet.', 'Sie sind auf keinem anderen Gerät angemeldet.');
  },
};

export const PasswordWrong: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'password-current', 'falsch-falsch');
    await fill(canvasElement, 'password-new', 'Herbst-Wind-2027?');
    await press(canvasElement, 'Passwort ändern');
    await expectShown(canvasElement, 'Das aktuelle Passwort ist falsch.');
  },
};

export const PasswordPending: Story = {
  args: { account: { pendingForever: ['password'] } },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'password-current', fakeAccountPassword);
    await fill(canvasElement, 'password-new', 'Herbst-Wind-2027?');
    await press(canvasElement, 'Passwort ändern');
    await expectShown(canvasElement, 'Wird gesendet …');
  },
};

export const PasswordChanged: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'password-current', fakeAccountPassword);
    await fill(canvasElement, 'password-new', 'Herbst-Wind-2027?');
    await press(canvasElement, 'Passwort ändern');
    await expectShown(canvasElement, 'Ihr Passwort wurde geändert.');
  },
};

export const RecoveryCodesShownOnce: Story = {
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Neue Wiederherstellungscodes');
    await fill(canvasElement, 'factor-password', fakeAccountPassword);
    await press(canvasElement, 'Codes erstellen');
    await expectShown(canvasElement, 'Ihre Wiederherstellungscodes', 'ABCD-EFGH-JKLM-NPAQ', 'Ich habe die Codes notiert');
  },
};

export const ReenrolQrCode: Story = {
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Authenticator-App neu einrichten');
    await fill(canvasElement, 'factor-password', fakeAccountPassword);
    await press(canvasElement, 'Weiter');
    await expectShown(canvasElement, 'Scannen Sie den QR-Code', 'JBSWY3DPEHPK3PXP');
  },
};

export const ReenrolWrongCode: Story = {
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Authenticator-App neu einrichten');
    await fill(canvasElement, 'factor-password', fakeAccountPassword);
    await press(canvasElement, 'Weiter');
    await fill(canvasElement, 'factor-code', '000000');
    await press(canvasElement, 'Neue App bestätigen');
    await expectShown(canvasElement, 'Der Code ist falsch oder abgelaufen.');
  },
};

export const EmailFactor: Story = {
  args: { account: { secondFactor: 'email' } },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Sie bestätigen Anmeldungen mit einem Code per E-Mail.', 'Zur Authenticator-App wechseln'),
};

export const EmailLinkSent: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'email-new', 'anna.neu@example.org');
    await fill(canvasElement, 'email-password', fakeAccountPassword);
    await press(canvasElement, 'Bestätigungslink senden');
    await expectShown(
      canvasElement,
      'Wir haben einen Bestätigungslink an a***@example.org geschickt.',
      'Noch nicht bestätigt: anna.neu@example.org.',
    );
  },
};

export const EmailTaken: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'email-new', 'vergeben@example.org');
    await fill(canvasElement, 'email-password', fakeAccountPassword);
    await press(canvasElement, 'Bestätigungslink senden');
    await expectShown(canvasElement, 'Diese E-Mail-Adresse wird bereits für ein anderes Konto verwendet.');
  },
};

export const LoadError: Story = {
  args: { account: { failing: ['overview'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Erneut versuchen'),
};

export const SignedOut: Story = {
  args: { account: { signedOut: true } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Bitte melden Sie sich an, um Ihr Konto zu verwalten.'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Signed-in devices', 'This device', 'Change password', 'Second factor'),
};

export const Mobile320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Angemeldete Geräte', 'Passwort ändern', 'Zweiter Faktor', 'E-Mail-Adresse'),
};
