import type { z } from 'zod';

/**
 * One operation of the HTTP API below `/api`: its address, who may call it, and the zod schemas of what
 * goes in and comes out. The BFF registers a handler for each (bff/http/api.ts validates with these
 * schemas and generates /api/openapi.json from them); widget clients and their test fakes are typed by
 * them, and the fakes' answers are checked against them.
 */
export type Access = 'public' | 'session' | 'resident' | 'staff' | 'admin' | 'platform';

export interface Operation {
  /** Unique, stable name (OpenAPI operationId), e.g. `fileCase`. */
  operationId: string;
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** Below /api, Express style: `/cases/:id` (below the site's root with `outsideApi`). */
  path: string;
  /**
   * Served at `path` itself, not below /api: the lead webhooks (`/hooks/…`), whose address is handed to portals
   * and relays. No session, cookie, CORS or CSRF applies there; the handler reads the raw body.
   */
  outsideApi?: true;
  summary: string;
  tag: string;
  access: Access;
  params?: z.ZodObject;
  query?: z.ZodObject;
  /** A JSON body. */
  body?: z.ZodType;
  /** A `multipart/form-data` body with one file in this field. */
  upload?: { field: string };
  /**
   * A body the handler reads itself: not JSON (the CSV import), or JSON that must not be parsed before its
   * signature is checked (webhooks; `schema` then documents it and the handler validates with it).
   */
  rawBody?: { contentTypes: readonly string[]; description: string; schema?: z.ZodType };
  /**
   * The operation creates something and is safe to retry: it accepts an `Idempotency-Key` header, and a
   * repeat with the same key gets the first answer (docs/cases.md, "Safe to retry").
   */
  idempotent?: true;
  /** Request headers that matter beyond the session (signatures of webhooks). */
  headers?: z.ZodObject;
  /** The JSON answer; absent for 204 and for file downloads. */
  response?: z.ZodType;
  /** The answer is a file (Content-Disposition: attachment), not JSON. */
  file?: true;
  /** The answer is a stream of Server-Sent Events (`text/event-stream`), each event's data one of these. */
  stream?: z.ZodType;
  /** Success status: 200 unless said otherwise (204 without a response). */
  status?: number;
}

/** The path an operation is served at, Express style: `/api/cases/:id`, `/hooks/:tenantSlug/leads/:provider`. */
export const servedPath = (operation: Pick<Operation, 'path' | 'outsideApi'>): string =>
  (operation.outsideApi ? '' : '/api') + operation.path;

/** Declares an operation, keeping its literal types for the handler's inference. */
export const operation = <const T extends Operation>(spec: T): T => spec;

type Output<S> = S extends z.ZodType ? z.output<S> : never;
type Input<S> = S extends z.ZodType ? z.input<S> : never;

/** The JSON an operation answers with (what a client receives). */
export type ResponseOf<T extends Operation> = Output<T['response']>;
/** The JSON body a client sends (defaults still optional). */
export type BodyOf<T extends Operation> = Input<T['body']>;
/** The query parameters a client sends. */
export type QueryOf<T extends Operation> = Input<T['query']>;
