import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeContractors, type FakeContractorsOptions } from '../widgets/testing/fake-contractors.ts';
import '../widgets/contractor-settings/contractor-settings.ts';
import { admin, clerk, english, phone320, resident } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory contractors API: contractors to start with, failing saves, latency. */
  contractors: FakeContractorsOptions;
  /** Who is signed in: clerks and admins manage contractors, a resident reads a note. */
  role: 'admin' | 'clerk' | 'resident';
}

const users = { admin, clerk, resident };

/** The housing company's contractors (Handwerker) against an in-memory BFF. */
const meta: Meta<Args> = {
  title: 'Verwaltung/contractor-settings',
  component: 'contractor-settings',
  args: { contractors: { latency: 200 }, role: 'admin' },
  argTypes: { contractors: { control: 'object' }, role: { control: 'inline-radio', options: ['admin', 'clerk', 'resident'] } },
  render: ({ contractors, role }) => {
    const bff = new FakeBff({
      session: { state: 'signed_in', user: users[role] },
      routes: new FakeContractors({ ...contractors, signedInAs: role }).routes,
    });
    return html`<contractor-settings .client=${bff.client()}></contractor-settings>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const element = (canvas: HTMLElement) => canvas.querySelector('contractor-settings')!;

async function enter(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const input = await findDeep<HTMLInputElement>(element(canvas), `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
const click = async (canvas: HTMLElement, part: string) => userEvent.click(await findDeep(element(canvas), `button[part~="${part}"]`));

/** Opens "Handwerker hinzufügen" and fills in a complete new contractor. */
async function fillNew(canvas: HTMLElement): Promise<void> {
  await click(canvas, 'add');
  await enter(canvas, 'name', 'Heizung Hansen');
  await enter(canvas, 'trade', 'Heizung');
  await enter(canvas, 'email', 'hansen@heizung.example');
}

export const List: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Rohr & Co. GmbH', 'Alle Gebäude', '1 bestimmtes Gebäude', 'Deaktiviert'),
};

export const Empty: Story = {
  args: { contractors: { contractors: [] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Noch keine Handwerker eingetragen.'),
};

export const Loading: Story = {
  args: { contractors: { latency: 600_000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

/** Clerks manage contractors too (the API is open to all staff). */
export const Clerk: Story = {
  args: { role: 'clerk' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Rohr & Co. GmbH', 'Handwerker hinzufügen'),
};

/** Anyone but staff (here a resident) reads who may use it. */
export const NotStaff: Story = {
  args: { role: 'resident' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'nur die Mitarbeiterinnen und Mitarbeiter Ihrer Hausverwaltung'),
};

export const WrongInput: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Rohr & Co. GmbH');
    await click(canvasElement, 'add');
    await enter(canvasElement, 'email', 'kein-at-zeichen');
    await click(canvasElement, 'save');
    await expectShown(canvasElement, 'Bitte füllen Sie dieses Feld aus.', 'Bitte eine gültige E-Mail-Adresse angeben.');
  },
};

/** The BFF's own message at its field. */
export const RefusedByServer: Story = {
  args: { contractors: { refuseWith: [{ path: 'email', code: 'custom', message: 'Diese Adresse nimmt keine Aufträge an.' }] } },
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Rohr & Co. GmbH');
    await fillNew(canvasElement);
    await click(canvasElement, 'save');
    await expectShown(canvasElement, 'Diese Adresse nimmt keine Aufträge an.');
  },
};

export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Rohr & Co. GmbH');
    await fillNew(canvasElement);
    await click(canvasElement, 'save');
    await expectShown(canvasElement, 'Heizung Hansen ist angelegt.');
  },
};

export const SavingFailed: Story = {
  args: { contractors: { failSave: true } },
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Rohr & Co. GmbH');
    await fillNew(canvasElement);
    await click(canvasElement, 'save');
    await expectShown(canvasElement, 'Der Dienst ist vorübergehend nicht verfügbar.', 'Neuer Handwerker');
  },
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Your contractors', 'All buildings', 'Add contractor'),
};

export const Phone: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Rohr & Co. GmbH', 'notdienst@schmidt.example'),
};
