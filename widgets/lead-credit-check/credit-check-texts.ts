import { TextArea } from '../internal/area-texts.ts';
import de, { type CreditCheckMessages } from './i18n/de.ts';

export const creditCheckTexts = new TextArea<CreditCheckMessages>(de, { en: () => import('./i18n/en.ts') });
