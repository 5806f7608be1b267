import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { aggWarnings } from './agg.ts';

/**
 * The § 19 AGG warning on a rejection's free text: it names the characteristic a clerk's words touch, and stays
 * quiet on objective reasons — a warning that cries wolf is clicked away. Texts as clerks write them.
 */
describe('the § 19 AGG warning on a rejection’s text', () => {
  const touched = (text: string) => aggWarnings(text).map((warning) => `${warning.characteristic}:${warning.term}`);

  it('names each protected characteristic and the word that touched it', () => {
    const cases: Array<[string, string[]]> = [
      ['Trägt ein Kopftuch.', ['religion:Kopftuch']],
      ['Ausländer, Verständigung schwierig.', ['herkunft:Ausländer']],
      ['Spricht kein Deutsch.', ['herkunft:kein Deutsch']],
      ['Wegen der Herkunft eher nicht.', ['herkunft:Herkunft']],
      ['Sitzt im Rollstuhl, 3. OG ohne Aufzug.', ['behinderung:Rollstuhl']],
      ['Ist schwanger, bald zu dritt.', ['geschlecht:schwanger']],
      ['Rentnerin, 78 Jahre alt.', ['alter:Rentnerin']],
      ['Aus Altersgründen abgelehnt.', ['alter:Altersgründen']],
      ['Schwules Paar.', ['sexuelle_identitaet:Schwules']],
      ['Muslimische Familie', ['religion:Muslimische']],
      ['Mann im Rollstuhl, Türke', ['herkunft:Türke', 'behinderung:Rollstuhl']],
    ];
    for (const [text, expected] of cases) assert.deepEqual(touched(text).sort(), expected.sort(), text);
  });

  it('stays quiet on objective reasons and on words that only look alike', () => {
    for (const text of [
      'Frau Müller hat die Gehaltsnachweise trotz zweimaliger Nachfrage nicht eingereicht.',
      'Familie mit drei Kindern: 2 Zimmer sind nach den Belegungsvorgaben zu klein.',
      'Hund der Rasse Labrador, Tierhaltung laut Hausordnung nicht möglich.',
      'Hunderasse nicht erlaubt.',
      'Alter Mietvertrag läuft noch bis Juli, Einzug zu spät.',
      'Ich glaube, die Miete ist für das Einkommen zu hoch.',
      'Mietschulden beim Vorvermieter laut Bescheinigung.',
      'Zieht lieber in die Kirchstraße.',
      'Die Taube auf dem Balkon stört nicht.',
      'Diverse Unterlagen fehlen.',
      'Besichtigung ohne Absage nicht wahrgenommen.',
    ]) {
      assert.deepEqual(touched(text), [], text);
    }
  });
});
