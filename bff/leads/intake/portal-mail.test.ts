import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { simpleParser } from 'mailparser';
import { splitFurtherData, splitName, type ParsedEnquiry, type ParseResult } from './enquiry.ts';
import { listingIdFromSubject, parsePortalMail } from './portal-mail.ts';
import { decodeXmlBytes } from './xml.ts';

/**
 * Portal mails as raw RFC 822 messages, built after the formats production parsers expect
 * (testdata/README.md says where each shape comes from): each becomes the enquiry a clerk would type
 * from it, or a failure whose reason tells the clerk why not.
 */

const testdata = (name: string) => readFileSync(new URL(`testdata/${name}`, import.meta.url));

function single(result: ParseResult): ParsedEnquiry {
  assert.ok(result.ok, result.ok ? '' : result.failure.reason);
  assert.equal(result.enquiries.length, 1);
  return result.enquiries[0];
}

function refused(result: ParseResult): { code: string; reason: string } {
  assert.equal(result.ok, false, 'refused');
  if (result.ok) throw new Error('unreachable');
  return result.failure;
}

const field = (enquiry: ParsedEnquiry, label: string) => enquiry.fields.find((entry) => entry.label === label)?.value;

describe('portal mails: ImmoScout24', () => {
  it('reads the OpenImmo-Feedback attachment that is neither named .xml nor typed as XML', async () => {
    const enquiry = single(await parsePortalMail(testdata('is24-feedback-attachment.eml')));
    assert.equal(enquiry.provider, 'immoscout24');
    // IS24 knows the listing by its Scout-ID (portal_obj_id), not by the housing company's oobj_id.
    assert.equal(enquiry.providerListingId, '148213377');
    assert.equal(enquiry.providerEnquiryId, 'IS24-KA-77120934');
    assert.equal(enquiry.sentAt?.toISOString(), '2026-03-05T17:42:11.000Z');
    assert.deepEqual(enquiry.contact, {
      salutation: 'Frau',
      firstName: 'Jana',
      lastName: 'Schäfer',
      email: 'jana.schaefer@example.org',
      phone: '0151 23456789',
      street: 'Lindenstraße 12',
      postcode: '04109',
      city: 'Leipzig',
    });
    assert.equal(enquiry.replyToRelayAddress, 't3k9q2m7x1@kontakt.immobilienscout24.de');
    // The person's words stay the message; the "Weitere Daten" block becomes fields, none lost (minimisation comes later).
    assert.match(enquiry.message, /^Guten Tag,\n\nich interessiere mich sehr für die Wohnung .*\n\nViele Grüße\nJana Schäfer$/s);
    assert.doesNotMatch(enquiry.message, /Weitere Daten/);
    assert.deepEqual(
      enquiry.fields.map(({ label, value }) => `${label}: ${value}`),
      [
        'Bevorzugter Kontaktweg: EMAIL',
        'Wunsch: BESICHTIGUNG',
        'Gewünschter Einzugstermin: 01.05.2026',
        'Haushaltsgröße: Zwei Erwachsene',
        'Tiere im Haushalt: Nein',
        'Anstellungsverhältnis: Angestellte(r)',
        'Haushaltsnettoeinkommen: 3.000 € - 4.000 €',
        'SCHUFA-Bonitätscheck: vorhanden',
        'Raucher: Nein',
      ],
    );
    assert.match(enquiry.listingHint ?? '', /^Helle 3-Zimmer-Wohnung mit Balkon · MIETE_PACHT · Musterweg 5, Leipzig · Objekt-ID WHG-0815/);
  });

  it('falls back to the HTML table, with the listing id from the subject and the relay alias as the address', async () => {
    const enquiry = single(await parsePortalMail(testdata('is24-html-table.eml')));
    assert.equal(enquiry.provider, 'immoscout24');
    assert.equal(enquiry.providerListingId, '151002288');
    // No enquiry id from the portal: the Message-ID makes a second delivery of the same mail recognisable.
    assert.equal(enquiry.providerEnquiryId, '<20260306081540.52001@immobilienscout24.de>');
    assert.deepEqual(
      [enquiry.contact.salutation, enquiry.contact.firstName, enquiry.contact.lastName, enquiry.contact.phone],
      ['Herr', 'Tobias', 'Krüger', '+49 176 98765432'],
    );
    assert.equal(enquiry.contact.email, '8hq2n5c1@mail.immobilienscout24.de');
    assert.equal(enquiry.replyToRelayAddress, '8hq2n5c1@mail.immobilienscout24.de');
    assert.equal(
      enquiry.message,
      'Hallo,\nist die Wohnung noch frei? Ich würde gern einen Besichtigungstermin vereinbaren & bringe meine Unterlagen mit.',
    );
    assert.equal(field(enquiry, 'Gewünschter Einzugstermin'), 'ab sofort');
    assert.equal(field(enquiry, 'Tiere im Haushalt'), 'Ja (eine Katze)');
    assert.equal(field(enquiry, 'Mietrückstände in den letzten 5 Jahren'), 'Nein');
  });

  it('reads the plain-text rendering (value on the next line) when a mail has no HTML', async () => {
    const raw = testdata('is24-html-table.eml').toString('latin1');
    const plainOnly = raw.slice(0, raw.indexOf('--alt-52001\r\nContent-Type: text/html')) + '--alt-52001--\r\n';
    const enquiry = single(await parsePortalMail(Buffer.from(plainOnly, 'latin1')));
    assert.deepEqual(
      [enquiry.contact.firstName, enquiry.contact.lastName, enquiry.contact.phone],
      ['Tobias', 'Krüger', '+49 176 98765432'],
    );
    assert.match(enquiry.message, /^Hallo,\nist die Wohnung noch frei\?/);
    assert.equal(field(enquiry, 'Haushaltsgröße'), 'Einpersonenhaushalt');
  });
});

describe('portal mails: Immowelt (ISO-8859-1)', () => {
  it('reads the objektanfrage XML in ISO-8859-1 with every umlaut intact', async () => {
    const raw = testdata('immowelt-objektanfrage-latin1.eml');
    // The attachment really is ISO-8859-1: read as UTF-8 it would be garbled.
    const attachment = (await simpleParser(raw)).attachments[0].content;
    assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(attachment));
    assert.match(decodeXmlBytes(attachment), /Größmann/);

    const enquiry = single(await parsePortalMail(raw));
    assert.equal(enquiry.provider, 'immowelt');
    assert.equal(enquiry.providerListingId, 'KOE-2026-17');
    assert.deepEqual(enquiry.contact, {
      salutation: 'Frau',
      firstName: 'Zoë',
      lastName: 'Größmann',
      email: 'zoe.groessmann@example.net',
      phone: '0221 4455667',
      street: 'Bürgerstraße 4',
      postcode: '50667',
      city: 'Köln',
    });
    assert.deepEqual(enquiry.fields, [{ label: 'Mobiltelefon', value: '0172 3344556' }]);
    assert.match(enquiry.message, /Einzug wäre zum 1\. Juni möglich\.\nMit freundlichen Grüßen\nZoë Größmann$/);
    assert.match(enquiry.listingHint ?? '', /^2-Zimmer-Wohnung in Köln-Sülz · Zülpicher Straße 210, 50937 Köln · 890 EUR/);
    // A reply goes straight to the person: Immowelt's Reply-To is no relay.
    assert.equal(enquiry.replyToRelayAddress, null);
  });

  it('falls back to the HTML tables (value in the third cell of the next table) in ISO-8859-1', async () => {
    const enquiry = single(await parsePortalMail(testdata('immowelt-html-latin1.eml')));
    assert.equal(enquiry.provider, 'immowelt');
    // "Ref.-Nr. D-0042:" in the RFC 2047 subject.
    assert.equal(enquiry.providerListingId, 'D-0042');
    assert.deepEqual(
      [enquiry.contact.salutation, enquiry.contact.firstName, enquiry.contact.lastName, enquiry.contact.email, enquiry.contact.phone],
      ['Herr', 'Jürgen', 'Weiß', 'j.weiss@example.com', '0211 9988776'],
    );
    assert.equal(
      enquiry.message,
      'Guten Tag,\nich interessiere mich für die Wohnung. Gewünschter Einzug: 01.07.2026\nHaushaltsgröße: 3 Personen\nTierfreier Haushalt: ja\nFreundliche Grüße',
    );
  });
});

describe('portal mails: what senders get wrong', () => {
  it('reads OpenImmo-Feedback pasted into the text body with a bare & and <, the listing id only in the subject', async () => {
    const enquiry = single(await parsePortalMail(testdata('unescaped-ampersand.eml')));
    // An unknown sender of OpenImmo-Feedback: the listing id is in the housing company's own id space.
    assert.equal(enquiry.provider, 'openimmo');
    assert.equal(enquiry.providerListingId, 'WB-4711');
    assert.deepEqual(
      [enquiry.contact.firstName, enquiry.contact.lastName, enquiry.contact.email],
      ['Ali', 'Yılmaz', 'ali.yilmaz@example.org'],
    );
    assert.equal(field(enquiry, 'Firma'), 'Yılmaz & Söhne GbR');
    assert.equal(
      enquiry.message,
      'Hallo, wir (2 Erwachsene & 1 Kind) suchen eine Wohnung mit Warmmiete <1.000 €. Einzug ab 01.04.2026 möglich. Haustiere: keine.',
    );
    assert.equal(enquiry.listingHint, 'Altbau-Wohnung Schiller- & Goethestraße');
  });

  it('finds feedback XML pasted into a text body between a greeting and a signature', async () => {
    const raw = [
      'From: ImmoScout24 <kontaktanfrage@immobilienscout24.de>',
      'Subject: Kontaktanfrage',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Guten Tag, anbei die Anfrage:',
      '<openimmo_feedback><objekt><portal_obj_id>4242</portal_obj_id><interessent><nachname>Sommer</nachname></interessent></objekt></openimmo_feedback>',
      '-- ',
      'ImmoScout24',
      '',
    ].join('\r\n');
    const enquiry = single(await parsePortalMail(raw));
    assert.deepEqual([enquiry.providerListingId, enquiry.contact.lastName], ['4242', 'Sommer']);
  });

  it('refuses a portal mail with nothing usable, with a reason', async () => {
    const failure = refused(await parsePortalMail(testdata('nothing-usable.eml')));
    assert.equal(failure.code, 'no_enquiry');
    assert.match(failure.reason, /keine lesbare Anfrage: .*weder Name noch E-Mail-Adresse noch Telefonnummer/);
  });

  it('refuses a mail from an unknown sender without enquiry XML, naming the sender', async () => {
    const raw = 'From: Newsletter <news@moebelhaus.example>\r\nSubject: Angebote\r\n\r\nVorname: Max\r\nE-Mail: max@example.org\r\n';
    const failure = refused(await parsePortalMail(raw));
    assert.equal(failure.code, 'unknown_sender');
    assert.match(failure.reason, /Absender \(news@moebelhaus\.example\) ist kein bekanntes Portal/);
  });

  it('reads a mail of an unknown sender when the inbound address names the portal', async () => {
    const raw =
      'From: Vermietung <team@hv.example>\r\nSubject: WG: Anfrage Ref.-Nr. K-9: Wohnung\r\n\r\nName:\r\nFrau Eva Ost\r\nE-Mail:\r\neva@example.org\r\nTelefon: -\r\n';
    const enquiry = single(await parsePortalMail(raw, { provider: 'immowelt' }));
    assert.deepEqual([enquiry.providerListingId, enquiry.contact.lastName, enquiry.contact.email], ['K-9', 'Ost', 'eva@example.org']);
    assert.equal(enquiry.contact.phone, null, 'a dash is no number');
  });

  it('names an OpenImmo transfer attached instead of feedback in the reason', async () => {
    const transfer = readFileSync(new URL('testdata/openimmo-feedback/transfer-fixtures/openestate-openimmo-1.2.7.xml', import.meta.url));
    const raw = [
      'From: export@makler-software.example',
      'Subject: Export',
      'MIME-Version: 1.0',
      'Content-Type: multipart/mixed; boundary="b"',
      '',
      '--b',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Anbei der Export.',
      '--b',
      'Content-Type: application/octet-stream; name="export.dat"',
      'Content-Transfer-Encoding: base64',
      '',
      transfer.toString('base64'),
      '--b--',
      '',
    ].join('\r\n');
    const failure = refused(await parsePortalMail(raw));
    assert.equal(failure.code, 'unknown_sender');
    assert.match(failure.reason, /OpenImmo-Übertragung \(Wurzelelement <openimmo>\)/);
  });

  it('names broken enquiry XML in the reason of a portal mail that has nothing else', async () => {
    const raw = [
      'From: ImmoScout24 <kontaktanfrage@immobilienscout24.de>',
      'Subject: Kontaktanfrage zu Ihrem Objekt 1234567',
      'Content-Type: text/plain; charset=utf-8',
      '',
      '<openimmo_feedback><objekt><interessent><nachname>Roth</vorname></interessent></objekt></openimmo_feedback>',
      '',
    ].join('\r\n');
    const failure = refused(await parsePortalMail(raw));
    assert.equal(failure.code, 'no_enquiry');
    assert.match(failure.reason, /Ein Teil der E-Mail enthält Anfrage-XML, das nicht lesbar ist: Das XML ist fehlerhaft \(Zeile 1/);
  });

  it('gives each interessent of one mail its own enquiry id', async () => {
    const raw = [
      'From: ImmoScout24 <kontaktanfrage@immobilienscout24.de>',
      'Message-ID: <two@immobilienscout24.de>',
      'Reply-To: relay-eins@kontakt.immobilienscout24.de',
      'Subject: Anfragen',
      'Content-Type: text/xml; charset=utf-8',
      '',
      '<openimmo_feedback><objekt><portal_obj_id>77</portal_obj_id>',
      '<interessent><nachname>Eins</nachname></interessent><interessent><nachname>Zwei</nachname></interessent>',
      '</objekt></openimmo_feedback>',
      '',
    ].join('\r\n');
    const result = await parsePortalMail(raw);
    assert.ok(result.ok);
    assert.deepEqual(
      result.enquiries.map((enquiry) => [enquiry.providerListingId, enquiry.providerEnquiryId, enquiry.contact.lastName]),
      [
        ['77', '<two@immobilienscout24.de>#1', 'Eins'],
        ['77', '<two@immobilienscout24.de>#2', 'Zwei'],
      ],
    );
    // One Reply-To cannot be both people's address.
    assert.deepEqual(
      result.enquiries.map((enquiry) => [enquiry.contact.email, enquiry.replyToRelayAddress]),
      [
        [null, null],
        [null, null],
      ],
    );
  });

  it('reads a portal mail a clerk forwarded as an attachment', async () => {
    const original = testdata('is24-feedback-attachment.eml');
    const raw = Buffer.concat([
      Buffer.from(
        [
          'From: Sachbearbeiterin <s.berg@hv-beispiel.example>',
          'Subject: WG: Kontaktanfrage',
          'MIME-Version: 1.0',
          'Content-Type: multipart/mixed; boundary="fwd"',
          '',
          '--fwd',
          'Content-Type: text/plain; charset=utf-8',
          '',
          'Bitte übernehmen.',
          '--fwd',
          'Content-Type: message/rfc822',
          'Content-Disposition: attachment; filename="anfrage.eml"',
          '',
          '',
        ].join('\r\n'),
      ),
      original,
      Buffer.from('\r\n--fwd--\r\n'),
    ]);
    const enquiry = single(await parsePortalMail(raw));
    assert.deepEqual([enquiry.provider, enquiry.providerListingId, enquiry.contact.lastName], ['immoscout24', '148213377', 'Schäfer']);
  });

  it('refuses an empty message', async () => {
    assert.deepEqual(refused(await parsePortalMail(Buffer.alloc(0))), { code: 'empty', reason: 'Die E-Mail ist leer.' });
  });

  it('decodes XML parts: UTF-8 whatever they declare, else the declared encoding, else Windows-1252', () => {
    const latin1 = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><a>Grüße</a>', 'latin1');
    assert.equal(decodeXmlBytes(latin1), '<?xml version="1.0" encoding="UTF-8"?><a>Grüße</a>');
    const utf8 = Buffer.from('<?xml version="1.0" encoding="ISO-8859-15"?><a>Grüße</a>', 'utf8');
    assert.equal(decodeXmlBytes(utf8), '<?xml version="1.0" encoding="ISO-8859-15"?><a>Grüße</a>');
    assert.equal(decodeXmlBytes(Buffer.from('<a>\u00a4</a>', 'latin1'), 'iso-8859-15'), '<a>€</a>');
  });
});

describe('portal mails: subjects, names and the "Weitere Daten" block', () => {
  it('takes the listing id from the subject as the portals write it', () => {
    assert.equal(listingIdFromSubject('Kontaktanfrage zu Ihrem Objekt  148213377 (Musterweg 5, Leipzig)'), '148213377');
    assert.equal(listingIdFromSubject('Anfrage zu Objekt: 12345678)'), '12345678');
    assert.equal(listingIdFromSubject('Neue Anfrage, Scout-ID: 98765432'), '98765432');
    assert.equal(listingIdFromSubject('Anfrage zu Ref.-Nr. KOE-2026-17: 2-Zimmer-Wohnung'), 'KOE-2026-17');
    assert.equal(listingIdFromSubject('Kontaktanfrage Ref.-Nr.: W 17/3: Wohnung'), 'W 17/3');
    assert.equal(listingIdFromSubject('Kontaktanfrage (Referenznummer: 4711-2)'), '4711-2');
    assert.equal(listingIdFromSubject('Frage zu Ihrem Objekt in Berlin'), null);
    assert.equal(listingIdFromSubject(undefined), null);
  });

  it('splits a name cell into salutation, first and last name', () => {
    assert.deepEqual(splitName('Herr Max Mustermann'), { salutation: 'Herr', firstName: 'Max', lastName: 'Mustermann' });
    assert.deepEqual(splitName('Frau Dr. Anna Maria Schulz'), { salutation: 'Frau Dr.', firstName: 'Anna Maria', lastName: 'Schulz' });
    assert.deepEqual(splitName('Schulz'), { salutation: null, firstName: null, lastName: 'Schulz' });
  });

  it('splits the block on semicolons and lines, continuing a value that has no label', () => {
    assert.deepEqual(
      splitFurtherData('Hallo!\nWeitere Daten zum Interessenten:\nHaushaltsgröße: 2\nVorhandene Unterlagen: Schufa; Gehaltsnachweis'),
      {
        message: 'Hallo!',
        fields: [
          { label: 'Haushaltsgröße', value: '2' },
          { label: 'Vorhandene Unterlagen', value: 'Schufa; Gehaltsnachweis' },
        ],
      },
    );
    assert.deepEqual(splitFurtherData('Nur eine Nachricht.'), { message: 'Nur eine Nachricht.', fields: [] });
  });
});
