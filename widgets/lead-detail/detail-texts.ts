import { TextArea } from '../internal/area-texts.ts';
import de, { type LeadDetailMessages } from './i18n/de.ts';

/** The lead detail's texts (German in the detail's chunk); staff pages in English see German until it is translated. */
export const leadDetailTexts = new TextArea<LeadDetailMessages>(de, {});
