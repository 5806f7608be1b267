import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeCatalogueAdmin, type FakeCatalogueAdminOptions } from '../widgets/testing/fake-catalogue-admin.ts';
import '../widgets/catalogue-settings/catalogue-settings.ts';
import { admin, english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory catalogue API: who asks, failures, entries in use, latency. */
  catalogue: FakeCatalogueAdminOptions;
}

/** The admins' damage catalogue and document types against an in-memory BFF that checks every change with the contract. */
const meta: Meta<Args> = {
  title: 'Verwaltung/catalogue-settings',
  component: 'catalogue-settings',
  args: { catalogue: { latency: 200 } },
  argTypes: { catalogue: { control: 'object' } },
  render: ({ catalogue }) => {
    const bff = new FakeBff({ session: { state: 'signed_in', user: admin }, routes: new FakeCatalogueAdmin(catalogue).routes });
    return html`<catalogue-settings .client=${bff.client()}></catalogue-settings>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const element = (canvas: HTMLElement) => canvas.querySelector('catalogue-settings')!;
const pressButton = async (canvas: HTMLElement, label: string) =>
  userEvent.click(await findDeep(element(canvas), `button[aria-label="${label}"], button[part~="add"][id="add-locations"]`));

async function fill(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const field = await findDeep<HTMLInputElement>(element(canvas), `#${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

async function openNewLocation(canvas: HTMLElement): Promise<void> {
  await expectShown(canvas, 'Wohnung');
  await userEvent.click(await findDeep(element(canvas), '#add-locations'));
}

export const Filled: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wasserhahn tropft', 'Gemeinschaftsfläche', 'Mieterbescheinigung', 'Nur Mieter'),
};

export const Empty: Story = {
  args: { catalogue: { empty: true } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Noch keine Schadensorte', 'Noch keine Dokumentarten.'),
};

export const Loading: Story = {
  args: { catalogue: { latency: 600_000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

export const LoadFailed: Story = {
  args: { catalogue: { failing: ['catalogue'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Die Einstellungen konnten nicht geladen werden.', 'Erneut versuchen'),
};

export const NotAnAdmin: Story = {
  args: { catalogue: { signedInAs: 'clerk' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'nur Administratorinnen und Administratoren'),
};

export const Editing: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Wohnung');
    await pressButton(canvasElement, '„Wohnung“ bearbeiten');
    await expectShown(canvasElement, '„Wohnung“ bearbeiten', 'Übersetzungen (optional', 'Gemeinschaftsfläche');
  },
};

export const AddingLocation: Story = {
  play: async ({ canvasElement }) => {
    await openNewLocation(canvasElement);
    await fill(canvasElement, 'editor-label', 'Fahrradkeller');
    await expectShown(canvasElement, 'Neuer Schadensort', 'Sie haben Änderungen, die noch nicht gespeichert sind.');
  },
};

export const Saving: Story = {
  args: { catalogue: { saveLatency: 600_000 } },
  play: async ({ canvasElement }) => {
    await openNewLocation(canvasElement);
    await fill(canvasElement, 'editor-label', 'Fahrradkeller');
    await userEvent.click(await findDeep(element(canvasElement), 'button[part~="save"]'));
    await expectShown(canvasElement, 'Wird gespeichert …');
  },
};

export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await openNewLocation(canvasElement);
    await fill(canvasElement, 'editor-label', 'Fahrradkeller');
    await userEvent.click(await findDeep(element(canvasElement), 'button[part~="save"]'));
    await expectShown(canvasElement, 'Hinzugefügt: „Fahrradkeller“.');
  },
};

export const ValidationError: Story = {
  play: async ({ canvasElement }) => {
    await openNewLocation(canvasElement);
    await fill(canvasElement, 'editor-label', 'Wohnung');
    await userEvent.click(await findDeep(element(canvasElement), 'button[part~="save"]'));
    await expectShown(canvasElement, 'Diese Bezeichnung gibt es hier schon.');
  },
};

export const SavingFailed: Story = {
  args: { catalogue: { failing: ['save'] } },
  play: async ({ canvasElement }) => {
    await openNewLocation(canvasElement);
    await fill(canvasElement, 'editor-label', 'Fahrradkeller');
    await userEvent.click(await findDeep(element(canvasElement), 'button[part~="save"]'));
    await expectShown(
      canvasElement,
      'Der Dienst ist vorübergehend nicht verfügbar.',
      'Sie haben Änderungen, die noch nicht gespeichert sind.',
    );
  },
};

export const ConfirmRemove: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'WC verstopft');
    await pressButton(canvasElement, '„WC verstopft“ entfernen');
    await expectShown(canvasElement, 'Wirklich entfernen');
  },
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Damage catalogue', 'Common area'),
};

export const Phone: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wasserhahn tropft'),
};
