import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FAKE_CREDIT_LEAD, FakeCreditCheck, type FakeCreditCheckOptions } from '../widgets/testing/fake-credit-check.ts';
import '../widgets/lead-credit-check/lead-credit-check.ts';
import { phone320 } from './fixtures.ts';
import { expectShown } from './play.ts';

interface Args {
  /** The lead's credit check in memory: consent state, result class, stage, a failing bureau. */
  creditCheck: FakeCreditCheckOptions;
}

/** A lead's credit check as the lead detail shows it (the staff API in memory). */
const meta: Meta<Args> = {
  title: 'Vermietung/lead-credit-check',
  component: 'lead-credit-check',
  args: { creditCheck: { consent: 'none' } },
  argTypes: { creditCheck: { control: 'object' } },
  render: ({ creditCheck }) => {
    const fake = new FakeCreditCheck(creditCheck);
    const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
    return html`<lead-credit-check lead-id=${FAKE_CREDIT_LEAD} .client=${bff.client()}></lead-credit-check>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const NotRequested: Story = { play: ({ canvasElement }) => expectShown(canvasElement, 'nicht angefragt', 'Einwilligung anfragen') };

export const Requested: Story = {
  args: { creditCheck: { consent: 'requested' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'angefragt am'),
};

export const ConsentGiven: Story = {
  args: { creditCheck: { consent: 'given' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'erteilt am', 'Bonität prüfen'),
};

export const Unbedenklich: Story = {
  args: { creditCheck: { consent: 'given', result: 'unbedenklich' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'unbedenklich', 'Vorgang AUSK-2030-000042'),
};

export const Kritisch: Story = {
  args: { creditCheck: { consent: 'given', result: 'kritisch' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'kritisch'),
};

export const Revoked: Story = {
  args: { creditCheck: { consent: 'revoked' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'widerrufen am'),
};

export const BeforeViewing: Story = {
  args: { creditCheck: { consent: 'none', stageFits: false } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Ab „Besichtigt“ möglich.'),
};

export const Phone320: Story = {
  globals: phone320,
  args: { creditCheck: { consent: 'given', result: 'mit_auflagen' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'mit Auflagen'),
};
