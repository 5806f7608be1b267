import { html } from 'lit';
import type { Meta, StoryContext, StoryObj } from '@storybook/web-components-vite';
import type { AttachmentPicker } from '../widgets/attachment-picker/attachment-picker.ts';
import '../widgets/attachment-picker/attachment-picker.ts';
import { english, phone320 } from './fixtures.ts';
import { files, filingArgTypes, filingArgs, filingClient, rejectedFiles, type FilingArgs } from './case-filing-fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args extends FilingArgs {
  disabled: boolean;
  maxFiles: number;
}

/** Each file uploads at once to an in-memory BFF; `.txt`, `.docx` and files over 10 MB are rejected. */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-attachment-picker',
  component: 'mp-attachment-picker',
  args: { ...filingArgs, disabled: false, maxFiles: 10 },
  argTypes: filingArgTypes,
  parameters: { actions: { handles: ['change'] } },
  render: (args) => html`
    <mp-attachment-picker max-files=${args.maxFiles} ?disabled=${args.disabled} .client=${filingClient(args)}></mp-attachment-picker>
  `,
};
export default meta;

type Story = StoryObj<Args>;

/** Hands `chosen` to the picker as if the resident had picked them. */
const choose = ({ canvasElement }: StoryContext<Args>, chosen: File[]) =>
  canvasElement.querySelector<AttachmentPicker>('mp-attachment-picker')!.addFiles(chosen);

export const Empty: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Fotos und Dokumente', 'Dateien auswählen', 'oder hierher ziehen'),
};

export const UploadingWithProgress: Story = {
  args: { uploadDuration: 120_000 },
  play: async (context) => {
    choose(context, files());
    await expectShown(context.canvasElement, 'wasserfleck-decke-kueche.jpg', 'Wird hochgeladen …', 'Abbrechen');
  },
};

export const Uploaded: Story = {
  play: async (context) => {
    choose(context, files());
    await expectShown(context.canvasElement, 'wasserfleck-decke-kueche.jpg', 'rechnung-klempner.pdf', 'Hochgeladen', 'Entfernen');
  },
};

/** Chosen photos show as thumbnails at once, while they upload (object URLs of the files, given back when removed). */
export const PhotoThumbnails: Story = {
  args: { uploadDuration: 120_000 },
  play: async (context) => {
    choose(context, files());
    await expectShown(context.canvasElement, 'wasserfleck-decke-kueche.jpg', 'Wird hochgeladen …');
    await findDeep(context.canvasElement, 'img[part="thumbnail"][alt="Foto wasserfleck-decke-kueche.jpg"]');
  },
};

export const RejectedFiles: Story = {
  play: async (context) => {
    choose(context, rejectedFiles());
    await expectShown(context.canvasElement, 'Dieser Dateityp wird nicht unterstützt.', 'Die Datei ist größer als 10\u00A0MB.');
  },
};

export const TooManyFiles: Story = {
  args: { maxFiles: 2 },
  play: async (context) => {
    choose(context, [...files(), ...files()]);
    await expectShown(context.canvasElement, 'Es sind höchstens 2 Dateien möglich.');
  },
};

export const Disabled: Story = {
  args: { disabled: true },
  play: async (context) => {
    choose(context, files());
    await expectShown(context.canvasElement, 'wasserfleck-decke-kueche.jpg');
  },
};

export const LongFileNames: Story = {
  play: async (context) => {
    choose(context, [
      new File([new Uint8Array(3_400_000)], 'IMG_20261124_081512_Wasserschaden_Badezimmerdecke_ueber_Badewanne_Nahaufnahme_2.jpg', {
        type: 'image/jpeg',
      }),
      new File([new Uint8Array(1_000)], 'Schriftverkehr_Hausverwaltung_Mietminderung_Feuchtigkeit_Schlafzimmer_2025-2026.docx', {
        type: 'application/msword',
      }),
    ]);
    await expectShown(context.canvasElement, 'IMG_20261124_081512_Wasserschaden', 'Hochgeladen', 'Nicht hochgeladen');
  },
};

export const English: Story = {
  globals: english,
  play: async (context) => {
    choose(context, rejectedFiles());
    await expectShown(context.canvasElement, 'Photos and documents', 'This file type is not supported.');
  },
};

export const Mobile320: Story = {
  args: { uploadDuration: 120_000 },
  globals: phone320,
  play: async (context) => {
    choose(context, [...files(), ...rejectedFiles()]);
    await expectShown(context.canvasElement, 'Wird hochgeladen …', 'Nicht hochgeladen');
  },
};
