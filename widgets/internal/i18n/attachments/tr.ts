import { formatPercent } from '../format.ts';
import type { AttachmentMessages } from './de.ts';

const attachments: AttachmentMessages = {
  attachmentsLabel: 'Fotoğraflar ve belgeler',
  attachmentsLimits: (maxFiles, maxMegabytes) =>
    `En fazla ${maxFiles} dosya, her biri en fazla ${maxMegabytes}\u00A0MB; JPEG, PNG, WebP veya PDF olarak.`,
  chooseFiles: 'Dosya seç',
  dropFiles: 'veya buraya sürükleyin',
  attachedFiles: 'Seçilen dosyalar',
  uploadProgressLabel: (fileName) => `${fileName} yükleniyor`,
  uploadingPercent: (percent) => `Yükleniyor … ${formatPercent('tr-TR', percent)}`,
  uploadWaiting: 'Yükleniyor …',
  uploadDone: 'Yüklendi',
  uploadFailed: 'Yüklenemedi',
  removeFile: 'Kaldır',
  removeFileLabel: (fileName) => `${fileName} dosyasını kaldır`,
  cancelUpload: 'İptal',
  cancelUploadLabel: (fileName) => `${fileName} yüklemesini iptal et`,
  fileUploaded: (fileName) => `${fileName} yüklendi.`,
  fileRemoved: (fileName) => `${fileName} kaldırıldı.`,
  fileRejected: (fileName, reason) => `${fileName} yüklenemedi: ${reason}`,
  fileTooLarge: (maxMegabytes) => `Dosya ${maxMegabytes}\u00A0MB'tan büyük.`,
  tooManyFiles: (maxFiles) => `En fazla ${maxFiles} dosya eklenebilir. Lütfen önce başka bir dosyayı kaldırın.`,
  uploadsPending: 'Lütfen tüm dosyalar yüklenene kadar bekleyin.',
  heicHint:
    'HEIC fotoğrafları (iPhone) kabul edemiyoruz: Lütfen fotoğrafı JPEG olarak gönderin (iPhone: Ayarlar › Kamera › Biçimler › „En Uyumlu“).',
};

export default attachments;
