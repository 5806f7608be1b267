/** Types of chromium.config.mjs (plain JavaScript, so the test runner's configuration can import it as it is). */
export declare const chromiumLaunchOptions: { executablePath: string; headless: boolean; args: string[] };
