import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { NotificationPreferences, NotificationPreferencesClient } from '../widgets/internal/notification-preferences-api.ts';
import '../widgets/notification-preferences/notification-preferences.ts';
import { english, phone320, turkish } from './fixtures.ts';
import { expectShown } from './play.ts';

interface Args {
  stored: NotificationPreferences;
  /** How the stand-in BFF answers: at once, never (loading), or with a refusal. */
  answer: 'ok' | 'pending' | 'offline';
}

/** A stand-in for the BFF: answers with the stored choice and keeps what is saved. */
function storyClient({ stored, answer }: Args): NotificationPreferencesClient {
  let current = stored;
  return {
    request<T>(method: 'GET' | 'PUT', _path: string, body?: unknown): Promise<T> {
      if (answer === 'pending') return new Promise<T>(() => undefined);
      if (answer === 'offline') return Promise.reject(Object.assign(new Error(''), { code: 'network_error' }));
      if (method === 'PUT') current = body as NotificationPreferences;
      return Promise.resolve(current as T);
    },
  };
}

/** "E-Mail-Benachrichtigungen" as `<tenant-portal>` shows it under "Meine Anliegen". */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-notification-preferences',
  component: 'mp-notification-preferences',
  args: { stored: { receipt: true, replies: true, statusChanges: true, appointments: true }, answer: 'ok' },
  argTypes: { stored: { control: 'object' }, answer: { control: 'inline-radio', options: ['ok', 'pending', 'offline'] } },
  render: (args) => html`<mp-notification-preferences .client=${storyClient(args)}></mp-notification-preferences>`,
};
export default meta;

type Story = StoryObj<Args>;

export const AllOn: Story = {
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'E-Mail-Benachrichtigungen', 'Jede Antwort meiner Hausverwaltung', 'Auswahl speichern'),
};

export const SomeOff: Story = {
  args: { stored: { receipt: false, replies: true, statusChanges: false, appointments: true } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Eingangsbestätigung, wenn ich ein Anliegen melde'),
};

export const Loading: Story = {
  args: { answer: 'pending' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

export const Offline: Story = {
  args: { answer: 'offline' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Server ist gerade nicht erreichbar'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'E-mail notifications', 'Appointments with contractors'),
};

export const Turkish: Story = {
  globals: turkish,
  play: ({ canvasElement }) => expectShown(canvasElement, 'E-posta bildirimleri'),
};

export const Phone320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Termine mit Handwerkern'),
};
