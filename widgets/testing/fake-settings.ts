import { companySettings, DEFAULT_SETTINGS, SETTING_LABELS, settingsChange, type CompanySettings } from '../../bff/contract/settings.ts';
import type { z } from 'zod';
import type { FieldError } from '../../bff/contract/errors.ts';
import type { ChatUsage, SettingsChange, SettingsView } from '../internal/settings-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { fakeContact } from './fake-case-filing.ts';

/** The endpoints a fake can be told to fail. */
export type SettingsEndpoint = 'settings' | 'save' | 'usage';

export interface FakeSettingsOptions {
  /** The company's settings; what is not given has the contract's default. */
  settings?: Partial<CompanySettings>;
  /** When they last changed (`null`: never, the defaults apply). */
  updatedAt?: string | null;
  /** This month's tokens of the chat; the budget is the settings' `chatMonthlyTokenBudget`. */
  usage?: { inputTokens: number; outputTokens: number };
  /** Who asks: `clerk` is refused (403) like the BFF refuses anyone but an admin, `signed-out` gets 401. */
  signedInAs?: 'admin' | 'clerk' | 'signed-out';
  /** These endpoints answer 503 until removed from `fake.failing`. */
  failing?: SettingsEndpoint[];
  /** Extra delay of each answer in ms, to see loading and saving. */
  latency?: number;
  /** Extra delay of a save in ms (on top of `latency`), to see "Wird gespeichert …". */
  saveLatency?: number;
}

/** The demo's Wohnbau Nord eG as an admin finds it: every section filled. */
export function fakeCompanySettings(): Partial<CompanySettings> {
  return {
    ...fakeContact(),
    portalPageUrl: 'https://www.wohnbau-nord.example/mieterportal',
    residentMailSenderName: 'Wohnbau Nord eG – Mieterservice',
    residentMailReplyTo: 'mieterservice@wohnbau-nord.example',
    residentMailSignature: 'Ihr Mieterservice der Wohnbau Nord eG\nHafenstraße 12, 20459 Hamburg\nTelefon 040 123 456',
    houseRules: [
      { title: 'Ruhezeiten', text: 'Mittagsruhe von 13 bis 15 Uhr, Nachtruhe von 22 bis 6 Uhr; sonntags ganztägig.' },
      { title: 'Grillen', text: 'Auf Balkonen nur mit Elektrogrill. Im Hof auf der ausgewiesenen Fläche.' },
    ],
    chatHistoryDays: 60,
    chatMonthlyTokenBudget: 2_000_000,
  };
}

const month = () => new Date().toISOString().slice(0, 7);

/**
 * The company settings and the chat's token use of docs/settings.md and docs/chat.md in memory, for tests and
 * stories: `new FakeBff({ session, routes: new FakeSettings().routes })`. A change is checked with the
 * contract's own schema and refused with the BFF's `validation_failed` shape, so a wrong value gets the words
 * the BFF would send; `changes` records every body that was accepted.
 */
export class FakeSettings {
  settings: CompanySettings;
  updatedAt: string | null;
  usage: { inputTokens: number; outputTokens: number };
  signedInAs: NonNullable<FakeSettingsOptions['signedInAs']>;
  readonly failing: Set<SettingsEndpoint>;
  readonly changes: SettingsChange[] = [];

  constructor(private readonly options: FakeSettingsOptions = {}) {
    this.settings = companySettings.parse({ ...DEFAULT_SETTINGS, ...options.settings });
    this.updatedAt = options.updatedAt === undefined ? (options.settings ? '2026-03-02T09:15:00.000Z' : null) : options.updatedAt;
    this.usage = options.usage ?? { inputTokens: 0, outputTokens: 0 };
    this.signedInAs = options.signedInAs ?? 'admin';
    this.failing = new Set(options.failing ?? []);
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      const route = `${request.method} ${request.path}`;
      if (route !== 'GET /api/staff/settings' && route !== 'PATCH /api/staff/settings' && route !== 'GET /api/staff/chat/usage')
        return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (this.signedInAs === 'signed-out') return error(401, 'unauthenticated', 'Bitte melden Sie sich an.');
      if (this.signedInAs !== 'admin') return error(403, 'forbidden', 'Keine Berechtigung für diese Aktion.');
      const endpoint: SettingsEndpoint = request.path.endsWith('/usage') ? 'usage' : request.method === 'PATCH' ? 'save' : 'settings';
      if (this.failing.has(endpoint)) {
        return error(
          503,
          'service_unavailable',
          'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
        );
      }
      if (endpoint === 'usage')
        return json(200, { month: month(), ...this.usage, budget: this.settings.chatMonthlyTokenBudget } satisfies ChatUsage);
      if (endpoint === 'save') {
        if (this.options.saveLatency) await new Promise((resolve) => setTimeout(resolve, this.options.saveLatency));
        return this.change(request.body);
      }
      return json(200, this.view());
    },
  ];

  private view(): SettingsView {
    return { settings: this.settings, labels: SETTING_LABELS, updatedAt: this.updatedAt };
  }

  private change(body: unknown): Response {
    const parsed = settingsChange.safeParse(body);
    if (!parsed.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(parsed.error) });
    this.changes.push(body as SettingsChange);
    this.settings = companySettings.parse({ ...this.settings, ...parsed.data });
    this.updatedAt = new Date().toISOString();
    return json(200, this.view());
  }
}

/** A zod failure as the BFF answers it (`validationError` in bff/http/errors.ts): path, issue code, message, limit. */
export function fieldsOf(failure: z.ZodError): FieldError[] {
  return failure.issues.map((issue) => {
    const limit = 'minimum' in issue ? issue.minimum : 'maximum' in issue ? issue.maximum : undefined;
    return {
      path: issue.path.join('.'),
      code: issue.code,
      message: issue.message,
      ...(limit !== undefined ? { limit: Number(limit), origin: 'origin' in issue ? String(issue.origin) : undefined } : {}),
    };
  });
}
