import { UPLOAD_LIMITS } from '../../../../bff/contract/enums.ts';
import type { ErrorMessages, ResidentErrorCode } from './de.ts';

const maxMegabytes = UPLOAD_LIMITS.maxBytes / (1024 * 1024);
const unreadableRequest = 'İstek okunamadı. Lütfen sayfayı yeniden yükleyip tekrar deneyin.';

const residentErrorCodes: Record<ResidentErrorCode, string> = {
  validation_failed: 'Lütfen girdiğiniz bilgileri kontrol edin.',
  invalid_json: unreadableRequest,
  payload_too_large: 'İstek çok büyük. Lütfen girdiğiniz bilgileri kısaltın.',
  unsupported_encoding: unreadableRequest,
  route_not_found: 'Bu işlev şu anda kullanılamıyor.',
  not_found: 'Aradığınız bulunamadı. Bu arada kaldırılmış olabilir.',
  forbidden: 'Bu işlem için yetkiniz yok.',
  unauthenticated: 'Lütfen giriş yapın.',
  csrf_invalid: 'Oturumunuzun süresi doldu. Lütfen sayfayı yeniden yükleyin.',
  origin_not_allowed: 'Bu sayfanın hesabınıza erişme izni yok.',
  rate_limited: 'Çok fazla istek gönderildi. Lütfen bir dakika bekleyip tekrar deneyin.',
  internal_error: 'Sunucuda bir hata oluştu. Lütfen daha sonra tekrar deneyin.',
  database_unavailable: 'Hizmet şu anda kullanılamıyor. Lütfen birkaç dakika sonra tekrar deneyin.',
  service_unavailable: 'Hizmet geçici olarak kullanılamıyor. Lütfen daha sonra tekrar deneyin.',
  idempotency_key_invalid: unreadableRequest,
  idempotency_key_reused: 'Bu istek daha önce gönderilmiş bir istekten farklı. Lütfen tekrar gönderin.',
  idempotency_in_progress: 'İsteğiniz hâlâ işleniyor. Lütfen biraz bekleyip tekrar deneyin.',
  tenant_not_found: 'Bu yönetim şirketi bulunamadı. Lütfen bağlantıyı kontrol edin.',
  invalid_credentials: 'E-posta adresi veya şifre yanlış.',
  locked: 'Çok fazla hatalı deneme yapıldı. Lütfen birkaç dakika bekleyip tekrar deneyin.',
  invalid_code: 'Kod yanlış veya süresi dolmuş.',
  invalid_activation_code: 'Etkinleştirme kodu geçersiz, süresi dolmuş veya daha önce kullanılmış.',
  invalid_reset_token: 'Bağlantı geçersiz veya süresi dolmuş. Lütfen yeni bir bağlantı isteyin.',
  invalid_state: 'Devam eden uygun bir giriş işlemi yok. Lütfen yeniden giriş yapın.',
  enrolment_not_started: 'Lütfen önce doğrulama uygulamasını kurun.',
  no_email: 'Bu hesap için kayıtlı bir e-posta adresi yok.',
  no_email_factor: 'Bu giriş için e-posta ile kod gönderilmiyor.',
  too_many_codes: 'Çok fazla kod istendi. Lütfen yeniden giriş yapın.',
  too_many_wrong_codes: 'Çok fazla yanlış kod girildi. Lütfen yeniden giriş yapın.',
  email_taken: 'Bu e-posta adresi başka bir hesap için zaten kullanılıyor.',
  case_closed: 'Bu talep kapatıldı. Yeni bir konu için lütfen yeni bir talep oluşturun.',
  unknown_damage_selection: 'Lütfen hasar yerini, hasar kategorisini ve hasar türünü listeden seçin.',
  unknown_document_type: 'Lütfen listeden bir belge seçin.',
  own_report: 'Bu hasar bildirimini kendiniz oluşturdunuz; bununla ilgili tüm gelişmeler size zaten bildiriliyor.',
  already_joined: 'Bu hasar bildirimine zaten katıldınız.',
  file_missing: 'Lütfen bir dosya seçin.',
  file_empty: 'Dosya boş.',
  file_too_large: `Dosya çok büyük. Dosya başına en fazla ${maxMegabytes}\u00A0MB yüklenebilir.`,
  too_many_files: 'Lütfen dosyaları tek tek yükleyin.',
  unsupported_file_type: 'Bu dosya türü desteklenmiyor. Lütfen bir fotoğraf (JPEG, PNG, WebP) veya PDF yükleyin.',
  invalid_upload: 'Dosya okunamadı. Lütfen tekrar deneyin.',
  unknown_upload: 'Eklenen bir dosya bulunamadı veya süresi doldu. Lütfen dosyayı yeniden yükleyin.',
  too_many_uploads: `Henüz gönderilmemiş ${UPLOAD_LIMITS.maxStagedPerAccount} dosya yüklediniz. Lütfen talebinizi gönderin veya bazı dosyaları kaldırın.`,
  too_many_attachments: `Bir talebe en fazla ${UPLOAD_LIMITS.maxFilesPerCase} dosya eklenebilir. Lütfen bazı dosyaları kaldırın.`,
  image_too_large: 'Görselin piksel sayısı çok yüksek. Lütfen küçültün veya normal çözünürlükte bir fotoğraf gönderin.',
  pdf_active_content:
    'Bu PDF komut dosyaları, program çağrıları veya gömülü dosyalar içeriyor. Lütfen basit bir PDF gönderin (ör. „PDF olarak yazdır“ ile).',
};

const errors: ErrorMessages = {
  errorCodes: residentErrorCodes,
  fieldTooShort: (min) => `Lütfen en az ${min} karakter girin.`,
  fieldTooMany: (max) => `Lütfen en fazla ${max} seçim yapın.`,
  fieldInvalidEmail: 'Lütfen geçerli bir e-posta adresi girin.',
  fieldInvalidCode: 'Lütfen 6 haneli kodu girin.',
  fieldInvalidFormat: 'Lütfen bu bilgiyi kontrol edin.',
  fieldInvalidChoice: 'Lütfen sunulan seçeneklerden birini seçin.',
};

export default errors;
