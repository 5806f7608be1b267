import { embeddingChange, THEME_COLOURS } from '../../bff/contract/embedding.ts';
import type { Embedding, EmbeddingChange } from '../internal/embedding-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { fieldsOf } from './fake-settings.ts';

export interface FakeEmbeddingOptions {
  embedding?: Embedding;
  /** Who asks: `clerk` is refused (403), `signed-out` gets 401. */
  signedInAs?: 'admin' | 'clerk' | 'signed-out';
  /** The page the admin works from: a change without it is refused with `origin_in_use`, as the BFF does. */
  workingFrom?: string;
  /** Saves answer 503 while set. */
  failSave?: boolean;
  latency?: number;
}

/**
 * The admins' embed origins and colours of docs/portal-admin.md in memory: a change is checked with the
 * contract's own schema and refused with the BFF's shapes; `changes` records every accepted body.
 */
export class FakeEmbedding {
  embedding: Embedding;
  failSave: boolean;
  readonly changes: EmbeddingChange[] = [];

  constructor(private readonly options: FakeEmbeddingOptions = {}) {
    this.embedding = options.embedding ?? {
      allowedOrigins: ['https://www.wohnbau-nord.example'],
      colours: { '--mp-color-primary': '#005ca9', '--mp-color-on-primary': '#ffffff' },
    };
    this.failSave = options.failSave ?? false;
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      if (request.path !== '/api/staff/admin/embedding' || !['GET', 'PUT'].includes(request.method)) return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      const who = this.options.signedInAs ?? 'admin';
      if (who === 'signed-out') return error(401, 'unauthenticated', 'Bitte melden Sie sich an.');
      if (who !== 'admin') return error(403, 'forbidden', 'Keine Berechtigung für diese Aktion.');
      if (request.method === 'GET') return json(200, this.embedding);
      if (this.failSave) return error(503, 'service_unavailable', 'Der Dienst ist vorübergehend nicht erreichbar.');
      const parsed = embeddingChange.safeParse(request.body);
      if (!parsed.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(parsed.error) });
      const { workingFrom } = this.options;
      if (workingFrom && !parsed.data.allowedOrigins.includes(workingFrom)) {
        return error(409, 'origin_in_use', `Die Adresse, von der aus Sie gerade arbeiten (${workingFrom}), kann nicht entfernt werden.`);
      }
      this.changes.push(request.body as EmbeddingChange);
      this.embedding = {
        allowedOrigins: parsed.data.allowedOrigins,
        colours: Object.fromEntries(
          THEME_COLOURS.filter((token) => parsed.data.colours[token]).map((token) => [token, parsed.data.colours[token]!]),
        ),
      };
      return json(200, this.embedding);
    },
  ];
}
