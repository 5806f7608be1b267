import { createHash } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponse, storableInput } from '../contract/common.ts';
import { servedPath, type Access, type Operation } from '../contract/operation.ts';
import { parseIdempotencyKey, requestFingerprint, type Idempotency, type StoredAnswer } from '../idempotency/use-cases.ts';
import { tenantContext } from './guard.ts';
import { receiveFile, type ReceivedFile } from './multipart.ts';

/**
 * Routes are the contract's operations (bff/contract/) with a handler: the operation's schemas validate
 * every input at run time and generate the OpenAPI document served at /api/openapi.json.
 */
export type { Access };

export interface RouteInput<Body, Query, Params, File = undefined> {
  body: Body;
  query: Query;
  params: Params;
  /** The file of an operation with `upload`, read before the handler runs. */
  file: File;
  req: Request;
  res: Response;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;
type Uploaded<T extends Operation> = T['upload'] extends object ? ReceivedFile : undefined;
type Handler<T extends Operation> = (
  input: RouteInput<Parsed<T['body']>, Parsed<T['query']>, Parsed<T['params']>, Uploaded<T>>,
) => Promise<Answer<T>>;
/** A JSON operation's handler returns its response; file downloads and 204s answer through `res` or return nothing. */
type Answer<T extends Operation> = T['response'] extends z.ZodType ? z.output<T['response']> | z.input<T['response']> : void | undefined;

export type Guard = (req: Request, access: Access) => void | Promise<void>;

export class Api {
  /** The operations below /api (mounted there). */
  readonly router = Router();
  /** The operations served outside /api (`outsideApi`: the lead webhooks), mounted at the root. */
  readonly rootRouter = Router();
  private readonly operations: Operation[] = [];

  constructor(
    private readonly guard: Guard,
    /** Runs the contract's `idempotent` operations once per account and `Idempotency-Key` (absent: every time). */
    private readonly idempotency?: Idempotency,
  ) {}

  route<T extends Operation>(operation: T, handler: Handler<T>): void {
    if (this.operations.some((known) => known.operationId === operation.operationId)) {
      throw new Error(`operation ${operation.operationId} registered twice`);
    }
    this.operations.push(operation);
    const router = operation.outsideApi ? this.rootRouter : this.router;
    router[operation.method](operation.path, async (req, res) => {
      await this.guard(req, operation.access);
      // Texts PostgreSQL cannot store are refused by field before any schema or handler sees them.
      storableInput.parse(req.params);
      if (operation.query) storableInput.parse(req.query);
      if (operation.body) storableInput.parse(req.body);
      const key = operation.idempotent ? parseIdempotencyKey(req.get('idempotency-key')) : undefined;
      const body = operation.body ? operation.body.parse(req.body ?? {}) : undefined;
      const query = operation.query ? operation.query.parse(req.query) : undefined;
      const params = operation.params ? operation.params.parse(req.params) : undefined;
      const file = operation.upload ? await receiveFile(req, res, operation.upload.field) : undefined;
      const execute = async (): Promise<StoredAnswer> => {
        const result = await handler({ body, query, params, file, req, res } as Parameters<Handler<T>>[0]);
        return { status: operation.status ?? (operation.response ? 200 : 204), body: result };
      };
      if (key && this.idempotency) {
        const fingerprint = requestFingerprint({
          operationId: operation.operationId,
          params,
          body: body ?? (file && fileFingerprint(file)),
        });
        const { answer, replayed } = await this.idempotency.run(tenantContext(req), key, fingerprint, execute);
        if (replayed) res.setHeader('Idempotent-Replayed', 'true');
        return send(res, answer);
      }
      const answer = await execute();
      if (!res.headersSent) send(res, answer);
    });
  }

  /** The operationIds registered so far (a test holds them against the contract). */
  get operationIds(): string[] {
    return this.operations.map((operation) => operation.operationId);
  }

  openapi(info: { title: string; version: string }): object {
    const paths: ZodOpenApiPathsObject = {};
    for (const operation of this.operations) {
      const path = servedPath(operation).replace(/:([A-Za-z_]+)/g, '{$1}');
      paths[path] ??= {};
      paths[path][operation.method] = describe(operation);
    }
    return createDocument({
      openapi: '3.1.0',
      info,
      paths,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'mp.sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          platformToken: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [], csrf: [] }],
    });
  }
}

function send(res: Response, answer: StoredAnswer): void {
  if (answer.body === undefined || answer.body === null) res.status(answer.status).end();
  else res.status(answer.status).json(answer.body);
}

/** An upload is "the same" when its file name, bytes and other form fields are. */
function fileFingerprint(file: ReceivedFile) {
  return {
    fileName: file.originalName,
    sha256: createHash('sha256').update(file.content).digest('hex'),
    fields: Object.entries(file.fields).sort(([a], [b]) => (a < b ? -1 : 1)),
  };
}

/** The OpenAPI operation object of one contract operation. */
function describe(operation: Operation): ZodOpenApiOperationObject {
  const status = String(operation.status ?? (operation.response || operation.file || operation.stream ? 200 : 204));
  const success = operation.stream
    ? {
        description: 'Server-Sent Events: je Ereignis `event: <type>` und `data: <JSON>`',
        content: { 'text/event-stream': { schema: operation.stream } },
      }
    : operation.file
      ? {
          description: 'Die Datei (Content-Disposition: attachment)',
          content: { 'application/octet-stream': { schema: { type: 'string' as const, format: 'binary' } } },
        }
      : operation.response
        ? { description: 'Erfolg', content: { 'application/json': { schema: operation.response } } }
        : { description: 'Erfolg, ohne Inhalt' };
  return {
    operationId: operation.operationId,
    summary: operation.summary,
    tags: [operation.tag],
    'x-access': operation.access,
    ...security(operation.access),
    requestParams: {
      ...(operation.params ? { path: operation.params } : {}),
      ...(operation.query ? { query: operation.query } : {}),
      ...(operation.headers || operation.idempotent ? { header: requestHeaders(operation) } : {}),
    },
    ...(requestBody(operation) ? { requestBody: requestBody(operation) } : {}),
    responses: {
      [status]: success,
      default: { description: 'Fehler', content: { 'application/json': { schema: errorResponse } } },
    },
  };
}

const idempotencyKeyHeader = z.object({
  'Idempotency-Key': z
    .string()
    .regex(/^"?[A-Za-z0-9\-_.:~]{8,255}"?$/)
    .optional()
    .meta({
      description:
        'Macht die Anfrage wiederholbar: dieselbe Kennung vom selben Konto innerhalb von 24 h liefert die erste Antwort (Header Idempotent-Replayed: true), statt ein zweites Mal anzulegen. Eine neue Kennung je Nutzeraktion, z. B. eine UUID (docs/cases.md, „Safe to retry“).',
      example: '3f1c8a6e-0b7d-4a51-9a8e-2b1f4c6d7e90',
    }),
});

function requestHeaders(operation: Operation): z.ZodObject {
  if (!operation.idempotent) return operation.headers!;
  return operation.headers ? operation.headers.extend(idempotencyKeyHeader.shape) : idempotencyKeyHeader;
}

function security(access: Access) {
  if (access === 'public') return { security: [] };
  if (access === 'platform') return { security: [{ platformToken: [] }] };
  return {};
}

function requestBody(operation: Operation): ZodOpenApiOperationObject['requestBody'] {
  if (operation.body) return { required: true, content: { 'application/json': { schema: operation.body } } };
  if (operation.upload) {
    const form = z.object({ [operation.upload.field]: z.string().meta({ format: 'binary', description: 'Die Datei' }) });
    return { required: true, content: { 'multipart/form-data': { schema: form } } };
  }
  if (operation.rawBody) {
    const { contentTypes, description, schema } = operation.rawBody;
    return {
      required: true,
      description,
      content: Object.fromEntries(contentTypes.map((type) => [type, { schema: schema ?? z.string() }])),
    };
  }
  return undefined;
}
