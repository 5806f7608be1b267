import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeCaseFiling } from '../widgets/testing/fake-case-filing.ts';
import { FakeChat, type FakeChatOptions } from '../widgets/testing/fake-chat.ts';
import '../widgets/tenant-chat/tenant-chat.ts';
import { english, phone320, polish, resident, turkish, ukrainian } from './fixtures.ts';
import { expectShown, findDeep, queryDeep } from './play.ts';

interface Args {
  signedIn: boolean;
  chat: FakeChatOptions;
}

/**
 * The resident's chat with the assistant against an in-memory BFF (`FakeChat`): answers stream as real
 * Server-Sent Events, piece by piece. States that follow a message are reached in the play function.
 */
const meta: Meta<Args> = {
  title: 'Assistent/tenant-chat',
  component: 'tenant-chat',
  args: { signedIn: true, chat: { acknowledged: true } },
  argTypes: { chat: { control: false } },
  render: ({ signedIn, chat }) => {
    const fakeChat = new FakeChat(chat);
    const bff = new FakeBff({
      session: signedIn ? { state: 'signed_in', user: resident } : { state: 'anonymous' },
      routes: [...fakeChat.routes, ...new FakeCaseFiling().routes],
    });
    return html`<tenant-chat .client=${bff.client()}></tenant-chat>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const chat = (canvas: HTMLElement) => canvas.querySelector('tenant-chat')!;

/** Types a message and sends it, as a resident does. */
async function send(canvas: HTMLElement, text: string): Promise<void> {
  const field = await findDeep<HTMLTextAreaElement>(chat(canvas), 'textarea');
  field.value = text;
  field.dispatchEvent(new Event('input'));
  await chat(canvas).updateComplete;
  (await findDeep<HTMLButtonElement>(chat(canvas), '[part=send]')).click();
}

export const Notice: Story = {
  args: { chat: {} },
  play: async ({ canvasElement }) => {
    await expectShown(
      canvasElement,
      'Datenschutzhinweis zum Assistenten',
      'Verantwortlich für die Verarbeitung',
      'Verstanden',
      'Offline-Assistent',
    );
    await expect(queryDeep(chat(canvasElement), 'textarea'), 'nothing can be sent before').toBeNull();
  },
};

export const NotSignedIn: Story = {
  args: { signedIn: false },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Bitte melden Sie sich im Mieterportal an'),
};

export const Empty: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Fragen Sie zum Beispiel', 'Ihre Nachricht', 'Senden'),
};

/** The answer arrives word by word; "Stopp" ends it. */
export const Streaming: Story = {
  args: { chat: { acknowledged: true, toolDelay: 0, tokenDelay: 1500 } },
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'Wann kommt meine Nebenkostenabrechnung?');
    await expectShown(canvasElement, 'Ihre Nebenkostenabrechnung', 'Stopp');
  },
};

export const ToolInProgress: Story = {
  args: { chat: { acknowledged: true, toolDelay: 600_000 } },
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'Wie ist der Stand meiner Anliegen?');
    await expectShown(canvasElement, 'Ich sehe in Ihren Anliegen nach …', 'Stopp');
  },
};

export const DraftCard: Story = {
  args: { chat: { acknowledged: true, tokenDelay: 0, toolDelay: 0 } },
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'Bei mir tropft die Küchenarmatur');
    await expectShown(canvasElement, 'Entwurf: Schadensmeldung', 'Wasserhahn tropft', 'Fotos (optional)', 'Schadensmeldung absenden');
  },
};

/** A question the assistant cannot answer becomes, on the resident's yes, a request with the part of the chat that goes with it. */
export const RequestDraft: Story = {
  args: { chat: { acknowledged: true, tokenDelay: 0, toolDelay: 0 } },
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'Ja bitte');
    await expectShown(
      canvasElement,
      'Entwurf: Anfrage an Ihre Hausverwaltung',
      'Darf ich auf dem Balkon grillen?',
      'Mieter/in: Darf ich auf dem Balkon grillen?',
      'Anfrage senden',
    );
  },
};

export const DraftSent: Story = {
  args: { chat: { acknowledged: true, tokenDelay: 0, toolDelay: 0 } },
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'Bitte um Rückruf wegen der Heizkosten');
    (await findDeep<HTMLButtonElement>(chat(canvasElement), '[part=draft-send]', 'Rückruf anfordern')).click();
    await expectShown(canvasElement, 'Gesendet als Anliegen 2026-0300.', 'Das Team Ihrer Hausverwaltung ist informiert.');
  },
};

/** A message refused before any answer: the text stays in the field. */
export const ErrorBudgetExhausted: Story = {
  args: { chat: { acknowledged: true, refuse: 'chat_budget_exhausted' } },
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'Wann kommt meine Nebenkostenabrechnung?');
    await expectShown(canvasElement, 'Der Assistent ist in diesem Monat nicht mehr verfügbar.');
  },
};

export const ProviderOverloaded: Story = {
  args: { chat: { acknowledged: true, streamError: 'model_overloaded' } },
  play: async ({ canvasElement }) => {
    await send(canvasElement, 'Wie ist der Stand meiner Anliegen?');
    await expectShown(canvasElement, 'Der Assistent ist gerade überlastet. Bitte versuchen Sie es in einer Minute noch einmal.');
  },
};

export const LongConversation: Story = {
  args: { chat: { acknowledged: true, conversations: 'long' } },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Welche Dokumente habe ich?', 'Betriebskostenabrechnung 2024', 'spätestens am 31.12.2026'),
};

export const HistoryList: Story = {
  args: { chat: { acknowledged: true, conversations: 'some' } },
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(chat(canvasElement), 'button', 'Frühere Unterhaltungen')).click();
    await expectShown(
      canvasElement,
      'Wann kommt meine Nebenkostenabrechnung?',
      'Bei mir tropft die Küchenarmatur',
      'Alle Unterhaltungen herunterladen (JSON)',
      'Alle Unterhaltungen löschen',
    );
  },
};

export const DeleteConfirmation: Story = {
  args: { chat: { acknowledged: true, conversations: 'some' } },
  play: async ({ canvasElement }) => {
    (await findDeep<HTMLButtonElement>(chat(canvasElement), 'button', 'Diese Unterhaltung löschen')).click();
    await expectShown(canvasElement, 'endgültig löschen?', 'Endgültig löschen', 'Abbrechen');
  },
};

export const German: Story = {
  args: { chat: {} },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Verstanden', 'Offline-Assistent'),
};

export const English: Story = {
  args: { chat: {} },
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Privacy notice for the assistant', 'Understood', 'Offline assistant'),
};

export const Turkish: Story = {
  globals: turkish,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Mesajınız', 'Gönder', 'Önceki sohbetler'),
};

export const Polish: Story = {
  globals: polish,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Państwa wiadomość', 'Wyślij', 'Wcześniejsze rozmowy'),
};

export const Ukrainian: Story = {
  globals: ukrainian,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Ваше повідомлення', 'Надіслати', 'Попередні розмови'),
};

/** The narrowest phone: a long conversation and a draft card fit without sideways scrolling. */
export const Phone320: Story = {
  args: { chat: { acknowledged: true, conversations: 'long', tokenDelay: 0, toolDelay: 0 } },
  globals: phone320,
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'spätestens am 31.12.2026');
    await send(canvasElement, 'Bei mir tropft die Küchenarmatur');
    await expectShown(canvasElement, 'Schadensmeldung absenden');
  },
};
