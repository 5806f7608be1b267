/** Typed client for a person's own account settings (docs/sign-in.md, "Self-service"). */
import type { ApiClient } from './api-client.ts';
import type { AccountOverview, AccountSession, BodyOf, operations, ResponseOf, TotpEnrolment } from '../../bff/contract/index.ts';

export type { AccountOverview, AccountSession, TotpEnrolment };
export type PasswordChange = BodyOf<typeof operations.changePassword>;
export type RecoveryCodesProof = BodyOf<typeof operations.regenerateRecoveryCodes>;
export type EmailChange = BodyOf<typeof operations.requestEmailChange>;
type RecoveryCodes = ResponseOf<typeof operations.regenerateRecoveryCodes>;

export class AccountApi {
  constructor(readonly client: ApiClient) {}

  overview(): Promise<AccountOverview> {
    return this.client.request('GET', '/api/account');
  }

  async sessions(): Promise<AccountSession[]> {
    return (await this.client.request<ResponseOf<typeof operations.listAccountSessions>>('GET', '/api/account/sessions')).sessions;
  }

  endSession(id: string): Promise<void> {
    return this.client.request('DELETE', `/api/account/sessions/${encodeURIComponent(id)}`);
  }

  async endOtherSessions(): Promise<number> {
    return (await this.client.request<ResponseOf<typeof operations.endOtherAccountSessions>>('DELETE', '/api/account/sessions')).ended;
  }

  changePassword(change: PasswordChange): Promise<void> {
    return this.client.request('POST', '/api/account/password', change);
  }

  regenerateRecoveryCodes(proof: RecoveryCodesProof): Promise<RecoveryCodes> {
    return this.client.request('POST', '/api/account/recovery-codes', proof);
  }

  startTotp(password: string): Promise<TotpEnrolment> {
    return this.client.request('POST', '/api/account/second-factor/totp', { password });
  }

  confirmTotp(code: string): Promise<RecoveryCodes> {
    return this.client.request('POST', '/api/account/second-factor/totp/confirm', { code });
  }

  requestEmailChange(change: EmailChange): Promise<{ sentTo: string }> {
    return this.client.request('POST', '/api/account/email', change);
  }
}
