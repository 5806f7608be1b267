import { TextArea } from '../internal/area-texts.ts';
import de, { type AccountMessages } from './i18n/de.ts';

/** The account settings' texts (German bundled with the element's chunk, English on first use; other languages show German). */
export const accountTexts = new TextArea<AccountMessages>(de, { en: () => import('./i18n/en.ts') });
