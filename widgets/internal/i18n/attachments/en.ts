import { formatPercent } from '../format.ts';
import { pluralOf } from '../plural.ts';
import type { AttachmentMessages } from './de.ts';

const plural = pluralOf('en');
const files = (count: number) => plural(count, { one: '1 file', other: `${count} files` });

const attachments: AttachmentMessages = {
  attachmentsLabel: 'Photos and documents',
  attachmentsLimits: (maxFiles, maxMegabytes) =>
    `Up to ${files(maxFiles)} of at most ${maxMegabytes}\u00A0MB each, as JPEG, PNG, WebP or PDF.`,
  chooseFiles: 'Choose files',
  dropFiles: 'or drop them here',
  attachedFiles: 'Selected files',
  uploadProgressLabel: (fileName) => `Uploading ${fileName}`,
  uploadingPercent: (percent) => `Uploading … ${formatPercent('en-GB', percent)}`,
  uploadWaiting: 'Uploading …',
  uploadDone: 'Uploaded',
  uploadFailed: 'Not uploaded',
  removeFile: 'Remove',
  removeFileLabel: (fileName) => `Remove ${fileName}`,
  cancelUpload: 'Cancel',
  cancelUploadLabel: (fileName) => `Cancel uploading ${fileName}`,
  fileUploaded: (fileName) => `${fileName} has been uploaded.`,
  fileRemoved: (fileName) => `${fileName} has been removed.`,
  fileRejected: (fileName, reason) => `${fileName} was not uploaded: ${reason}`,
  fileTooLarge: (maxMegabytes) => `The file is larger than ${maxMegabytes}\u00A0MB.`,
  tooManyFiles: (maxFiles) =>
    `${plural(maxFiles, { one: 'Only 1 file is possible.', other: `At most ${maxFiles} files are possible.` })} Please remove another file first.`,
  uploadsPending: 'Please wait until all files have been uploaded.',
  heicHint:
    'We cannot accept HEIC photos (iPhone): please send the photo as a JPEG (iPhone: Settings › Camera › Formats › “Most Compatible”).',
};

export default attachments;
