import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { FakeBffOptions } from '../widgets/testing/fake-bff.ts';
import '../widgets/tenant-portal/tenant-portal.ts';
import { fakeClient, longNameResident, mobileWidth, resident } from './fixtures.ts';

interface Args {
  lang: string;
  bff: FakeBffOptions;
  style: string;
}

/**
 * The connected portal against an in-memory BFF. Try it: e-mail `anna.mueller@example.org` (authenticator) or
 * `bernd.schulz@example.org` (e-mail code), password `richtig-geheim`, code `123456` (app) or `654321` (e-mail);
 * activation code `ABCD-EFGH-JKLM`.
 */
const meta: Meta<Args> = {
  title: 'Portale/tenant-portal',
  component: 'tenant-portal',
  args: { lang: 'de', bff: {}, style: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['de', 'en'] }, bff: { control: false } },
  render: ({ lang, bff, style }) => html`
    <tenant-portal tenant="wohnbau-nord" lang=${lang} style=${style} .client=${fakeClient(bff)}></tenant-portal>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Login: Story = {};

export const SecondFactorTotp: Story = { args: { bff: { session: { state: 'second_factor', secondFactor: 'totp', user: resident } } } };

export const SecondFactorEmail: Story = { args: { bff: { session: { state: 'second_factor', secondFactor: 'email', user: resident } } } };

export const EnrolmentChoice: Story = { args: { bff: { session: { state: 'enroll', enrollOptions: ['totp', 'email'], user: resident } } } };

export const SignedInMeineAnliegen: Story = { args: { bff: { session: { state: 'signed_in', user: resident } } } };

export const English: Story = { args: { lang: 'en', bff: { session: { state: 'signed_in', user: resident } } } };

export const Mobile320: Story = { decorators: [mobileWidth] };

export const Mobile320SignedIn: Story = { args: { bff: { session: { state: 'signed_in', user: resident } } }, decorators: [mobileWidth] };

export const LongTexts: Story = { args: { bff: { session: { state: 'signed_in', user: longNameResident } } }, decorators: [mobileWidth] };

export const ServerUnreachable: Story = {
  args: { bff: { failWith: { status: 503, code: 'unavailable', message: 'Der Dienst ist vorübergehend nicht verfügbar. Bitte versuchen Sie es später erneut.' } } },
};

export const ThemedStadthausSued: Story = {
  args: {
    style:
      '--mp-color-primary: #7a1f5c; --mp-color-focus: #ffb000; --mp-font-family: Georgia, serif; --mp-radius: 0; --mp-color-background: #fbf6f9;',
  },
};
