import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeContractorOrder, type FakeContractorOrderOptions } from '../widgets/testing/fake-contractor-order.ts';
import '../widgets/contractor-answer/contractor-answer.ts';
import { phone320 } from './fixtures.ts';
import { expectShown } from './play.ts';

interface Args {
  /** The in-memory order of the signed link: its state, a refusal of the link, latency, a broken server. */
  order: FakeContractorOrderOptions;
}

/** The public page a contractor opens from the order mail (`/auftrag#token=…`), against an in-memory BFF. No sign-in. */
const meta: Meta<Args> = {
  title: 'Vorgänge/contractor-answer',
  component: 'contractor-answer',
  args: { order: { latency: 200 } },
  argTypes: { order: { control: 'object' } },
  render: ({ order }) => {
    const fake = new FakeContractorOrder(order);
    const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
    return html`<contractor-answer token=${fake.token} .client=${bff.client()}></contractor-answer>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loading: Story = {
  args: { order: { latency: 600_000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

export const Ordered: Story = {
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Auftrag 2030-0042', 'Werktags ab 16 Uhr', 'Termin zusagen', 'Als erledigt melden', 'Ablehnen'),
};

export const Accepted: Story = {
  args: { order: { status: 'accepted' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Zugesagt', 'Termin ändern'),
};

export const Done: Story = {
  args: { order: { status: 'done' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Als erledigt gemeldet', 'Dieser Auftrag ist abgeschlossen.'),
};

export const NoAccess: Story = {
  args: { order: { accessConsent: false } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Kein Zutritt in Abwesenheit'),
};

export const ExpiredLink: Story = {
  args: { order: { refuse: 'link_expired' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Link funktioniert nicht', 'Dieser Link ist abgelaufen.'),
};

export const ServerError: Story = {
  args: { order: { broken: true } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Erneut versuchen'),
};

export const Phone320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Termin zusagen'),
};
