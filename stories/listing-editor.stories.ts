import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeListings, fakeListingRecords, fakeSlot, type FakeListingsOptions } from '../widgets/testing/fake-listings.ts';
import '../widgets/listing-editor/listing-editor.ts';
import { clerk, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory listings API: listings, units, viewing slots, failures, latency. */
  listings: FakeListingsOptions;
}

const [first] = fakeListingRecords();

/**
 * The clerks' listings (Inserate) against an in-memory BFF that checks every body with the contract's schemas, as
 * the BFF does. Stories of a state that follows an interaction reach it in their play function.
 */
const meta: Meta<Args> = {
  title: 'Vermietung/listing-editor',
  component: 'listing-editor',
  args: {
    listings: {
      latency: 200,
      slots: {
        [first.id]: [
          fakeSlot(first.id, 1, { capacity: 8, booked: 3, waitlisted: 0 }),
          fakeSlot(first.id, 2, { capacity: 1, booked: 1, waitlisted: 2 }),
          fakeSlot(first.id, 3),
        ],
      },
    },
  },
  argTypes: { listings: { control: 'object' } },
  render: ({ listings }) => {
    const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: new FakeListings(listings).routes });
    return html`<listing-editor .client=${bff.client()}></listing-editor>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const editorOf = (canvas: HTMLElement) => canvas.querySelector('listing-editor')!;
const click = async (canvas: HTMLElement, selector: string, text?: string) =>
  userEvent.click(await findDeep(editorOf(canvas), selector, text));

async function fill(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const field = await findDeep<HTMLInputElement>(editorOf(canvas), `#${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

export const Empty: Story = {
  args: { listings: { listings: [] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Noch keine Inserate.'),
};

export const List: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, '2-Zimmer-Wohnung, Lindenallee 12, 2. OG links', '12 Interessenten', 'vermietet'),
};

export const CreateForm: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, '#create');
    await expectShown(canvasElement, 'Neues Inserat anlegen', 'Pflichtangabe nach § 2 Abs. 1a WoVermittG');
  },
};

export const EditWithFieldErrors: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, `#edit-${first.id}`);
    await fill(canvasElement, 'rooms', '2,3');
    await fill(canvasElement, 'commission', '');
    await click(canvasElement, 'button[part~="save"]');
    await expectShown(canvasElement, 'Zimmer in halben Schritten', 'Bitte die Provision angeben');
  },
};

export const Saving: Story = {
  args: { listings: { neverAnswers: 'save' } },
  play: async ({ canvasElement }) => {
    await click(canvasElement, `#edit-${first.id}`);
    await fill(canvasElement, 'coldRent', '710');
    await click(canvasElement, 'button[part~="save"]');
    await expectShown(canvasElement, 'Wird gespeichert …');
  },
};

export const Slots: Story = {
  play: async ({ canvasElement }) => {
    await click(canvasElement, `#edit-${first.id}`);
    await expectShown(canvasElement, 'Besichtigungstermine', 'Gebucht: Lena Schneider', 'Termin anbieten');
  },
};

export const Mobile320: Story = {
  globals: phone320,
  play: async ({ canvasElement }) => {
    await click(canvasElement, `#edit-${first.id}`);
    await expectShown(canvasElement, 'Kennungen bei den Portalen', 'Besichtigungstermine');
  },
};
