import { UPLOAD_LIMITS } from '../../../../bff/contract/enums.ts';
import { pluralOf } from '../plural.ts';
import type { ErrorMessages, ResidentErrorCode } from './de.ts';

const plural = pluralOf('uk');
const maxMegabytes = UPLOAD_LIMITS.maxBytes / (1024 * 1024);
const unreadableRequest = 'Не вдалося прочитати запит. Будь ласка, перезавантажте сторінку та спробуйте ще раз.';
const staged = UPLOAD_LIMITS.maxStagedPerAccount;
const perCase = UPLOAD_LIMITS.maxFilesPerCase;

const residentErrorCodes: Record<ResidentErrorCode, string> = {
  validation_failed: 'Будь ласка, перевірте введені дані.',
  invalid_json: unreadableRequest,
  payload_too_large: 'Запит завеликий. Будь ласка, скоротіть введені дані.',
  unsupported_encoding: unreadableRequest,
  route_not_found: 'Ця функція зараз недоступна.',
  not_found: 'Не знайдено. Можливо, це вже видалено.',
  forbidden: 'У Вас немає дозволу на цю дію.',
  unauthenticated: 'Будь ласка, увійдіть.',
  csrf_invalid: 'Ваш сеанс завершився. Будь ласка, перезавантажте сторінку.',
  origin_not_allowed: 'Ця сторінка не має доступу до Вашого облікового запису.',
  rate_limited: 'Забагато запитів. Будь ласка, зачекайте хвилину та спробуйте ще раз.',
  internal_error: 'На сервері сталася помилка. Будь ласка, спробуйте пізніше.',
  database_unavailable: 'Сервіс зараз недоступний. Будь ласка, спробуйте ще раз за кілька хвилин.',
  service_unavailable: 'Сервіс тимчасово недоступний. Будь ласка, спробуйте пізніше.',
  idempotency_key_invalid: unreadableRequest,
  idempotency_key_reused: 'Цей запит відрізняється від уже надісланого. Будь ласка, надішліть його ще раз.',
  idempotency_in_progress: 'Ваш запит ще обробляється. Будь ласка, зачекайте хвилинку та спробуйте ще раз.',
  tenant_not_found: 'Цю керуючу компанію не знайдено. Будь ласка, перевірте посилання.',
  invalid_credentials: 'Неправильна адреса електронної пошти або пароль.',
  locked: 'Забагато невдалих спроб. Будь ласка, зачекайте кілька хвилин і спробуйте ще раз.',
  invalid_code: 'Код неправильний або термін його дії минув.',
  invalid_activation_code: 'Код активації недійсний, прострочений або вже використаний.',
  invalid_reset_token: 'Посилання недійсне або термін його дії минув. Будь ласка, запросіть нове.',
  invalid_state: 'Немає незавершеного входу. Будь ласка, увійдіть знову.',
  enrolment_not_started: 'Будь ласка, спочатку налаштуйте застосунок автентифікації.',
  no_email: 'Для цього облікового запису не вказано адресу електронної пошти.',
  no_email_factor: 'Для цього входу код електронною поштою не надсилається.',
  too_many_codes: 'Запитано забагато кодів. Будь ласка, увійдіть знову.',
  too_many_wrong_codes: 'Забагато неправильних кодів. Будь ласка, увійдіть знову.',
  email_taken: 'Ця адреса електронної пошти вже використовується для іншого облікового запису.',
  case_closed: 'Це звернення закрито. Щодо нового питання, будь ласка, створіть нове звернення.',
  unknown_damage_selection: 'Будь ласка, виберіть зі списку місце, категорію та вид пошкодження.',
  unknown_document_type: 'Будь ласка, виберіть документ зі списку.',
  own_report: 'Це повідомлення про пошкодження створили Ви, тож Ви вже отримуєте всі новини щодо нього.',
  already_joined: 'Ви вже приєдналися до цього повідомлення про пошкодження.',
  file_missing: 'Будь ласка, виберіть файл.',
  file_empty: 'Файл порожній.',
  file_too_large: `Файл завеликий. Дозволено не більше ${maxMegabytes}\u00A0МБ на файл.`,
  too_many_files: 'Будь ласка, завантажуйте файли по одному.',
  unsupported_file_type: 'Цей тип файлу не підтримується. Будь ласка, завантажте фото (JPEG, PNG, WebP) або PDF.',
  invalid_upload: 'Не вдалося прочитати файл. Будь ласка, спробуйте ще раз.',
  unknown_upload: 'Прикріплений файл не знайдено або термін його зберігання минув. Будь ласка, завантажте його знову.',
  too_many_uploads: `Ви вже завантажили ${staged} ${plural(staged, { one: 'файл', few: 'файли', many: 'файлів', other: 'файлу' })}, які ще не надіслано. Будь ласка, надішліть звернення або видаліть файли.`,
  too_many_attachments: `До звернення можна додати не більше ${perCase} ${plural(perCase, { one: 'файлу', few: 'файлів', many: 'файлів', other: 'файлу' })}. Будь ласка, видаліть зайві файли.`,
  image_too_large: 'Зображення має забагато пікселів. Будь ласка, зменште його або надішліть фото у звичайній роздільній здатності.',
  pdf_active_content:
    'Цей PDF містить скрипти, виклики програм або вкладені файли. Будь ласка, надішліть звичайний PDF (наприклад, через «Друк у PDF»).',
};

const errors: ErrorMessages = {
  errorCodes: residentErrorCodes,
  fieldTooShort: (min) =>
    `Будь ласка, введіть щонайменше ${min} ${plural(min, { one: 'символ', few: 'символи', many: 'символів', other: 'символу' })}.`,
  fieldTooMany: (max) => `Будь ласка, виберіть не більше ${max}.`,
  fieldInvalidEmail: 'Будь ласка, введіть дійсну адресу електронної пошти.',
  fieldInvalidCode: 'Будь ласка, введіть 6-значний код.',
  fieldInvalidFormat: 'Будь ласка, перевірте це значення.',
  fieldInvalidChoice: 'Будь ласка, виберіть один із запропонованих варіантів.',
};

export default errors;
