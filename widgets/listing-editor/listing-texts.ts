import { TextArea } from '../internal/area-texts.ts';
import de, { type ListingMessages } from './i18n/de.ts';

/** The listing editor's texts (German bundled, English on first use): staff work in German or English. */
export const listingTexts = new TextArea<ListingMessages>(de, { en: () => import('./i18n/en.ts') });
