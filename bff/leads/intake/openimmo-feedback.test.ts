import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ParseResult } from './enquiry.ts';
import { parseOpenImmoFeedbackFile } from './openimmo-feedback.ts';

/**
 * OpenImmo-Feedback files as a folder drop or a clerk's upload: every XML file of the corpus (copied to
 * testdata/openimmo-feedback/, sources in testdata/README.md) is read into enquiries or refused with a reason.
 */

const samples = fileURLToPath(new URL('testdata/openimmo-feedback/', import.meta.url));
const corpus = fileURLToPath(new URL('../../../../shared/corpus/openimmo-feedback/', import.meta.url));

function xmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? xmlFiles(join(dir, entry.name)) : entry.name.endsWith('.xml') ? [join(dir, entry.name)] : [],
    )
    .sort();
}

function refused(result: ParseResult): { code: string; reason: string } {
  assert.equal(result.ok, false, 'refused');
  if (result.ok) throw new Error('unreachable');
  return result.failure;
}

/** What a clerk sees for each file, by its path under testdata/openimmo-feedback/. */
const expectations: Record<string, (result: ParseResult) => void> = {
  'oi-fb-01-openestate-example-1.2.7-fehlerliste-status.xml': (result) => {
    assert.ok(result.ok);
    assert.equal(result.enquiries.length, 1);
    const [enquiry] = result.enquiries;
    assert.equal(enquiry.provider, 'openimmo');
    // The housing company's own object id: what its OpenImmo transfer named the listing.
    assert.equal(enquiry.providerListingId, 'MA-1024-8874');
    assert.deepEqual([enquiry.contact.firstName, enquiry.contact.lastName], ['peter', 'maier']);
    assert.equal(enquiry.sentAt?.toISOString(), '2011-11-11T00:00:00.000Z');
    // Several bevorzugt and wunsch elements (1.2.4+), all kept.
    assert.deepEqual(enquiry.fields, [
      { label: 'Bevorzugter Kontaktweg', value: 'EMAIL, TEL' },
      { label: 'Wunsch', value: 'BESICHTIGUNG, ANRUF' },
    ]);
    assert.match(enquiry.listingHint ?? '', /Haus zum kauf · KAUF · Dortmund · Objekt-ID MA-1024-8874 · Portal-Objekt-ID P12345678/);
    // The sender's own error list and status are shown, the empty <fehler/> is not.
    assert.deepEqual(result.notes, [
      'Fehlermeldung des Absenders Nr. 1 zu Objekt verwalt_intern: erklärung',
      'Statusmeldung des Absenders Nr. 1: Fehler beschreibung',
    ]);
  },
  'oi-fb-02-openestate-1.2.4-no-ids-multi-bevorzugt-wunsch.xml': (result) => {
    assert.ok(result.ok);
    const [enquiry] = result.enquiries;
    // No id at all: the lead goes to "nicht zugeordnet", the hint tells the clerk where the flat is.
    assert.equal(enquiry.providerListingId, null);
    assert.equal(enquiry.listingHint, 'Berlin, Mitte');
    assert.equal(enquiry.contact.lastName, 'maier');
  },
  'oi-fb-03-openestate-1.2.5-objekt-without-interessent.xml': (result) => {
    const failure = refused(result);
    assert.equal(failure.code, 'no_enquiry');
    assert.match(failure.reason, /enthält ein Objekt, aber keinen Interessenten/);
    assert.deepEqual(result.notes, ['Objekt 1 enthält keinen Interessenten.']);
  },
  'transfer-fixtures/laravel-openimmo-uebertragung-microseconds.xml': (result) => {
    const failure = refused(result);
    assert.equal(failure.code, 'openimmo_transfer');
    assert.match(failure.reason, /OpenImmo-Übertragung \(Wurzelelement <uebertragung>\).*keine OpenImmo-Feedback-Datei/);
  },
  'transfer-fixtures/laravel-openimmo-uebertragung-realworld.xml': (result) => {
    assert.equal(refused(result).code, 'openimmo_transfer');
  },
  'transfer-fixtures/openestate-openimmo-1.2.0-old-namespace.xml': (result) => {
    const failure = refused(result);
    assert.equal(failure.code, 'openimmo_transfer');
    assert.match(failure.reason, /Wurzelelement <openimmo>/);
  },
  'transfer-fixtures/openestate-openimmo-1.2.7.xml': (result) => {
    assert.equal(refused(result).code, 'openimmo_transfer');
  },
};

describe('OpenImmo-Feedback files: every corpus sample is read or refused with a reason', () => {
  const files = xmlFiles(samples);

  it('knows what to expect of every sample, so a new one cannot pass unseen', () => {
    assert.deepEqual(
      files.map((file) => relative(samples, file)),
      Object.keys(expectations).sort(),
    );
  });

  it('tests the copies as the corpus has them (where the corpus lies beside the repository)', (t) => {
    if (!existsSync(corpus)) return t.skip(`no corpus at ${corpus}`);
    assert.deepEqual(
      xmlFiles(corpus).map((file) => relative(corpus, file)),
      files.map((file) => relative(samples, file)),
    );
    for (const file of xmlFiles(corpus)) assert.ok(readFileSync(file).equals(readFileSync(join(samples, relative(corpus, file)))), file);
  });

  for (const file of files) {
    const name = relative(samples, file);
    it(name, () => {
      const result = parseOpenImmoFeedbackFile(readFileSync(file));
      expectations[name]?.(result);
    });
  }
});

describe('OpenImmo-Feedback files: what real senders do', () => {
  it('reads every interessent of every objekt, not only the first', () => {
    const result = parseOpenImmoFeedbackFile(`<?xml version="1.0"?>
      <openimmo_feedback><version>1.2.7</version><sender><name>Börse</name><datum>16.03.2020</datum><makler_id>1</makler_id></sender>
        <objekt><oobj_id>A-1</oobj_id>
          <interessent><int_id>1</int_id><vorname>Anna</vorname><nachname>Alt</nachname><email>anna@example.org</email></interessent>
          <interessent><int_id>2</int_id><nachname>Berg</nachname><tel>030 1234</tel><mobil>0170 99</mobil></interessent>
        </objekt>
        <objekt><oobj_id>B-2</oobj_id>
          <interessent><int_id>3</int_id><email>cem@example.org</email>
            <user_defined_extend><feld><name>Personen</name><wert>3</wert></feld></user_defined_extend></interessent>
        </objekt>
      </openimmo_feedback>`);
    assert.ok(result.ok);
    assert.deepEqual(
      result.enquiries.map((enquiry) => [
        enquiry.providerListingId,
        enquiry.providerEnquiryId,
        enquiry.contact.lastName ?? enquiry.contact.email,
      ]),
      [
        ['A-1', '1', 'Alt'],
        ['A-1', '2', 'Berg'],
        ['B-2', '3', 'cem@example.org'],
      ],
    );
    assert.equal(result.enquiries[1].contact.phone, '030 1234');
    assert.deepEqual(result.enquiries[1].fields, [{ label: 'Mobiltelefon', value: '0170 99' }]);
    assert.deepEqual(result.enquiries[2].fields, [{ label: 'Personen', value: '3' }]);
    assert.equal(result.enquiries[0].sentAt?.toISOString(), '2020-03-16T00:00:00.000Z');
  });

  it('reads ISO-8859-15 with every value in CDATA and schema namespaces, and keeps an & inside CDATA as one &', () => {
    const xml = `<?xml version="1.0" encoding="ISO-8859-15"?>
<openimmo_feedback xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<sender><name><![CDATA[Müller & Söhne Immobilien]]></name><datum><![CDATA[2024-02-01]]></datum><makler_id><![CDATA[7]]></makler_id></sender>
<objekt><oobj_id><![CDATA[W-7]]></oobj_id><interessent><nachname><![CDATA[Weiß]]></nachname><anfrage><![CDATA[Bitte um Rückruf & Exposé, Miete < 900 €]]></anfrage></interessent></objekt>
</openimmo_feedback>`;
    // ISO-8859-15 has € where ISO-8859-1 has ¤ (0xA4): the declared encoding is the one used.
    const result = parseOpenImmoFeedbackFile(Buffer.from(xml.replace('€', '\u00a4'), 'latin1'));
    assert.ok(result.ok);
    assert.equal(result.enquiries[0].contact.lastName, 'Weiß');
    assert.equal(result.enquiries[0].message, 'Bitte um Rückruf & Exposé, Miete < 900 €');
  });

  it('reads a file without XML declaration and with a bare & and < in the text', () => {
    const result = parseOpenImmoFeedbackFile(
      '<openimmo_feedback><objekt><interessent><nachname>Koch & Co</nachname><anfrage>Budget <800, Einzug 1.5.</anfrage></interessent></objekt></openimmo_feedback>',
    );
    assert.ok(result.ok);
    assert.equal(result.enquiries[0].contact.lastName, 'Koch & Co');
    assert.equal(result.enquiries[0].message, 'Budget <800, Einzug 1.5.');
  });

  it('reads feedback of 1.1/1.2.0 in the old OpenImmo namespace, without a version element', () => {
    const result = parseOpenImmoFeedbackFile(
      '<?xml version="1.0"?><openimmo_feedback xmlns="http://www.openimmo.de"><sender><name>alt</name></sender>' +
        '<objekt><oobj_id>O-1</oobj_id><interessent><nachname>Lang</nachname><email>lang@example.org</email></interessent></objekt></openimmo_feedback>',
    );
    assert.ok(result.ok);
    assert.deepEqual([result.enquiries[0].providerListingId, result.enquiries[0].contact.email], ['O-1', 'lang@example.org']);
  });

  it('reads an Immowelt objektanfrage a clerk saved from a mail and uploads', () => {
    const result = parseOpenImmoFeedbackFile(
      '<objektanfrage><objekt><o_refnr>R-5</o_refnr></objekt><interessent><i_vorname>Ida</i_vorname><i_name>Nowak</i_name><i_info>Hallo</i_info></interessent></objektanfrage>',
    );
    assert.ok(result.ok);
    assert.deepEqual(
      [
        result.enquiries[0].provider,
        result.enquiries[0].providerListingId,
        result.enquiries[0].contact.lastName,
        result.enquiries[0].message,
      ],
      ['immowelt', 'R-5', 'Nowak', 'Hallo'],
    );
  });

  it('skips an interessent without name, address or number, and says so', () => {
    const result = parseOpenImmoFeedbackFile(
      '<openimmo_feedback><objekt><oobj_id>X</oobj_id><interessent><anfrage>Hallo</anfrage></interessent><interessent><nachname>Roth</nachname></interessent></objekt></openimmo_feedback>',
    );
    assert.ok(result.ok);
    assert.equal(result.enquiries.length, 1);
    assert.deepEqual(result.notes, ['Objekt 1 (X), Interessent 1: weder Name noch E-Mail-Adresse noch Telefonnummer, übersprungen.']);
  });

  it('refuses an empty file, a file that is no XML, broken XML and another XML format, each with its reason', () => {
    assert.deepEqual(refused(parseOpenImmoFeedbackFile(Buffer.alloc(0))), { code: 'empty', reason: 'Die Datei ist leer.' });
    assert.equal(refused(parseOpenImmoFeedbackFile('Vorname;Nachname\nMax;Muster')).code, 'malformed_xml');
    const broken = refused(
      parseOpenImmoFeedbackFile('<openimmo_feedback><objekt><interessent><nachname>Roth</objekt></openimmo_feedback>'),
    );
    assert.equal(broken.code, 'malformed_xml');
    assert.match(broken.reason, /^Das XML ist fehlerhaft \(Zeile 1, Spalte \d+: /);
    const other = refused(parseOpenImmoFeedbackFile('<?xml version="1.0"?><rss><channel/></rss>'));
    assert.equal(other.code, 'unknown_xml');
    assert.match(other.reason, /Wurzelelement <rss>/);
    assert.equal(
      refused(parseOpenImmoFeedbackFile('<openimmo_feedback><sender><name>x</name></sender></openimmo_feedback>')).code,
      'no_enquiry',
    );
  });
});
