import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig } from './config.ts';
import { startServer, type RunningServer } from './server.ts';
import { SchemaNotCurrentError } from './db/migrate.ts';
import { DataDirInUseError, lockDataDir } from './onboarding/data-dir-lock.ts';
import { formatTable } from './onboarding/text-table.ts';
import { demoLeadWebhooks, seedDemoData, type DemoLogin } from './demo/seed.ts';
import { publishDemoLogins } from './demo/routes.ts';

/**
 * `npm run serve` (production): the BFF alone, configured from the environment (bff/config.ts).
 * `npm start` adds `--demo` (the same as DEMO_MODE=true): demo data for two housing companies, the demo site,
 * /dev/outbox and /dev/demo-logins. Without DATABASE_URL the data lives in DATA_DIR (.data/).
 */

const demoFlag = process.argv.slice(2).includes('--demo');
const env = demoFlag ? { ...process.env, DEMO_MODE: 'true' } : process.env;
const command = demoFlag ? 'npm start' : 'npm run serve';

const widgetsBuilt = existsSync(fileURLToPath(new URL('../dist/widgets', import.meta.url)));

/** A URL a browser can open: a wildcard bind address is reached as localhost. */
function browserUrl(url: string): string {
  return url.replace('//0.0.0.0:', '//localhost:').replace('//[::]:', '//localhost:');
}

/** The demo pages are served by the BFF itself; both spellings of the loopback address may be used. */
function demoOrigins(server: RunningServer): string[] {
  const origins = [new URL(server.url).origin, new URL(server.publicUrl()).origin, new URL(browserUrl(server.url)).origin];
  for (const origin of [...origins]) {
    const url = new URL(origin);
    if (url.hostname === '127.0.0.1') origins.push(`${url.protocol}//localhost:${url.port}`);
    if (url.hostname === 'localhost') origins.push(`${url.protocol}//127.0.0.1:${url.port}`);
  }
  return [...new Set(origins)];
}

const ROLE_LABEL: Record<DemoLogin['role'], string> = { resident: 'Mieter', clerk: 'Sachbearbeitung', admin: 'Verwaltung' };

function banner(base: string, demo: boolean, logins: DemoLogin[]): string {
  const lines = ['', `Mieterportal läuft: ${base}`, ''];
  if (demo) {
    lines.push(
      `  Demo-Website        ${base}/`,
      `  Mitarbeiterseite    ${base}/staff.html`,
      `  Postausgang (Mails) ${base}/dev/outbox`,
      `  Demo-Zugänge        ${base}/dev/demo-logins   (mit aktuellem TOTP-Code, ohne Authenticator-App)`,
    );
  }
  lines.push(`  Widgets             ${base}/widgets/widgets.js`, `  API-Beschreibung    ${base}/api/openapi.json`);
  if (!widgetsBuilt) lines.push('', '  Hinweis: Die Widgets sind noch nicht gebaut (dist/widgets fehlt) – `npm run build` ausführen.');
  if (logins.length) {
    lines.push(
      '',
      'Demo-Zugänge (NUR für die lokale Demo – öffentlich bekannte Passwörter und TOTP-Schlüssel):',
      '',
      formatTable(
        ['Hausverwaltung', 'Rolle', 'E-Mail', 'Passwort', 'TOTP-Schlüssel', 'Aktivierungscode'],
        logins.map((login) => [
          login.tenantSlug,
          ROLE_LABEL[login.role],
          login.email,
          login.password ?? '–',
          login.totpSecret ?? '–',
          login.activationCode ?? '–',
        ]),
      ),
      '',
      'Den TOTP-Schlüssel in eine Authenticator-App eintragen oder den aktuellen Code unter /dev/demo-logins ablesen.',
      'Der Aktivierungscode wird bei jedem Start neu ausgestellt.',
      '',
      'Lead-Webhooks (NUR für die lokale Demo – öffentlich bekannte Geheimnisse; signierte Beispielanfrage: docs/leads.md):',
      '',
      formatTable(
        ['Hausverwaltung', 'Anbieter', 'Adresse', 'Geheimnis'],
        demoLeadWebhooks(base).map((hook) => [hook.tenantSlug, hook.provider, hook.url, hook.secret]),
      ),
      '',
      'Beenden mit Strg+C.',
    );
  }
  return lines.join('\n');
}

async function main(): Promise<void> {
  const config = loadConfig(env);
  const releaseDataDir = config.DATABASE_URL ? () => {} : lockDataDir(config.DATA_DIR, command);
  const server = await startServer({ env });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) {
      console.error('Erzwungenes Beenden.');
      process.exit(1);
    }
    stopping = true;
    server.logger.info({ signal }, 'shutting down');
    // Whatever still holds the event loop open (a socket to a database that never answers) does not keep the process.
    setTimeout(() => {
      server.logger.error('shutdown overran SHUTDOWN_TIMEOUT_MS, exiting');
      process.exit(1);
    }, config.SHUTDOWN_TIMEOUT_MS + 1000).unref();
    try {
      await server.stop();
    } finally {
      releaseDataDir();
    }
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));

  let logins: DemoLogin[] = [];
  if (config.DEMO_MODE) {
    logins = await seedDemoData(server.db, { nodeEnv: config.NODE_ENV, origins: demoOrigins(server), secrets: server.secrets });
    publishDemoLogins(logins);
  }
  console.log(banner(browserUrl(server.url), config.DEMO_MODE, logins));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DataDirInUseError || error instanceof SchemaNotCurrentError) {
    console.error(error.message);
  } else if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
    console.error(`Der Port ist bereits belegt (${(error as Error).message}). Anderen Port wählen: PORT=3001 ${command}`);
  } else {
    console.error('Start fehlgeschlagen:', error);
  }
  process.exit(1);
});
