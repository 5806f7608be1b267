import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from 'zod-openapi';
import { errorResponse, storableInput } from '../contract/common.ts';
import type { Access, Operation } from '../contract/operation.ts';

/**
 * Routes are the contract's operations (bff/contract/) with a handler: the operation's schemas validate
 * every input at run time and generate the OpenAPI document served at /api/openapi.json.
 */
export type { Access };

export interface RouteInput<Body, Query, Params> {
  body: Body;
  query: Query;
  params: Params;
  req: Request;
  res: Response;
}

type Parsed<T> = T extends z.ZodType ? z.output<T> : undefined;
type Handler<T extends Operation> = (input: RouteInput<Parsed<T['body']>, Parsed<T['query']>, Parsed<T['params']>>) => Promise<Answer<T>>;
/** A JSON operation's handler returns its response; file downloads and 204s answer through `res` or return nothing. */
type Answer<T extends Operation> = T['response'] extends z.ZodType ? z.output<T['response']> | z.input<T['response']> : void | undefined;

export type Guard = (req: Request, access: Access) => void | Promise<void>;

export class Api {
  readonly router = Router();
  private readonly operations: Operation[] = [];

  constructor(private readonly guard: Guard) {}

  route<T extends Operation>(operation: T, handler: Handler<T>): void {
    if (this.operations.some((known) => known.operationId === operation.operationId)) {
      throw new Error(`operation ${operation.operationId} registered twice`);
    }
    this.operations.push(operation);
    this.router[operation.method](operation.path, async (req, res) => {
      await this.guard(req, operation.access);
      // Texts PostgreSQL cannot store are refused by field before any schema or handler sees them.
      storableInput.parse(req.params);
      if (operation.query) storableInput.parse(req.query);
      if (operation.body) storableInput.parse(req.body);
      const body = operation.body ? operation.body.parse(req.body ?? {}) : undefined;
      const query = operation.query ? operation.query.parse(req.query) : undefined;
      const params = operation.params ? operation.params.parse(req.params) : undefined;
      const result = await handler({ body, query, params, req, res } as Parameters<Handler<T>>[0]);
      if (res.headersSent) return;
      const status = operation.status ?? (operation.response ? 200 : 204);
      if (result === undefined) res.status(status).end();
      else res.status(status).json(result);
    });
  }

  /** The operationIds registered so far (a test holds them against the contract). */
  get operationIds(): string[] {
    return this.operations.map((operation) => operation.operationId);
  }

  openapi(info: { title: string; version: string }): object {
    const paths: ZodOpenApiPathsObject = {};
    for (const operation of this.operations) {
      const path = '/api' + operation.path.replace(/:([A-Za-z_]+)/g, '{$1}');
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

/** The OpenAPI operation object of one contract operation. */
function describe(operation: Operation): ZodOpenApiOperationObject {
  const status = String(operation.status ?? (operation.response || operation.file ? 200 : 204));
  const success = operation.file
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
      ...(operation.headers ? { header: operation.headers } : {}),
    },
    ...(requestBody(operation) ? { requestBody: requestBody(operation) } : {}),
    responses: {
      [status]: success,
      default: { description: 'Fehler', content: { 'application/json': { schema: errorResponse } } },
    },
  };
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
