import common from './common/de.ts';
import errors from './errors/de.ts';
import signIn from './sign-in/de.ts';
import attachments from './attachments/de.ts';
import filing from './filing/de.ts';
import residentCases from './resident-cases/de.ts';
import documents from './documents/de.ts';
import notifications from './notifications/de.ts';

/**
 * German, every area: the default language and the fallback of every other one, so it is part of the
 * eager bundle (the staff views' texts are an area of their own: `staff-element.ts`). Its shape is `Messages`, the texts every language provides.
 */
const de = { ...common, ...errors, ...signIn, ...attachments, ...filing, ...residentCases, ...documents, ...notifications };

export type Messages = typeof de;
export default de;
