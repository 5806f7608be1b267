import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { AttachmentPicker } from '../widgets/attachment-picker/attachment-picker.ts';
import '../widgets/case-request-form/case-request-form.ts';
import { mobileWidth } from './fixtures.ts';
import {
  afterForm,
  files,
  filingArgTypes,
  filingArgs,
  filingClient,
  frame,
  longText,
  rejectedFiles,
  select,
  submit,
  type FilingArgs,
  type,
} from './case-filing-fixtures.ts';

interface Args extends FilingArgs {
  caseType: 'contact' | 'complaint' | 'document_request';
  act?: (root: ShadowRoot) => void | Promise<void>;
}

/** Contact requests, complaints and document requests against an in-memory BFF. */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-case-request-form',
  component: 'mp-case-request-form',
  args: { ...filingArgs, caseType: 'contact' },
  argTypes: {
    ...filingArgTypes,
    caseType: { control: 'inline-radio', options: ['contact', 'complaint', 'document_request'] },
    act: { control: false },
  },
  render: (args) => html`
    <mp-case-request-form lang=${args.lang} case-type=${args.caseType} .client=${filingClient(args)} ${afterForm(args.act ?? (() => {}))}></mp-case-request-form>
  `,
};
export default meta;

type Story = StoryObj<Args>;

const picker = (root: ShadowRoot) => root.querySelector<AttachmentPicker>('mp-attachment-picker')!;

const fillComplaint = (root: ShadowRoot) => {
  type(root, 'title', 'Lärm nach 22 Uhr');
  type(root, 'description', 'Seit drei Wochen läuft im 3. OG rechts fast jede Nacht bis 1 Uhr laute Musik.');
};

export const Empty: Story = {};

export const Complaint: Story = { args: { caseType: 'complaint' } };

export const DocumentRequest: Story = { args: { caseType: 'document_request' } };

export const NotSignedIn: Story = { args: { signedIn: false } };

export const LoadingDocumentTypes: Story = { args: { caseType: 'document_request', filing: { latency: 600_000 } } };

export const DocumentTypesError: Story = { args: { caseType: 'document_request', filing: { failing: ['catalogue'] } } };

export const ValidationErrors: Story = { args: { act: (root) => submit(root) } };

export const FilingFailedKeepsInput: Story = {
  args: {
    caseType: 'complaint',
    filing: { failing: ['file'] },
    act: (root) => {
      fillComplaint(root);
      submit(root);
    },
  },
};

export const UploadingWithProgress: Story = { args: { uploadDuration: 120_000, act: (root) => picker(root).addFiles(files()) } };

export const RejectedFile: Story = { args: { act: (root) => picker(root).addFiles(rejectedFiles()) } };

export const SubmittedReceipt: Story = {
  args: {
    caseType: 'complaint',
    act: async (root) => {
      fillComplaint(root);
      picker(root).addFiles(files());
      await frame();
      await frame();
      submit(root);
    },
  },
};

export const DocumentRequestReceipt: Story = {
  args: {
    caseType: 'document_request',
    act: async (root) => {
      await frame();
      select(root, 'documentTypeId', 1);
      type(root, 'description', 'Für die Anmeldung beim Bürgeramt.');
      submit(root);
    },
  },
};

export const LongTexts: Story = {
  args: {
    act: (root) => {
      type(
        root,
        'title',
        'Frage zur Betriebskostenabrechnung 2025, Position „Hauswart und Gartenpflege“, sowie zur Vorauszahlung ab Januar',
      );
      type(root, 'description', longText);
    },
  },
};

export const English: Story = { args: { lang: 'en', caseType: 'complaint' } };

export const Mobile320: Story = { args: { caseType: 'complaint', act: (root) => submit(root) }, decorators: [mobileWidth] };

export const Mobile320Receipt: Story = { ...SubmittedReceipt, decorators: [mobileWidth] };
