import { pluralOf } from '../plural.ts';
import type { FilingMessages } from './de.ts';

const plural = pluralOf('uk');

const filing: FilingMessages = {
  damageFormHeading: 'Повідомити про пошкодження',
  damageFormIntro: 'Опишіть, що саме пошкоджено. Ми зв’яжемося з Вами щодо наступного кроку.',
  signInToReport: 'Будь ласка, спочатку увійдіть на портал мешканця. Після цього Ви зможете надіслати тут своє звернення.',
  catalogueError: 'Не вдалося завантажити списки для вибору.',
  catalogueRetry: 'Спробувати ще раз',
  damageLocation: 'Місце пошкодження',
  damageCategory: 'Категорія пошкодження',
  damageKind: 'Вид пошкодження',
  choosePlaceholder: 'Будь ласка, виберіть',
  chooseLocationFirst: 'Спочатку виберіть місце пошкодження',
  chooseCategoryFirst: 'Спочатку виберіть категорію пошкодження',
  chooseLocationError: 'Будь ласка, виберіть місце пошкодження.',
  chooseCategoryError: 'Будь ласка, виберіть категорію пошкодження.',
  chooseKindError: 'Будь ласка, виберіть вид пошкодження.',
  urgency: 'Терміновість',
  urgencyHints: {
    normal: 'Протягом найближчих днів',
    urgent: 'Суттєві незручності, будь ласка, найближчим часом',
    emergency: 'Небезпека для людей або будівлі',
  },
  emergencyHint:
    'Аварійна ситуація: якщо є небезпека для людей або будівлі – наприклад, прорив водопровідної труби, запах газу чи відсутність електроенергії в усьому будинку – будь ласка, додатково негайно зателефонуйте до аварійної служби Вашої керуючої компанії. У разі запаху газу, пожежі чи постраждалих телефонуйте 112.',
  description: 'Опис',
  damageDescriptionHint: 'Що сталося, відколи, де саме? Не більше 5000 символів.',
  descriptionError: 'Будь ласка, опишіть своє звернення.',
  availability: 'Коли з Вами можна зв’язатися? (необов’язково)',
  availabilityHint: 'Наприклад, «у робочі дні після 16:00» або номер телефону.',
  accessConsent: 'Майстри можуть заходити до квартири й за моєї відсутності (разом із доглядачем будинку).',
  alreadyReportedHeading: 'Вже повідомлено?',
  alreadyReportedIntro: (count) =>
    count === 1
      ? 'У Вашому будинку вже є повідомлення про таке пошкодження. Якщо це те саме, приєднайтеся до нього замість нового повідомлення.'
      : `У Вашому будинку вже є ${count} ${plural(count, { one: 'повідомлення', few: 'повідомлення', many: 'повідомлень', other: 'повідомлення' })} про таке пошкодження. Якщо одне з них про Ваше, приєднайтеся до нього замість нового повідомлення.`,
  alreadyReportedNone: 'У Вашому будинку про таке ще не повідомляли.',
  alreadyReportedError: 'Зараз не вдалося перевірити, чи про це вже повідомлено. Ви все одно можете повідомити.',
  reportedAt: (when) => `повідомлено ${when}`,
  joinIncident: 'Мене це теж стосується',
  joinIncidentLabel: (kind, caseNumber) => `Мене це теж стосується: ${kind}, звернення ${caseNumber}`,
  joinedIncident: 'Вас додано, і Ви отримуватимете інформацію про хід робіт. Окреме повідомлення не потрібне.',
  joinUnavailable: 'Приєднатися зараз неможливо. Будь ласка, повідомте про пошкодження самостійно.',
  submitDamage: 'Повідомити про пошкодження',
  submitting: 'Надсилання …',
  receiptHeading: 'Дякуємо, Ваше звернення отримано',
  receiptCaseNumber: 'Номер звернення',
  receiptReceivedAt: 'Дата отримання',
  receiptStatus: 'Статус',
  receiptType: 'Вид',
  receiptSubject: 'Тема',
  receiptAttachments: 'Вкладення',
  receiptAttachmentCount: (count) =>
    count === 0 ? 'немає' : `${count} ${plural(count, { one: 'файл', few: 'файли', many: 'файлів', other: 'файлу' })}`,
  receiptNote: 'Будь ласка, запишіть номер звернення. Його стан Ви можете будь-коли переглянути в розділі «Мої звернення».',
  reportAnother: 'Надіслати ще одне звернення',
  requestFormHeading: 'Надіслати звернення',
  requestType: 'Вид звернення',
  requestTypeHints: {
    contact: 'Запитання та все, що не підходить до інших категорій',
    complaint: 'Шум, чистота, правила будинку тощо',
    document_request: 'Довідки та копії Ваших документів',
  },
  subject: 'Тема',
  subjectError: 'Будь ласка, вкажіть тему.',
  complaintUrgency: 'Наскільки це терміново?',
  documentType: 'Потрібний документ',
  documentTypeError: 'Будь ласка, виберіть документ.',
  documentNote: 'Примітка (необов’язково)',
  documentNoteHint: 'Наприклад, для чого Вам потрібен документ.',
  requestDescriptionHint: 'Не більше 5000 символів.',
  submitRequest: 'Надіслати звернення',
};

export default filing;
