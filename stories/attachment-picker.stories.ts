import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { AttachmentPicker } from '../widgets/attachment-picker/attachment-picker.ts';
import '../widgets/attachment-picker/attachment-picker.ts';
import { mobileWidth } from './fixtures.ts';
import { files, filingArgTypes, filingArgs, filingClient, rejectedFiles, type FilingArgs } from './case-filing-fixtures.ts';

interface Args extends FilingArgs {
  disabled: boolean;
  maxFiles: number;
  /** Files added as if chosen, once the element is on the page. */
  add?: () => File[];
}

/** Each file uploads at once to an in-memory BFF; `.txt`, `.docx` and files over 10 MB are rejected. */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-attachment-picker',
  component: 'mp-attachment-picker',
  args: { ...filingArgs, disabled: false, maxFiles: 10 },
  argTypes: { ...filingArgTypes, add: { control: false } },
  render: (args) => html`
    <mp-attachment-picker
      lang=${args.lang}
      max-files=${args.maxFiles}
      ?disabled=${args.disabled}
      .client=${filingClient(args)}
      ${ref((node) => {
        if (node && args.add && !(node as AttachmentPicker).value.length && !(node as AttachmentPicker).uploading) {
          (node as AttachmentPicker).addFiles(args.add());
        }
      })}
    ></mp-attachment-picker>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const Empty: Story = {};

export const UploadingWithProgress: Story = { args: { uploadDuration: 120_000, add: files } };

export const Uploaded: Story = { args: { add: files } };

export const RejectedFiles: Story = { args: { add: rejectedFiles } };

export const TooManyFiles: Story = { args: { maxFiles: 2, add: () => [...files(), ...files()] } };

export const Disabled: Story = { args: { disabled: true, add: files } };

export const LongFileNames: Story = {
  args: {
    add: () => [
      new File([new Uint8Array(3_400_000)], 'IMG_20261124_081512_Wasserschaden_Badezimmerdecke_ueber_Badewanne_Nahaufnahme_2.jpg', {
        type: 'image/jpeg',
      }),
      new File([new Uint8Array(1_000)], 'Schriftverkehr_Hausverwaltung_Mietminderung_Feuchtigkeit_Schlafzimmer_2025-2026.docx', {
        type: 'application/msword',
      }),
    ],
  },
};

export const English: Story = { args: { lang: 'en', add: rejectedFiles } };

export const Mobile320: Story = {
  args: { uploadDuration: 120_000, add: () => [...files(), ...rejectedFiles()] },
  decorators: [mobileWidth],
};
