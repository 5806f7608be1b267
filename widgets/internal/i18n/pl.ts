import common from './common/pl.ts';
import errors from './errors/pl.ts';
import signIn from './sign-in/pl.ts';
import attachments from './attachments/pl.ts';
import filing from './filing/pl.ts';
import residentCases from './resident-cases/pl.ts';
import documents from './documents/pl.ts';
import staff from './staff/de.ts';
import notifications from './notifications/pl.ts';
import type { Messages } from './de.ts';

/**
 * Polish for everything a resident sees. Loaded on demand (localize.ts). The staff elements speak German and
 * English only; their German texts (already in the eager bundle) complete the shape.
 */
const pl: Messages = {
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

export default pl;
