import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { FakeBff, type FakeBffOptions } from '../widgets/testing/fake-bff.ts';
import { FakeStaffCases, type FakeStaffCasesOptions } from '../widgets/testing/fake-staff-cases.ts';
import { fakeCompanySettings, FakeSettings } from '../widgets/testing/fake-settings.ts';
import '../widgets/staff-portal/staff-portal.ts';
import { admin, clerk, english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  bff: FakeBffOptions;
  /** The board's in-memory case API (count, failures, long texts). */
  cases: FakeStaffCasesOptions;
  /** Pushes a new case live this many ms after the story renders. */
  liveNewCaseAfter?: number;
}

function renderPortal({ bff: options, cases: caseOptions, liveNewCaseAfter }: Args) {
  const cases = new FakeStaffCases(caseOptions);
  const settings = new FakeSettings({ settings: fakeCompanySettings(), usage: { inputTokens: 1_380_000, outputTokens: 290_000 } });
  const bff = new FakeBff({ latency: 400, ...options, routes: [...settings.routes, ...cases.routes] });
  if (liveNewCaseAfter !== undefined) {
    setTimeout(() => {
      const fresh = cases.add(
        cases.created({ title: 'Aufzug steckt zwischen 2. und 3. OG fest', priority: 'critical', urgency: 'emergency' }),
      );
      bff.live.emit('case:created', { change: 'created', case: fresh });
    }, liveNewCaseAfter);
  }
  return html`<staff-portal tenant="wohnbau-nord" .client=${bff.client()}></staff-portal>`;
}

/** The staff portal against an in-memory BFF. Try `sachbearbeitung@example.org`, `richtig-geheim`, code `123456`. */
const meta: Meta<Args> = {
  title: 'Portale/staff-portal',
  component: 'staff-portal',
  args: { bff: {}, cases: {} },
  argTypes: {
    bff: { control: false },
    cases: { control: 'object' },
    liveNewCaseAfter: { control: { type: 'number', min: 0, step: 500 } },
  },
  render: renderPortal,
};
export default meta;

type Story = StoryObj<Args>;

const signedIn = { session: { state: 'signed_in' as const, user: clerk } };
const signedInAdmin = { session: { state: 'signed_in' as const, user: admin } };

/** Opens "Einstellungen" in the navigation an admin has. */
async function openSettings(canvas: HTMLElement): Promise<void> {
  await userEvent.click(await findDeep(canvas, 'button[part~="nav-item"]', 'Einstellungen'));
}

export const Login: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Anmeldung für Mitarbeitende', 'E-Mail-Adresse', 'Passwort vergessen?'),
};

export const SecondFactorTotp: Story = {
  args: { bff: { session: { state: 'second_factor', secondFactor: 'totp', user: clerk } } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Bestätigungscode eingeben', 'Authenticator-App'),
};

export const TotpEnrolment: Story = {
  args: { bff: { session: { state: 'enroll', enrollOptions: ['totp'], user: clerk } } },
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Authenticator-App einrichten', 'Kein Scan möglich?');
    const qrCode = await findDeep<HTMLImageElement>(canvasElement, 'img[part~="qr-code"]');
    await expect(qrCode.alt).toBe('QR-Code für Ihre Authenticator-App');
  },
};

export const SignedInVorgaenge: Story = {
  args: { bff: signedIn },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Angemeldet als Clara Kaiser', 'Vorgänge', '20 Vorgänge, weitere vorhanden.'),
};

export const English: Story = {
  args: { bff: signedIn },
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Signed in as Clara Kaiser', 'Cases', '20 cases, more available.'),
};

export const Mobile320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Anmeldung für Mitarbeitende'),
};

export const SignedInEmptyBoard: Story = {
  args: { bff: signedIn, cases: { count: 0 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Keine offenen Vorgänge.'),
};

export const SignedInManyCases: Story = {
  args: { bff: signedIn, cases: { count: 80 } },
  play: ({ canvasElement }) => expectShown(canvasElement, '20 Vorgänge, weitere vorhanden.', 'Weitere laden'),
};

export const SignedInLongTexts: Story = {
  args: { bff: signedIn, cases: { longTexts: true, count: 6 } },
  play: ({ canvasElement }) => expectShown(canvasElement, '6 Vorgänge.'),
};

export const SignedInBoardError: Story = {
  args: {
    bff: signedIn,
    cases: { listError: { status: 503, code: 'service_unavailable', message: 'Der Dienst ist gerade nicht erreichbar.' } },
  },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Dienst ist vorübergehend nicht verfügbar.', 'Erneut versuchen'),
};

export const SignedInLiveNewCase: Story = {
  args: { bff: signedIn, cases: { count: 5 }, liveNewCaseAfter: 2500 },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Aufzug steckt zwischen 2. und 3. OG fest', 'Neu'),
};

export const SignedInMobile320: Story = {
  args: { bff: signedIn },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Angemeldet als Clara Kaiser', 'Filter'),
};

export const AdminSettings: Story = {
  args: { bff: signedInAdmin },
  play: async ({ canvasElement }) => {
    await openSettings(canvasElement);
    await expectShown(
      canvasElement,
      'Angemeldet als Dora Verwalter',
      'Kontakt und Notfall',
      /83\s% verbraucht/,
      'Das Budget ist fast aufgebraucht.',
    );
  },
};

export const AdminSettingsMobile320: Story = {
  args: { bff: signedInAdmin },
  globals: phone320,
  play: async ({ canvasElement }) => {
    await openSettings(canvasElement);
    await expectShown(canvasElement, 'Hausordnung für den Assistenten', 'Speichern');
  },
};
