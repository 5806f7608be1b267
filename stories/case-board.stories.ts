import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { noFilters } from '../widgets/internal/staff-cases-api.ts';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeStaffCases, type FakeStaffCasesOptions } from '../widgets/testing/fake-staff-cases.ts';
import '../widgets/case-board/case-board.ts';
import { clerk, mobileWidth } from './fixtures.ts';

interface Args {
  lang: string;
  /** The in-memory case API: how many cases, failures, long texts. */
  cases: FakeStaffCasesOptions;
  /** Delay of each answer in ms. */
  latency: number;
  /** Opens the first case of this type (a document request: the Mieterbescheinigung). */
  open?: 'damage' | 'document_request' | 'complaint';
  /** Pushes a new case live this many ms after the story renders. */
  liveNewCaseAfter?: number;
}

/** The page size of the board's list. */
const firstPage = 20;

/** Renders the board against a fresh fake BFF, signed in as the clerk Clara Kaiser. */
function renderBoard({ lang, cases: options, latency, open, liveNewCaseAfter }: Args) {
  const cases = new FakeStaffCases(options);
  const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: cases.routes, latency });
  const target = open
    ? cases.cases.find((item) => item.type === open && (open !== 'document_request' || item.documentType?.label === 'Mieterbescheinigung'))
    : undefined;
  // A case beyond the first page is found as a clerk would: by filtering for its type.
  const filters = target && cases.cases.indexOf(target) >= firstPage ? { ...noFilters(), types: [target.type] } : noFilters();
  if (liveNewCaseAfter !== undefined) {
    setTimeout(() => {
      const fresh = cases.add(
        cases.created({ title: 'Rohrbruch im Keller – Wasser steht 5 cm hoch', priority: 'critical', urgency: 'emergency' }),
      );
      bff.live.emit('case:created', { change: 'created', case: fresh });
    }, liveNewCaseAfter);
  }
  return html`<case-board lang=${lang} .client=${bff.client()} .filters=${filters} case-id=${ifDefined(target?.id)}></case-board>`;
}

/**
 * The clerks' board against an in-memory case API with German demo data. Filters, paging, the detail
 * and every action work; `liveNewCaseAfter` shows a case arriving live.
 */
const meta: Meta<Args> = {
  title: 'Vorgänge/case-board',
  component: 'case-board',
  args: { lang: 'de', cases: {}, latency: 300 },
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'] },
    cases: { control: 'object' },
    latency: { control: { type: 'number', min: 0, step: 100 } },
    open: { control: 'inline-radio', options: [undefined, 'damage', 'document_request', 'complaint'] },
    liveNewCaseAfter: { control: { type: 'number', min: 0, step: 500 } },
  },
  render: renderBoard,
};
export default meta;

type Story = StoryObj<Args>;

export const ManyCases: Story = { args: { cases: { count: 120 } } };

export const Empty: Story = { args: { cases: { count: 0 } } };

export const Loading: Story = { args: { latency: 24 * 60 * 60 * 1000 } };

export const ListError: Story = {
  args: {
    cases: {
      listError: {
        status: 503,
        code: 'service_unavailable',
        message: 'Der Dienst ist gerade nicht erreichbar. Bitte versuchen Sie es gleich noch einmal.',
      },
    },
  },
};

export const NotSignedIn: Story = {
  args: { cases: { listError: { status: 401, code: 'unauthenticated', message: 'Bitte melden Sie sich an.' } } },
};

export const LongTexts: Story = { args: { cases: { longTexts: true, count: 8 }, open: 'damage' } };

export const DetailOpen: Story = { args: { open: 'damage' } };

export const DetailError: Story = {
  args: { open: 'damage', cases: { detailError: { status: 500, code: 'internal_error', message: 'Das hat leider nicht geklappt.' } } },
};

export const CertificateRequest: Story = { args: { open: 'document_request', cases: { count: 30 } } };

/** Change the status: another clerk was faster, the case reloads with a hint. */
export const StatusConflict: Story = { args: { open: 'complaint', cases: { conflictOnStatus: true } } };

/** "Dokument freigeben" before the documents API exists: a German hint instead of an error. */
export const DocumentsNotYetAvailable: Story = { args: { open: 'damage', cases: { documents: false } } };

export const LiveNewCase: Story = { args: { cases: { count: 6 }, liveNewCaseAfter: 1500 } };

export const English: Story = { args: { lang: 'en', open: 'damage' } };

export const Mobile320: Story = { decorators: [mobileWidth] };

export const Mobile320DetailOpen: Story = { args: { open: 'damage' }, decorators: [mobileWidth] };
