import { TextArea } from '../internal/area-texts.ts';
import de, { type KanbanMessages } from './i18n/de.ts';

/** The lead board's texts (German bundled, English on first use): staff work in German or English. */
export const kanbanTexts = new TextArea<KanbanMessages>(de, { en: () => import('./i18n/en.ts') });
