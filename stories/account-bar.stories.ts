import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { Session } from '../widgets/internal/api-client.ts';
import '../widgets/account-bar/account-bar.ts';
import { longNameResident, mobileWidth, resident } from './fixtures.ts';

interface Args {
  lang: string;
  busy: boolean;
  session: Session;
}

const meta: Meta<Args> = {
  title: 'Sign-in/mp-account-bar',
  component: 'mp-account-bar',
  args: { lang: 'de', busy: false, session: { state: 'signed_in', user: resident } },
  argTypes: { lang: { control: 'inline-radio', options: ['de', 'en'] } },
  render: ({ lang, busy, session }) => html`<mp-account-bar lang=${lang} ?busy=${busy} .session=${session}></mp-account-bar>`,
};
export default meta;

type Story = StoryObj<Args>;

export const SignedIn: Story = {};

export const SigningOut: Story = { args: { busy: true } };

export const English: Story = { args: { lang: 'en' } };

export const Mobile320LongName: Story = { args: { session: { state: 'signed_in', user: longNameResident } }, decorators: [mobileWidth] };
