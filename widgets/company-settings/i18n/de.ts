import type { SettingKey } from '../../internal/settings-api.ts';

/**
 * The texts of `<company-settings>` in German: an area of its own, bundled with the staff portal's chunk (its
 * navigation names the settings) and never with the residents' portal; the shape English provides too.
 * General texts (errors, "Wird geladen …") come from the common areas of localize.ts.
 */
const settings = {
  /** The staff portal's navigation, which shows "Einstellungen" to admins. */
  staffSections: 'Bereiche',
  /** The navigation's entry of the lead board (`<lead-kanban>`, whose own texts load with it). */
  leadsHeading: 'Vermietung',
  settingsHeading: 'Einstellungen',
  /** The admins' erasure requests (`<privacy-requests>`, whose own texts load with it). */
  privacyHeading: 'Datenschutz',
  /** The navigation's entry of the case reports (`<case-reports>`, whose own texts load with it). */
  reportsHeading: 'Auswertungen',
  /** The sub-navigation inside "Vermietung": the board, the listings (`<listing-editor>`) and the daily overview (`<lead-overview>`). */
  lettingSections: 'Bereiche der Vermietung',
  lettingBoard: 'Board',
  lettingListings: 'Inserate',
  lettingOverview: 'Übersicht',
  settingsSections: 'Bereiche der Einstellungen',
  settingsGeneral: 'Allgemein',
  settingsCatalogue: 'Schadenskatalog und Dokumente',
  settingsRouting: 'Zuständigkeiten',
  settingsDeadlines: 'Fristen',
  settingsContractors: 'Handwerker',
  settingsEmbedding: 'Einbindung und Farben',
  /**
   * The fields' labels where the contract's do not fit the language: German shows the contract's own
   * (`labels` in the BFF's answer, from `.meta({ title })` in bff/contract/settings.ts).
   */
  fieldLabels: {} as Partial<Record<SettingKey, string>>,
  intro:
    'Was Mieterinnen und Mieter auf Ihren Seiten und vom Assistenten über Ihre Hausverwaltung erfahren, und wie lange Daten aufbewahrt werden.',
  lastChanged: (when: string) => `Zuletzt geändert am ${when}.`,
  neverChanged: 'Noch nie geändert: Es gelten die Standardwerte.',
  signInFirst: 'Bitte melden Sie sich als Administratorin oder Administrator Ihrer Hausverwaltung an, um die Einstellungen zu sehen.',
  adminsOnly:
    'Die Einstellungen können nur Administratorinnen und Administratoren Ihrer Hausverwaltung sehen und ändern. Bitte wenden Sie sich an sie, wenn hier etwas geändert werden soll.',
  loadFailed: 'Die Einstellungen konnten nicht geladen werden.',

  contactSection: 'Kontakt und Notfall',
  contactPublic:
    'Notrufnummern, Bürozeiten, E-Mail und Telefon sind öffentlich: Das Schadensformular zeigt sie auch Besuchern ohne Anmeldung, und der Assistent nennt sie.',
  emergencyRow: (position: number) => `Notrufnummer ${position}`,
  emergencyLabel: 'Bezeichnung',
  emergencyLabelHint: 'z. B. „Notdienst Heizung (rund um die Uhr)“',
  emergencyPhone: 'Telefonnummer',
  noEmergencyNumbers: 'Noch keine Notrufnummern.',
  addEmergencyNumber: 'Notrufnummer hinzufügen',
  removeEmergencyNumber: (position: number) => `Notrufnummer ${position} entfernen`,
  officeHoursHint: 'Freier Text, z. B. „Mo–Do 8–16 Uhr, Fr 8–12 Uhr“.',
  phoneHint: 'Ziffern, auch mit Leerzeichen, / oder -, z. B. 040 123 456 oder +49 40 123456.',
  portalPageHint: 'Vollständige Adresse mit https://. E-Mails an Mieter verlinken ihr Anliegen auf dieser Seite.',
  optionalHint: 'Leer lassen, wenn es keine gibt.',

  residentMailsSection: 'E-Mails an Bewohner',
  residentMailsIntro:
    'Eingangsbestätigungen, Antworten, Statusänderungen und Handwerkertermine gehen so an Mieter und Eigentümer. Leer gelassen bleibt es beim Absender und Gruß des Portals.',
  senderNameHint:
    'So erscheint der Absender im Postfach, z. B. „Wohnbau Nord eG – Mieterservice“. Nur der Name, in einer Zeile: Die Absenderadresse bleibt die des Portals.',
  replyToHint: 'Hierhin gehen Antworten der Bewohner auf diese E-Mails. Leer lassen, wenn es keine gibt.',
  signatureHint:
    'Steht unter dem Gruß statt des Namens Ihrer Hausverwaltung, genau so wie geschrieben – auch in E-Mails in anderen Sprachen. Reiner Text, höchstens 8 Zeilen und 500 Zeichen.',

  houseRulesSection: 'Hausordnung für den Assistenten',
  houseRulesIntro: 'Fragt jemand im Chat nach der Hausordnung, zitiert der Assistent diese Auszüge – und nur sie.',
  ruleRow: (position: number) => `Auszug ${position}`,
  ruleTitle: 'Titel',
  ruleTitleHint: 'z. B. „Ruhezeiten“',
  ruleText: 'Text',
  noHouseRules: 'Noch keine Auszüge aus der Hausordnung.',
  addHouseRule: 'Auszug hinzufügen',
  removeHouseRule: (position: number) => `Auszug ${position} entfernen`,
  remove: 'Entfernen',
  listFull: (max: number) => `Mehr als ${max} sind nicht möglich.`,

  assistantSection: 'Assistent',
  historyDaysHint: 'Höchstens 90 Tage, wie der Datenschutzhinweis des Chats den Mietern zusagt.',
  tokens: (count: string) => `${count} Tokens`,
  usageHeading: (month: string) => `Verbrauch im ${month}`,
  usageOf: (used: string, budget: string) => `${used} von ${budget} Tokens`,
  usageShare: (percent: string) => `${percent} verbraucht`,
  usageSplit: (input: string, output: string) => `Eingabe ${input}, Ausgabe ${output}`,
  usageNote: 'Eingabe und Ausgabe aller Mieter zusammen; der Zähler beginnt am Monatsersten (UTC) neu.',
  usageLoading: 'Der Verbrauch wird geladen …',
  usageFailed: 'Der Verbrauch konnte nicht geladen werden.',
  budgetNearlyUsed: 'Das Budget ist fast aufgebraucht. Danach nimmt der Assistent bis zum Monatsende keine Nachrichten mehr an.',
  budgetExhausted:
    'Das Budget ist aufgebraucht: Der Assistent nimmt bis zum Monatsende keine Nachrichten mehr an. Ein höheres Budget gibt ihn sofort wieder frei.',
  chatSwitchedOff: 'Das Budget ist 0: Der Chat ist abgeschaltet, Mieter können dem Assistenten nicht schreiben.',

  lettingSection: 'Vermietung',
  lettingEmailHint:
    'Von dieser Adresse schreiben Sachbearbeiter Interessenten an. Antworten kommen an dieselbe Adresse mit dem Zusatz +lead-… zurück: Ihr Postfach oder Mail-Relay muss diese Zusätze annehmen. Leer: keine Nachrichten an Interessenten.',
  retentionSection: 'Aufbewahrung',

  save: 'Speichern',
  saving: 'Wird gespeichert …',
  saved: (when: string) => `Gespeichert. Zuletzt geändert am ${when}.`,
  nothingToSave: 'Es gibt keine Änderungen zu speichern.',
  unsaved: 'Sie haben Änderungen, die noch nicht gespeichert sind.',

  /** Field errors of numbers, for a language the contract's (German) messages are not in. */
  atLeast: (limit: number) => `Mindestens ${limit}.`,
  atMost: (limit: number) => `Höchstens ${limit}.`,
  wholeNumber: 'Bitte eine ganze Zahl angeben.',
  numberRequired: 'Bitte eine Zahl angeben.',
};

export type SettingsMessages = typeof settings;
export default settings;
