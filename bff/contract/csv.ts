/**
 * CSV cells as spreadsheet programs in Germany open them, for the BFF's case export and the reports' downloads
 * alike: semicolons between cells, CRLF between lines, UTF-8 with a byte order mark (so umlauts survive a
 * double-click in Excel). A text cell that a spreadsheet would run as a formula (starting with =, +, -, @, a tab
 * or a carriage return — a resident's title, a building's address or a clerk's name can) gets a leading
 * apostrophe, which spreadsheets show as text (OWASP "CSV injection"). Hand-written: the few lines below are all
 * that is needed, and the libraries leave formula safety to the caller anyway.
 */

/** Starts a CSV file. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;

/** The text a spreadsheet shows as typed: a formula start is defused with a leading `'`. */
export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * One text cell, defused; quoted (`"` doubled) where `;`, quotes or line breaks would split it, or always with
 * `alwaysQuoted`.
 */
export function csvText(value: string, alwaysQuoted = false): string {
  const safe = neutraliseFormula(value);
  return alwaysQuoted || NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}
