import common from './common/tr.ts';
import errors from './errors/tr.ts';
import signIn from './sign-in/tr.ts';
import attachments from './attachments/tr.ts';
import filing from './filing/tr.ts';
import residentCases from './resident-cases/tr.ts';
import documents from './documents/tr.ts';
import staff from './staff/de.ts';
import notifications from './notifications/tr.ts';
import type { Messages } from './de.ts';

/**
 * Turkish for everything a resident sees. Loaded on demand (localize.ts). The staff elements speak German and
 * English only; their German texts (already in the eager bundle) complete the shape.
 */
const tr: Messages = {
  ...staff,
  ...common,
  ...errors,
  ...signIn,
  ...attachments,
  ...filing,
  ...residentCases,
  ...documents,
  ...notifications,
};

export default tr;
