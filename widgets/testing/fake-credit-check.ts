import type { CreditCheckClass, CreditCheckConsentPage, LeadCreditCheck } from '../internal/credit-check-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { LINK_REFUSALS, type LinkRefusal } from './fake-viewing-booking.ts';

/**
 * The credit check in memory, for tests and stories: the person's consent page (`/api/credit-check-consent`) and the
 * clerk's part of one lead (`/api/staff/leads/:id/credit-check`), sharing one consent, with the BFF's codes and words.
 */
export const FAKE_CREDIT_TOKEN = 'v1.Y3JlZGl0.c2lnbmF0dXJl';
export const FAKE_CREDIT_LEAD = '1ead0000-0000-4000-8000-0000000000c1';

export interface FakeCreditCheckOptions {
  token?: string;
  /** Every request of the link answers this refusal. */
  refuse?: LinkRefusal;
  /** The lead's stage allows the check (`besichtigt` or later). */
  stageFits?: boolean;
  consent?: 'none' | 'requested' | 'given' | 'revoked';
  /** A check used the consent already and answered this class. */
  result?: CreditCheckClass;
  /** The class the next check answers. */
  nextClass?: CreditCheckClass;
  /** The bureau fails the next check. */
  bureauDown?: boolean;
  /** Every request fails with 500 (a broken server). */
  broken?: boolean;
  latency?: number;
}

const AT = '2030-04-02T09:30:00.000Z';

export class FakeCreditCheck {
  readonly token: string;
  consent: 'none' | 'requested' | 'given' | 'revoked';
  result?: { reference: string; class: CreditCheckClass; checkedAt: string; checkedBy: string };
  used: boolean;
  entered?: unknown;
  requests = 0;

  constructor(private readonly options: FakeCreditCheckOptions = {}) {
    this.token = options.token ?? FAKE_CREDIT_TOKEN;
    this.consent = options.consent ?? 'requested';
    this.used = Boolean(options.result);
    if (options.result)
      this.result = { reference: 'AUSK-2030-000042', class: options.result, checkedAt: AT, checkedBy: 'Clara Sachbearbeiterin' };
  }

  page(): CreditCheckConsentPage {
    return {
      company: { name: 'Wohnbau Nord eG' },
      listing: { title: '3-Zimmer-Wohnung mit Balkon', address: { street: 'Lindenallee 12', postalCode: '20259', city: 'Hamburg' } },
      person: { name: 'Jana Beispiel' },
      bureau: { name: 'Musterauskunftei AG' },
      transmitted: ['name', 'address', 'birthDate'],
      kept: ['reference', 'class'],
      status: this.consent === 'none' ? 'requested' : this.consent,
      givenAt: this.consent === 'given' || (this.consent === 'revoked' && this.used) ? AT : null,
      revokedAt: this.consent === 'revoked' ? AT : null,
      checked: this.used,
      linkExpiresAt: '2030-04-14T21:59:00.000Z',
    };
  }

  staff(): LeadCreditCheck {
    const stageFits = this.options.stageFits ?? true;
    const usable = this.consent === 'given' && !this.used;
    return {
      leadId: FAKE_CREDIT_LEAD,
      bureau: 'Musterauskunftei AG',
      consent: {
        status: this.consent,
        requestedAt: this.consent === 'none' ? null : AT,
        linkExpiresAt: this.consent === 'none' ? null : '2030-04-14T21:59:00.000Z',
        givenAt: this.consent === 'given' ? AT : null,
        revokedAt: this.consent === 'revoked' ? AT : null,
        usedAt: this.used ? AT : null,
      },
      result: this.result ?? null,
      canRequestConsent: stageFits && !usable,
      canCheck: stageFits && usable,
    };
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      const publicRoute = request.path === '/api/credit-check-consent';
      const staffRoute = request.path.startsWith(`/api/staff/leads/${FAKE_CREDIT_LEAD}/credit-check`);
      if (!publicRoute && !staffRoute) return undefined;
      this.requests += 1;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (this.options.broken) return error(500, 'internal_error', 'Ein interner Fehler ist aufgetreten.');
      if (publicRoute) return this.answerPerson(request.method, request.headers.get('x-link-token'), request.body);
      return this.answerStaff(`${request.method} ${request.path.slice(`/api/staff/leads/${FAKE_CREDIT_LEAD}`.length)}`);
    },
  ];

  private answerPerson(method: string, token: string | null, body: any): Response {
    if (!token) return error(401, 'link_missing', LINK_REFUSALS.link_missing[1]);
    if (this.options.refuse)
      return error(LINK_REFUSALS[this.options.refuse][0], this.options.refuse, LINK_REFUSALS[this.options.refuse][1]);
    if (token !== this.token) return error(401, 'link_invalid', LINK_REFUSALS.link_invalid[1]);
    if (method === 'GET') return json(200, this.page());
    if (method === 'POST') {
      if (body?.consent !== true) {
        return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', {
          fields: [{ path: 'consent', code: 'invalid_value', message: 'Bitte bestätigen Sie Ihre Einwilligung.' }],
        });
      }
      if (this.consent === 'revoked') return error(410, 'link_revoked', LINK_REFUSALS.link_revoked[1]);
      if (this.consent !== 'given') {
        this.consent = 'given';
        this.entered = { birthDate: body.birthDate ?? null, address: body.address };
      }
      return json(200, this.page());
    }
    if (method === 'DELETE') {
      this.consent = 'revoked';
      this.entered = undefined;
      return json(200, this.page());
    }
    return error(404, 'route_not_found', 'Diese Funktion ist gerade nicht verfügbar.');
  }

  private answerStaff(route: string): Response {
    const stageFits = this.options.stageFits ?? true;
    const stage = () =>
      error(
        409,
        'credit_check_stage',
        'Eine Bonitätsprüfung ist erst möglich, wenn der Interessent die Wohnung besichtigt hat (Status „Besichtigt“), und nicht mehr nach einer Absage.',
      );
    if (route === 'GET /credit-check') return json(200, this.staff());
    if (route === 'POST /credit-check/consent-request') {
      if (!stageFits) return stage();
      this.consent = 'requested';
      this.used = false;
      return json(201, {
        linkId: '11f00000-0000-4000-8000-000000000001',
        url: `https://example.org/bonitaet#token=${this.token}`,
        expiresAt: AT,
        sentTo: 'jana@example.org',
      });
    }
    if (route === 'POST /credit-check') {
      if (!stageFits) return stage();
      if (this.consent !== 'given' || this.used) {
        return error(409, 'credit_check_consent_missing', 'Für die Bonitätsprüfung fehlt eine gültige Einwilligung des Interessenten.');
      }
      if (this.options.bureauDown) {
        return error(502, 'credit_check_unavailable', 'Die Auskunftei hat nicht oder nicht verständlich geantwortet.');
      }
      this.used = true;
      this.result = {
        reference: 'AUSK-2030-000043',
        class: this.options.nextClass ?? 'unbedenklich',
        checkedAt: AT,
        checkedBy: 'Clara Sachbearbeiterin',
      };
      return json(201, this.staff());
    }
    return undefined as never;
  }
}
