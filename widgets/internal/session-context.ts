import { createContext } from '@lit/context';
import type { Session } from './api-client.ts';

/** The signed-in state a portal shares with the elements nested in it. `undefined` while it loads. */
export const sessionContext = createContext<Session | undefined>(Symbol.for('mieterportal.session'));
