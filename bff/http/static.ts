import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express, type RequestHandler } from 'express';
import { asPages } from './security-headers.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const widgetsDir = root + 'dist/widgets';
const demoDir = root + 'demo-site';

/**
 * Serves the built widgets and, in demo mode, the demo site. Hashed chunks are immutable and cached for a year; the
 * loader `widgets.js` keeps a stable URL for the script tag, so it is revalidated after 5 minutes. The demo site
 * is served under the page security policy (`pagePolicy`).
 */
export function mountStaticAssets(app: Express, options: { demoSite: boolean; pagePolicy: RequestHandler }): void {
  if (existsSync(widgetsDir)) {
    app.use(
      '/widgets',
      express.static(widgetsDir, {
        index: false,
        setHeaders(res, path) {
          res.setHeader('Access-Control-Allow-Origin', '*');
          res.setHeader('Cache-Control', path.includes('/chunks/') ? 'public, max-age=31536000, immutable' : 'public, max-age=300');
        },
      }),
    );
  }
  if (options.demoSite) {
    app.use('/', asPages(options.pagePolicy, express.static(demoDir, { index: 'index.html', extensions: ['html'] })));
  }
}
