/** The resident's choice of e-mails about their cases (docs/cases.md, "Notifications"). */
import type { NotificationPreferences } from '../../bff/contract/index.ts';

export type { NotificationPreferences };

/** What `<mp-notification-preferences>` needs of the BFF; the portal's `ApiClient` provides it. */
export interface NotificationPreferencesClient {
  request<T>(method: 'GET' | 'PUT', path: string, body?: unknown): Promise<T>;
}

const PATH = '/api/account/notification-preferences';

export const loadNotificationPreferences = (client: NotificationPreferencesClient) => client.request<NotificationPreferences>('GET', PATH);

export const saveNotificationPreferences = (client: NotificationPreferencesClient, preferences: NotificationPreferences) =>
  client.request<NotificationPreferences>('PUT', PATH, preferences);
