/**
 * Opens every story of the built Storybook (`storybook-static/`, from `npm run build-storybook`) the way a
 * designer does — `iframe.html?id=…&viewMode=story` in headless Chromium, at the story's viewport — and fails
 * unless each one finished: its play function ran and asserted the state the story is named after, the
 * accessibility check (addon-a11y) passed, nothing was logged as an error, and a phone-sized story does not
 * scroll sideways.
 *
 * `npm run test:stories` builds and runs it; `node .storybook/test-stories.mjs [id-part …]` checks only the
 * stories whose id contains one of the parts. STORY_CHECK_PAGES sets how many pages work at once (default 3).
 *
 * Plain JavaScript: the functions that run inside the page are sent as written (a TypeScript loader would
 * wrap them in helpers the page does not have).
 */
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import puppeteer from 'puppeteer-core';
import { chromiumLaunchOptions } from '../chromium.config.mjs';

const staticDir = fileURLToPath(new URL('../storybook-static/', import.meta.url));
const pageCount = Number(process.env.STORY_CHECK_PAGES ?? 3);
const storyTimeoutMs = 30_000;
const desktop = { width: 1280, height: 800 };

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
};

/** The built Storybook over HTTP on a free port; the hashed assets are cached, so each story loads fast. */
/**
 * The thumbnails the connected views (`<tenant-portal>`, `<case-board>`) ask their BFF for: an image tag's request
 * goes past the stories' in-memory BFF to this server, which answers as the BFF would (a small picture).
 */
const thumbnailPath = /^\/api\/(staff\/)?cases\/[^/]+\/attachments\/[^/]+$/;
const thumbnail = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function serveStorybook() {
  const server = createServer(async (request, response) => {
    const requested = new URL(request.url ?? '/', 'http://localhost');
    if (thumbnailPath.test(requested.pathname) && requested.searchParams.get('size') === 'thumbnail') {
      response.writeHead(200, { 'content-type': 'image/png' }).end(thumbnail);
      return;
    }
    const path = normalize(decodeURIComponent(requested.pathname));
    const file = join(staticDir, path.endsWith('/') ? `${path}index.html` : path);
    if (!file.startsWith(staticDir) || !(await stat(file).catch(() => undefined))?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, {
      'content-type': contentTypes[extname(file)] ?? 'application/octet-stream',
      'cache-control': path.startsWith('/assets/') ? 'max-age=3600, immutable' : 'no-cache',
    });
    createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}

/** Runs in the page before Storybook does: keeps what the preview channel says about the story in `window.__storyCheck`. */
function listenToPreview() {
  const verdicts = ['storyFinished', 'storyErrored', 'storyThrewException', 'playFunctionThrewException', 'storyMissing'];
  const events = [];
  let channel;
  window.__storyCheck = events;
  Object.defineProperty(window, '__STORYBOOK_ADDONS_CHANNEL__', {
    configurable: true,
    get: () => channel,
    set(value) {
      channel = value;
      for (const name of verdicts) value.on(name, (payload) => events.push({ name, payload: JSON.parse(JSON.stringify(payload ?? null)) }));
    },
  });
}

/** The viewport each story asks for through `globals.viewport`, read from the preview's own story store. */
async function viewportsOf(page, url, ids) {
  await page.goto(`${url}/iframe.html`, { waitUntil: 'load' });
  const sizes = await page.evaluate(async (ids) => {
    const preview = window.__STORYBOOK_PREVIEW__;
    while (!preview.storyStoreValue) await new Promise((resolve) => setTimeout(resolve, 50));
    const result = [];
    for (const id of ids) {
      const story = await preview.storyStoreValue.loadStory({ storyId: id });
      const wanted = story.storyGlobals.viewport?.value;
      const styles = wanted && story.parameters.viewport?.options?.[wanted]?.styles;
      if (styles) result.push([id, styles.width, styles.height]);
    }
    return result;
  }, ids);
  return new Map(sizes.map(([id, width, height]) => [id, { width: parseInt(width, 10), height: parseInt(height, 10) }]));
}

/** Opens one story and says what is wrong with it (nothing when it passed). */
async function checkStory(page, url, story, viewport) {
  const problems = [];
  if (!story.tags?.includes('play-fn')) problems.push('no play function asserts what the story shows');
  const onConsole = (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  };
  const onPageError = (error) => problems.push(`uncaught: ${error.message ?? error}`);
  page.on('console', onConsole);
  page.on('pageerror', onPageError);
  try {
    await page.setViewport(viewport);
    await page.goto(`${url}/iframe.html?id=${encodeURIComponent(story.id)}&viewMode=story`, { waitUntil: 'load' });
    // Storybook says `storyFinished` after the play function and the accessibility check, also when either failed.
    await page.waitForFunction(() => window.__storyCheck.some((event) => ['storyFinished', 'storyMissing'].includes(event.name)), {
      timeout: storyTimeoutMs,
      polling: 100,
    });
    const events = await page.evaluate(() => window.__storyCheck);
    for (const { name, payload } of events) {
      if (name !== 'storyFinished') {
        problems.push(`${name}: ${payload?.message ?? JSON.stringify(payload)}`);
        continue;
      }
      if (!payload.reporters.some((report) => report.type === 'a11y')) problems.push('the accessibility check did not run');
      for (const report of payload.reporters) {
        if (report.type !== 'a11y' || report.status === 'passed') continue;
        const violations = report.result?.violations ?? [];
        if (!violations.length) problems.push(`accessibility check ${report.status}: ${JSON.stringify(report.result?.error ?? {})}`);
        for (const violation of violations) problems.push(`accessibility: ${violation.id} (${violation.nodes.length}×) ${violation.help}`);
      }
      if (payload.status !== 'success' && !problems.length) problems.push('the story did not finish successfully');
    }
    if (viewport.width < desktop.width) {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      if (overflow > 0) problems.push(`scrolls sideways by ${overflow} px at ${viewport.width} px`);
    }
  } catch (error) {
    problems.push(error.message ?? String(error));
  } finally {
    page.off('console', onConsole);
    page.off('pageerror', onPageError);
  }
  return problems;
}

const started = Date.now();
const index = JSON.parse(await readFile(join(staticDir, 'index.json'), 'utf8'));
const filters = process.argv.slice(2);
const stories = Object.values(index.entries).filter(
  (entry) => entry.type === 'story' && (!filters.length || filters.some((part) => entry.id.includes(part))),
);
const { server, url } = await serveStorybook();
const browser = await puppeteer.launch(chromiumLaunchOptions);
try {
  const contexts = await Promise.all(Array.from({ length: Math.min(pageCount, stories.length) }, () => browser.createBrowserContext()));
  // A fresh page per story: a story showing a PDF in a frame (the certificate preview) can leave its page unable to
  // navigate again in headless Chromium, which would fail whichever story came next on it.
  const freshPage = async (context) => {
    const page = await context.newPage();
    await page.evaluateOnNewDocument(listenToPreview);
    return page;
  };
  const first = await freshPage(contexts[0]);
  const viewports = await viewportsOf(
    first,
    url,
    stories.map((story) => story.id),
  );
  await first.close();
  const failures = new Map();
  const queue = [...stories];
  await Promise.all(
    contexts.map(async (context) => {
      for (let story = queue.shift(); story; story = queue.shift()) {
        const page = await freshPage(context);
        const problems = await checkStory(page, url, story, viewports.get(story.id) ?? desktop);
        void page.close().catch(() => {});
        if (problems.length) failures.set(`${story.title} › ${story.name} (${story.id})`, problems);
        process.stdout.write(problems.length ? 'F' : '.');
      }
    }),
  );
  process.stdout.write('\n');
  // Testing Library appends the whole DOM to its messages: the first line says what went wrong.
  const brief = (problem) => problem.split('\n')[0].slice(0, 400);
  for (const [story, problems] of failures)
    console.log(`✗ ${story}\n${[...new Set(problems.map(brief))].map((problem) => `    ${problem}`).join('\n')}`);
  const seconds = Math.round((Date.now() - started) / 1000);
  console.log(`${stories.length - failures.size} of ${stories.length} stories show their state in the built Storybook (${seconds} s).`);
  process.exitCode = failures.size ? 1 : 0;
} finally {
  await browser.close();
  server.close();
}
