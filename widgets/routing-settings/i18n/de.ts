/** The texts of `<routing-settings>` in German (its own area; English on first use). */
const routing = {
  heading: 'Zuständigkeiten',
  intro:
    'Wer neue Vorgänge erhält: je Vorgangsart und, bei Schadensmeldungen, je Schadenskategorie. Eine Regel für eine Kategorie geht der Regel für alle Schadensmeldungen vor. Ohne Regel bleibt ein Vorgang unzugewiesen.',
  rulesSection: 'Regeln',
  noRules: 'Noch keine Regeln: Neue Vorgänge bleiben unzugewiesen.',
  caseType: 'Vorgangsart',
  category: 'Schadenskategorie',
  anyCategory: 'Alle Kategorien',
  assignee: 'Zuständig',
  chooseAssignee: 'Bitte wählen …',
  unknownAssignee: 'unbekannt',
  setSection: 'Regel festlegen',
  setHint: 'Gibt es die Regel für diese Vorgangsart und Kategorie schon, wird die zuständige Person ersetzt.',
  saveRule: 'Regel speichern',
  assigneeRequired: 'Bitte wählen Sie die zuständige Person aus.',
  ruleLine: (what: string, who: string) => `${what} → ${who}`,
  removeRule: (what: string) => `Regel „${what}“ entfernen`,
  saved: (what: string, who: string) => `Gespeichert: ${what} → ${who}.`,
  removed: (what: string) => `Regel „${what}“ entfernt.`,
};

export type RoutingMessages = typeof routing;
export default routing;
