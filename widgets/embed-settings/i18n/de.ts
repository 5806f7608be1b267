import type { ThemeColour } from '../../../bff/contract/embedding.ts';

/** The texts of `<embed-settings>` in German (its own area; English on first use). */
const embedding = {
  heading: 'Einbindung und Farben',
  originsSection: 'Adressen, auf denen das Portal eingebunden ist',
  originsIntro:
    'Nur Seiten dieser Adressen dürfen die Widgets einbinden und mit dem Portal sprechen. Je Adresse Schema, Rechnername und gegebenenfalls Port, ohne Pfad, z. B. https://www.wohnbau-nord.de. Änderungen gelten nach spätestens 30 Sekunden.',
  originLabel: (index: number) => `Adresse ${index}`,
  noOrigins: 'Noch keine Adresse: Das Portal lässt sich nur auf der Seite des Portalbetreibers öffnen.',
  addOrigin: 'Adresse hinzufügen',
  removeOrigin: (origin: string) => `Adresse ${origin || '(leer)'} entfernen`,
  duplicate: 'Diese Adresse steht schon in der Liste.',
  coloursSection: 'Farben der Widgets',
  coloursIntro: 'Als Hex-Wert mit sechs Stellen, z. B. #005ca9. Ein leeres Feld behält die Standardfarbe.',
  colourLabels: {
    '--mp-color-primary': 'Hauptfarbe (Schaltflächen, Hervorhebungen)',
    '--mp-color-on-primary': 'Schrift auf der Hauptfarbe',
    '--mp-color-text': 'Schriftfarbe',
    '--mp-color-surface': 'Hintergrund',
  } satisfies Record<ThemeColour, string>,
  standardColour: (value: string) => `Standard ${value}`,
  wrongColour: 'Bitte eine Farbe als Hex-Wert mit sechs Stellen angeben, z. B. #005ca9.',
  preview: 'Vorschau',
  previewButton: 'Schadensmeldung senden',
  previewText: 'So sehen Bewohnerinnen und Bewohner Text und Schaltflächen.',
  /** Shown when a pair of colours is hard to read (WCAG 2.2, 1.4.3: at least 4.5 : 1). */
  lowContrast: (pair: string, ratio: string) =>
    `Kontrast ${pair}: ${ratio} : 1 – zu gering für gut lesbaren Text (mindestens 4,5 : 1). Sie können trotzdem speichern.`,
  pairButton: 'Schrift auf Hauptfarbe',
  pairText: 'Schrift auf Hintergrund',
  save: 'Speichern',
  saved: 'Gespeichert. Neue Adressen gelten nach spätestens 30 Sekunden.',
};

export type EmbeddingMessages = typeof embedding;
export default embedding;
