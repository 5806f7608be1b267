import type { Api } from '../http/api.ts';
import type { AppContext } from '../context.ts';

/** Housing company onboarding (platform and admin API). Placeholder until the capability lands. */
export function registerOnboardingRoutes(_api: Api, _ctx: AppContext): void {}
