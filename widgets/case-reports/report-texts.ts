import { TextArea } from '../internal/area-texts.ts';
import de, { type ReportMessages } from './i18n/de.ts';

/** The reports' texts (German bundled, English on first use): staff work in German or English. */
export const reportTexts = new TextArea<ReportMessages>(de, { en: () => import('./i18n/en.ts') });
