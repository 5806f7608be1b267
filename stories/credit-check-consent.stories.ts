import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeCreditCheck, type FakeCreditCheckOptions } from '../widgets/testing/fake-credit-check.ts';
import '../widgets/credit-check-consent/credit-check-consent.ts';
import { phone320 } from './fixtures.ts';
import { expectShown } from './play.ts';

interface Args {
  /** The in-memory consent of the signed link: its state, a refusal of the link, latency, a broken server. */
  consent: FakeCreditCheckOptions;
}

/** The public page a person opens from the consent mail (`/bonitaet#token=…`), against an in-memory BFF. No sign-in. */
const meta: Meta<Args> = {
  title: 'Vermietung/credit-check-consent',
  component: 'credit-check-consent',
  args: { consent: { latency: 200 } },
  argTypes: { consent: { control: 'object' } },
  render: ({ consent }) => {
    const fake = new FakeCreditCheck(consent);
    const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
    return html`<credit-check-consent token=${fake.token} .client=${bff.client()}></credit-check-consent>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Loading: Story = {
  args: { consent: { latency: 600_000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

export const Ask: Story = {
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Empfängerin: Musterauskunftei AG (Auskunftei)',
      'Ihre Angaben für die Abfrage',
      'Einwilligen',
      'Nicht einwilligen',
    ),
};

export const Given: Story = {
  args: { consent: { consent: 'given' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Sie haben eingewilligt', 'Einwilligung widerrufen'),
};

export const Revoked: Story = {
  args: { consent: { consent: 'revoked' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Keine Einwilligung', 'Ihre Bonität wird nicht geprüft.'),
};

export const ExpiredLink: Story = {
  args: { consent: { refuse: 'link_expired' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Link funktioniert nicht', 'Dieser Link ist abgelaufen.'),
};

export const ServerError: Story = {
  args: { consent: { broken: true } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Erneut versuchen'),
};

export const Phone320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Postleitzahl', 'Einwilligen'),
};
