import { UPLOAD_LIMITS } from '../../../../bff/contract/enums.ts';
import { pluralOf } from '../plural.ts';
import type { ErrorMessages, LinkPageErrorCode, ResidentErrorCode } from './de.ts';

const plural = pluralOf('pl');
const files = (count: number) => `${count} ${plural(count, { one: 'plik', few: 'pliki', many: 'plików', other: 'pliku' })}`;
const maxMegabytes = UPLOAD_LIMITS.maxBytes / (1024 * 1024);
const unreadableRequest = 'Nie udało się odczytać żądania. Prosimy odświeżyć stronę i spróbować ponownie.';

const residentErrorCodes: Record<ResidentErrorCode | LinkPageErrorCode, string> = {
  validation_failed: 'Prosimy sprawdzić wprowadzone dane.',
  invalid_json: unreadableRequest,
  payload_too_large: 'Żądanie jest zbyt duże. Prosimy skrócić wprowadzone treści.',
  unsupported_encoding: unreadableRequest,
  route_not_found: 'Ta funkcja jest w tej chwili niedostępna.',
  not_found: 'Nie znaleziono. Być może zostało to w międzyczasie usunięte.',
  forbidden: 'Brak uprawnień do wykonania tej czynności.',
  unauthenticated: 'Prosimy się zalogować.',
  csrf_invalid: 'Sesja wygasła. Prosimy odświeżyć stronę.',
  origin_not_allowed: 'Ta strona nie ma dostępu do konta.',
  rate_limited: 'Zbyt wiele żądań. Prosimy odczekać minutę i spróbować ponownie.',
  internal_error: 'Na serwerze wystąpił błąd. Prosimy spróbować ponownie później.',
  database_unavailable: 'Usługa jest w tej chwili niedostępna. Prosimy spróbować ponownie za kilka minut.',
  service_unavailable: 'Usługa jest chwilowo niedostępna. Prosimy spróbować ponownie później.',
  idempotency_key_invalid: unreadableRequest,
  idempotency_key_reused: 'To żądanie różni się od już wysłanego. Prosimy wysłać je ponownie.',
  idempotency_in_progress: 'Twoje zgłoszenie jest jeszcze przetwarzane. Prosimy chwilę poczekać i spróbować ponownie.',
  tenant_not_found: 'Nie znaleziono tego zarządcy nieruchomości. Prosimy sprawdzić link.',
  invalid_credentials: 'Nieprawidłowy adres e-mail lub hasło.',
  locked: 'Zbyt wiele nieudanych prób. Prosimy odczekać kilka minut i spróbować ponownie.',
  invalid_code: 'Kod jest nieprawidłowy lub wygasł.',
  invalid_activation_code: 'Kod aktywacyjny jest nieprawidłowy, wygasł lub został już użyty.',
  invalid_reset_token: 'Link jest nieprawidłowy lub wygasł. Można poprosić o nowy.',
  invalid_state: 'Nie trwa żadne logowanie. Prosimy zalogować się ponownie.',
  enrolment_not_started: 'Prosimy najpierw skonfigurować aplikację uwierzytelniającą.',
  no_email: 'Dla tego konta nie podano adresu e-mail.',
  no_email_factor: 'Przy tym logowaniu kod nie jest wysyłany e-mailem.',
  too_many_codes: 'Wysłano zbyt wiele kodów. Prosimy zalogować się ponownie.',
  too_many_wrong_codes: 'Wpisano zbyt wiele nieprawidłowych kodów. Prosimy zalogować się ponownie.',
  access_ended: 'Dostęp do portalu najemcy wygasł wraz z wyprowadzką. W razie pytań prosimy o kontakt z zarządcą nieruchomości.',
  wrong_password: 'Obecne hasło jest nieprawidłowe.',
  no_totp_factor: 'Dla tego konta nie skonfigurowano aplikacji uwierzytelniającej.',
  invalid_email_change_token: 'Link potwierdzający jest nieprawidłowy, wygasł lub został już użyty. Prosimy ponownie zmienić adres.',
  email_taken: 'Ten adres e-mail jest już używany przez inne konto.',
  case_closed: 'To zgłoszenie zostało zamknięte. W nowej sprawie prosimy złożyć nowe zgłoszenie.',
  unknown_damage_selection: 'Prosimy wybrać z listy miejsce, kategorię i rodzaj szkody.',
  unknown_document_type: 'Prosimy wybrać dokument z listy.',
  own_report: 'To zgłoszenie szkody zostało złożone z tego konta, więc wszystkie informacje o nim już tu docierają.',
  already_joined: 'Dołączono już do tego zgłoszenia szkody.',
  file_missing: 'Prosimy wybrać plik.',
  file_empty: 'Plik jest pusty.',
  file_too_large: `Plik jest za duży. Dozwolone jest maksymalnie ${maxMegabytes}\u00A0MB na plik.`,
  too_many_files: 'Prosimy przesyłać pliki pojedynczo.',
  unsupported_file_type: 'Ten typ pliku nie jest obsługiwany. Prosimy przesłać zdjęcie (JPEG, PNG, WebP) lub plik PDF.',
  invalid_upload: 'Nie udało się odczytać pliku. Prosimy spróbować ponownie.',
  unknown_upload: 'Nie znaleziono załączonego pliku lub jego ważność wygasła. Prosimy przesłać go ponownie.',
  too_many_uploads: `Przesłano już ${files(UPLOAD_LIMITS.maxStagedPerAccount)}, które nie zostały jeszcze wysłane. Prosimy wysłać zgłoszenie lub usunąć pliki.`,
  too_many_attachments: `Do zgłoszenia można dołączyć maksymalnie ${files(UPLOAD_LIMITS.maxFilesPerCase)}. Prosimy usunąć część plików.`,
  image_too_large: 'Obraz ma zbyt wiele pikseli. Prosimy go zmniejszyć lub wysłać zdjęcie w zwykłej rozdzielczości.',
  pdf_active_content:
    'Ten plik PDF zawiera skrypty, wywołania programów lub osadzone pliki. Prosimy wysłać zwykły plik PDF (np. przez „Drukuj do PDF”).',
  link_missing: 'Link jest niekompletny. Proszę otworzyć cały link z e-maila.',
  link_invalid: 'Ten link jest nieprawidłowy lub został zmieniony. Proszę otworzyć link z e-maila.',
  link_wrong_purpose: 'Ten link służy do innego celu i tutaj nie działa.',
  link_expired: 'Ten link wygasł. Proszę poprosić zarządcę o nowy link.',
  link_revoked: 'Ten link jest już nieważny. Proszę skontaktować się z zarządcą.',
  link_used: 'Ten link został już użyty i działa tylko raz.',
  slot_full: 'Ten termin jest już zajęty. Można zapisać się na listę oczekujących lub wybrać inny termin.',
  viewing_slot_unavailable: 'Tego terminu nie można już zarezerwować (już się rozpoczął lub został odwołany).',
};

const errors: ErrorMessages = {
  errorCodes: residentErrorCodes,
  fieldTooShort: (min) =>
    `Prosimy wpisać co najmniej ${min} ${plural(min, { one: 'znak', few: 'znaki', many: 'znaków', other: 'znaku' })}.`,
  fieldTooMany: (max) => `Prosimy wybrać maksymalnie ${max}.`,
  fieldInvalidEmail: 'Prosimy podać prawidłowy adres e-mail.',
  fieldInvalidCode: 'Prosimy wpisać 6-cyfrowy kod.',
  fieldInvalidFormat: 'Prosimy sprawdzić tę wartość.',
  fieldInvalidChoice: 'Prosimy wybrać jedną z dostępnych opcji.',
};

export default errors;
