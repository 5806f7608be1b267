import { TextArea } from '../internal/area-texts.ts';
import de, { type ViewingMessages } from './i18n/de.ts';

/** The booking page's texts: German bundled, every other language of the residents' elements on first use. */
export const viewingTexts = new TextArea<ViewingMessages>(de, {
  en: () => import('./i18n/en.ts'),
  tr: () => import('./i18n/tr.ts'),
  pl: () => import('./i18n/pl.ts'),
  uk: () => import('./i18n/uk.ts'),
});
