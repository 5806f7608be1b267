import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import '../widgets/case-request-form/case-request-form.ts';
import { english, phone320 } from './fixtures.ts';
import {
  attach,
  choose,
  expectReceipt,
  files,
  fill,
  filingArgTypes,
  filingArgs,
  filingClient,
  longText,
  rejectedFiles,
  submit,
  type FilingArgs,
} from './case-filing-fixtures.ts';
import { expectShown } from './play.ts';

interface Args extends FilingArgs {
  caseType: 'contact' | 'complaint' | 'document_request';
}

/**
 * Contact requests, complaints and document requests against an in-memory BFF. Stories of a state that
 * follows an interaction reach it in their play function (see the Interactions panel).
 */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-case-request-form',
  component: 'mp-case-request-form',
  args: { ...filingArgs, caseType: 'contact' },
  argTypes: {
    ...filingArgTypes,
    caseType: { control: 'inline-radio', options: ['contact', 'complaint', 'document_request'] },
  },
  render: (args) => html`<mp-case-request-form case-type=${args.caseType} .client=${filingClient(args)}></mp-case-request-form>`,
};
export default meta;

type Story = StoryObj<Args>;

const form = (canvas: HTMLElement) => canvas.querySelector('mp-case-request-form')!;

async function fillComplaint(canvas: HTMLElement): Promise<void> {
  await fill(form(canvas), 'title', 'Lärm nach 22 Uhr');
  await fill(form(canvas), 'description', 'Seit drei Wochen läuft im 3. OG rechts fast jede Nacht bis 1 Uhr laute Musik.');
}

export const Empty: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Anliegen senden', 'Art des Anliegens', 'Betreff'),
};

export const Complaint: Story = {
  args: { caseType: 'complaint' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wie dringend ist es?'),
};

export const DocumentRequest: Story = {
  args: { caseType: 'document_request' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Gewünschtes Dokument', 'Anmerkung (freiwillig)'),
};

export const NotSignedIn: Story = {
  args: { signedIn: false },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Bitte melden Sie sich zuerst im Mieterportal an.'),
};

export const LoadingDocumentTypes: Story = {
  args: { caseType: 'document_request', filing: { latency: 600_000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

export const DocumentTypesError: Story = {
  args: { caseType: 'document_request', filing: { failing: ['catalogue'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Die Auswahllisten konnten nicht geladen werden.', 'Erneut versuchen'),
};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    await submit(form(canvasElement));
    await expectShown(canvasElement, 'Bitte korrigieren Sie die 2 markierten Angaben.', 'Bitte geben Sie einen Betreff ein.');
  },
};

export const FilingFailedKeepsInput: Story = {
  args: { caseType: 'complaint', filing: { failing: ['file'] } },
  play: async ({ canvasElement }) => {
    await fillComplaint(canvasElement);
    await submit(form(canvasElement));
    await expectShown(canvasElement, 'Der Dienst ist vorübergehend nicht verfügbar.');
  },
};

export const UploadingWithProgress: Story = {
  args: { uploadDuration: 120_000 },
  play: async ({ canvasElement }) => {
    await attach(form(canvasElement), files(), { waitForUploads: false });
    await expectShown(canvasElement, 'Wird hochgeladen …');
  },
};

export const RejectedFile: Story = {
  play: async ({ canvasElement }) => {
    await attach(form(canvasElement), rejectedFiles());
    await expectShown(canvasElement, 'Nicht hochgeladen: Dieser Dateityp wird nicht unterstützt.');
  },
};

export const SubmittedReceipt: Story = {
  args: { caseType: 'complaint' },
  play: async ({ canvasElement }) => {
    await fillComplaint(canvasElement);
    await attach(form(canvasElement), files());
    await submit(form(canvasElement));
    await expectReceipt(canvasElement, '2 Dateien');
    await expectShown(canvasElement, 'Lärm nach 22 Uhr');
  },
};

export const DocumentRequestReceipt: Story = {
  args: { caseType: 'document_request' },
  play: async ({ canvasElement }) => {
    await choose(form(canvasElement), 'documentTypeId', 1);
    await fill(form(canvasElement), 'description', 'Für die Anmeldung beim Bürgeramt.');
    await submit(form(canvasElement));
    await expectReceipt(canvasElement, 'keine');
    await expectShown(canvasElement, 'Mieterbescheinigung');
  },
};

export const LongTexts: Story = {
  play: async ({ canvasElement }) => {
    const subject = 'Frage zur Betriebskostenabrechnung 2025, Position „Hauswart und Gartenpflege“, sowie zur Vorauszahlung ab Januar';
    await fill(form(canvasElement), 'title', subject);
    await fill(form(canvasElement), 'description', longText);
    await expectShown(canvasElement, 'Anliegen senden');
  },
};

/** From 80 % of a limit on a counter shows what is left (an emoji counts as one character), over it how much is too much. */
export const CharacterCounter: Story = {
  play: async ({ canvasElement }) => {
    await fill(form(canvasElement), 'title', `Heizung 🔥 ${'ausgefallen '.repeat(14)}`);
    await fill(form(canvasElement), 'description', `${'Die Heizung im Bad bleibt kalt. '.repeat(157)}🔥🔥`);
    await expectShown(canvasElement, /Noch \d+ Zeichen/, /\d+ Zeichen zu viel/);
  },
};

export const English: Story = {
  args: { caseType: 'complaint' },
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Send a request', 'Subject'),
};

export const Mobile320: Story = {
  args: { caseType: 'complaint' },
  globals: phone320,
  play: async ({ canvasElement }) => {
    await submit(form(canvasElement));
    await expectShown(canvasElement, 'Bitte geben Sie einen Betreff ein.');
  },
};

export const Mobile320Receipt: Story = { args: SubmittedReceipt.args, play: SubmittedReceipt.play, globals: phone320 };
