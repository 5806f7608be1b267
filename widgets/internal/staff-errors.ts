import { addGermanErrorTexts } from './localize.ts';
import { linkPageErrorCodes, staffErrorCodes } from './i18n/errors/staff-de.ts';

/**
 * Imported (for its effect) by every element that can meet a code a resident's portal never meets — the staff views,
 * the staff portal's sign-in, and the link pages of contractors and interested people: their German texts come with
 * that element's chunk and are there before its first render. The other languages carry them in their own chunks.
 */
addGermanErrorTexts({ ...staffErrorCodes, ...linkPageErrorCodes });
