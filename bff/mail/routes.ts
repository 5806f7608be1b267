import type { Express } from 'express';
import type { Mailer } from './mailer.ts';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const linkify = (text: string) => escape(text).replace(/https?:\/\/[^\s<]+/g, (url) => `<a href="${url}">${url}</a>`);

/** The demo's mailbox: every mail the BFF sent, newest first (development only). */
export function mountDevOutbox(app: Express, mailer: Mailer): void {
  app.get('/dev/outbox.json', (_req, res) => {
    res.json(mailer.sent() ?? []);
  });
  // In a file of its own: the pages' Content-Security-Policy applies no inline styles.
  app.get('/dev/outbox.css', (_req, res) => {
    res.type('css').send(STYLES);
  });
  app.get('/dev/outbox', (_req, res) => {
    const mails = mailer.sent() ?? [];
    const items = mails
      .map(
        (mail) => `<article><header><strong>${escape(mail.subject)}</strong><br>
          An: ${escape(mail.to)} · ${new Date(mail.sentAt).toLocaleString('de-DE')}</header>
          <pre>${linkify(mail.text)}</pre>${
            mail.attachments?.length ? `<p>Anhang: ${mail.attachments.map((file) => escape(file.filename)).join(', ')}</p>` : ''
          }</article>`,
      )
      .join('');
    res.type('html').send(`<!doctype html><html lang="de"><head><meta charset="utf-8">
      <meta name="viewport" content="width=device-width, initial-scale=1"><title>Postausgang (Entwicklung)</title>
      <link rel="stylesheet" href="/dev/outbox.css">
      </head><body><h1>Postausgang (Entwicklung)</h1>
      <p>Hier erscheinen alle E-Mails, die der Server ohne SMTP-Konfiguration „versendet“ hätte.</p>
      ${items || '<p>Noch keine E-Mails.</p>'}</body></html>`);
  });
}

const STYLES = `body{font-family:system-ui,sans-serif;max-width:48rem;margin:2rem auto;padding:0 1rem}
article{border:1px solid #ccc;border-radius:6px;padding:1rem;margin:1rem 0}pre{white-space:pre-wrap}
`;
