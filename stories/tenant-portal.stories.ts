import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { FakeBff, type FakeBffOptions } from '../widgets/testing/fake-bff.ts';
import { FakeCaseFiling } from '../widgets/testing/fake-case-filing.ts';
import { FakeResidentCases, sampleJoined, type FakeResidentCasesOptions } from '../widgets/testing/fake-resident-cases.ts';
import '../widgets/tenant-portal/tenant-portal.ts';
import { english, longNameResident, phone320, resident } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  bff: FakeBffOptions;
  /** The resident's cases, documents and joined damages (empty, many, long, failing, latency). */
  cases: FakeResidentCasesOptions;
  /** Pushes a status change, a reply and a new document live, starting this many ms after rendering. */
  liveUpdatesAfter?: number;
  /** The live connection drops (a deploy, a network change) this many ms after rendering and stays away. */
  connectionLostAfter?: number;
}

function renderPortal({ bff: options, cases: caseOptions, liveUpdatesAfter, connectionLostAfter }: Args) {
  const cases = new FakeResidentCases(caseOptions);
  const filing = new FakeCaseFiling();
  const bff = new FakeBff({ latency: 400, ...options, routes: [...cases.routes, ...filing.routes] });
  if (liveUpdatesAfter !== undefined && cases.cases.length) {
    const open = cases.cases.find((item) => item.status === 'in_bearbeitung') ?? cases.cases[0];
    setTimeout(
      () => bff.live.emit('case:updated', cases.setStatus(open.id, 'beauftragt', 'Die Firma Jansen meldet sich bei Ihnen.')),
      liveUpdatesAfter,
    );
    setTimeout(() => bff.live.emit('case:updated', cases.reply(open.id, 'Termin: Donnerstag, 9–12 Uhr.')), liveUpdatesAfter + 3000);
    setTimeout(
      () => bff.live.emit('document:published', cases.publish({ title: 'Einladung zur Mieterversammlung' })),
      liveUpdatesAfter + 6000,
    );
  }
  if (connectionLostAfter !== undefined) setTimeout(() => bff.live.emit('live:interrupted'), connectionLostAfter);
  return html`<tenant-portal tenant="wohnbau-nord" .client=${bff.client()}></tenant-portal>`;
}

/**
 * The connected portal against an in-memory BFF. Try it: e-mail `anna.mueller@example.org` (authenticator) or
 * `bernd.schulz@example.org` (e-mail code), password `richtig-geheim`, code `123456` (app) or `654321` (e-mail);
 * activation code `ABCD-EFGH-JKLM`. Signed in, the resident sees "Meine Anliegen", "Neues Anliegen" and
 * "Meine Dokumente" from realistic German sample data.
 */
const meta: Meta<Args> = {
  title: 'Portale/tenant-portal',
  component: 'tenant-portal',
  args: { bff: {}, cases: {} },
  argTypes: {
    bff: { control: false },
    cases: { control: 'object' },
    liveUpdatesAfter: { control: { type: 'number', min: 0, step: 500 } },
    connectionLostAfter: { control: { type: 'number', min: 0, step: 500 } },
  },
  render: renderPortal,
};
export default meta;

type Story = StoryObj<Args>;

const signedIn = { session: { state: 'signed_in' as const, user: resident } };

const everyStatus = ['Eingegangen', 'In Bearbeitung', 'Beauftragt', 'Erledigt', 'Abgelehnt'];

export const Login: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Anmelden', 'E-Mail-Adresse', 'Erstmals hier? Konto mit Brief-Code aktivieren'),
};

export const SecondFactorTotp: Story = {
  args: { bff: { session: { state: 'second_factor', secondFactor: 'totp', user: resident } } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Bestätigungscode eingeben', 'Code aus Ihrer Authenticator-App'),
};

export const SecondFactorEmail: Story = {
  args: { bff: { session: { state: 'second_factor', secondFactor: 'email', user: resident } } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Bestätigungscode eingeben', 'Code per E-Mail geschickt', 'Code erneut senden'),
};

export const EnrolmentChoice: Story = {
  args: { bff: { session: { state: 'enroll', enrollOptions: ['totp', 'email'], user: resident } } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Zweiten Faktor einrichten', 'Authenticator-App', 'Code per E-Mail'),
};

/** Five cases in every state, two unread documents, one joined damage. */
export const SignedInMeineAnliegen: Story = {
  args: { bff: signedIn, cases: { joined: sampleJoined() } },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Angemeldet als Anna Müller', 'Meine Anliegen', ...everyStatus, '2 ungelesen', 'Mitgemeldete Schäden'),
};

export const NoCasesYet: Story = {
  args: { bff: signedIn, cases: { cases: 'empty', documents: 'empty' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Sie haben noch keine Anliegen.'),
};

/** Answers take three seconds: the loading states of the list, a case and the documents. */
export const Loading: Story = {
  args: { bff: signedIn, cases: { latency: 3000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Meine Anliegen', 'Wird geladen …'),
};

/** Cases and documents cannot be loaded; "Erneut versuchen" fails again. */
export const LoadingFails: Story = {
  args: { bff: signedIn, cases: { failing: ['cases', 'documents', 'detail'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Ihre Anliegen konnten nicht geladen werden.', 'Erneut versuchen'),
};

/** Sending a message fails: the resident opens a case and sends one. */
export const SendingFails: Story = {
  args: { bff: signedIn, cases: { failing: ['message'] } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findDeep(canvasElement, 'button[part~="open"]', 'Wasserschaden · Bad'));
    await userEvent.type(await findDeep(canvasElement, 'mp-case-detail textarea, textarea#message'), 'Passt Donnerstag?');
    await userEvent.click(await findDeep(canvasElement, 'button[part~="send"]'));
    await expectShown(canvasElement, 'Der Dienst ist vorübergehend nicht verfügbar.');
  },
};

/** 45 cases, 20 per page: "Weitere laden". */
export const ManyCases: Story = {
  args: { bff: signedIn, cases: { cases: 45, documents: 30 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Weitere laden'),
};

export const LongTexts: Story = {
  args: { bff: { session: { state: 'signed_in', user: longNameResident } }, cases: { long: true } },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Angemeldet als Maximiliane Alexandra von Hohenzollern', 'Meine Anliegen'),
};

/** A status change, a reply and a new document arrive live, 2, 5 and 8 seconds after rendering. */
export const LiveUpdates: Story = {
  args: { bff: signedIn, liveUpdatesAfter: 2000 },
  play: ({ canvasElement }) => expectShown(canvasElement, '3 ungelesen'),
};

/** A clerk changed a case's status while the page is open: a highlighted notice says so, not only the screen reader. */
export const StatusChangedNotice: Story = {
  args: { bff: signedIn, liveUpdatesAfter: 2000 },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Neuigkeit zu Ihrem Anliegen', 'Status jetzt „Beauftragt“'),
};

/** "Neues Anliegen" on a 320 px phone: the request-type cards one below the other, long words inside them. */
export const NewCaseTypesMobile320: Story = {
  args: { bff: signedIn },
  globals: phone320,
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(canvasElement, 'button[part~="nav-item"]', 'Neues Anliegen')).click();
    await expectShown(canvasElement, 'Dokumentenanforderung', 'Allgemeine Kontaktanfrage');
  },
};

/** The live connection drops while "Meine Anliegen" is open: a calm notice over the list, nothing moves. */
export const ConnectionInterrupted: Story = {
  args: { bff: signedIn, connectionLostAfter: 1500 },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Meine Anliegen', 'Verbindung unterbrochen – wird wiederhergestellt'),
};

export const English: Story = {
  args: { bff: signedIn, cases: { joined: sampleJoined() } },
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Signed in as Anna Müller', 'My requests', 'My documents'),
};

export const Mobile320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Anmelden', 'Passwort vergessen?'),
};

export const Mobile320SignedIn: Story = {
  args: { bff: signedIn, cases: { joined: sampleJoined() } },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Meine Anliegen', ...everyStatus),
};

export const ServerUnreachable: Story = {
  args: {
    bff: {
      failWith: {
        status: 503,
        code: 'service_unavailable',
        message: 'Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später erneut.',
      },
    },
  },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Dienst ist vorübergehend nicht verfügbar.'),
};

/** Stadthaus Süd's registered theme (the theme switch in the toolbar shows any story in it). */
export const ThemedStadthausSued: Story = {
  args: { bff: signedIn },
  globals: { theme: 'stadthaus-sued' },
  play: async ({ canvasElement }) => {
    const current = await findDeep(canvasElement, 'button[part~="nav-item"][aria-current="page"]');
    await expect(getComputedStyle(current).backgroundColor, 'the current view is marked in the company’s colour').toBe('rgb(138, 21, 56)');
  },
};
