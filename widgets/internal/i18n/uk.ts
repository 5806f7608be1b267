import common from './common/uk.ts';
import errors from './errors/uk.ts';
import signIn from './sign-in/uk.ts';
import attachments from './attachments/uk.ts';
import filing from './filing/uk.ts';
import residentCases from './resident-cases/uk.ts';
import documents from './documents/uk.ts';
import staff from './staff/de.ts';
import notifications from './notifications/uk.ts';
import type { Messages } from './de.ts';

/**
 * Ukrainian for everything a resident sees. Loaded on demand (localize.ts). The staff elements speak German and
 * English only; their German texts (already in the eager bundle) complete the shape.
 */
const uk: Messages = {
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

export default uk;
