import type { Response } from 'express';
import ExcelJS from 'exceljs';
import type { CaseSource, CaseType, Language, Priority, Urgency } from '../contract/enums.ts';
import { CSV_BOM, csvText } from '../contract/csv.ts';
import type { StaffCase } from '../contract/cases.ts';
import type { TenantContext } from '../db/scope.ts';
import { STATUS_LABELS } from './model.ts';
import type { StaffCaseFilter } from './case-repository.ts';
import type { CaseUseCases } from './use-cases.ts';

/**
 * The clerks' export of the case list (docs/cases.md, "Export and print"): the same filters as the board, as CSV
 * for German Excel (UTF-8 with BOM, `;`, CRLF) or as XLSX. Read page by page in the clerk's scope, so row-level
 * security keeps it to their housing company; at most `MAX_EXPORT_ROWS` cases.
 */

export const MAX_EXPORT_ROWS = 10_000;
const PAGE = 500;

type ExportLanguage = 'de' | 'en';

const TYPE_LABELS: Record<ExportLanguage, Record<CaseType, string>> = {
  de: {
    contact: 'Allgemeine Kontaktanfrage',
    complaint: 'Meldung/Beschwerde',
    damage: 'Schadensmeldung',
    document_request: 'Dokumentenanforderung',
    letting: 'Vermietung',
  },
  en: {
    contact: 'General enquiry',
    complaint: 'Complaint',
    damage: 'Damage report',
    document_request: 'Document request',
    letting: 'Letting',
  },
};
const PRIORITY_LABELS: Record<ExportLanguage, Record<Priority, string>> = {
  de: { normal: 'Normal', high: 'Hoch', critical: 'Kritisch' },
  en: { normal: 'Normal', high: 'High', critical: 'Critical' },
};
const URGENCY_LABELS: Record<ExportLanguage, Record<Urgency, string>> = {
  de: { normal: 'Normal', urgent: 'Dringend', emergency: 'Notfall' },
  en: { normal: 'Normal', urgent: 'Urgent', emergency: 'Emergency' },
};
const SOURCE_LABELS: Record<ExportLanguage, Record<CaseSource, string>> = {
  de: { portal: 'Mieterportal', chat: 'Chat-Assistent', lead: 'Vermietung', staff: 'Hausverwaltung', email: 'E-Mail' },
  en: { portal: 'Tenant portal', chat: 'Chat assistant', lead: 'Letting', staff: 'Housing company', email: 'E-mail' },
};
const YES_NO: Record<ExportLanguage, [string, string]> = { de: ['ja', 'nein'], en: ['yes', 'no'] };

interface Column {
  header: Record<ExportLanguage, string>;
  /** A text, or a point in time (shown in German time in both formats). */
  value: (item: StaffCase, language: ExportLanguage) => string | Date | null;
}

const COLUMNS: Column[] = [
  { header: { de: 'Vorgangsnummer', en: 'Case number' }, value: (c) => c.caseNumber },
  { header: { de: 'Art', en: 'Type' }, value: (c, l) => TYPE_LABELS[l][c.type] },
  { header: { de: 'Titel', en: 'Title' }, value: (c) => c.title },
  { header: { de: 'Status', en: 'Status' }, value: (c, l) => STATUS_LABELS[l][c.status] },
  { header: { de: 'Priorität', en: 'Priority' }, value: (c, l) => PRIORITY_LABELS[l][c.priority] },
  { header: { de: 'Dringlichkeit', en: 'Urgency' }, value: (c, l) => URGENCY_LABELS[l][c.urgency] },
  { header: { de: 'Eingang über', en: 'Source' }, value: (c, l) => SOURCE_LABELS[l][c.source] },
  { header: { de: 'Eingegangen am', en: 'Received' }, value: (c) => new Date(c.createdAt) },
  { header: { de: 'Frist', en: 'Deadline' }, value: (c) => new Date(c.deadlineAt) },
  { header: { de: 'Überfällig', en: 'Overdue' }, value: (c, l) => YES_NO[l][c.overdue ? 0 : 1] },
  { header: { de: 'Zuständig', en: 'Assignee' }, value: (c) => c.assignee?.label ?? null },
  { header: { de: 'Mieter/Interessent', en: 'Resident/applicant' }, value: (c) => c.resident?.name ?? c.applicant?.name ?? null },
  { header: { de: 'Gebäude', en: 'Building' }, value: (c) => c.building.address },
  { header: { de: 'Wohnung', en: 'Unit' }, value: (c) => c.unitLabel },
  {
    header: { de: 'Schaden', en: 'Damage' },
    value: (c) => (c.damage ? `${c.damage.location.label} / ${c.damage.category.label} / ${c.damage.kind.label}` : null),
  },
  { header: { de: 'Dokument', en: 'Document' }, value: (c) => c.documentType?.label ?? null },
  { header: { de: 'Letzte Aktivität', en: 'Last activity' }, value: (c) => new Date(c.lastActivityAt) },
  { header: { de: 'Beschreibung', en: 'Description' }, value: (c) => c.description },
];

const berlinParts = new Intl.DateTimeFormat('de-DE', {
  timeZone: 'Europe/Berlin',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** `28.11.2026 14:05`, in German time. */
export const berlinDateTime = (date: Date) => berlinParts.format(date).replace(',', '');

/** The same wall-clock time as a UTC date: Excel cells have no time zone, so they show German time this way. */
function berlinWallClock(date: Date): Date {
  const parts = Object.fromEntries(berlinParts.formatToParts(date).map((part) => [part.type, part.value]));
  return new Date(Date.UTC(Number(parts.year), Number(parts.month) - 1, Number(parts.day), Number(parts.hour), Number(parts.minute)));
}

/**
 * XML 1.0 cannot hold most control characters nor a lone surrogate, and discourages the C1 controls: an XLSX cell
 * leaves them out (Excel would refuse the whole file). The CSV keeps them.
 */
const storableInXml = (code: number) =>
  code === 0x9 ||
  code === 0xa ||
  code === 0xd ||
  (code >= 0x20 && code < 0x7f) ||
  (code > 0x9f && code < 0xd800) ||
  (code > 0xdfff && code < 0xfffe) ||
  code > 0xffff;

export function xmlText(value: string): string {
  let text = '';
  // By code point: a lone surrogate comes on its own and is left out like the control characters.
  for (const char of value) if (storableInXml(char.codePointAt(0)!)) text += char;
  return text;
}

/** One CSV field: always quoted (`"` doubled), so `;`, quotes and line breaks inside stay in the cell. */
function csvField(value: string | Date | null): string {
  if (value === null) return '';
  return csvText(value instanceof Date ? berlinDateTime(value) : value, true);
}

function exportLanguage(language: Language | undefined): ExportLanguage {
  return language === 'en' ? 'en' : 'de';
}

/** Reads the filtered list page by page (each page one transaction in the clerk's scope). */
async function* filteredCases(cases: CaseUseCases, ctx: TenantContext, filter: Omit<StaffCaseFilter, 'limit' | 'cursor'>) {
  let cursor: string | undefined;
  let count = 0;
  do {
    const page = await cases.listCases(ctx, { ...filter, limit: Math.min(PAGE, MAX_EXPORT_ROWS - count), cursor });
    yield page.items;
    count += page.items.length;
    cursor = page.nextCursor ?? undefined;
  } while (cursor && count < MAX_EXPORT_ROWS);
}

function startDownload(res: Response, fileName: string, contentType: string): void {
  res.status(200);
  res.setHeader('Content-Type', contentType);
  res.setHeader('Content-Disposition', `attachment; filename="${fileName}"`);
  res.setHeader('X-Content-Type-Options', 'nosniff');
  res.setHeader('Content-Security-Policy', "default-src 'none'; sandbox");
  res.setHeader('Cache-Control', 'private, no-store');
}

/**
 * Streams the filtered list as a file. The first page is read before anything is sent, so a refused or failing
 * request still gets a JSON error; a failure later ends the download early (the file is then incomplete, and the
 * browser reports the broken download).
 */
export async function sendCaseExport(
  res: Response,
  cases: CaseUseCases,
  ctx: TenantContext,
  filter: Omit<StaffCaseFilter, 'limit' | 'cursor'>,
  format: 'csv' | 'xlsx',
  today: string,
): Promise<void> {
  const language = exportLanguage(ctx.language);
  const pages = filteredCases(cases, ctx, filter);
  const first = await pages.next();
  const fileName = `${language === 'en' ? 'cases' : 'vorgaenge'}-${today}.${format}`;
  if (format === 'csv') {
    startDownload(res, fileName, 'text/csv; charset=utf-8');
    res.write(CSV_BOM + COLUMNS.map((column) => csvField(column.header[language])).join(';') + '\r\n');
    const writeRows = (items: StaffCase[]) =>
      items.map((item) => COLUMNS.map((column) => csvField(column.value(item, language))).join(';') + '\r\n').join('');
    if (!first.done) res.write(writeRows(first.value));
    for await (const items of pages) {
      if (!res.write(writeRows(items))) await new Promise((resolve) => res.once('drain', resolve));
    }
    res.end();
    return;
  }
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(language === 'en' ? 'Cases' : 'Vorgänge', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = COLUMNS.map((column) => ({
    header: column.header[language],
    width: column.header.de === 'Beschreibung' || column.header.de === 'Titel' ? 40 : 18,
  }));
  sheet.getRow(1).font = { bold: true };
  const addRows = (items: StaffCase[]) => {
    for (const item of items) {
      const row = sheet.addRow(
        COLUMNS.map((column) => {
          const value = column.value(item, language);
          // A string cell is never a formula in XLSX: the text stays as typed (less what XML cannot hold).
          return value instanceof Date ? berlinWallClock(value) : value === null ? null : xmlText(value);
        }),
      );
      row.eachCell((cell) => {
        if (cell.value instanceof Date) cell.numFmt = 'dd.mm.yyyy hh:mm';
      });
    }
  };
  if (!first.done) addRows(first.value);
  for await (const items of pages) addRows(items);
  const content = Buffer.from(await workbook.xlsx.writeBuffer());
  startDownload(res, fileName, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  res.setHeader('Content-Length', String(content.length));
  res.end(content);
}
