import type { PrivacyExport } from '../contract/privacy.ts';
import { render } from '../documents/pdf.ts';

/**
 * The readable form of the Art. 15 export (A4, German): who asked and when, the information Art. 15 asks for, then
 * every section with its rows as "field: value" lines. The same content as the JSON; file contents are named only.
 */

const germanDateTime = (iso: string) =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

function printable(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'boolean') return value ? 'ja' : 'nein';
  if (typeof value === 'string') return ISO_TIME.test(value) ? germanDateTime(value) : value;
  if (typeof value === 'number') return String(value);
  return JSON.stringify(value);
}

export function exportFileName(generatedAt: string): string {
  return `Datenauskunft-${generatedAt.slice(0, 10)}`;
}

export function renderExportPdf(data: PrivacyExport): Promise<Buffer> {
  const info = { Title: `Datenauskunft – ${data.subject.name}`, Author: data.controller.name, CreationDate: new Date(data.generatedAt) };
  return render(info, (doc) => {
    doc.font('bold').fontSize(11).text(data.controller.name);
    doc.font('regular').fontSize(10).text(germanDateTime(data.generatedAt), { align: 'right' });
    doc.moveDown(2);
    doc.font('bold').fontSize(18).text('Auskunft über Ihre Daten');
    doc.font('regular').fontSize(11).text('nach Art. 15 DSGVO, aus dem Mieterportal');
    doc.moveDown();
    doc.text(`Für: ${data.subject.name} (Mieternummer ${data.subject.externalRef})`);
    if (data.subject.email) doc.text(`E-Mail-Adresse: ${data.subject.email}`);
    doc.moveDown();
    for (const { heading, text } of data.information) {
      doc.font('bold').fontSize(11).text(heading);
      doc.font('regular').fontSize(10).text(text).moveDown(0.5);
    }
    for (const section of data.sections) {
      doc.addPage();
      doc.font('bold').fontSize(14).text(section.title);
      doc.font('regular').fontSize(9).fillColor('#555555').text(`${section.rows.length} Einträge (Tabelle ${section.table})`);
      doc.fillColor('#000000').moveDown(0.5);
      if (section.rows.length === 0) doc.fontSize(10).text('Keine Einträge.');
      section.rows.forEach((row, index) => {
        doc
          .font('bold')
          .fontSize(10)
          .text(`Eintrag ${index + 1}`);
        for (const [field, value] of Object.entries(row)) {
          doc
            .font('regular')
            .fontSize(9)
            .text(`${field}: ${printable(value)}`, { indent: 12 });
        }
        doc.moveDown(0.5);
      });
    }
  });
}
