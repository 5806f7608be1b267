import { formatDateTime, formatFileSize } from '../format.ts';
import { pluralOf } from '../plural.ts';
import type { CommonMessages } from './de.ts';

const plural = pluralOf('uk');

const common: CommonMessages = {
  loading: 'Завантаження …',
  busy: 'Надсилання …',
  unexpectedError: 'На жаль, щось пішло не так. Будь ласка, спробуйте пізніше.',
  networkError: 'Сервер зараз недоступний. Будь ласка, перевірте підключення до інтернету.',
  liveInterrupted: 'З’єднання перервано – відновлюється',
  fieldErrorsSummary: (count) =>
    plural(count, {
      one: count === 1 ? 'Будь ласка, виправте позначене поле.' : `Будь ласка, виправте ${count} позначене поле.`,
      few: `Будь ласка, виправте ${count} позначені поля.`,
      many: `Будь ласка, виправте ${count} позначених полів.`,
      other: `Будь ласка, виправте позначені поля (${count}).`,
    }),
  required: 'Будь ласка, заповніть це поле.',
  tooLong: (max) => `Будь ласка, не більше ${max} ${plural(max, { one: 'символу', few: 'символів', many: 'символів', other: 'символу' })}.`,
  retry: 'Спробувати ще раз',
  loadMore: 'Завантажити ще',
  caseTypeLabels: {
    contact: 'Загальне звернення',
    complaint: 'Повідомлення/скарга',
    damage: 'Повідомлення про пошкодження',
    document_request: 'Запит документа',
    letting: 'Оренда',
  },
  caseStatusLabels: {
    eingegangen: 'Отримано',
    in_bearbeitung: 'В обробці',
    beauftragt: 'Доручено',
    erledigt: 'Виконано',
    abgelehnt: 'Відхилено',
  },
  urgencyLabels: { normal: 'Звичайна', urgent: 'Термінова', emergency: 'Аварійна ситуація' },
  fileSize: (bytes) => formatFileSize('uk-UA', bytes),
  dateTime: (iso) => formatDateTime('uk-UA', iso),
  caseNumber: (caseNumber) => `№ ${caseNumber}`,
  onDate: (date) => date,
};

export default common;
