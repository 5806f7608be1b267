/**
 * How every browser check of the project starts Chromium: the machine's own (Debian's `chromium`, or
 * CHROME_PATH), never a downloaded one, headless, without a sandbox (CI runs as root) and without the
 * background traffic a closed network refuses. Used by the browser tests, the story check and Lighthouse.
 */
export const chromiumLaunchOptions = {
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-dev-shm-usage',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ],
};
