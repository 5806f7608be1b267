import { TextArea } from './area-texts.ts';
import de, { type DetailMessages } from './detail-texts/de.ts';

export type { DetailMessages };

/** Texts of the lazily loaded views' shared details (German with their chunk, English on first use; other languages show German). */
export const detailTexts = new TextArea<DetailMessages>(de, { en: () => import('./detail-texts/en.ts') });
