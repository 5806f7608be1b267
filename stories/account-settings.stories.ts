import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { fakeAccountPassword, FakeAccount, type FakeAccountOptions } from '../widgets/testing/fake-account.ts';
import { FakePrivacy, type FakePrivacyOptions } from '../widgets/testing/fake-privacy.ts';
import '../widgets/account-settings/account-settings.ts';
import { english, phone320, resident } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory account API: password, second factor, sessions, failures, latency. */
  account: FakeAccountOptions;
  /** "Meine Daten" (shown to residents): the erasure request's state, failures, latency. */
  privacy?: FakePrivacyOptions;
  /** The person is a resident (the portals set it from the session). */
  resident?: boolean;
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
  render: ({ account, privacy, resident: isResident }) => {
    const bff = new FakeBff({
      session: { state: 'signed_in', user: resident },
      routes: [...new FakePrivacy(privacy).routes, ...new FakeAccount(account).routes],
    });
    return html`<account-settings ?resident=${isResident ?? false} .client=${bff.client()}></account-settings>`;
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

/** A resident's "Meine Daten": both downloads, what an erasure would keep and why, the button to ask for it. */
export const MyData: Story = {
  args: { resident: true },
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Meine Daten',
      'Alle Daten herunterladen (PDF, zum Lesen)',
      'Alle Daten herunterladen (JSON, maschinenlesbar)',
      'Was aufbewahrt werden muss – und warum',
      '2 abgeschlossene Anliegen mit Nachrichten und Anhängen, längstens bis 2. März 2036',
      '§ 147 AO',
      'Löschung beantragen …',
    ),
};

export const ErasureConfirmation: Story = {
  args: { resident: true },
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Löschung beantragen …');
    await expectShown(canvasElement, 'Möchten Sie die Löschung Ihrer Daten wirklich beantragen?', 'Löschung verbindlich beantragen');
  },
};

export const ErasureRequested: Story = {
  args: { resident: true },
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Löschung beantragen …');
    (await findDeep<HTMLInputElement>(canvasElement, 'input[name="confirm"]')).click();
    await press(canvasElement, 'Löschung verbindlich beantragen');
    await expectShown(canvasElement, 'Ihr Löschantrag ist eingegangen.', 'Sie haben die Löschung am 2. März 2026 beantragt.');
  },
};

export const ErasurePending: Story = {
  args: { resident: true, privacy: { pendingForever: ['request'] } },
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Löschung beantragen …');
    (await findDeep<HTMLInputElement>(canvasElement, 'input[name="confirm"]')).click();
    await press(canvasElement, 'Löschung verbindlich beantragen');
    await expectShown(canvasElement, 'Wird gesendet …');
  },
};

export const ErasureFailed: Story = {
  args: { resident: true, privacy: { failing: ['request'] } },
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Löschung beantragen …');
    (await findDeep<HTMLInputElement>(canvasElement, 'input[name="confirm"]')).click();
    await press(canvasElement, 'Löschung verbindlich beantragen');
    await expectShown(canvasElement, 'Löschung verbindlich beantragen', 'vorübergehend nicht verfügbar');
  },
};

export const ErasureOpen: Story = {
  args: { resident: true, privacy: { request: 'open' } },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Sie haben die Löschung am 2. März 2026 beantragt.', 'Was aufbewahrt werden muss – und warum'),
};

export const ErasureCompletedEarlier: Story = {
  args: { resident: true, privacy: { request: 'completed' } },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Ein früherer Löschantrag wurde am 6. Mai 2025 erledigt.', 'Löschung beantragen …'),
};

export const MyDataEnglish: Story = {
  args: { resident: true },
  globals: english,
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'My data', 'Download all data (PDF, to read)', 'What has to be kept – and why', 'Ask for erasure …'),
};

export const MyDataMobile320: Story = {
  args: { resident: true },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Meine Daten', 'Löschung beantragen …'),
};
