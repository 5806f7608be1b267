import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * A telephone number in E.164 (`+4915123456789`), read with libphonenumber-js and Germany as the default
 * country: +49 151 …, 0151 … and 0049 151 … are the same number, so the duplicate marker and the search find
 * it however a portal wrote it. Null when the text is no possible number (it is then stored as written only).
 */
export function normalisePhone(raw: string): string | null {
  const parsed = parsePhoneNumberFromString(raw, 'DE');
  return parsed?.isPossible() ? parsed.number : null;
}
