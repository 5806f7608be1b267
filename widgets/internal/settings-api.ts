/** Typed client for the company admins' settings and the chat's token use (docs/settings.md, docs/chat.md). */
import type { ApiClient } from './api-client.ts';
import type { BodyOf, CompanySettings, EmergencyNumber, HouseRule, operations, ResponseOf, SettingKey } from '../../bff/contract/index.ts';

// The wire shapes come from the contract (bff/contract/); these names are what the settings element uses.
export type { CompanySettings, EmergencyNumber, HouseRule, SettingKey };
/** `GET /api/staff/settings`: the settings, each field's German label (the contract's `title`) and when they last changed. */
export type SettingsView = ResponseOf<typeof operations.companySettings>;
/** The body of `PATCH /api/staff/settings`: only the fields that change, a list as a whole. */
export type SettingsChange = BodyOf<typeof operations.changeCompanySettings>;
/** The chat's tokens this calendar month (UTC) and the budget they count against. */
export type ChatUsage = ResponseOf<typeof operations.chatUsage>;

export class SettingsApi {
  constructor(readonly client: ApiClient) {}

  settings(): Promise<SettingsView> {
    return this.client.request('GET', '/api/staff/settings');
  }

  change(change: SettingsChange): Promise<SettingsView> {
    return this.client.request('PATCH', '/api/staff/settings', change);
  }

  chatUsage(): Promise<ChatUsage> {
    return this.client.request('GET', '/api/staff/chat/usage');
  }
}
