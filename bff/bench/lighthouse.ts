import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse, { startFlow, type Result } from 'lighthouse';
import puppeteer, { type Page } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../../chromium.config.mjs';
import { table } from './table.ts';

/**
 * `npm run lighthouse`: Lighthouse (mobile, its default) on the demo pages as a first-time visitor sees
 * them, and on the resident's and the clerk's views after signing in with the demo accounts (each view
 * opened by its URL, `url-state`). Per page: cumulative layout shift, accessibility score with the
 * failing audits, console errors. Prints a table; writes nothing; exits non-zero when a target is missed.
 *
 * It starts the demo itself (`bff/main.ts`, as `npm start` does, with the widgets as last built) on a free
 * port with a throwaway data directory; with `LIGHTHOUSE_URL=http://localhost:3000` it measures a running
 * demo instead. The browser is the machine's Chromium (`CHROME_PATH`, default /usr/bin/chromium).
 */

const anonymousPages = ['/', '/?lang=en', '/cms.html', '/iframe.html', '/schaden-melden.html', '/stadthaus.html', '/staff.html'];
const CLS_TARGET = 0.05;
const chromeFlags = ['--headless=new', ...chromiumLaunchOptions.args];

interface PageResult {
  page: string;
  cls: number;
  accessibility: number;
  failing: string[];
  consoleErrors: string[];
}

interface DemoLogin {
  tenantSlug: string;
  role: 'resident' | 'clerk' | 'admin';
  email: string;
  password?: string;
  currentCode?: string;
}

function resultOf(page: string, lhr: Result): PageResult {
  const { audits, categories } = lhr;
  const accessibility = categories.accessibility;
  const consoleItems =
    (audits['errors-in-console']?.details as { items?: { source?: string; description?: string }[] } | undefined)?.items ?? [];
  return {
    page,
    cls: audits['cumulative-layout-shift']?.numericValue ?? Number.NaN,
    accessibility: Math.round((accessibility?.score ?? 0) * 100),
    failing: (accessibility?.auditRefs ?? [])
      .map((ref) => audits[ref.id])
      .filter((audit) => audit.score !== null && audit.score < 1)
      .map((audit) => audit.id),
    consoleErrors: consoleItems.map((item) => `${item.source ?? ''}: ${item.description ?? ''}`),
  };
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no free port'))));
    });
  });
}

/** The demo as `npm start` runs it; resolves once it serves its pages and has published the demo logins. */
async function startDemo(): Promise<{ base: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'mp-lighthouse-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'bff/main.ts', '--demo'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  child.stderr.on('data', (chunk) => (output += chunk));
  const base = `http://localhost:${port}`;
  const started = Date.now();
  while (!output.includes('Strg+C')) {
    if (child.exitCode !== null) throw new Error(`the demo did not start:\n${output}`);
    if (Date.now() - started > 180_000) throw new Error(`the demo did not start within 3 minutes:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  return {
    base,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Signs the page's browser in as a demo account, through the API the way the portal does. */
async function signIn(page: Page, base: string, role: DemoLogin['role']): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    const { logins, secondsLeft } = (await (await fetch(`${base}/dev/demo-logins.json`)).json()) as {
      logins: DemoLogin[];
      secondsLeft: number;
    };
    const account = logins.find((login) => login.tenantSlug === 'wohnbau-nord' && login.role === role)!;
    await page.goto(`${base}/`);
    // No named functions inside: the page gets this function's source, without tsx's helpers.
    const state = await page.evaluate(
      async ({ account, audience }) => {
        const steps: [string, unknown][] = [
          ['/api/auth/login', { tenant: account.tenantSlug, email: account.email, password: account.password, audience }],
          ['/api/auth/verify', { code: account.currentCode }],
        ];
        let answer: { state?: string } = {};
        for (const [path, body] of steps) {
          const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
          const headers = { 'content-type': 'application/json', 'x-csrf-token': csrfToken };
          answer = (await (await fetch(path, { method: 'POST', headers, body: JSON.stringify(body) })).json()) as { state?: string };
        }
        return answer.state;
      },
      { account, audience: role === 'resident' ? 'resident' : 'staff' },
    );
    if (state === 'signed_in') return;
    // A code is good once: after a recent run, wait for the next one.
    if (attempt) throw new Error(`demo sign-in as ${role} failed (${state})`);
    await new Promise((resolve) => setTimeout(resolve, (secondsLeft + 1) * 1000));
  }
}

/** The demo starts without cases: the signed-in resident files a damage report, so there is a case to show. */
async function fileCaseIfNone(page: Page): Promise<void> {
  await page.evaluate(async () => {
    if (((await (await fetch('/api/cases')).json()) as { items: unknown[] }).items.length) return;
    type Labelled = { id: string; categories?: Labelled[]; kinds?: Labelled[] };
    const { damageLocations } = (await (await fetch('/api/cases/catalogue')).json()) as { damageLocations: Labelled[] };
    const location = damageLocations[0];
    const category = location.categories![0];
    const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
    await fetch('/api/cases', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
      body: JSON.stringify({
        type: 'damage',
        damageLocationId: location.id,
        damageCategoryId: category.id,
        damageKindId: category.kinds![0].id,
        description: 'Unter dem Waschbecken tropft es seit gestern.',
      }),
    });
  });
}

/** The views behind the sign-in, each opened by its address as a navigation (layout shift measured on load). */
async function measureSignedIn(port: number, base: string): Promise<PageResult[]> {
  const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${port}` });
  const results: PageResult[] = [];
  try {
    const page = await browser.newPage();
    const flows: { role: DemoLogin['role']; views: (ids: { caseId: string }) => string[]; cases: string }[] = [
      {
        role: 'resident',
        cases: '/api/cases',
        views: ({ caseId }) => ['/', `/?mp-case=${caseId}`, '/?mp-view=documents', '/?mp-view=new&mp-type=damage'],
      },
      { role: 'clerk', cases: '/api/staff/cases', views: ({ caseId }) => ['/staff.html', `/staff.html?mp-case=${caseId}`] },
    ];
    for (const { role, cases, views } of flows) {
      await signIn(page, base, role);
      if (role === 'resident') await fileCaseIfNone(page);
      const caseId = await page.evaluate(
        async (path) => ((await (await fetch(path)).json()) as { items: { id: string }[] }).items[0].id,
        cases,
      );
      const flow = await startFlow(page, { flags: { logLevel: 'error' } });
      const urls = views({ caseId });
      for (const url of urls) await flow.navigate(`${base}${url}`, { name: url });
      const { steps } = await flow.createFlowResult();
      steps.forEach((step, i) => results.push(resultOf(`${urls[i].replace(caseId, '<id>')} (${role})`, step.lhr)));
    }
  } finally {
    await browser.disconnect();
  }
  return results;
}

async function measure(base: string): Promise<PageResult[]> {
  const chrome = await chromeLauncher.launch({ chromePath: chromiumLaunchOptions.executablePath, chromeFlags });
  try {
    const results: PageResult[] = [];
    for (const page of anonymousPages) {
      const answer = await lighthouse(`${base}${page}`, {
        port: chrome.port,
        logLevel: 'error',
        onlyCategories: ['performance', 'accessibility', 'best-practices'],
      });
      if (!answer) throw new Error(`no Lighthouse result for ${page}`);
      results.push(resultOf(page, answer.lhr));
    }
    return [...results, ...(await measureSignedIn(chrome.port, base))];
  } finally {
    chrome.kill();
  }
}

function report(results: PageResult[]): boolean {
  const header = ['page', 'CLS', 'a11y', 'console errors', 'failing accessibility audits'];
  const rows = results.map((result) => [
    result.page,
    result.cls.toFixed(3),
    String(result.accessibility),
    String(result.consoleErrors.length),
    result.failing.join(', '),
  ]);
  console.log(table(header, rows));
  for (const result of results) for (const error of result.consoleErrors) console.log(`  ${result.page}: ${error}`);
  const met = results.every((result) => result.cls <= CLS_TARGET && result.accessibility === 100 && !result.consoleErrors.length);
  console.log(`targets (CLS ≤ ${CLS_TARGET}, accessibility 100, no console errors): ${met ? 'met' : 'NOT met'}`);
  return met;
}

const version = (JSON.parse(readFileSync('node_modules/lighthouse/package.json', 'utf8')) as { version: string }).version;
const demo = process.env.LIGHTHOUSE_URL ? undefined : await startDemo();
try {
  const base = process.env.LIGHTHOUSE_URL?.replace(/\/$/, '') ?? demo!.base;
  console.log(`Lighthouse ${version} (mobile) on ${base}, ${new Date().toISOString().slice(0, 16)}Z`);
  if (!report(await measure(base))) process.exitCode = 1;
} finally {
  await demo?.stop();
}
