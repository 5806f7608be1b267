import { CSV_BOM, csvText } from '../../bff/contract/csv.ts';

/** The reports' CSV downloads (the cell rules: bff/contract/csv.ts). */

export type CsvCell = string | number | null;

/** One cell: numbers in the page's notation (decimal comma in German), texts defused and quoted where needed. */
export function csvCell(value: CsvCell, decimalComma: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number') {
    const text = String(Math.round(value * 1000) / 1000);
    return decimalComma ? text.replace('.', ',') : text;
  }
  return csvText(value);
}

/** The file's text: BOM, header and rows. */
export function toCsv(rows: CsvCell[][], decimalComma: boolean): string {
  return `${CSV_BOM}${rows.map((row) => row.map((cell) => csvCell(cell, decimalComma)).join(';')).join('\r\n')}\r\n`;
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
