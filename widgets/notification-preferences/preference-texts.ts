import { TextArea } from '../internal/area-texts.ts';
import de, { type PreferenceMessages } from './i18n/de.ts';

/** The e-mail choice's texts: German bundled with the element's chunk, every other residents' language on first use. */
export const preferenceTexts = new TextArea<PreferenceMessages>(de, {
  en: () => import('./i18n/en.ts'),
  tr: () => import('./i18n/tr.ts'),
  pl: () => import('./i18n/pl.ts'),
  uk: () => import('./i18n/uk.ts'),
});
