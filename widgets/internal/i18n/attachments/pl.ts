import { formatPercent } from '../format.ts';
import { pluralOf } from '../plural.ts';
import type { AttachmentMessages } from './de.ts';

const plural = pluralOf('pl');
const files = (count: number) => `${count} ${plural(count, { one: 'plik', few: 'pliki', many: 'plików', other: 'pliku' })}`;

const attachments: AttachmentMessages = {
  attachmentsLabel: 'Zdjęcia i dokumenty',
  attachmentsLimits: (maxFiles, maxMegabytes) =>
    `Maksymalnie ${files(maxFiles)}, każdy do ${maxMegabytes}\u00A0MB, w formacie JPEG, PNG, WebP lub PDF.`,
  chooseFiles: 'Wybierz pliki',
  dropFiles: 'lub przeciągnij je tutaj',
  attachedFiles: 'Wybrane pliki',
  uploadProgressLabel: (fileName) => `Przesyłanie pliku ${fileName}`,
  uploadingPercent: (percent) => `Przesyłanie … ${formatPercent('pl-PL', percent)}`,
  uploadWaiting: 'Przesyłanie …',
  uploadDone: 'Przesłano',
  uploadFailed: 'Nie przesłano',
  removeFile: 'Usuń',
  removeFileLabel: (fileName) => `Usuń plik ${fileName}`,
  cancelUpload: 'Anuluj',
  cancelUploadLabel: (fileName) => `Anuluj przesyłanie pliku ${fileName}`,
  fileUploaded: (fileName) => `Plik ${fileName} został przesłany.`,
  fileRemoved: (fileName) => `Plik ${fileName} został usunięty.`,
  fileRejected: (fileName, reason) => `Plik ${fileName} nie został przesłany: ${reason}`,
  fileTooLarge: (maxMegabytes) => `Plik jest większy niż ${maxMegabytes}\u00A0MB.`,
  tooManyFiles: (maxFiles) => `Można dodać maksymalnie ${files(maxFiles)}. Prosimy najpierw usunąć inny plik.`,
  uploadsPending: 'Prosimy poczekać, aż wszystkie pliki zostaną przesłane.',
  heicHint:
    'Zdjęć HEIC (iPhone) nie możemy przyjąć: prosimy przesłać zdjęcie jako JPEG (iPhone: Ustawienia › Aparat › Formaty › „Najbardziej zgodne”).',
};

export default attachments;
