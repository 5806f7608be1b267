import { TextArea } from '../internal/area-texts.ts';
import de, { type ConsentMessages } from './i18n/de.ts';

/** The consent page's texts: German bundled, English on first use. */
export const consentTexts = new TextArea<ConsentMessages>(de, { en: () => import('./i18n/en.ts') });
