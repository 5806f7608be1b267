import { html } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import { userEvent } from 'storybook/test';
import type { StaffCase } from '../widgets/internal/staff-cases-api.ts';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeStaffCases, type FakeStaffCasesOptions } from '../widgets/testing/fake-staff-cases.ts';
import '../widgets/case-board/case-board.ts';
import { clerk, english, phone320 } from './fixtures.ts';
import { expectShown, findDeep, queryDeep } from './play.ts';

interface Args {
  /** The in-memory case API: how many cases, failures, long texts. */
  cases: FakeStaffCasesOptions;
  /** Delay of each answer in ms. */
  latency: number;
  /** Pushes a new case live this many ms after the story renders. */
  liveNewCaseAfter?: number;
}

/** The fake BFF of one rendering, made by the loader so that the play function knows its cases too. */
interface Loaded {
  cases: FakeStaffCases;
  bff: FakeBff;
}

/**
 * The clerks' board against an in-memory case API with German demo data, signed in as the clerk Clara
 * Kaiser. Filters, paging, the detail and every action work; stories of an open case open it in their
 * play function, as a clerk would.
 */
const meta: Meta<Args> = {
  title: 'Vorgänge/case-board',
  component: 'case-board',
  args: { cases: {}, latency: 300 },
  argTypes: {
    cases: { control: 'object' },
    latency: { control: { type: 'number', min: 0, step: 100 } },
    liveNewCaseAfter: { control: { type: 'number', min: 0, step: 500 } },
  },
  loaders: [
    ({ args }): Loaded => {
      const cases = new FakeStaffCases(args.cases);
      return { cases, bff: new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: cases.routes, latency: args.latency }) };
    },
  ],
  render: ({ liveNewCaseAfter }, { loaded }) => {
    const { cases, bff } = loaded as Loaded;
    if (liveNewCaseAfter !== undefined) {
      setTimeout(() => {
        const fresh = cases.add(
          cases.created({ title: 'Rohrbruch im Keller – Wasser steht 5 cm hoch', priority: 'critical', urgency: 'emergency' }),
        );
        bff.live.emit('case:created', { change: 'created', case: fresh });
      }, liveNewCaseAfter);
    }
    return html`<case-board .client=${bff.client()}></case-board>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

/**
 * Opens the first case `wanted` picks (in board order) as a clerk would: from the list, or first filtering
 * the list by its type when it is further down. Resolves with the case once its detail is asked for.
 */
async function openCase({ canvasElement, loaded }: StoryContext<Args>, wanted: (item: StaffCase) => boolean): Promise<StaffCase> {
  const target = (loaded as Loaded).cases.cases.find(wanted)!;
  const board = canvasElement.querySelector('case-board')!;
  await findDeep(board, 'button.case');
  if (!queryDeep(board, `button.case[data-id="${target.id}"]`)) {
    await userEvent.selectOptions(await findDeep<HTMLSelectElement>(board, 'select[name=type]'), target.type);
  }
  await userEvent.click(await findDeep(board, `button.case[data-id="${target.id}"]`));
  return target;
}

const damage = (item: StaffCase) => item.type === 'damage';
const complaint = (item: StaffCase) => item.type === 'complaint';
const certificateRequest = (item: StaffCase) => item.documentType?.label === 'Mieterbescheinigung';

/** The open case's detail pane shows all of `texts`. */
async function expectDetail(canvasElement: HTMLElement, ...texts: string[]): Promise<void> {
  await expectShown(await findDeep(canvasElement, '[part~="detail"]'), ...texts);
}

export const ManyCases: Story = {
  args: { cases: { count: 120 } },
  play: ({ canvasElement }) => expectShown(canvasElement, '20 Vorgänge, weitere vorhanden.', 'Weitere laden'),
};

/** The filtered list downloads as CSV (German Excel) or XLSX, with the filters in use. */
export const ExportLinks: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Liste mit diesen Filtern herunterladen', 'CSV (Excel)', 'Excel-Datei (XLSX)'),
};

export const Empty: Story = {
  args: { cases: { count: 0 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Keine offenen Vorgänge.'),
};

export const Loading: Story = {
  args: { latency: 24 * 60 * 60 * 1000 },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Vorgänge werden geladen …'),
};

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
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Dienst ist vorübergehend nicht verfügbar.', 'Erneut versuchen'),
};

export const NotSignedIn: Story = {
  args: { cases: { listError: { status: 401, code: 'unauthenticated', message: 'Bitte melden Sie sich an.' } } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter an'),
};

/** The live connection drops (a deploy): the board says so calmly over the list and keeps it where it is. */
export const ConnectionInterrupted: Story = {
  play: async ({ canvasElement, loaded }) => {
    await findDeep(canvasElement.querySelector('case-board')!, 'button.case');
    (loaded as Loaded).bff.live.emit('live:interrupted');
    await expectShown(canvasElement, 'Verbindung unterbrochen – wird wiederhergestellt', 'Vorgänge');
  },
};

export const LongTexts: Story = {
  args: { cases: { longTexts: true, count: 8 } },
  play: async (context) => {
    const opened = await openCase(context, damage);
    await expectDetail(context.canvasElement, `Vorgang ${opened.caseNumber}`, opened.title, 'Beschreibung', 'Verlauf');
  },
};

export const DetailOpen: Story = {
  play: async (context) => {
    const opened = await openCase(context, damage);
    await expectDetail(context.canvasElement, `Vorgang ${opened.caseNumber}: ${opened.title}`, 'Schadensort', 'Verlauf', 'Status ändern');
  },
};

export const DetailError: Story = {
  args: { cases: { detailError: { status: 500, code: 'internal_error', message: 'Das hat leider nicht geklappt.' } } },
  play: async (context) => {
    await openCase(context, damage);
    await expectDetail(context.canvasElement, 'Der Vorgang konnte nicht geladen werden.', 'Erneut versuchen');
  },
};

export const CertificateRequest: Story = {
  args: { cases: { count: 30 } },
  play: async (context) => {
    const opened = await openCase(context, certificateRequest);
    await expectDetail(context.canvasElement, `Vorgang ${opened.caseNumber}`, 'Mieterbescheinigung', 'Bescheinigung prüfen und freigeben');
  },
};

/** "Bescheinigung prüfen und freigeben" shows the certificate first; nothing is released until the clerk confirms. */
export const CertificatePreview: Story = {
  args: { cases: { count: 30 } },
  play: async (context) => {
    await openCase(context, certificateRequest);
    const button = await findDeep<HTMLButtonElement>(context.canvasElement, 'button.certificate');
    button.click();
    await expectDetail(context.canvasElement, 'Vorschau der Mieterbescheinigung', 'Bescheinigung freigeben', 'Abbrechen');
  },
};

/** Change the status: another clerk was faster, the case reloads with a hint. */
export const StatusConflict: Story = {
  args: { cases: { conflictOnStatus: true } },
  play: async (context) => {
    await openCase(context, complaint);
    const detail = await findDeep(context.canvasElement, '[part~="detail"]');
    const status = await findDeep<HTMLSelectElement>(detail, 'select[name=status]');
    await userEvent.selectOptions(status, status.options[1]);
    await userEvent.click(await findDeep(detail, 'form[aria-labelledby=status-heading] button[type=submit]'));
    await expectShown(detail, 'Jemand anderes hat diesen Vorgang gerade geändert.');
  },
};

/** "Dokument freigeben" before the documents API exists: a German hint instead of an error. */
export const DocumentsNotYetAvailable: Story = {
  args: { cases: { documents: false } },
  play: async (context) => {
    await openCase(context, damage);
    const detail = await findDeep(context.canvasElement, '[part~="detail"]');
    const form = await findDeep<HTMLFormElement>(detail, 'form[aria-labelledby=document-heading]');
    const chosen = new DataTransfer();
    chosen.items.add(new File([new Uint8Array(20_000)], 'Kostenvoranschlag-Installateur.pdf', { type: 'application/pdf' }));
    form.querySelector<HTMLInputElement>('input[name=file]')!.files = chosen.files;
    await userEvent.type(form.querySelector<HTMLInputElement>('input[name=title]')!, 'Kostenvoranschlag');
    await userEvent.click(form.querySelector('button[type=submit]')!);
    await expectShown(detail, 'Diese Funktion steht noch nicht zur Verfügung.');
  },
};

export const LiveNewCase: Story = {
  args: { cases: { count: 6 }, liveNewCaseAfter: 1500 },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Rohrbruch im Keller – Wasser steht 5 cm hoch', 'Neu'),
};

/** A case was given to Clara and a resident wrote on another of hers: both show above the list until opened or hidden. */
export const Notifications: Story = {
  play: async ({ canvasElement, loaded }) => {
    await findDeep(canvasElement.querySelector('case-board')!, 'button.case');
    const { bff, cases } = loaded as Loaded;
    bff.live.emit('case:notification', {
      reason: 'assigned',
      accountId: cases.cases[0].assignee?.id ?? cases.cases[0].id,
      case: cases.cases[0],
    });
    bff.live.emit('case:notification', {
      reason: 'resident_message',
      accountId: cases.cases[1].assignee?.id ?? cases.cases[1].id,
      case: cases.cases[1],
    });
    await expectShown(canvasElement, 'Ihnen zugewiesen: Vorgang', 'Neue Nachricht der Mieterin/des Mieters zu Vorgang');
  },
};

export const English: Story = {
  globals: english,
  play: async (context) => {
    const opened = await openCase(context, damage);
    await expectDetail(context.canvasElement, `Case ${opened.caseNumber}`, 'Activity', 'Change status');
  },
};

export const Mobile320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Filter', '20 Vorgänge, weitere vorhanden.'),
};

export const Mobile320DetailOpen: Story = { play: DetailOpen.play, globals: phone320 };

/** The keyboard shortcuts' help ("?", or its button): a modal dialog listing j, k, m, s and ?. */
export const ShortcutsDialog: Story = {
  play: async ({ canvasElement }) => {
    const board = canvasElement.querySelector('case-board')!;
    await findDeep(board, 'button.case');
    await userEvent.click(await findDeep(board, '[part~="shortcuts-button"]'));
    await expectShown(
      await findDeep(board, 'dialog.shortcuts[open]'),
      'Tastenkürzel',
      'Nächsten Vorgang der Liste öffnen',
      'Offenen Vorgang mir zuweisen',
    );
  },
};

/** A case opened with j and assigned with m, as a clerk working through the list by keyboard would. */
export const KeyboardAssignToMe: Story = {
  play: async ({ canvasElement }) => {
    const board = canvasElement.querySelector('case-board')!;
    (await findDeep(board, 'button.case')).focus();
    await userEvent.keyboard('j');
    await expectDetail(canvasElement, 'Status ändern');
    await userEvent.keyboard('m');
    await expectDetail(canvasElement, 'Der Vorgang ist jetzt Ihnen zugewiesen.');
  },
};

export const ShortcutsDialogMobile320: Story = { play: ShortcutsDialog.play, globals: phone320 };
