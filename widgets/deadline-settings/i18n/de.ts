import type { FederalState } from '../../../bff/contract/deadlines.ts';

/** The texts of `<deadline-settings>` in German (its own area; English on first use). */
const deadlines = {
  heading: 'Fristen',
  intro:
    'Bis wann ein neuer Vorgang bearbeitet sein soll: je Vorgangsart und Dringlichkeit in Arbeitstagen (Montag bis Freitag ohne die gesetzlichen Feiertage Ihres Bundeslands). Ein leeres Feld behält die Standardfrist. Die Frist gilt ab dem Eingang; bestehende Vorgänge behalten ihre Frist.',
  stateLabel: 'Bundesland',
  stateHint: 'Seine gesetzlichen Feiertage zählen nicht als Arbeitstage.',
  noState: 'Nur bundesweite Feiertage',
  states: {
    BW: 'Baden-Württemberg',
    BY: 'Bayern',
    BE: 'Berlin',
    BB: 'Brandenburg',
    HB: 'Bremen',
    HH: 'Hamburg',
    HE: 'Hessen',
    MV: 'Mecklenburg-Vorpommern',
    NI: 'Niedersachsen',
    NW: 'Nordrhein-Westfalen',
    RP: 'Rheinland-Pfalz',
    SL: 'Saarland',
    SN: 'Sachsen',
    ST: 'Sachsen-Anhalt',
    SH: 'Schleswig-Holstein',
    TH: 'Thüringen',
  } satisfies Record<FederalState, string>,
  tableCaption: 'Fristen in Arbeitstagen',
  caseType: 'Vorgangsart',
  urgencies: { normal: 'Normal', urgent: 'Dringend', emergency: 'Notfall' },
  /** The accessible name of one field: "Schadensmeldung, Notfall: Frist in Arbeitstagen". */
  fieldLabel: (type: string, urgency: string) => `${type}, ${urgency}: Frist in Arbeitstagen`,
  /** The standard deadline shown in an empty field. */
  standard: (hours: number) => (hours % 24 ? `Standard ${hours} Std.` : `Standard ${hours / 24} ${hours === 24 ? 'Tag' : 'Tage'}`),
  standardHint: 'Standard: Kalendertage bzw. Stunden ab Eingang, auch am Wochenende.',
  wholeDays: 'Bitte eine ganze Zahl von 1 bis 60 Arbeitstagen angeben oder das Feld leeren.',
  save: 'Fristen speichern',
  saved: 'Gespeichert. Neue Vorgänge erhalten diese Fristen.',
  nothingToSave: 'Es gibt keine Änderungen zu speichern.',
};

export type DeadlineMessages = typeof deadlines;
export default deadlines;
