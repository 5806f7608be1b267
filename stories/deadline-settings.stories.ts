import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeSettings, type FakeSettingsOptions } from '../widgets/testing/fake-settings.ts';
import '../widgets/deadline-settings/deadline-settings.ts';
import { admin, clerk, english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory settings API: deadlines and state to start with, failing endpoints, latency. */
  settings: FakeSettingsOptions;
  /** Who is signed in: a clerk sees that the deadlines are for admins. */
  role: 'admin' | 'clerk';
}

/** The admins' case deadlines in working days against an in-memory BFF. */
const meta: Meta<Args> = {
  title: 'Verwaltung/deadline-settings',
  component: 'deadline-settings',
  args: {
    settings: { settings: { federalState: 'NI', deadlineWorkingDays: { damage: { urgent: 2, normal: 10 } } }, latency: 200 },
    role: 'admin',
  },
  argTypes: { settings: { control: 'object' }, role: { control: 'inline-radio', options: ['admin', 'clerk'] } },
  render: ({ settings, role }) => {
    const bff = new FakeBff({
      session: { state: 'signed_in', user: role === 'admin' ? admin : clerk },
      routes: new FakeSettings({ ...settings, signedInAs: role }).routes,
    });
    return html`<deadline-settings .client=${bff.client()}></deadline-settings>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const element = (canvas: HTMLElement) => canvas.querySelector('deadline-settings')!;

async function enter(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const input = await findDeep<HTMLInputElement>(element(canvas), `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
const save = async (canvas: HTMLElement) => userEvent.click(await findDeep(element(canvas), 'button[part~="save"]'));

export const WithDeadlines: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Fristen in Arbeitstagen', 'Niedersachsen', 'Standard 1 Tag'),
};

export const StandardOnly: Story = {
  args: { settings: {} },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Nur bundesweite Feiertage', 'Standard 14 Tage'),
};

export const Loading: Story = {
  args: { settings: { latency: 600_000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

export const NotAnAdmin: Story = {
  args: { role: 'clerk' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'nur Administratorinnen und Administratoren'),
};

export const WrongNumber: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Fristen in Arbeitstagen');
    await enter(canvasElement, 'deadlineWorkingDays-complaint-normal', '0');
    await save(canvasElement);
    await expectShown(canvasElement, 'Bitte eine ganze Zahl von 1 bis 60 Arbeitstagen angeben oder das Feld leeren.');
  },
};

export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Fristen in Arbeitstagen');
    await enter(canvasElement, 'deadlineWorkingDays-complaint-normal', '7');
    await save(canvasElement);
    await expectShown(canvasElement, 'Gespeichert. Neue Vorgänge erhalten diese Fristen.');
  },
};

export const SavingFailed: Story = {
  args: { settings: { failing: ['save'] } },
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Fristen in Arbeitstagen');
    await enter(canvasElement, 'deadlineWorkingDays-complaint-normal', '7');
    await save(canvasElement);
    await expectShown(canvasElement, 'Der Dienst ist vorübergehend nicht verfügbar.');
  },
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Deadlines in working days', 'Save deadlines'),
};

export const Phone: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Fristen in Arbeitstagen'),
};
