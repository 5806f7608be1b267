/**
 * CSV as spreadsheet programs in Germany open it: semicolons between cells, CRLF between lines, UTF-8 with a byte
 * order mark (so umlauts survive a double-click in Excel). A text cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, a tab or a carriage return — a building's address or a clerk's name can) is prefixed
 * with an apostrophe, which spreadsheets show as text (OWASP "CSV injection"). Hand-written: the few lines below are
 * all the reports need, and the libraries leave formula safety to the caller anyway.
 */

export type CsvCell = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[";\r\n]/;

/** One cell: numbers in the page's notation (decimal comma in German), texts defused and quoted where needed. */
export function csvCell(value: CsvCell, decimalComma: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = String(Math.round(value * 1000) / 1000);
    return decimalComma ? text.replace('.', ',') : text;
  }
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** The file's text: BOM, header and rows. */
export function toCsv(rows: CsvCell[][], decimalComma: boolean): string {
  return `\uFEFF${rows.map((row) => row.map((cell) => csvCell(cell, decimalComma)).join(';')).join('\r\n')}\r\n`;
}

/** Hands the text to the browser as a download named `fileName`. */
export function downloadCsv(fileName: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click's task is over.
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
