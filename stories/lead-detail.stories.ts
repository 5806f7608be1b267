import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { fakeLead, fakeLeadId, FakeLeads, type FakeLead, type FakeLeadsOptions } from '../widgets/testing/fake-leads.ts';
import '../widgets/lead-detail/lead-detail.ts';
import { clerk, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';
import { userEvent } from 'storybook/test';

interface Args {
  /** The in-memory lead API: the lead, what its lifecycle knows, the letting permission, refusals. */
  leads: FakeLeadsOptions;
  /** Delay of each answer in ms. */
  latency: number;
}

const id = fakeLeadId(1);
const lead = (fields: Partial<FakeLead> = {}) =>
  fakeLead({
    id,
    name: 'Max Muster',
    email: 'max.muster@example.org',
    phone: '0171 2345678',
    address: 'Lindenallee 3, 20259 Hamburg',
    ...fields,
  });

const message = (n: number, direction: 'out' | 'in', body: string, at: string) => ({
  id: `3e55a9e0-0000-4000-8000-${String(n).padStart(12, '0')}`,
  direction,
  at,
  subject: direction === 'out' ? 'Ihre Anfrage zur Wohnung' : 'Re: Ihre Anfrage zur Wohnung',
  body,
  sentBy: direction === 'out' ? 'Clara Kaiser' : null,
  from: direction === 'out' ? 'vermietung@wohnbau-nord.example' : 'max.muster@example.org',
  to: direction === 'out' ? 'max.muster@example.org' : null,
});

/**
 * One rental lead as a clerk works it (`<lead-detail>`, shown in `<lead-kanban>`'s pane), against an in-memory lead
 * API, signed in as the clerk Clara Kaiser: mail thread, contact channels, viewings, self-disclosure from
 * „Besichtigt“ on, the rejection message, the legal hold and the § 21 AGG export, the assignment of an unassigned lead.
 */
const meta: Meta<Args> = {
  title: 'Vermietung/lead-detail',
  component: 'lead-detail',
  args: { leads: { leads: [lead()] }, latency: 150 },
  argTypes: {
    leads: { control: 'object' },
    latency: { control: { type: 'number', min: 0, step: 100 } },
  },
  loaders: [
    ({ args }) => {
      const fake = new FakeLeads(args.leads);
      return { bff: new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: fake.routes, latency: args.latency }) };
    },
  ],
  render: (_args, { loaded }) => html`<lead-detail lead-id=${id} .client=${(loaded as { bff: FakeBff }).bff.client()}></lead-detail>`,
};
export default meta;

type Story = StoryObj<Args>;

/** A new enquiry: nothing verified, no thread, no viewing; the self-disclosure explains why it waits. */
export const Offen: Story = {
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'max.muster@example.org',
      'E-Mail: als erreicht vermerken',
      'Noch keine Nachrichten mit dieser Person.',
      'darf erst ab „Besichtigt“',
    ),
};

export const KontaktiertWithThread: Story = {
  args: {
    leads: {
      leads: [lead({ status: 'kontaktiert' })],
      lives: {
        [id]: {
          verified: { email: { at: '2026-03-10T09:30:00.000Z', how: 'answered', by: null } },
          messages: [
            message(1, 'out', 'Guten Tag Herr Muster, passt Ihnen Donnerstag um 17 Uhr?', '2026-03-10T09:00:00.000Z'),
            message(2, 'in', 'Donnerstag passt gut, bis dann!', '2026-03-10T09:30:00.000Z'),
          ],
        },
      },
    },
  },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Donnerstag passt gut, bis dann!', 'Antwort von max.muster@example.org', 'Person hat geantwortet'),
};

export const BesichtigtWithSelfDisclosure: Story = {
  args: {
    leads: {
      leads: [lead({ status: 'besichtigt' })],
      lives: {
        [id]: {
          viewings: [
            {
              id: 'b1e00000-0000-4000-8000-000000000001',
              startsAt: '2026-03-12T16:00:00.000Z',
              durationMinutes: 30,
              note: 'Klingel Muster, 2. OG',
              createdBy: { id: '0d9e5a36-0000-4000-8000-00000000c1e1', label: 'Clara Kaiser' },
              createdAt: '2026-03-10T10:00:00.000Z',
              lockGrant: null,
              confirmationSentTo: 'max.muster@example.org',
            },
          ],
          selfDisclosure: {
            profession: 'Krankenpfleger',
            employer: 'UKE',
            incomeBand: '2500_3500',
            rentDebtFreeCertificate: true,
            recordedAt: '2026-03-12T17:00:00.000Z',
          },
        },
      },
    },
  },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Selbstauskunft speichern', 'Zuletzt erfasst am', '12.03.2026, 17:00, 30 Minuten'),
};

const preparedRejection = {
  id: 'ab5a9e00-0000-4000-8000-000000000001',
  subject: 'Ihre Anfrage zur Wohnung Lindenallee 12',
  body: 'Sehr geehrter Herr Muster,\n\nvielen Dank für Ihr Interesse. Leider können wir Ihnen die Wohnung nicht anbieten.\n\nMit freundlichen Grüßen\nWohnbau Nord eG',
  preparedAt: '2026-03-11T10:00:00.000Z',
  releasedAt: null,
  releasedBy: null,
  sentTo: null,
};

export const AbgelehntWithRejectionToRelease: Story = {
  args: { leads: { leads: [lead({ status: 'abgelehnt' })], lives: { [id]: { rejection: preparedRejection } } } },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Die Absage ist vorbereitet und noch nicht versandt.', 'Absage freigeben und senden'),
};

export const NichtZugeordnet: Story = {
  args: { leads: { leads: [lead({ listing: null })] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Inserat zuordnen', 'Zuordnen', 'Besichtigungen sind erst möglich'),
};

export const LegalHold: Story = {
  args: {
    leads: {
      leads: [lead({ status: 'abgelehnt' })],
      letting: true,
      lives: {
        [id]: {
          rejection: {
            ...preparedRejection,
            releasedAt: '2026-03-11T12:00:00.000Z',
            releasedBy: 'Clara Kaiser',
            sentTo: 'max.muster@example.org',
          },
          legalHold: { reason: 'Anfrage nach § 21 AGG vom 12.03.2026', since: '2026-03-12T08:00:00.000Z' },
        },
      },
    },
  },
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Gesperrt gegen Anonymisierung seit',
      'Sperre aufheben',
      'Entscheidungsverlauf herunterladen (JSON)',
      '0171 2345678',
    ),
};

/** The housing company has no letting address yet: sending says the admin must set it, beside the form. */
export const ErrorLettingEmailMissing: Story = {
  args: { leads: { leads: [lead()], noLettingEmail: true } },
  play: async ({ canvasElement }) => {
    const body = await findDeep<HTMLTextAreaElement>(canvasElement, 'textarea[name=body]');
    await userEvent.type(body, 'Guten Tag');
    await userEvent.click(await findDeep(canvasElement, 'button', 'Nachricht senden'));
    await expectShown(canvasElement, 'Ein Administrator muss sie unter „Einstellungen“ eintragen');
  },
};

export const ErrorLoading: Story = {
  args: { leads: { leads: [lead()], failing: ['detail'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Interessent konnte nicht geladen werden.', 'Erneut versuchen'),
};

export const Loading: Story = {
  args: { leads: { leads: [lead()], detailNeverAnswers: true } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Interessent wird geladen …'),
};

export const Mobile320: Story = { args: KontaktiertWithThread.args, play: KontaktiertWithThread.play, globals: phone320 };
