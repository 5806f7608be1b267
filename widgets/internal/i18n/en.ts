import common from './common/en.ts';
import errors from './errors/en.ts';
import signIn from './sign-in/en.ts';
import attachments from './attachments/en.ts';
import filing from './filing/en.ts';
import residentCases from './resident-cases/en.ts';
import documents from './documents/en.ts';
import notifications from './notifications/en.ts';
import type { Messages } from './de.ts';

/** English, every area. Loaded on demand (localize.ts). */
const en: Messages = {
  ...common,
  ...errors,
  ...signIn,
  ...attachments,
  ...filing,
  ...residentCases,
  ...documents,
  ...notifications,
};

export default en;
