import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { parsePortalMail } from './intake/portal-mail.ts';
import { redactMail, redactMarkup, redactXmlFile } from './dead-letter-redaction.ts';
import { redactSelfDisclosure } from './minimisation.ts';

/**
 * What a dead letter keeps of a message: everything a clerk needs to read and retry it, nothing of the person's
 * self-disclosure (income, employment, SCHUFA, pay slips). The IS24 mail is bff/leads/intake/testdata (see its README).
 */

const testdata = (name: string) => readFileSync(new URL(`./intake/testdata/${name}`, import.meta.url));

describe('dead letters without self-disclosure', () => {
  it('cuts self-disclosure sentences and the values of self-disclosure labels, and keeps the rest as it stands', () => {
    assert.equal(
      redactSelfDisclosure('Guten Tag,\nist die Wohnung frei? Ich verdiene 3.200 € netto. Wir haben eine Katze.'),
      'Guten Tag,\nist die Wohnung frei? [Selbstauskunft entfernt] Wir haben eine Katze.',
    );
    assert.equal(
      redactSelfDisclosure(
        'Weitere Daten zum Interessenten; Gewünschter Einzugstermin: 01.05.2026; Haushaltsnettoeinkommen: 3.000 € - 4.000 €; SCHUFA-Bonitätscheck: vorhanden',
      ),
      'Weitere Daten zum Interessenten; Gewünschter Einzugstermin: 01.05.2026; Haushaltsnettoeinkommen: [Selbstauskunft entfernt]; SCHUFA-Bonitätscheck: [Selbstauskunft entfernt]',
    );
  });

  it('redacts the text of XML and HTML, CDATA included, and leaves the markup whole', () => {
    const xml =
      '<?xml version="1.0" encoding="UTF-8"?><openimmo_feedback><objekt><interessent><vorname>Max</vorname>' +
      '<anfrage><![CDATA[Ist sie frei? Mein Gehalt liegt bei 4000 Euro.]]></anfrage><tel>0171 1</tel></interessent></objekt></openimmo_feedback>';
    const redacted = redactMarkup(xml);
    assert.equal(redacted, xml.replace('Mein Gehalt liegt bei 4000 Euro.', '[Selbstauskunft entfernt]'));
    const latin1 = Buffer.from(
      '<?xml version="1.0" encoding="ISO-8859-1"?><a><anfrage>Schöne Grüße. Ich bin Beamtin.</anfrage></a>',
      'latin1',
    );
    assert.equal(
      redactXmlFile(latin1).toString('utf8'),
      '<?xml version="1.0" encoding="ISO-8859-1"?><a><anfrage>Schöne Grüße. [Selbstauskunft entfernt]</anfrage></a>',
    );
  });

  it('rebuilds a mail without self-disclosure in its bodies and its XML attachment, without its PDF; it still reads as before', async () => {
    const original = testdata('is24-feedback-attachment.eml');
    const withPdf = original
      .toString('utf8')
      .replace(
        /--=_mixed_77120934--\s*$/,
        [
          '--=_mixed_77120934',
          'Content-Type: application/pdf; name="Gehaltsnachweis.pdf"',
          'Content-Disposition: attachment; filename="Gehaltsnachweis.pdf"',
          'Content-Transfer-Encoding: base64',
          '',
          Buffer.from('%PDF-1.4 Netto 3200 EUR').toString('base64'),
          '--=_mixed_77120934--',
          '',
        ].join('\r\n'),
      );
    const redacted = await redactMail(Buffer.from(withPdf));
    assert.equal(redacted.sender, 'kontaktanfrage@immobilienscout24.de');
    assert.equal(redacted.messageId, '<20260305174211.77120934@immobilienscout24.de>');
    const reparsed = await parsePortalMail(redacted.raw);
    assert.ok(reparsed.ok, JSON.stringify(reparsed));
    const [enquiry] = reparsed.enquiries;
    assert.equal(enquiry.contact.lastName, 'Schäfer');
    assert.equal(enquiry.providerListingId, '148213377');
    assert.equal(enquiry.providerEnquiryId, 'IS24-KA-77120934');
    const everything = JSON.stringify(enquiry) + redacted.raw.toString('latin1');
    assert.doesNotMatch(everything, /3\.000 €|Angestellte\(r\)|vorhanden; Raucher|Netto 3200|JVBERi0/);
    const rebuilt = await simpleParser(redacted.raw);
    assert.match(rebuilt.text ?? '', /Anhänge nicht aufbewahrt \(Datenminimierung\): Gehaltsnachweis\.pdf/);
    assert.deepEqual(
      rebuilt.attachments.map((attachment) => attachment.filename),
      ['kontaktanfrage'],
    );
    assert.ok(enquiry.fields.some((field) => field.label === 'Gewünschter Einzugstermin' && field.value === '01.05.2026'));
  });
});
