import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeEmbedding, type FakeEmbeddingOptions } from '../widgets/testing/fake-embedding.ts';
import '../widgets/embed-settings/embed-settings.ts';
import { admin, clerk, english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory API: origins and colours to start with, the page one works from, a failing save, latency. */
  embedding: FakeEmbeddingOptions;
  /** Who is signed in: a clerk sees that this is for admins. */
  role: 'admin' | 'clerk';
}

/** The admins' embed origins and widget colours against an in-memory BFF. */
const meta: Meta<Args> = {
  title: 'Verwaltung/embed-settings',
  component: 'embed-settings',
  args: { embedding: { workingFrom: 'https://www.wohnbau-nord.example', latency: 200 }, role: 'admin' },
  argTypes: { embedding: { control: 'object' }, role: { control: 'inline-radio', options: ['admin', 'clerk'] } },
  render: ({ embedding, role }) => {
    const bff = new FakeBff({
      session: { state: 'signed_in', user: role === 'admin' ? admin : clerk },
      routes: new FakeEmbedding({ ...embedding, signedInAs: role }).routes,
    });
    return html`<embed-settings .client=${bff.client()}></embed-settings>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const element = (canvas: HTMLElement) => canvas.querySelector('embed-settings')!;

async function enter(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const input = await findDeep<HTMLInputElement>(element(canvas), `#${id}`);
  input.value = value;
  input.dispatchEvent(new Event('input'));
}
const save = async (canvas: HTMLElement) => userEvent.click(await findDeep(element(canvas), 'button[part~="save"]'));

export const Origins: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Adressen, auf denen das Portal eingebunden ist', 'Farben der Widgets'),
};

export const NoOrigins: Story = {
  args: { embedding: { embedding: { allowedOrigins: [], colours: {} } } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Noch keine Adresse'),
};

export const Loading: Story = {
  args: { embedding: { latency: 600_000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

export const NotAnAdmin: Story = {
  args: { role: 'clerk' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'nur Administratorinnen und Administratoren'),
};

export const OriginWithPath: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Adresse 1');
    await enter(canvasElement, 'allowedOrigins-0', 'https://www.wohnbau-nord.example/mieterportal');
    await save(canvasElement);
    await expectShown(canvasElement, 'ohne Pfad');
  },
};

export const LowContrast: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Farben der Widgets');
    await enter(canvasElement, 'colours---mp-color-on-primary', '#cccccc');
    await expectShown(canvasElement, 'zu gering für gut lesbaren Text');
  },
};

export const OwnPageRemoved: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Adresse 1');
    await userEvent.click(await findDeep(element(canvasElement), 'li.origin button'));
    await save(canvasElement);
    await expectShown(canvasElement, 'Sie würden sich selbst aussperren');
  },
};

export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Farben der Widgets');
    await enter(canvasElement, 'colours---mp-color-surface', '#fafafa');
    await save(canvasElement);
    await expectShown(canvasElement, 'Gespeichert.');
  },
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Addresses the portal is embedded on'),
};

export const Phone: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Farben der Widgets'),
};
