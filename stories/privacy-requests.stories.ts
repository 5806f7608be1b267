import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakePrivacy, type FakePrivacyOptions } from '../widgets/testing/fake-privacy.ts';
import '../widgets/privacy-requests/privacy-requests.ts';
import { admin, english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory erasure requests: the list, failures, latency, a clerk's refusal. */
  privacy: FakePrivacyOptions;
}

/**
 * The admins' erasure requests (Art. 17 DSGVO) against an in-memory BFF: an open request of Anna Müller and a completed
 * one of Jonas Weber with what was deleted, anonymised and kept. States that follow a click reach it in their play.
 */
const meta: Meta<Args> = {
  title: 'Verwaltung/privacy-requests',
  component: 'privacy-requests',
  args: { privacy: { latency: 200 } },
  argTypes: { privacy: { control: 'object' } },
  render: ({ privacy }) => {
    const bff = new FakeBff({ session: { state: 'signed_in', user: admin }, routes: new FakePrivacy(privacy).routes });
    return html`<privacy-requests .client=${bff.client()}></privacy-requests>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const press = async (canvas: HTMLElement, text: string) => userEvent.click(await findDeep(canvas, 'button', text));

export const Requests: Story = {
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Datenschutz: Löschanträge',
      'Anna Müller',
      'Offen',
      'Mieternummer M-1001',
      'Erledigen …',
      'Jonas Weber',
      'Erledigt am',
      '14 Nachrichten an den Assistenten',
      'Name (kein Miet- oder Eigentumsverhältnis mehr)',
      '1 Anliegen nach Ablauf der Aufbewahrungsfrist',
    ),
};

export const Confirming: Story = {
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Erledigen …');
    await expectShown(canvasElement, 'Daten von Anna Müller jetzt löschen und anonymisieren?', 'Jetzt löschen und anonymisieren');
  },
};

export const Completing: Story = {
  args: { privacy: { pendingForever: ['complete'] } },
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Erledigen …');
    await press(canvasElement, 'Jetzt löschen und anonymisieren');
    await expectShown(canvasElement, 'Wird erledigt …');
  },
};

export const Completed: Story = {
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Erledigen …');
    await press(canvasElement, 'Jetzt löschen und anonymisieren');
    await expectShown(
      canvasElement,
      'Der Löschantrag von Anna Müller ist erledigt.',
      'Name bleibt für das bestehende Miet- oder Eigentumsverhältnis',
      '1 offenes Anliegen',
    );
  },
};

export const CompleteFailed: Story = {
  args: { privacy: { failing: ['complete'] } },
  play: async ({ canvasElement }) => {
    await press(canvasElement, 'Erledigen …');
    await press(canvasElement, 'Jetzt löschen und anonymisieren');
    await expectShown(canvasElement, 'vorübergehend nicht verfügbar', 'Jetzt löschen und anonymisieren');
  },
};

export const Empty: Story = {
  args: { privacy: { requests: [] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Es liegen keine Löschanträge vor.'),
};

export const Loading: Story = {
  args: { privacy: { pendingForever: ['list'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen'),
};

export const LoadError: Story = {
  args: { privacy: { failing: ['list'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Erneut versuchen'),
};

export const ClerkRefused: Story = {
  args: { privacy: { forbidden: true } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Löschanträge sehen nur Administratorinnen und Administratoren.'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Data protection: erasure requests', 'Complete …', '14 messages to the assistant'),
};

export const Mobile320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Anna Müller', 'Erledigen …'),
};
