import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { FakeBffOptions } from '../widgets/testing/fake-bff.ts';
import '../widgets/staff-portal/staff-portal.ts';
import { clerk, fakeClient, mobileWidth } from './fixtures.ts';

interface Args {
  lang: string;
  bff: FakeBffOptions;
}

/** The staff portal against an in-memory BFF. Try `sachbearbeitung@example.org`, `richtig-geheim`, code `123456`. */
const meta: Meta<Args> = {
  title: 'Portale/staff-portal',
  component: 'staff-portal',
  args: { lang: 'de', bff: {} },
  argTypes: { lang: { control: 'inline-radio', options: ['de', 'en'] }, bff: { control: false } },
  render: ({ lang, bff }) => html`<staff-portal tenant="wohnbau-nord" lang=${lang} .client=${fakeClient(bff)}></staff-portal>`,
};
export default meta;

type Story = StoryObj<Args>;

export const Login: Story = {};

export const SecondFactorTotp: Story = { args: { bff: { session: { state: 'second_factor', secondFactor: 'totp', user: clerk } } } };

export const TotpEnrolment: Story = { args: { bff: { session: { state: 'enroll', enrollOptions: ['totp'], user: clerk } } } };

export const SignedInVorgaenge: Story = { args: { bff: { session: { state: 'signed_in', user: clerk } } } };

export const English: Story = { args: { lang: 'en', bff: { session: { state: 'signed_in', user: clerk } } } };

export const Mobile320: Story = { decorators: [mobileWidth] };
