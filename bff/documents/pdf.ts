import { createRequire } from 'node:module';
import PDFDocument from 'pdfkit';
import type { TenancyFacts } from './document-repository.ts';

/**
 * PDFs the housing company issues (A4, German): the Mieterbescheinigung and plain letters. DejaVu Sans is
 * embedded (subset), so umlauts and ß — and names such as „Yılmaz“ — print and can be copied as text.
 */

const require = createRequire(import.meta.url);
const FONT = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const FONT_BOLD = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf');

const germanDate = (date: Date, style: 'long' | 'medium') =>
  new Intl.DateTimeFormat('de-DE', { timeZone: 'Europe/Berlin', dateStyle: style }).format(date);

/** Renders one document with the fonts registered as `regular` and `bold`; resolves to the PDF bytes. */
export function render(info: PDFKit.DocumentInfo, draw: (doc: PDFKit.PDFDocument) => void): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margins: { top: 72, bottom: 72, left: 72, right: 72 }, info, lang: 'de-DE' });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('regular', FONT);
  doc.registerFont('bold', FONT_BOLD);
  draw(doc);
  doc.end();
  return done;
}

export interface CertificateInput {
  facts: TenancyFacts;
  caseNumber: string;
  issuedAt: Date;
}

export function certificateFileName(caseNumber: string): string {
  return `Mieterbescheinigung-${caseNumber}.pdf`;
}

export function renderTenantCertificate({ facts, caseNumber, issuedAt }: CertificateInput): Promise<Buffer> {
  const name = `${facts.firstName} ${facts.lastName}`;
  const address = `${facts.street}, ${facts.postalCode} ${facts.city}`;
  const info = {
    Title: `Mieterbescheinigung – ${name}`,
    Author: facts.companyName,
    Subject: `Vorgang ${caseNumber}`,
    CreationDate: issuedAt,
  };
  return render(info, (doc) => {
    doc.font('bold').fontSize(11).text(facts.companyName);
    doc
      .font('regular')
      .fontSize(10)
      .text(`${germanDate(issuedAt, 'long')}`, { align: 'right' });
    doc.text(`Vorgangsnummer: ${caseNumber}`, { align: 'right' });
    doc.moveDown(3);
    doc.font('bold').fontSize(18).text('Mieterbescheinigung');
    doc.moveDown(1.5);
    doc.font('regular').fontSize(11);
    doc.text(`Hiermit bestätigt die ${facts.companyName} als Vermieterin, dass`);
    doc.moveDown();
    doc.font('bold').text(name, { indent: 24 });
    doc.moveDown();
    doc.font('regular').text('die folgende Wohnung gemietet hat und dort wohnt:');
    doc.moveDown();
    doc.text(`Wohnung: ${facts.unitLabel}`, { indent: 24 });
    doc.text(`Anschrift: ${address}`, { indent: 24 });
    doc.text(
      facts.tenancyStart
        ? `Mietbeginn: ${germanDate(new Date(`${facts.tenancyStart}T12:00:00Z`), 'medium')}`
        : 'Mietbeginn: laut Mietvertrag',
      { indent: 24 },
    );
    doc.moveDown(2);
    doc.text('Mit freundlichen Grüßen');
    doc.text(facts.companyName);
    doc.moveDown(3);
    doc.fontSize(8).fillColor('#555555').text('Diese Bescheinigung wurde maschinell erstellt und ist ohne Unterschrift gültig.');
  });
}

/** A plain letter of the housing company: sender, date, title, paragraphs. */
export function renderLetter(letter: { issuer: string; title: string; paragraphs: string[]; issuedAt: Date }): Promise<Buffer> {
  return render({ Title: letter.title, Author: letter.issuer, CreationDate: letter.issuedAt }, (doc) => {
    doc.font('bold').fontSize(11).text(letter.issuer);
    doc.font('regular').fontSize(10).text(germanDate(letter.issuedAt, 'long'), { align: 'right' });
    doc.moveDown(3);
    doc.font('bold').fontSize(16).text(letter.title);
    doc.moveDown();
    doc.font('regular').fontSize(11);
    for (const paragraph of letter.paragraphs) doc.text(paragraph).moveDown();
    doc.moveDown();
    doc.text('Mit freundlichen Grüßen');
    doc.text(letter.issuer);
  });
}

export interface WorkOrderSheet {
  issuer: string;
  contractorName: string;
  caseNumber: string;
  address: string | null;
  unit: string | null;
  damage: string | null;
  title: string;
  description: string;
  residentAvailability: string | null;
  accessConsent: boolean;
  note: string;
  issuedAt: Date;
  answerUntil: Date;
  /** JPEG or PNG photos of the case (others are left out: the PDF cannot show them). */
  photos: Buffer[];
}

/** The work order (Handwerkerauftrag) a contractor gets from a damage case: the job, where, when, and the photos. */
export function renderWorkOrder(order: WorkOrderSheet): Promise<Buffer> {
  return render({ Title: `Auftrag ${order.caseNumber}`, Author: order.issuer, CreationDate: order.issuedAt }, (doc) => {
    doc.font('bold').fontSize(11).text(order.issuer);
    doc.font('regular').fontSize(10).text(germanDate(order.issuedAt, 'long'), { align: 'right' });
    doc.moveDown(2);
    doc.font('bold').fontSize(16).text(`Auftrag zu Vorgang ${order.caseNumber}`);
    doc.font('regular').fontSize(11).text(`an ${order.contractorName}`);
    doc.moveDown();
    const field = (label: string, value: string | null) => {
      if (!value) return;
      doc.font('bold').fontSize(11).text(label);
      doc.font('regular').text(value).moveDown(0.5);
    };
    field('Ort', [order.address, order.unit].filter(Boolean).join(', ') || null);
    field('Schaden', order.damage);
    field('Betreff', order.title);
    field('Beschreibung', order.description);
    field(
      'Erreichbarkeit der Mieterin / des Mieters',
      order.residentAvailability ?? 'Keine Angabe; bitte über die Hausverwaltung abstimmen.',
    );
    field(
      'Zutritt',
      order.accessConsent
        ? 'Die Mieterin / der Mieter ist einverstanden, dass die Wohnung auch in Abwesenheit betreten wird.'
        : 'Kein Zutritt in Abwesenheit: bitte einen Termin vereinbaren.',
    );
    field('Hinweis der Hausverwaltung', order.note || null);
    doc
      .font('regular')
      .fontSize(10)
      .text(
        `Bitte antworten Sie über den Link in der E-Mail (gültig bis ${germanDate(order.answerUntil, 'medium')}): ` +
          'Termin zusagen, ablehnen oder die Arbeit als erledigt melden.',
      );
    for (const photo of order.photos) {
      doc.addPage();
      doc.font('bold').fontSize(11).text(`Foto zu Vorgang ${order.caseNumber}`);
      doc.moveDown(0.5);
      doc.image(photo, { fit: [451, 600], align: 'center' });
    }
  });
}
