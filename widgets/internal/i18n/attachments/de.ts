import { formatPercent } from '../format.ts';
import { pluralOf } from '../plural.ts';

const plural = pluralOf('de');
const files = (count: number) => plural(count, { one: '1 Datei', other: `${count} Dateien` });

/** The attachment picker of the filing forms and the case detail. */
const attachments = {
  attachmentsLabel: 'Fotos und Dokumente',
  attachmentsLimits: (maxFiles: number, maxMegabytes: number) =>
    `Bis zu ${files(maxFiles)}, je höchstens ${maxMegabytes}\u00A0MB, als JPEG, PNG, WebP oder PDF.`,
  chooseFiles: 'Dateien auswählen',
  dropFiles: 'oder hierher ziehen',
  attachedFiles: 'Ausgewählte Dateien',
  uploadProgressLabel: (fileName: string) => `Hochladen von ${fileName}`,
  uploadingPercent: (percent: number) => `Wird hochgeladen … ${formatPercent('de-DE', percent)}`,
  uploadWaiting: 'Wird hochgeladen …',
  uploadDone: 'Hochgeladen',
  uploadFailed: 'Nicht hochgeladen',
  removeFile: 'Entfernen',
  removeFileLabel: (fileName: string) => `${fileName} entfernen`,
  cancelUpload: 'Abbrechen',
  cancelUploadLabel: (fileName: string) => `Hochladen von ${fileName} abbrechen`,
  fileUploaded: (fileName: string) => `${fileName} wurde hochgeladen.`,
  fileRemoved: (fileName: string) => `${fileName} wurde entfernt.`,
  fileRejected: (fileName: string, reason: string) => `${fileName} wurde nicht hochgeladen: ${reason}`,
  fileTooLarge: (maxMegabytes: number) => `Die Datei ist größer als ${maxMegabytes}\u00A0MB.`,
  tooManyFiles: (maxFiles: number) =>
    `${plural(maxFiles, { one: 'Es ist höchstens 1 Datei möglich.', other: `Es sind höchstens ${maxFiles} Dateien möglich.` })} Bitte entfernen Sie zuerst eine andere Datei.`,
  uploadsPending: 'Bitte warten Sie, bis alle Dateien hochgeladen sind.',
  /** Added to `unsupported_file_type` for an iPhone photo, whose HEIC format the BFF cannot clean of its location data. */
  heicHint:
    'HEIC-Fotos (iPhone) können wir nicht annehmen: Bitte senden Sie das Foto als JPEG (iPhone: Einstellungen › Kamera › Formate › „Maximale Kompatibilität“).',
};

export type AttachmentMessages = typeof attachments;
export default attachments;
