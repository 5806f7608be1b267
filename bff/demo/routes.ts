import type { Express } from 'express';
import { currentTotp } from '../auth/totp.ts';
import type { DemoLogin } from './seed.ts';

/**
 * /dev/demo-logins (development only): the demo accounts with their current TOTP code, so a person can
 * sign in from a browser without an authenticator app. `npm start` publishes the accounts after seeding.
 */
const TOTP_PERIOD_SECONDS = 30;
let published: DemoLogin[] = [];

export function publishDemoLogins(logins: DemoLogin[]): void {
  published = logins;
}

const ROLE_LABEL: Record<DemoLogin['role'], string> = { resident: 'Mieter', clerk: 'Sachbearbeitung', admin: 'Verwaltung (Admin)' };

export function mountDemoLogins(app: Express): void {
  app.get('/dev/demo-logins.json', async (_req, res) => {
    const now = Date.now();
    const logins = await Promise.all(
      published.map(async (login) => ({
        ...login,
        roleLabel: ROLE_LABEL[login.role],
        currentCode: login.totpSecret ? await currentTotp(login.totpSecret, now) : undefined,
      })),
    );
    const secondsLeft = TOTP_PERIOD_SECONDS - (Math.floor(now / 1000) % TOTP_PERIOD_SECONDS);
    res.set('Cache-Control', 'no-store').json({ secondsLeft, logins });
  });
  app.get('/dev/demo-logins', (_req, res) => {
    res.set('Cache-Control', 'no-store').type('html').send(PAGE);
  });
  // Script and styles in files of their own: the pages' Content-Security-Policy runs no inline code.
  app.get('/dev/demo-logins.css', (_req, res) => {
    res.type('css').send(STYLES);
  });
  app.get('/dev/demo-logins.js', (_req, res) => {
    res.type('js').send(SCRIPT);
  });
}

const PAGE = `<!doctype html><html lang="de"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Demo-Zugänge (Entwicklung)</title>
<link rel="stylesheet" href="/dev/demo-logins.css"></head><body>
<h1>Demo-Zugänge</h1>
<p class="warn">Nur für die lokale Demo: Diese Passwörter und TOTP-Schlüssel sind öffentlich bekannt und werden in
Produktion nie angelegt.</p>
<p class="hint">Der aktuelle Code ersetzt die Authenticator-App; er wechselt alle 30 Sekunden (noch <span id="left">–</span> s).
Jeder Code gilt nur einmal. Konten ohne Passwort aktivieren Sie mit dem Aktivierungscode aus dem Brief;
E-Mails landen im <a href="/dev/outbox">Postausgang</a>.</p>
<table><thead><tr><th>Hausverwaltung</th><th>Rolle</th><th>Name</th><th>E-Mail</th><th>Passwort</th><th>Aktueller Code</th><th>TOTP-Schlüssel / Aktivierungscode</th></tr></thead>
<tbody id="logins"><tr><td colspan="7">Lade …</td></tr></tbody></table>
<script type="module" src="/dev/demo-logins.js"></script></body></html>`;

const STYLES = `body{font-family:system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .6rem;border-bottom:1px solid #ddd;vertical-align:top}
th{background:#f4f4f4}code{font-size:.95em}.code{font-size:1.4em;font-weight:700;letter-spacing:.1em;font-variant-numeric:tabular-nums}
.hint{color:#555}.warn{background:#fff4d6;border:1px solid #e0c060;padding:.6rem 1rem;border-radius:6px}
`;

const SCRIPT = `const escape = (text) => String(text ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
let secondsLeft = 0;
async function refresh() {
  const response = await fetch('/dev/demo-logins.json', { cache: 'no-store' });
  const data = await response.json();
  secondsLeft = data.secondsLeft;
  document.getElementById('logins').innerHTML = data.logins.length
    ? data.logins.map((l) => '<tr><td>' + escape(l.tenantName) + '<br><code>' + escape(l.tenantSlug) + '</code></td><td>' + escape(l.roleLabel) +
        '</td><td>' + escape(l.displayName) + '</td><td><code>' + escape(l.email) + '</code></td><td><code>' + escape(l.password ?? '–') +
        '</code></td><td class="code">' + escape(l.currentCode ?? '–') + '</td><td><code>' +
        escape(l.totpSecret ?? ('Aktivierungscode: ' + l.activationCode)) + '</code></td></tr>').join('')
    : '<tr><td colspan="7">Keine Demo-Daten angelegt (npm start legt sie an).</td></tr>';
  document.getElementById('left').textContent = secondsLeft;
}
await refresh();
let ticks = 0;
setInterval(() => {
  secondsLeft -= 1;
  ticks += 1;
  // Reload at every new code and every 5 s anyway (a sleeping tab's timer drifts).
  if (secondsLeft <= 0 || ticks % 5 === 0) refresh();
  else document.getElementById('left').textContent = secondsLeft;
}, 1000);
`;
