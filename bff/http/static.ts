import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

const root = fileURLToPath(new URL('../../', import.meta.url));
const widgetsDir = root + 'dist/widgets';
const demoDir = root + 'demo-site';

/**
 * Serves the built widgets and, in demo mode, the demo site. Hashed chunks are immutable and cached for a year; the
 * loader `widgets.js` keeps a stable URL for the script tag, so it is revalidated after 5 minutes.
 */
export function mountStaticAssets(app: Express, options: { demoSite: boolean }): void {
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
  if (options.demoSite) app.use('/', express.static(demoDir, { index: 'index.html', extensions: ['html'] }));
}
