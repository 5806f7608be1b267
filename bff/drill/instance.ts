import { loadConfig } from '../config.ts';
import { startServer } from '../server.ts';

/**
 * One BFF instance of the drill's cluster, configured entirely by its environment (bff/config.ts):
 * no demo data, no banner. SIGTERM stops it the way a deploy does.
 */
const server = await startServer({ env: process.env });
console.log(`bereit: ${server.url}`);
let stopping = false;
process.on('SIGTERM', () => {
  if (stopping) return;
  stopping = true;
  // As bff/main.ts: what still holds the event loop (a database that never answers) does not keep the process.
  setTimeout(() => process.exit(1), loadConfig(process.env).SHUTDOWN_TIMEOUT_MS + 1000).unref();
  server.stop().then(
    () => process.exit(0),
    (error: unknown) => {
      console.error('Beenden fehlgeschlagen:', error);
      process.exit(1);
    },
  );
});
