import { TextArea } from '../internal/area-texts.ts';
import de, { type SettingsMessages } from './i18n/de.ts';

/** The settings' texts (German bundled, English on first use): staff work in German or English. */
export const settingsTexts = new TextArea<SettingsMessages>(de, { en: () => import('./i18n/en.ts') });
