import { formatPercent } from '../format.ts';
import { pluralOf } from '../plural.ts';
import type { AttachmentMessages } from './de.ts';

const plural = pluralOf('uk');
/** "до 10 файлів", "не більше 2 файлів": after these prepositions the noun is genitive. */
const filesGenitive = (count: number) => `${count} ${plural(count, { one: 'файлу', few: 'файлів', many: 'файлів', other: 'файлу' })}`;

const attachments: AttachmentMessages = {
  attachmentsLabel: 'Фото та документи',
  attachmentsLimits: (maxFiles, maxMegabytes) =>
    `До ${filesGenitive(maxFiles)}, кожен не більше ${maxMegabytes}\u00A0МБ, у форматі JPEG, PNG, WebP або PDF.`,
  chooseFiles: 'Вибрати файли',
  dropFiles: 'або перетягніть їх сюди',
  attachedFiles: 'Вибрані файли',
  uploadProgressLabel: (fileName) => `Завантаження ${fileName}`,
  uploadingPercent: (percent) => `Завантаження … ${formatPercent('uk-UA', percent)}`,
  uploadWaiting: 'Завантаження …',
  uploadDone: 'Завантажено',
  uploadFailed: 'Не завантажено',
  removeFile: 'Видалити',
  removeFileLabel: (fileName) => `Видалити ${fileName}`,
  cancelUpload: 'Скасувати',
  cancelUploadLabel: (fileName) => `Скасувати завантаження ${fileName}`,
  fileUploaded: (fileName) => `Файл ${fileName} завантажено.`,
  fileRemoved: (fileName) => `Файл ${fileName} видалено.`,
  fileRejected: (fileName, reason) => `Файл ${fileName} не завантажено: ${reason}`,
  fileTooLarge: (maxMegabytes) => `Файл більший за ${maxMegabytes}\u00A0МБ.`,
  tooManyFiles: (maxFiles) => `Можна додати не більше ${filesGenitive(maxFiles)}. Будь ласка, спочатку видаліть інший файл.`,
  uploadsPending: 'Будь ласка, зачекайте, доки всі файли завантажаться.',
  heicHint:
    'Фото у форматі HEIC (iPhone) ми не можемо прийняти: будь ласка, надішліть фото як JPEG (iPhone: Параметри › Камера › Формати › «Найсумісніший»).',
};

export default attachments;
