import { Router, type Request, type Response } from 'express';
import { z } from 'zod';

/**
 * Routes are declared once with their zod schemas: the same schemas validate every input at run time
 * and generate the OpenAPI document served at /api/openapi.json.
 */
export type Access = 'public' | 'session' | 'resident' | 'staff' | 'admin' | 'platform';

export interface RouteSpec<Body extends z.ZodType = z.ZodType, Query extends z.ZodType = z.ZodType, Params extends z.ZodType = z.ZodType> {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  path: string;
  summary: string;
  tag: string;
  access: Access;
  body?: Body;
  query?: Query;
  params?: Params;
  /** Documented success response schema (status 200 unless `status` says otherwise). */
  response?: z.ZodType;
  status?: number;
}

export interface RouteInput<Body, Query, Params> {
  body: Body;
  query: Query;
  params: Params;
  req: Request;
  res: Response;
}

type Infer<T> = T extends z.ZodType ? z.infer<T> : undefined;

export type Guard = (req: Request, access: Access) => void | Promise<void>;

export class Api {
  readonly router = Router();
  private readonly specs: RouteSpec[] = [];

  constructor(private readonly guard: Guard) {}

  route<Body extends z.ZodType, Query extends z.ZodType, Params extends z.ZodType>(
    spec: RouteSpec<Body, Query, Params>,
    handler: (input: RouteInput<Infer<Body>, Infer<Query>, Infer<Params>>) => Promise<unknown>,
  ): void {
    this.specs.push(spec as RouteSpec);
    this.router[spec.method](spec.path, async (req, res) => {
      await this.guard(req, spec.access);
      const body = spec.body ? spec.body.parse(req.body ?? {}) : undefined;
      const query = spec.query ? spec.query.parse(req.query) : undefined;
      const params = spec.params ? spec.params.parse(req.params) : undefined;
      const result = await handler({ body, query, params, req, res } as RouteInput<Infer<Body>, Infer<Query>, Infer<Params>>);
      if (res.headersSent) return;
      if (result === undefined) res.status(spec.status ?? 204).end();
      else res.status(spec.status ?? 200).json(result);
    });
  }

  openapi(info: { title: string; version: string }): object {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const spec of this.specs) {
      const path = '/api' + spec.path.replace(/:([A-Za-z_]+)/g, '{$1}');
      const parameters = [...objectParameters(spec.params, 'path'), ...objectParameters(spec.query, 'query')];
      paths[path] ??= {};
      paths[path][spec.method] = {
        summary: spec.summary,
        tags: [spec.tag],
        ...(spec.access === 'public' ? { security: [] } : {}),
        'x-access': spec.access,
        ...(parameters.length ? { parameters } : {}),
        ...(spec.body
          ? { requestBody: { required: true, content: { 'application/json': { schema: toSchema(spec.body, 'input') } } } }
          : {}),
        responses: {
          [String(spec.status ?? (spec.response ? 200 : 204))]: {
            description: 'Erfolg',
            ...(spec.response ? { content: { 'application/json': { schema: toSchema(spec.response, 'output') } } } : {}),
          },
          default: { description: 'Fehler', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } },
        },
      };
    }
    return {
      openapi: '3.1.0',
      info,
      paths,
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'mp.sid' },
          csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
          platformToken: { type: 'http', scheme: 'bearer' },
        },
        schemas: {
          Error: {
            type: 'object',
            required: ['error'],
            properties: {
              error: {
                type: 'object',
                required: ['code', 'message'],
                properties: { code: { type: 'string' }, message: { type: 'string' }, details: {} },
              },
            },
          },
        },
      },
      security: [{ session: [], csrf: [] }],
    };
  }
}

function toSchema(schema: z.ZodType, io: 'input' | 'output'): object {
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12' });
}

function objectParameters(schema: z.ZodType | undefined, location: 'path' | 'query') {
  if (!schema) return [];
  const json = toSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(json.properties ?? {}).map(([name, property]) => ({
    name,
    in: location,
    required: location === 'path' || (json.required ?? []).includes(name),
    schema: property,
  }));
}
