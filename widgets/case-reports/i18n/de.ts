/**
 * The texts of `<case-reports>` in German: an area of its own, in the element's chunk (loaded when "Auswertungen" is
 * first opened in the staff portal). General texts (errors, "Wird geladen …", "Erneut versuchen", the case types)
 * come from the common areas of localize.ts.
 */
const reports = {
  heading: 'Auswertungen',
  intro:
    'Eingang, Bearbeitungszeiten, Fristtreue und offener Bestand der Vorgänge Ihrer Hausverwaltung. Tage, Wochen und Monate nach deutscher Zeit.',
  signInFirst: 'Bitte melden Sie sich als Mitarbeiterin oder Mitarbeiter Ihrer Hausverwaltung an, um die Auswertungen zu sehen.',
  staffOnly: 'Die Auswertungen können nur Mitarbeitende der Hausverwaltung sehen.',
  loadFailed: 'Die Auswertung konnte nicht geladen werden.',
  periodLegend: 'Zeitraum',
  from: 'Von',
  to: 'Bis',
  interval: 'Einteilung',
  intervalLabels: { week: 'Wochen', month: 'Monate' },
  show: 'Anzeigen',
  showing: 'Wird geladen …',
  periodRequired: 'Bitte geben Sie ein Datum an.',
  periodOrder: 'Das Enddatum darf nicht vor dem Startdatum liegen.',
  periodTooLong: 'Bitte wählen Sie einen Zeitraum von höchstens zwei Jahren.',
  periodShown: (from: string, to: string) => `Zeitraum ${from} bis ${to}`,
  asOf: (when: string) => `Stand: ${when}`,
  csv: 'CSV herunterladen',
  csvOf: (what: string) => `${what} als CSV herunterladen`,
  chartTable: 'Zahlen als Tabelle',
  none: '–',
  total: 'Gesamt',
  all: 'Alle Vorgänge',
  period: 'Zeitraum',
  group: 'Gruppe',
  value: 'Wert',
  type: 'Art',
  building: 'Gebäude',
  clerk: 'Sachbearbeitung',
  unassigned: 'Nicht zugewiesen',
  weekOf: (date: string) => `Woche ab ${date}`,
  weekShort: (date: string) => date,

  intakeHeading: 'Eingang',
  intakeSummary: (count: number) =>
    count === 1 ? 'Im Zeitraum ist 1 Vorgang eingegangen.' : `Im Zeitraum sind ${count} Vorgänge eingegangen.`,
  intakeEmpty: 'Im Zeitraum ist kein Vorgang eingegangen.',
  intakeChart: (interval: 'week' | 'month') => `Eingegangene Vorgänge je ${interval === 'week' ? 'Woche' : 'Monat'}`,
  intakeByType: 'Je Art',
  intakeByBuilding: 'Je Gebäude',
  intakeByClerk: 'Je Sachbearbeitung (zugewiesen)',

  processingHeading: 'Bearbeitungszeit',
  processingSummary: (done: number, median: string, p90: string) =>
    `${done === 1 ? '1 Vorgang' : `${done} Vorgänge`} im Zeitraum erledigt: Median ${median}, 90 % innerhalb von ${p90} (vom Eingang bis „Erledigt“).`,
  processingEmpty: 'Im Zeitraum wurde kein Vorgang erledigt.',
  processingChart: 'Bearbeitungszeit vom Eingang bis „Erledigt“ (Median und 90. Perzentil)',
  done: 'Erledigt',
  median: 'Median',
  p90: '90. Perzentil',
  medianHours: 'Median (Stunden)',
  p90Hours: '90. Perzentil (Stunden)',
  hours: (hours: string) => `${hours} Std.`,
  days: (days: string) => `${days} Tage`,

  deadlinesHeading: 'Fristtreue',
  deadlinesSummary: (share: string, onTime: number, closed: number) =>
    `${share} der im Zeitraum abgeschlossenen Vorgänge fristgerecht (${onTime} von ${closed}; „Erledigt“ und „Abgelehnt“).`,
  deadlinesEmpty: 'Im Zeitraum wurde kein Vorgang abgeschlossen.',
  deadlinesChart: 'Anteil fristgerecht abgeschlossener Vorgänge',
  closed: 'Abgeschlossen',
  onTime: 'Fristgerecht',
  shareOnTime: 'Anteil fristgerecht',
  shareOnTimePercent: 'Anteil fristgerecht (%)',

  backlogHeading: 'Offener Bestand',
  backlogSummary: (count: number, overdue: number) =>
    `Heute ${count === 1 ? '1 offener Vorgang' : `${count} offene Vorgänge`}, davon ${overdue} überfällig.`,
  backlogEmpty: 'Heute ist kein Vorgang offen.',
  backlogChart: 'Offene Vorgänge nach Alter',
  age: 'Alter',
  open: 'Offen',
  overdue: 'Überfällig',
  ageLabel: (minDays: number, maxDays: number | null) =>
    maxDays === null ? `${minDays} Tage und älter` : minDays === 0 ? `unter ${maxDays} Tagen` : `${minDays}–${maxDays - 1} Tage`,

  /** File names of the downloads (ASCII, no spaces). */
  fileNames: { intake: 'eingang', processing: 'bearbeitungszeit', deadlines: 'fristtreue', backlog: 'offener-bestand' },
  /** What the charts say to a screen reader before the table. */
  chartLabel: (title: string, summary: string) => `Diagramm: ${title}. ${summary} Die Zahlen stehen in der Tabelle darunter.`,
  chartRange: (min: string, max: string) => `Werte von ${min} bis ${max}.`,
  chartNoValues: 'Keine Werte.',
};

export type ReportMessages = typeof reports;
export default reports;
