import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { fakeCompanySettings, FakeSettings, type FakeSettingsOptions } from '../widgets/testing/fake-settings.ts';
import '../widgets/company-settings/company-settings.ts';
import { admin, english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory settings API: the company's settings, the chat's use this month, who asks, failures. */
  settings: FakeSettingsOptions;
}

/**
 * The admins' settings of a housing company against an in-memory BFF that checks every change with the contract's
 * schema, as the BFF does. Stories of a state that follows an interaction reach it in their play function.
 */
const meta: Meta<Args> = {
  title: 'Verwaltung/company-settings',
  component: 'company-settings',
  args: { settings: { settings: fakeCompanySettings(), usage: { inputTokens: 612_000, outputTokens: 148_500 }, latency: 300 } },
  argTypes: { settings: { control: 'object' } },
  render: ({ settings }) => {
    const bff = new FakeBff({ session: { state: 'signed_in', user: admin }, routes: new FakeSettings(settings).routes });
    return html`<company-settings .client=${bff.client()}></company-settings>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

const settingsOf = (canvas: HTMLElement) => canvas.querySelector('company-settings')!;

/** Puts `value` into the field with this id at once, as typed. */
async function fill(canvas: HTMLElement, id: string, value: string): Promise<void> {
  const field = await findDeep<HTMLInputElement | HTMLTextAreaElement>(settingsOf(canvas), `#${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

const save = async (canvas: HTMLElement) => userEvent.click(await findDeep(settingsOf(canvas), 'button[part~="save"]'));

export const Filled: Story = {
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Kontakt und Notfall', '760.500 von 2.000.000 Tokens', /38\s% verbraucht/);
    const hours = await findDeep<HTMLTextAreaElement>(canvasElement, '#officeHours');
    await expect(hours.value).toBe('Mo–Do 8–16 Uhr, Fr 8–12 Uhr');
    await expect((await findDeep<HTMLInputElement>(canvasElement, '#emergencyNumbers-0-label')).value).toBe(
      'Notdienst Wasser, Heizung, Strom (rund um die Uhr)',
    );
    await expect((await findDeep<HTMLInputElement>(canvasElement, '#houseRules-1-title')).value).toBe('Grillen');
    await expectShown(canvasElement, 'E-Mails an Bewohner');
    await expect((await findDeep<HTMLInputElement>(canvasElement, '#residentMailSenderName')).value).toBe(
      'Wohnbau Nord eG – Mieterservice',
    );
    await expect((await findDeep<HTMLTextAreaElement>(canvasElement, '#residentMailSignature')).value).toContain('Telefon 040 123 456');
  },
};

export const EmptyCompany: Story = {
  args: { settings: { latency: 300 } },
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Noch nie geändert: Es gelten die Standardwerte.',
      'Noch keine Notrufnummern.',
      'Noch keine Auszüge aus der Hausordnung.',
      '0 von 2.000.000 Tokens',
    ),
};

export const ValidationError: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'emergencyNumbers-0-phone', 'Tag und Nacht');
    await fill(canvasElement, 'chatHistoryDays', '120');
    await save(canvasElement);
    await expectShown(
      canvasElement,
      'Bitte korrigieren Sie die 2 markierten Angaben.',
      'Bitte eine Telefonnummer aus Ziffern angeben, z. B. 040 123 456 oder +49 40 123456.',
      'Höchstens 90 Tage.',
    );
  },
};

/** An address in the sender name: the contract's message at the field, nothing stored. */
export const SenderNameRefused: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'residentMailSenderName', 'Mieterservice <service@wohnbau-nord.example>');
    await save(canvasElement);
    await expectShown(
      canvasElement,
      'Bitte korrigieren Sie die markierte Angabe.',
      'Bitte nur den Namen angeben, ohne E-Mail-Adresse und ohne < > @: Die Absenderadresse ist die des Portals.',
    );
  },
};

export const Saving: Story = {
  args: { settings: { settings: fakeCompanySettings(), saveLatency: 600_000 } },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'officeHours', 'Mo–Fr 9–12 Uhr');
    await save(canvasElement);
    await expectShown(canvasElement, 'Wird gespeichert …');
  },
};

export const Saved: Story = {
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'officeHours', 'Mo–Fr 9–12 Uhr, Do zusätzlich 14–18 Uhr');
    await save(canvasElement);
    await expectShown(canvasElement, 'Gespeichert. Zuletzt geändert am');
  },
};

export const SavingFailed: Story = {
  args: { settings: { settings: fakeCompanySettings(), failing: ['save'], latency: 300 } },
  play: async ({ canvasElement }) => {
    await fill(canvasElement, 'officeHours', 'Nur nach Vereinbarung');
    await save(canvasElement);
    await expectShown(
      canvasElement,
      'Der Dienst ist vorübergehend nicht verfügbar.',
      'Sie haben Änderungen, die noch nicht gespeichert sind.',
    );
  },
};

export const BudgetNearlyUsed: Story = {
  args: { settings: { settings: fakeCompanySettings(), usage: { inputTokens: 1_420_000, outputTokens: 310_000 } } },
  play: ({ canvasElement }) => expectShown(canvasElement, /86\s% verbraucht/, 'Das Budget ist fast aufgebraucht.'),
};

export const BudgetExhausted: Story = {
  args: { settings: { settings: fakeCompanySettings(), usage: { inputTokens: 1_640_000, outputTokens: 372_000 } } },
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      /100\s% verbraucht/,
      'Das Budget ist aufgebraucht: Der Assistent nimmt bis zum Monatsende keine Nachrichten mehr an.',
    ),
};

export const ChatSwitchedOff: Story = {
  args: { settings: { settings: { ...fakeCompanySettings(), chatMonthlyTokenBudget: 0 } } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Das Budget ist 0: Der Chat ist abgeschaltet'),
};

export const ForbiddenForClerk: Story = {
  args: { settings: { signedInAs: 'clerk' } },
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Die Einstellungen können nur Administratorinnen und Administratoren Ihrer Hausverwaltung sehen und ändern.',
    ),
};

export const LoadError: Story = {
  args: { settings: { failing: ['settings'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Die Einstellungen konnten nicht geladen werden.', 'Erneut versuchen'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Contact and emergencies',
      'E-mails to residents',
      'Sender name of e-mails to residents',
      'House rules for the assistant',
      '760,500 of 2,000,000 tokens',
    ),
};

export const Mobile320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Kontakt und Notfall', 'Notrufnummer hinzufügen', /38\s% verbraucht/),
};
