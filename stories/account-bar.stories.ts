import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { Session } from '../widgets/internal/api-client.ts';
import '../widgets/account-bar/account-bar.ts';
import { english, longNameResident, phone320, resident } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  busy: boolean;
  session: Session;
}

const meta: Meta<Args> = {
  title: 'Sign-in/mp-account-bar',
  component: 'mp-account-bar',
  args: { busy: false, session: { state: 'signed_in', user: resident } },
  render: ({ busy, session }) => html`<mp-account-bar ?busy=${busy} .session=${session}></mp-account-bar>`,
};
export default meta;

type Story = StoryObj<Args>;

export const SignedIn: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Angemeldet als Anna Müller', 'Abmelden', 'Auf allen Geräten abmelden'),
};

export const SigningOut: Story = {
  args: { busy: true },
  play: async ({ canvasElement }) => {
    const button = await findDeep<HTMLButtonElement>(canvasElement, 'button');
    await expect(button.getAttribute('aria-busy'), 'the buttons wait').toBe('true');
  },
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Signed in as Anna Müller', 'Sign out'),
};

export const Mobile320LongName: Story = {
  args: { session: { state: 'signed_in', user: longNameResident } },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Angemeldet als Maximiliane Alexandra von Hohenzollern'),
};
