import { formatDateTime } from '../format.ts';
import { pluralOf } from '../plural.ts';
import type { ResidentCaseMessages } from './de.ts';

const plural = pluralOf('uk');

const residentCases: ResidentCaseMessages = {
  portalLabel: (tenantName) => `Портал мешканця ${tenantName}`.trim(),
  assistantHeading: 'Асистент',
  portalSections: 'Розділи',
  myCasesHeading: 'Мої звернення',
  casesSummary: (count) =>
    count === 0
      ? 'У Вас ще немає звернень.'
      : count === 1
        ? 'У Вас одне звернення.'
        : `У Вас ${count} ${plural(count, { one: 'звернення', few: 'звернення', many: 'звернень', other: 'звернення' })}.`,
  newCaseHeading: 'Нове звернення',
  unreadHidden: (unread) => `, непрочитаних: ${unread}`,
  casesLoadFailed: 'Не вдалося завантажити Ваші звернення.',
  caseListLabel: 'Ваші звернення, спочатку з останньою активністю',
  lastActivity: (when) => `Остання активність: ${when}`,
  backToCases: 'Назад до моїх звернень',
  caseHeading: (caseNumber, title) => `Звернення ${caseNumber}: ${title}`,
  caseLoadFailed: 'Не вдалося завантажити звернення.',
  caseDescription: 'Ваш опис',
  damagePlace: (location, category, kind) => `${location} · ${category} · ${kind}`,
  timelineHeading: 'Історія',
  timelineCreated: 'Звернення отримано',
  timelineStatus: (status) => `Статус: ${status}`,
  timelineReply: 'Відповідь Вашої керуючої компанії',
  timelineResidentMessage: 'Ваше повідомлення',
  timelineAttachments: (count) =>
    count === 1 ? 'Ви додали файл' : `Ви додали ${count} ${plural(count, { one: 'файл', few: 'файли', many: 'файлів', other: 'файлу' })}`,
  timelineDocument: (title) => `Надано документ: ${title}`,
  timelineWorkOrder: (done, contractor, when) =>
    done ? `${contractor} повідомив про завершення робіт` : `Візит майстра: ${when ?? '–'} (${contractor})`,
  messagesHeading: 'Повідомлення',
  noMessages: 'Повідомлень ще немає.',
  messageFromResident: 'Ви',
  messageFromStaff: 'Ваша керуюча компанія',
  attachmentsHeading: 'Вкладення',
  attachmentFrom: (uploadedBy) => (uploadedBy === 'resident' ? 'від Вас' : 'від Вашої керуючої компанії'),
  addMessageHeading: 'Додати повідомлення або файли',
  messageLabel: 'Ваше повідомлення',
  sendMessage: 'Надіслати',
  messageSent: 'Ваше повідомлення надіслано.',
  messageEmpty: 'Будь ласка, напишіть повідомлення або додайте файл.',
  caseClosedNotice: (status) =>
    status === 'erledigt'
      ? 'Це звернення виконано, тому додати до нього більше нічого не можна. Щодо нового питання, будь ласка, створіть нове звернення.'
      : 'Це звернення відхилено, тому додати до нього більше нічого не можна. Обґрунтування Ви знайдете в повідомленнях. Щодо нового питання, будь ласка, створіть нове звернення.',
  newCaseIntro: 'Чого стосується звернення?',
  newCaseTypeHints: {
    damage: 'Щось зламалося або не працює.',
    complaint: 'Шум, забруднення чи неприємності в будинку.',
    contact: 'Запитання або прохання до Вашої керуючої компанії.',
    document_request: 'Запросити довідку чи документ.',
  },
  chooseOtherType: 'Вибрати інший вид',
  caseFiled: (caseNumber, receivedAt) => `Ваше звернення ${caseNumber} отримано ${formatDateTime('uk-UA', receivedAt)}.`,
  joinedHeading: 'Спільні повідомлення про пошкодження',
  joinedIntro: 'Пошкодження в будинку, до повідомлень про які Ви приєдналися. Тут видно їхній стан.',
  joinedReported: (when) => `Повідомлено ${when}`,
  liveCaseStatus: (caseNumber, status) => `Звернення ${caseNumber}: тепер статус «${status}».`,
  liveCaseReply: (caseNumber) => `Нова відповідь на звернення ${caseNumber}.`,
  liveCaseChanged: (caseNumber) => `Звернення ${caseNumber} оновлено.`,
  liveIncident: (caseNumber, status) => `Пошкодження ${caseNumber}, до якого Ви приєдналися: тепер статус «${status}».`,
};

export default residentCases;
