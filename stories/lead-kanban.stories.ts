import { html } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { fakeLead, fakeLeadId, fakeLeads, FakeLeads, type FakeLeadsOptions } from '../widgets/testing/fake-leads.ts';
import type { LeadKanban } from '../widgets/lead-kanban/lead-kanban.ts';
import '../widgets/lead-kanban/lead-kanban.ts';
import { clerk, english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  /** The in-memory lead API: leads, the letting permission, failures, delays. */
  leads: FakeLeadsOptions;
  /** Delay of each answer in ms. */
  latency: number;
}

/** The fake BFF of one rendering, made by the loader so that the play function knows its leads too. */
interface Loaded {
  fake: FakeLeads;
  bff: FakeBff;
}

/**
 * The clerks' lead board (Vermietung) against an in-memory lead API with German demo data, signed in as the
 * clerk Clara Kaiser. Filters, search, paging, moves (drag and drop or "Verschieben nach …") and the detail work;
 * stories of a move or an open lead reach it in their play function, as a clerk would.
 */
const meta: Meta<Args> = {
  title: 'Vermietung/lead-kanban',
  component: 'lead-kanban',
  args: { leads: { leads: fakeLeads(24) }, latency: 200 },
  argTypes: {
    leads: { control: 'object' },
    latency: { control: { type: 'number', min: 0, step: 100 } },
  },
  loaders: [
    ({ args }): Loaded => {
      const fake = new FakeLeads(args.leads);
      return { fake, bff: new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: fake.routes, latency: args.latency }) };
    },
  ],
  render: (_args, { loaded }) => html`<lead-kanban .client=${(loaded as Loaded).bff.client()}></lead-kanban>`,
};
export default meta;

type Story = StoryObj<Args>;

const board = (canvasElement: HTMLElement) => canvasElement.querySelector<LeadKanban>('lead-kanban')!;

/** Opens a lead's detail from its card, as a clerk would. */
async function openLead({ canvasElement }: StoryContext<Args>, id: string): Promise<HTMLElement> {
  const card = await findDeep(board(canvasElement), `.card[data-id="${id}"]`);
  await userEvent.click(card.querySelector('.open')!);
  return findDeep(board(canvasElement), '[part~="detail"]');
}

export const Busy: Story = {
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Offen (9)', 'Kontaktiert (6)', 'Besichtigt (3)', 'Dublette', 'Verschieben nach …'),
};

export const Empty: Story = {
  args: { leads: { leads: [] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Noch keine Interessenten.', 'Offen (0)', 'Nicht zugeordnet (0)'),
};

export const Loading: Story = {
  args: { latency: 24 * 60 * 60 * 1000 },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Interessenten werden geladen …'),
};

export const LoadError: Story = {
  args: { leads: { leads: fakeLeads(4), failing: ['columns'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Die Interessenten konnten nicht geladen werden.', 'Erneut versuchen'),
};

/** 1,000 enquiries for one flat: each column shows its first page, the rest comes with "Mehr laden" or scrolling. */
export const ThousandLeads: Story = {
  args: { leads: { leads: fakeLeads(1000, { status: 'offen' }) }, latency: 50 },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Offen (1000)', '30 von 1000 angezeigt', 'Mehr laden'),
};

/** Same e-mail address or phone on the same listing: a badge on each card; merging stays manual. */
export const Duplicates: Story = {
  args: { leads: { leads: fakeLeads(15, { status: 'offen' }) } },
  play: async (context) => {
    await expectShown(context.canvasElement, 'Dublette', 'Selbstauskunft angeboten');
    const detail = await openLead(context, fakeLeadId(7));
    await expectShown(detail, 'Mögliche Dubletten', 'gleiche E-Mail-Adresse');
  },
};

/** Opens "Verschieben nach …" of a card and chooses `target`; resolves with the card (drawn anew after a move). */
async function chooseMove(canvasElement: HTMLElement, id: string, target: string): Promise<HTMLElement> {
  const card = await findDeep(board(canvasElement), `.card[data-id="${id}"]`);
  await userEvent.click(card.querySelector('.move-toggle')!);
  await userEvent.click(await findDeep(card, '[role="menuitem"]', target));
  return card;
}

/** Another clerk moved the card first: this board puts it back, names the conflict and shows their move. */
export const Conflict: Story = {
  args: { leads: { leads: fakeLeads(6, { status: 'offen' }) } },
  play: async ({ canvasElement, loaded }) => {
    const id = fakeLeadId(1);
    const card = await chooseMove(canvasElement, id, 'Abgelehnt');
    (loaded as Loaded).fake.moveElsewhere(id, 'kontaktiert');
    await userEvent.selectOptions(await findDeep<HTMLSelectElement>(card, 'select[name=reasonCode]'), 'interesse_zurueckgezogen');
    await userEvent.click(await findDeep(card, 'button[type=submit]'));
    await expectShown(canvasElement, 'wurde inzwischen von jemand anderem verschoben', 'Kontaktiert (1)');
  },
};

/** "Kontaktiert" needs a verified contact channel: the lifecycle's gate says so in the move's form at the card. */
export const StageGate: Story = {
  args: { leads: { leads: fakeLeads(3, { status: 'offen' }) } },
  play: async ({ canvasElement }) => {
    const id = fakeLeadId(1);
    const card = await chooseMove(canvasElement, id, 'Kontaktiert');
    await userEvent.type(await findDeep(card, 'textarea[name=contactMessage]'), 'Per E-Mail einen Besichtigungstermin angeboten.');
    await userEvent.click(await findDeep(card, 'button[type=submit]'));
    await expectShown(
      await findDeep(board(canvasElement), `.card[data-id="${id}"] .move-form`),
      'Für „kontaktiert“ fehlt noch: ein bestätigter Kontaktweg.',
    );
  },
};

/** A rejection's text touches a characteristic protected by § 19 AGG: the clerk is warned and must confirm. */
export const RejectAggWarning: Story = {
  args: { leads: { leads: fakeLeads(3, { status: 'besichtigt' }) } },
  play: async ({ canvasElement }) => {
    const id = fakeLeadId(1);
    const card = await chooseMove(canvasElement, id, 'Abgelehnt');
    await userEvent.type(await findDeep(card, 'textarea[name=reasonText]'), 'Passt wegen Herkunft nicht ins Haus');
    await userEvent.click(await findDeep(card, 'button[type=submit]'));
    await expectShown(
      await findDeep(board(canvasElement), `.card[data-id="${id}"] .move-form`),
      'berührt ein nach § 19 AGG geschütztes Merkmal',
      'Ich habe den Hinweis gelesen und lehne trotzdem ab.',
    );
  },
};

export const Mobile320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Suche', 'Offen (9)', 'Verschieben nach …'),
};

export const LeadDetail: Story = {
  args: {
    leads: {
      leads: [
        fakeLead({
          id: fakeLeadId(1),
          name: 'Max Muster',
          email: 'max.muster@example.org',
          phone: '0171 2345678',
          address: 'Lindenallee 3, 20259 Hamburg',
          selfDisclosureOffered: true,
        }),
      ],
      letting: true,
    },
  },
  play: async (context) => {
    const detail = await openLead(context, fakeLeadId(1));
    await expectShown(
      detail,
      'Max Muster',
      '0171 2345678',
      'Lindenallee 3, 20259 Hamburg',
      'Verlauf',
      'Zugriffsprotokoll',
      'Selbstauskunft angeboten',
    );
  },
};

export const LeadDetailWithoutLettingPermission: Story = {
  args: { leads: { leads: [fakeLead({ id: fakeLeadId(1), name: 'Max Muster', phone: '0171 2345678' })] } },
  play: async (context) => {
    const detail = await openLead(context, fakeLeadId(1));
    await expectShown(detail, 'Max Muster', 'Telefon und Anschrift sehen nur Mitarbeitende mit dem Recht „Vermietung“.');
    if (detail.textContent?.includes('0171')) throw new Error('phone shown without the letting permission');
  },
};

export const LeadDetailLoading: Story = {
  args: { leads: { leads: fakeLeads(3), detailNeverAnswers: true } },
  play: async (context) => {
    const detail = await openLead(context, fakeLeadId(1));
    await expectShown(detail, 'Der Interessent wird geladen …');
  },
};

export const LeadDetailError: Story = {
  args: { leads: { leads: fakeLeads(3), failing: ['detail'] } },
  play: async (context) => {
    const detail = await openLead(context, fakeLeadId(1));
    await expectShown(detail, 'Der Interessent konnte nicht geladen werden.', 'Erneut versuchen');
  },
};

export const Mobile320LeadDetail: Story = { args: LeadDetail.args, play: LeadDetail.play, globals: phone320 };

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Open (9)', 'Contacted (6)', 'Move to …'),
};
