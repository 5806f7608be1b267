import type { Request } from 'express';
import type { Api } from '../http/api.ts';
import type { AppContext } from '../context.ts';

export interface AuthRouteOptions {
  csrfToken: (req: Request) => string;
}

/** Sign-in for residents and staff. Placeholder until the auth capability lands. */
export function registerAuthRoutes(_api: Api, _ctx: AppContext, _options: AuthRouteOptions): void {}
