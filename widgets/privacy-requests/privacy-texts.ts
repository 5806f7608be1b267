import { TextArea } from '../internal/area-texts.ts';
import de, { type PrivacyRequestsMessages } from './i18n/de.ts';

/** The erasure requests' texts (German with the element's chunk, English on first use): admins work in German or English. */
export const privacyRequestsTexts = new TextArea<PrivacyRequestsMessages>(de, { en: () => import('./i18n/en.ts') });
