import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeViewingBooking, fakeViewingSlots, type FakeViewingBookingOptions } from '../widgets/testing/fake-viewing-booking.ts';
import '../widgets/viewing-booking/viewing-booking.ts';
import { english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory booking of the signed link: slots, the person's booking, a refusal of the link, latency. */
  booking: FakeViewingBookingOptions;
}

/**
 * The public page an invited person opens from the invitation mail (`/besichtigung#token=…`), against an in-memory
 * BFF that books, moves, cancels and waits as the BFF does. No sign-in.
 */
const meta: Meta<Args> = {
  title: 'Vermietung/viewing-booking',
  component: 'viewing-booking',
  args: { booking: { latency: 200 } },
  argTypes: { booking: { control: 'object' } },
  render: ({ booking }) => {
    const fake = new FakeViewingBooking(booking);
    const bff = new FakeBff({ session: { state: 'anonymous' }, routes: fake.routes });
    return html`<viewing-booking token=${fake.token} .client=${bff.client()}></viewing-booking>`;
  },
};
export default meta;

type Story = StoryObj<Args>;
const [oneSeat, , fullSlot] = fakeViewingSlots();

export const OfferedSlots: Story = {
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Lindenallee 12, 20259 Hamburg', '1 freier Platz', '3 freie Plätze', 'ausgebucht', 'Auf die Warteliste'),
};

export const Booked: Story = {
  args: { booking: { booking: { slotId: oneSeat.id, status: 'booked' } } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Ihr Termin', 'In den Kalender (ICS)', 'Termin absagen', 'Hierher verlegen'),
};

export const OnTheWaitlist: Story = {
  args: { booking: { booking: { slotId: fullSlot.id, status: 'waitlisted' } } },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Sie stehen auf der Warteliste', 'Platz 3 der Warteliste', 'Warteliste verlassen'),
};

/** Someone else took the last place while the person looked: the page says so and offers the waitlist. */
export const LastPlaceTaken: Story = {
  args: { booking: { loseNextRace: true } },
  play: async ({ canvasElement }) => {
    await userEvent.click(await findDeep(canvasElement, 'button[part="book"]'));
    await expectShown(canvasElement, 'Dieser Termin ist inzwischen ausgebucht. Sie können sich auf die Warteliste setzen.');
  },
};

export const NoSlots: Story = {
  args: { booking: { slots: [] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Zurzeit sind keine Termine frei.'),
};

export const ExpiredLink: Story = {
  args: { booking: { refuse: 'link_expired' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Link funktioniert nicht', 'Dieser Link ist abgelaufen.'),
};

export const RevokedLink: Story = {
  args: { booking: { refuse: 'link_revoked' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Dieser Link gilt nicht mehr.'),
};

export const UsedLink: Story = {
  args: { booking: { refuse: 'link_used' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Dieser Link wurde bereits verwendet und gilt nur einmal.'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Available appointments', 'Join the waiting list'),
};

export const Phone320: Story = {
  globals: phone320,
  args: { booking: { booking: { slotId: oneSeat.id, status: 'booked' } } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Ihr Termin', 'Gruppenbesichtigung, Treffpunkt vor dem Haus.'),
};
