import { ApiClient } from './api-client.ts';
import { loaderState } from './loader-state.ts';

const clients = new Map<string, ApiClient>();

/**
 * The client for a BFF base URL (the element's `api` attribute, else the origin the loader came from,
 * else the page's origin). One per base URL, so a portal and a standalone form on the same page share
 * the CSRF token of the one session they have.
 */
export function defaultApiClient(api?: string): ApiClient {
  const baseUrl = api ?? loaderState()?.apiBase ?? location.origin;
  let client = clients.get(baseUrl);
  if (!client) {
    client = new ApiClient(baseUrl);
    clients.set(baseUrl, client);
  }
  return client;
}
