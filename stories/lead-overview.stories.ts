import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { emptyLeadOverview, FakeListings, type FakeListingsOptions } from '../widgets/testing/fake-listings.ts';
import '../widgets/lead-overview/lead-overview.ts';
import { clerk, phone320 } from './fixtures.ts';
import { expectShown } from './play.ts';

interface Args {
  /** The in-memory API: the overview's figures, failures, latency. */
  overview: FakeListingsOptions;
}

/** The lettings' daily overview against an in-memory BFF whose answers the contract checks. */
const meta: Meta<Args> = {
  title: 'Vermietung/lead-overview',
  component: 'lead-overview',
  args: { overview: { latency: 200 } },
  argTypes: { overview: { control: 'object' } },
  render: ({ overview }) => {
    const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: new FakeListings(overview).routes });
    return html`<lead-overview .client=${bff.client()}></lead-overview>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Filled: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, '47 Interessenten insgesamt', 'Je Phase', 'Je Inserat', 'Je Quelle'),
};

export const Empty: Story = {
  args: { overview: { overview: emptyLeadOverview() } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Noch keine Interessenten.'),
};

export const Busy: Story = {
  args: { overview: { neverAnswers: 'overview' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen'),
};

export const LoadFailed: Story = {
  args: { overview: { failing: ['overview'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Die Übersicht konnte nicht geladen werden.'),
};

export const Mobile320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Je Phase'),
};
