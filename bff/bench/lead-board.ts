import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import pLimit from 'p-limit';
import puppeteer, { type Page } from 'puppeteer-core';
import { chromiumLaunchOptions } from '../../chromium.config.mjs';
import { openDatabase } from '../db/database.ts';
import { dropDatabase, provisionDatabase } from '../db/provision.ts';
import { createListing, createWebhookSecret, hookPath, is24Enquiry, postWebhook, signedHeaders } from '../leads/lead-test-support.ts';
import { startServer, type RunningServer } from '../server.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import { signInStaff } from '../test/sign-in.ts';
import { latency, type Latency } from './load.ts';

/**
 * The clerks' lead board in the machine's Chromium against the real BFF on PostgreSQL, with 1,000 leads on one listing
 * (all `offen`, delivered through the signed webhook as a portal sends them):
 * - first paint: from the click on "Vermietung" in `<staff-portal>` until the board with its counts and the first page
 *   of every column is painted (the element's code loaded on first use, then the counts and six pages read); the first
 *   run with an empty cache, then repeats after a reload (code cached, data read again);
 * - card move: a card of "Offen" rejected by its "Verschieben nach …" with a reason of the catalogue, from the click on
 *   "Ablehnen" until the card is painted in "Abgelehnt" (the board moves it before the BFF answers), and until the
 *   BFF's answer was handled.
 */

export const BOARD_LEADS = 1000;
export const FIRST_PAINT_TARGET_MS = 300;
export const MOVE_TARGET_MS = 100;
const PAINT_RUNS = 5;
const MOVES = 20;

export interface LeadBoardResult {
  database: string;
  leads: number;
  /** Signed webhook deliveries that made the leads, per second (8 in flight). */
  deliveredPerSecond: number;
  coldPaint: number;
  warmPaint: Latency;
  moveShown: Latency;
  /** Until the BFF answered each move. */
  moveAnswered: Latency;
  /** The BFF's answers to the moves by status. */
  moveStatuses: Record<number, number>;
}

/**
 * What runs in the page, as source (the bench is compiled for Node, without the DOM's types; tsx's helpers would not
 * exist in the page): a wait until a condition holds at a frame and that frame was painted, the first paint after a
 * click on "Vermietung", and one card moved from "Offen" to "Abgelehnt" by its menu (a reason of the catalogue).
 */
const inPage = `
  window.__untilPainted = (ready) => new Promise((resolve) => {
    const check = () => (ready() ? requestAnimationFrame(() => setTimeout(resolve)) : requestAnimationFrame(check));
    check();
  });
  window.__portal = () => document.querySelector('staff-portal')?.shadowRoot;
  window.__kanban = () => window.__portal()?.querySelector('lead-kanban')?.shadowRoot;
  window.__navReady = () => [...(window.__portal()?.querySelectorAll('nav button') ?? [])].some((b) => b.textContent.trim() === 'Vermietung');
  window.__firstPaint = async (count) => {
    const nav = [...window.__portal().querySelectorAll('nav button')].find((b) => b.textContent.trim() === 'Vermietung');
    const started = performance.now();
    nav.click();
    await window.__untilPainted(() => {
      const board = window.__kanban();
      return !!board &&
        board.querySelector('.column[data-column="offen"] .column-head')?.textContent.includes('(' + count + ')') &&
        board.querySelectorAll('.column[data-column="offen"] .card').length >= 30;
    });
    return performance.now() - started;
  };
  window.__moveOne = async () => {
    const board = window.__kanban();
    const card = [...board.querySelectorAll('.column[data-column="offen"] .card')].find((c) => !c.classList.contains('refused'));
    const id = card.dataset.id;
    card.querySelector('.move-toggle').click();
    await window.__untilPainted(() => !!board.querySelector('.card[data-id="' + id + '"] [role="menuitem"]'));
    const choice = [...board.querySelectorAll('.card[data-id="' + id + '"] [role="menuitem"]')].find((i) => i.textContent.trim() === 'Abgelehnt');
    choice.click();
    await window.__untilPainted(() => !!board.querySelector('.card[data-id="' + id + '"] select[name=reasonCode]'));
    const reason = board.querySelector('.card[data-id="' + id + '"] select[name=reasonCode]');
    reason.value = 'interesse_zurueckgezogen';
    reason.dispatchEvent(new Event('change'));
    await window.__untilPainted(() => true);
    const submit = board.querySelector('.card[data-id="' + id + '"] .move-form button[type=submit]');
    const started = performance.now();
    submit.click();
    await window.__untilPainted(() => !!board.querySelector('.column[data-column="abgelehnt"] .card[data-id="' + id + '"]'));
    const shown = performance.now() - started;
    await window.__untilPainted(() => board.querySelector('.card[data-id="' + id + '"]')?.getAttribute('aria-busy') === 'false');
    return { shown, answered: performance.now() - started };
  };
`;

async function openPortal(page: Page, base: string, slug: string): Promise<void> {
  await page.goto(`${base}/staff.html`, { waitUntil: 'load' });
  await page.evaluate(inPage);
  await page.evaluate(`document.querySelector('staff-portal').setAttribute('tenant', ${JSON.stringify(slug)})`);
  await page.waitForFunction('window.__navReady()', { timeout: 30_000 });
}

/** Clicks "Vermietung" and measures until the board with 1,000 counted leads and its first pages is painted. */
const firstPaint = (page: Page, leads: number) => page.evaluate(`window.__firstPaint(${leads})`) as Promise<number>;

/** Rejects the next card of "Offen" by its menu; the time until it is painted in "Abgelehnt", and until the BFF answered. */
const moveOne = (page: Page) => page.evaluate('window.__moveOne()') as Promise<{ shown: number; answered: number }>;

export async function benchLeadBoard(adminUrl: string): Promise<LeadBoardResult | string> {
  if (!existsSync('dist/widgets/widgets.js')) return 'nicht gebaut (npm run build)';
  const name = `mp_bench_leads_${process.pid}`;
  let urls;
  try {
    urls = await provisionDatabase({ adminUrl, database: name });
  } catch (error) {
    return `PostgreSQL nicht erreichbar (${(error as Error).message})`;
  }
  const db = await openDatabase({ ...urls, poolSize: 10 });
  let server: RunningServer | undefined;
  let browser: Awaited<ReturnType<typeof puppeteer.launch>> | undefined;
  try {
    server = await startServer({
      db,
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DEMO_MODE: 'true',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-bench-leads-')),
        ADMIN_API_TOKEN: randomUUID() + randomUUID(),
      },
    });
    const company = await createHousingCompany(db);
    const clerk = await signInStaff(server, company, 'clerk');
    const admin = await signInStaff(server, company, 'admin');
    const listing = await createListing(clerk, company);
    const { value: secret } = await createWebhookSecret(admin, 'immoscout24');
    const providerListingId = listing.portalIds[0].providerListingId;
    const limit = pLimit(8);
    const deliveryStarted = performance.now();
    await Promise.all(
      Array.from({ length: BOARD_LEADS }, (_, n) =>
        limit(async () => {
          const body = JSON.stringify(
            is24Enquiry(providerListingId, { firstName: `Person${n}`, email: `person.${n}@example.org`, phone: undefined }),
          );
          const answer = await postWebhook(server!.url, hookPath(company, 'immoscout24'), body, signedHeaders(secret, body));
          if (answer.status !== 200) throw new Error(`webhook ${n}: ${answer.status} ${JSON.stringify(answer.body)}`);
        }),
      ),
    );
    const deliveredPerSecond = BOARD_LEADS / ((performance.now() - deliveryStarted) / 1000);

    browser = await puppeteer.launch({ ...chromiumLaunchOptions, defaultViewport: { width: 1440, height: 900 } });
    const page = await browser.newPage();
    const base = server.url;
    for (const pair of clerk.cookieHeader().split('; ')) {
      const at = pair.indexOf('=');
      await browser.setCookie({ name: pair.slice(0, at), value: pair.slice(at + 1), domain: new URL(base).hostname, path: '/' });
    }
    await openPortal(page, base, company.tenant.slug);
    const coldPaint = await firstPaint(page, BOARD_LEADS);
    const warm: number[] = [];
    for (let run = 0; run < PAINT_RUNS; run++) {
      await openPortal(page, base, company.tenant.slug);
      warm.push(await firstPaint(page, BOARD_LEADS));
    }
    const moveStatuses: Record<number, number> = {};
    page.on('response', (response) => {
      if (response.request().method() === 'POST' && response.url().endsWith('/move'))
        moveStatuses[response.status()] = (moveStatuses[response.status()] ?? 0) + 1;
    });
    const shown: number[] = [];
    const answered: number[] = [];
    for (let move = 0; move < MOVES; move++) {
      const result = await moveOne(page);
      shown.push(result.shown);
      answered.push(result.answered);
    }
    const [{ version }] = (
      await db.transaction((tx) => tx.query<{ version: string }>(`SELECT current_setting('server_version') AS version`))
    ).rows;
    return {
      database: `PostgreSQL ${version.split(' ')[0]}`,
      leads: BOARD_LEADS,
      deliveredPerSecond,
      coldPaint,
      warmPaint: latency(warm),
      moveShown: latency(shown),
      moveAnswered: latency(answered),
      moveStatuses,
    };
  } finally {
    await browser?.close();
    await server?.stop();
    await db.close();
    await dropDatabase(adminUrl, name);
  }
}
