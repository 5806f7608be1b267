import { html } from 'lit';
import type { Decorator } from '@storybook/web-components-vite';
import { ApiClient, type SessionUser } from '../widgets/internal/api-client.ts';
import { FakeBff, type FakeBffOptions } from '../widgets/testing/fake-bff.ts';

/** An API client answered by the in-memory fake BFF: stories need no running server. */
export function fakeClient(options: FakeBffOptions = {}): ApiClient {
  return new ApiClient('', new FakeBff({ latency: 400, ...options }).fetch);
}

export const wohnbauNord = { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' };

export const resident: SessionUser = { role: 'resident', displayName: 'Anna Müller', tenant: wohnbauNord };

export const clerk: SessionUser = { role: 'clerk', displayName: 'Clara Kaiser', tenant: wohnbauNord };

export const longNameResident: SessionUser = {
  role: 'resident',
  displayName: 'Maximiliane Alexandra von Hohenzollern-Sigmaringen-Schwarzenberg-Leutkirchen',
  tenant: { slug: 'wohnbau-nord', name: 'Gemeinnützige Wohnungsbaugenossenschaft Nord-Ostholstein-Lauenburg eG' },
};

export const qrCodeSvg =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 21 21" shape-rendering="crispEdges"><rect width="21" height="21" fill="#fff"/>' +
  '<path d="M0 0h7v7H0zM14 0h7v7h-7zM0 14h7v7H0zM2 2h3v3H2zM16 2h3v3h-3zM2 16h3v3H2zM9 9h3v3H9zM14 14h2v2h-2zM18 18h3v3h-3z" fill="#000"/></svg>';

/** Shows a story at the narrowest phone width the widgets support. */
export const mobileWidth: Decorator = (story) => html`<div style="width: 320px; outline: 1px dashed #999;">${story()}</div>`;
