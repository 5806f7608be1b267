import { TextArea } from '../internal/area-texts.ts';
import de, { type OverviewMessages } from './i18n/de.ts';

/** The daily overview's texts (German bundled, English on first use): staff work in German or English. */
export const overviewTexts = new TextArea<OverviewMessages>(de, { en: () => import('./i18n/en.ts') });
