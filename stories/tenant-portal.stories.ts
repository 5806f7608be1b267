import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FakeBff, type FakeBffOptions } from '../widgets/testing/fake-bff.ts';
import { FakeCaseFiling } from '../widgets/testing/fake-case-filing.ts';
import { FakeResidentCases, sampleJoined, type FakeResidentCasesOptions } from '../widgets/testing/fake-resident-cases.ts';
import '../widgets/tenant-portal/tenant-portal.ts';
import { longNameResident, mobileWidth, resident } from './fixtures.ts';

interface Args {
  lang: string;
  bff: FakeBffOptions;
  style: string;
  /** The resident's cases, documents and joined damages (empty, many, long, failing, latency). */
  cases: FakeResidentCasesOptions;
  /** Pushes a status change, a reply and a new document live, starting this many ms after rendering. */
  liveUpdatesAfter?: number;
}

function renderPortal({ lang, bff: options, style, cases: caseOptions, liveUpdatesAfter }: Args) {
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
  return html`<tenant-portal tenant="wohnbau-nord" lang=${lang} style=${style} .client=${bff.client()}></tenant-portal>`;
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
  args: { lang: 'de', bff: {}, style: '', cases: {} },
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'] },
    bff: { control: false },
    cases: { control: 'object' },
    liveUpdatesAfter: { control: { type: 'number', min: 0, step: 500 } },
  },
  render: renderPortal,
};
export default meta;

type Story = StoryObj<Args>;

const signedIn = { session: { state: 'signed_in' as const, user: resident } };

export const Login: Story = {};

export const SecondFactorTotp: Story = { args: { bff: { session: { state: 'second_factor', secondFactor: 'totp', user: resident } } } };

export const SecondFactorEmail: Story = { args: { bff: { session: { state: 'second_factor', secondFactor: 'email', user: resident } } } };

export const EnrolmentChoice: Story = { args: { bff: { session: { state: 'enroll', enrollOptions: ['totp', 'email'], user: resident } } } };

/** Five cases in every state, two unread documents, one joined damage. */
export const SignedInMeineAnliegen: Story = { args: { bff: signedIn, cases: { joined: sampleJoined() } } };

export const NoCasesYet: Story = { args: { bff: signedIn, cases: { cases: 'empty', documents: 'empty' } } };

/** Answers take three seconds: the loading states of the list, a case and the documents. */
export const Loading: Story = { args: { bff: signedIn, cases: { latency: 3000 } } };

/** Cases and documents cannot be loaded; "Erneut versuchen" fails again. */
export const LoadingFails: Story = { args: { bff: signedIn, cases: { failing: ['cases', 'documents', 'detail'] } } };

/** Sending a message fails (open a case and send one). */
export const SendingFails: Story = { args: { bff: signedIn, cases: { failing: ['message'] } } };

/** 45 cases, 20 per page: "Weitere laden". */
export const ManyCases: Story = { args: { bff: signedIn, cases: { cases: 45, documents: 30 } } };

export const LongTexts: Story = {
  args: { bff: { session: { state: 'signed_in', user: longNameResident } }, cases: { long: true } },
  decorators: [mobileWidth],
};

/** A status change, a reply and a new document arrive live, 2, 5 and 8 seconds after rendering. */
export const LiveUpdates: Story = { args: { bff: signedIn, liveUpdatesAfter: 2000 } };

export const English: Story = { args: { lang: 'en', bff: signedIn, cases: { joined: sampleJoined() } } };

export const Mobile320: Story = { decorators: [mobileWidth] };

export const Mobile320SignedIn: Story = { args: { bff: signedIn, cases: { joined: sampleJoined() } }, decorators: [mobileWidth] };

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
};

export const ThemedStadthausSued: Story = {
  args: {
    bff: signedIn,
    style:
      '--mp-color-primary: #7a1f5c; --mp-color-focus: #ffb000; --mp-font-family: Georgia, serif; --mp-radius: 0; --mp-color-background: #fbf6f9;',
  },
};
