import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { AttachmentPicker } from '../widgets/attachment-picker/attachment-picker.ts';
import { longFakeCatalogue } from '../widgets/testing/fake-case-filing.ts';
import '../widgets/damage-report-form/damage-report-form.ts';
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
  /** What happens after the form appears, to show a state that follows an interaction. */
  act?: (root: ShadowRoot) => void | Promise<void>;
}

/**
 * The damage report against an in-memory BFF with the default German catalogue. "Wohnung › Heizung und
 * Warmwasser" has two open reports in the building ("Bereits gemeldet?").
 */
const meta: Meta<Args> = {
  title: 'Anliegen/damage-report-form',
  component: 'damage-report-form',
  args: filingArgs,
  argTypes: { ...filingArgTypes, act: { control: false } },
  render: (args) => html`
    <damage-report-form lang=${args.lang} .client=${filingClient(args)} ${afterForm(args.act ?? (() => {}))}>
      <a slot="emergency-contact" href="tel:+4940123456">Notdienst Wohnbau Nord: 040 123 456 (rund um die Uhr)</a>
    </damage-report-form>
  `,
};
export default meta;

type Story = StoryObj<Args>;

const fill = async (root: ShadowRoot, kind = 1) => {
  select(root, 'damageLocationId', 1);
  await frame();
  select(root, 'damageCategoryId', 1);
  await frame();
  select(root, 'damageKindId', kind);
  type(root, 'description', 'Der Wasserhahn in der Küche tropft seit Montag, auch wenn er ganz zugedreht ist.');
  type(root, 'residentAvailability', 'werktags ab 16 Uhr, Tel. 0170 1234567');
};

const picker = (root: ShadowRoot) => root.querySelector<AttachmentPicker>('mp-attachment-picker')!;

export const Empty: Story = {};

export const NotSignedIn: Story = { args: { signedIn: false } };

export const LoadingCatalogue: Story = { args: { filing: { latency: 600_000 } } };

export const CatalogueError: Story = { args: { filing: { failing: ['catalogue'] } } };

export const ValidationErrors: Story = { args: { act: (root) => submit(root) } };

export const ServerFieldErrors: Story = {
  args: {
    filing: { validationErrors: { description: 'Bitte höchstens 5000 Zeichen.', damageKindId: 'Bitte wählen Sie eine Schadensart aus.' } },
    act: async (root) => {
      await fill(root);
      submit(root);
    },
  },
};

export const FilingFailedKeepsInput: Story = {
  args: {
    filing: { failing: ['file'] },
    act: async (root) => {
      await fill(root);
      picker(root).addFiles(files());
      await frame();
      submit(root);
    },
  },
};

export const UploadingWithProgress: Story = {
  args: {
    uploadDuration: 120_000,
    act: (root) => picker(root).addFiles(files()),
  },
};

export const RejectedFile: Story = { args: { act: (root) => picker(root).addFiles(rejectedFiles()) } };

export const AlreadyReported: Story = {
  args: {
    act: async (root) => {
      select(root, 'damageLocationId', 1);
      await frame();
      select(root, 'damageCategoryId', 2);
    },
  },
};

export const Emergency: Story = {
  args: { act: (root) => root.querySelector<HTMLInputElement>('input[value=emergency]')!.click() },
};

export const SubmittedReceipt: Story = {
  args: {
    act: async (root) => {
      await fill(root);
      picker(root).addFiles(files());
      await frame();
      await frame();
      submit(root);
    },
  },
};

export const LongTexts: Story = {
  args: {
    filing: { catalogue: longFakeCatalogue() },
    act: async (root) => {
      await fill(root);
      type(root, 'description', longText);
      picker(root).addFiles([
        new File([new Uint8Array(500_000)], 'IMG_20261124_0815_Wasserschaden_Badezimmerdecke_ueber_Badewanne_Nahaufnahme.jpg', {
          type: 'image/jpeg',
        }),
      ]);
    },
  },
};

export const English: Story = { args: { lang: 'en' } };

export const Mobile320: Story = {
  args: {
    filing: { catalogue: longFakeCatalogue() },
    act: async (root) => {
      await fill(root);
      picker(root).addFiles(rejectedFiles());
      submit(root);
    },
  },
  decorators: [mobileWidth],
};

export const Mobile320Receipt: Story = { ...SubmittedReceipt, decorators: [mobileWidth] };
