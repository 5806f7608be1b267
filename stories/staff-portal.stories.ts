import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FakeBff, type FakeBffOptions } from '../widgets/testing/fake-bff.ts';
import { FakeStaffCases, type FakeStaffCasesOptions } from '../widgets/testing/fake-staff-cases.ts';
import '../widgets/staff-portal/staff-portal.ts';
import { clerk, mobileWidth } from './fixtures.ts';

interface Args {
  lang: string;
  bff: FakeBffOptions;
  /** The board's in-memory case API (count, failures, long texts). */
  cases: FakeStaffCasesOptions;
  /** Pushes a new case live this many ms after the story renders. */
  liveNewCaseAfter?: number;
}

function renderPortal({ lang, bff: options, cases: caseOptions, liveNewCaseAfter }: Args) {
  const cases = new FakeStaffCases(caseOptions);
  const bff = new FakeBff({ latency: 400, ...options, routes: cases.routes });
  if (liveNewCaseAfter !== undefined) {
    setTimeout(() => {
      const fresh = cases.add(
        cases.created({ title: 'Aufzug steckt zwischen 2. und 3. OG fest', priority: 'critical', urgency: 'emergency' }),
      );
      bff.live.emit('case:created', { change: 'created', case: fresh });
    }, liveNewCaseAfter);
  }
  return html`<staff-portal tenant="wohnbau-nord" lang=${lang} .client=${bff.client()}></staff-portal>`;
}

/** The staff portal against an in-memory BFF. Try `sachbearbeitung@example.org`, `richtig-geheim`, code `123456`. */
const meta: Meta<Args> = {
  title: 'Portale/staff-portal',
  component: 'staff-portal',
  args: { lang: 'de', bff: {}, cases: {} },
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'] },
    bff: { control: false },
    cases: { control: 'object' },
    liveNewCaseAfter: { control: { type: 'number', min: 0, step: 500 } },
  },
  render: renderPortal,
};
export default meta;

type Story = StoryObj<Args>;

export const Login: Story = {};

export const SecondFactorTotp: Story = { args: { bff: { session: { state: 'second_factor', secondFactor: 'totp', user: clerk } } } };

export const TotpEnrolment: Story = { args: { bff: { session: { state: 'enroll', enrollOptions: ['totp'], user: clerk } } } };

export const SignedInVorgaenge: Story = { args: { bff: { session: { state: 'signed_in', user: clerk } } } };

export const English: Story = { args: { lang: 'en', bff: { session: { state: 'signed_in', user: clerk } } } };

export const Mobile320: Story = { decorators: [mobileWidth] };

const signedIn = { session: { state: 'signed_in' as const, user: clerk } };

export const SignedInEmptyBoard: Story = { args: { bff: signedIn, cases: { count: 0 } } };

export const SignedInManyCases: Story = { args: { bff: signedIn, cases: { count: 80 } } };

export const SignedInLongTexts: Story = { args: { bff: signedIn, cases: { longTexts: true, count: 6 } } };

export const SignedInBoardError: Story = {
  args: {
    bff: signedIn,
    cases: { listError: { status: 503, code: 'service_unavailable', message: 'Der Dienst ist gerade nicht erreichbar.' } },
  },
};

export const SignedInLiveNewCase: Story = { args: { bff: signedIn, cases: { count: 5 }, liveNewCaseAfter: 2500 } };

export const SignedInMobile320: Story = { args: { bff: signedIn }, decorators: [mobileWidth] };
