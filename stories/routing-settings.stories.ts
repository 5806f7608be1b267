import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeCatalogueAdmin } from '../widgets/testing/fake-catalogue-admin.ts';
import { FakeRoutingAdmin, fakeStaff, type FakeRoutingAdminOptions } from '../widgets/testing/fake-routing-admin.ts';
import '../widgets/routing-settings/routing-settings.ts';
import { admin, clerk, english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory routing API: rules to start with, a failing save, latency. */
  routing: FakeRoutingAdminOptions;
  /** Who is signed in: a clerk sees that the rules are for admins. */
  role: 'admin' | 'clerk';
}

const complaintRule = {
  id: '00000000-0000-4000-9000-00000000aaaa',
  caseType: 'complaint' as const,
  damageCategoryId: null,
  assigneeId: fakeStaff[1].id,
  assigneeName: 'Dora Verwalter',
};

/** The admins' routing rules against an in-memory BFF (rules and staff; the categories from the catalogue fake). */
const meta: Meta<Args> = {
  title: 'Verwaltung/routing-settings',
  component: 'routing-settings',
  args: { routing: { rules: [complaintRule], latency: 200 }, role: 'admin' },
  argTypes: { routing: { control: 'object' }, role: { control: 'inline-radio', options: ['admin', 'clerk'] } },
  render: ({ routing, role }) => {
    const bff = new FakeBff({
      session: { state: 'signed_in', user: role === 'admin' ? admin : clerk },
      routes: [...new FakeRoutingAdmin(routing).routes, ...new FakeCatalogueAdmin({ signedInAs: role }).routes],
    });
    return html`<routing-settings .client=${bff.client()}></routing-settings>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const element = (canvas: HTMLElement) => canvas.querySelector('routing-settings')!;
const save = async (canvas: HTMLElement) => userEvent.click(await findDeep(element(canvas), 'button[part~="save"]'));

async function choose(canvas: HTMLElement, id: string, index: number): Promise<void> {
  const select = await findDeep<HTMLSelectElement>(element(canvas), `#${id}`);
  select.selectedIndex = index;
  select.dispatchEvent(new Event('change'));
}

export const WithRule: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Meldung/Beschwerde → Dora Verwalter', 'Regel festlegen'),
};

export const NoRules: Story = {
  args: { routing: {} },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Noch keine Regeln'),
};

export const Loading: Story = {
  args: { routing: { latency: 600_000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

export const NotAnAdmin: Story = {
  args: { role: 'clerk' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'nur Administratorinnen und Administratoren'),
};

export const PersonMissing: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Regel festlegen');
    await save(canvasElement);
    await expectShown(canvasElement, 'Bitte wählen Sie die zuständige Person aus.');
  },
};

export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Regel festlegen');
    await choose(canvasElement, 'assignee', 1);
    await save(canvasElement);
    await expectShown(canvasElement, 'Gespeichert: Schadensmeldung (Alle Kategorien) → Clara Kaiser.');
  },
};

export const SavingFailed: Story = {
  args: { routing: { rules: [complaintRule], failSave: true } },
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Regel festlegen');
    await choose(canvasElement, 'assignee', 1);
    await save(canvasElement);
    await expectShown(canvasElement, 'Der Dienst ist vorübergehend nicht verfügbar.');
  },
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Responsibilities', 'Save rule'),
};

export const Phone: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Regel festlegen'),
};
