import { TextArea } from '../internal/area-texts.ts';
import de, { type AnswerMessages } from './i18n/de.ts';

/** The contractor page's texts: German bundled, English on first use. */
export const answerTexts = new TextArea<AnswerMessages>(de, { en: () => import('./i18n/en.ts') });
