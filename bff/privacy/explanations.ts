import type { RetainedItem } from '../contract/privacy.ts';
import type { RetentionFacts } from './repository.ts';

/**
 * The German explanations of the privacy self-service (docs/data-subject-rights.md): what an erasure must keep and why, and the
 * information Art. 15 Abs. 1 and 2 DSGVO asks for alongside the data. The widgets phrase the kept items in the page's
 * language from `kind`, `count` and `keptUntil`; these texts go into the JSON, the PDF and the admin's record.
 */

const isoDate = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);
const addYears = (date: Date, years: number) => new Date(Date.UTC(date.getUTCFullYear() + years, date.getUTCMonth(), date.getUTCDate()));

export function retainedItems(facts: RetentionFacts, at: Date): RetainedItem[] {
  const items: RetainedItem[] = [];
  if (facts.openCases > 0)
    items.push({
      kind: 'openCases',
      count: facts.openCases,
      what: `${facts.openCases} offene${facts.openCases === 1 ? 's Anliegen' : ' Anliegen'}`,
      reason:
        'Offene Anliegen bearbeitet die Hausverwaltung zu Ende (z. B. eine Reparatur in Ihrer Wohnung); danach gelten für sie ' +
        'dieselben Aufbewahrungsfristen wie für abgeschlossene Anliegen. Ihre Angaben zur Erreichbarkeit werden sofort entfernt.',
      keptUntil: null,
    });
  if (facts.closedCases > 0)
    items.push({
      kind: 'cases',
      count: facts.closedCases,
      what: `${facts.closedCases} abgeschlossene${facts.closedCases === 1 ? 's Anliegen' : ' Anliegen'} mit Nachrichten und Anhängen`,
      reason:
        'Anliegen sind Geschäftskorrespondenz der Hausverwaltung und müssen 6 Jahre nach ihrem Abschluss aufbewahrt werden ' +
        '(§ 257 Abs. 1 Nr. 2 und 3, Abs. 4 HGB); Anliegen mit einem Handwerkerauftrag 10 Jahre, weil sie Rechnungen begründen ' +
        '(§ 147 Abs. 1 und 3 AO). Rechtsgrundlage: Art. 17 Abs. 3 lit. b und e DSGVO. Ihre Angaben zur Erreichbarkeit werden entfernt; ' +
        'nach Ablauf der Frist werden die Inhalte gelöscht.',
      keptUntil: isoDate(facts.closedCasesUntil),
    });
  if (facts.documents > 0)
    items.push({
      kind: 'documents',
      count: facts.documents,
      what: `${facts.documents} Schreiben der Hausverwaltung an Sie (z. B. Abrechnungen, Bescheinigungen)`,
      reason:
        'Abrechnungen, Bescheinigungen und Briefe sind Handels- und Steuerunterlagen der Hausverwaltung und werden bis zu 10 Jahre ' +
        'aufbewahrt (§ 257 HGB, § 147 AO; Art. 17 Abs. 3 lit. b DSGVO).',
      keptUntil: isoDate(facts.documentsUntil),
    });
  if (facts.tenancies > 0)
    items.push({
      kind: 'tenancies',
      count: facts.tenancies,
      what: 'Ihr Miet- oder Eigentumsverhältnis (Name, Wohnung, Vertragsdaten)',
      reason:
        'Diese Daten braucht die Hausverwaltung für Ihren Vertrag (Art. 6 Abs. 1 lit. b DSGVO) und danach für die gesetzliche ' +
        'Aufbewahrung (Art. 6 Abs. 1 lit. c DSGVO). Ihr Zugang zum Portal wird trotzdem gelöscht.',
      keptUntil: null,
    });
  items.push({
    kind: 'request',
    count: 1,
    what: 'Ihr Löschantrag und seine Erledigung (ohne Inhalte)',
    reason:
      'Damit die Hausverwaltung nachweisen kann, dass sie Ihren Antrag erfüllt hat (Art. 5 Abs. 2 DSGVO), bis zum Ende der ' +
      'Verjährungsfrist (§ 195 BGB).',
    keptUntil: isoDate(addYears(at, 3)),
  });
  return items;
}

/** What the person is told alongside their data (Art. 15 Abs. 1 lit. a–h, Abs. 2 DSGVO). */
export function accessInformation(company: string): Array<{ heading: string; text: string }> {
  return [
    {
      heading: 'Verantwortlicher',
      text: `${company} ist für die Verarbeitung Ihrer Daten im Mieterportal verantwortlich.`,
    },
    {
      heading: 'Zwecke und Rechtsgrundlagen',
      text:
        'Ihr Konto, Ihre Anliegen, Dokumente und Nachrichten verarbeitet die Hausverwaltung, um Ihren Miet- oder Eigentumsvertrag ' +
        'zu erfüllen (Art. 6 Abs. 1 lit. b DSGVO) und gesetzliche Aufbewahrungspflichten einzuhalten (Art. 6 Abs. 1 lit. c DSGVO). ' +
        'Gespräche mit dem Assistenten dienen nur der Beantwortung Ihrer Fragen.',
    },
    {
      heading: 'Empfänger',
      text:
        'Beschäftigte der Hausverwaltung; Handwerksbetriebe, die zu einem Ihrer Anliegen beauftragt werden (nur die dafür nötigen ' +
        'Angaben); das Vorgangssystem der Hausverwaltung; für Gespräche mit dem Assistenten ein Sprachmodell-Anbieter als ' +
        'Auftragsverarbeiter.',
    },
    {
      heading: 'Speicherdauer',
      text:
        'Gespräche mit dem Assistenten: 90 Tage. Anliegen: 6 Jahre nach Abschluss, mit Handwerkerauftrag 10 Jahre. Dokumente: bis ' +
        'zu 10 Jahre. Anmeldedaten: solange Ihr Konto besteht.',
    },
    {
      heading: 'Ihre Rechte',
      text:
        'Sie haben das Recht auf Berichtigung (Art. 16), Löschung (Art. 17), Einschränkung der Verarbeitung (Art. 18), ' +
        'Datenübertragbarkeit (Art. 20) und Widerspruch (Art. 21 DSGVO) sowie das Recht, sich bei einer ' +
        'Datenschutz-Aufsichtsbehörde zu beschweren (Art. 77 DSGVO).',
    },
    {
      heading: 'Herkunft der Daten',
      text:
        'Ihre Stammdaten und Vertragsdaten stammen von der Hausverwaltung; alles Weitere haben Sie im Portal eingegeben oder es ' +
        'ist bei der Bearbeitung Ihrer Anliegen entstanden. Eine automatisierte Entscheidungsfindung (Art. 22 DSGVO) findet nicht statt.',
    },
  ];
}
