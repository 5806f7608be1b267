import { routingRuleInput } from '../../bff/contract/cases.ts';
import type { RoutingRule, StaffAccounts } from '../internal/routing-admin-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { fieldsOf } from './fake-settings.ts';

export interface FakeRoutingAdminOptions {
  /** Rules to start with. */
  rules?: RoutingRule[];
  /** Saving answers 503 while set. */
  failSave?: boolean;
  /** Extra delay of each answer in ms. */
  latency?: number;
}

/** The housing company's staff as the assignee list shows them. */
export const fakeStaff: StaffAccounts['items'] = [
  { id: '00000000-0000-4000-b000-000000000001', label: 'Clara Kaiser', role: 'clerk' },
  { id: '00000000-0000-4000-b000-000000000002', label: 'Dora Verwalter', role: 'admin' },
];

let counter = 0;

/**
 * The routing rules and staff list of docs/cases.md in memory (the catalogue's categories come from
 * `FakeCatalogueAdmin`): a rule per type and category, set again replaces its person, as the BFF does.
 */
export class FakeRoutingAdmin {
  rules: RoutingRule[];
  failSave: boolean;

  constructor(private readonly options: FakeRoutingAdminOptions = {}) {
    this.rules = [...(options.rules ?? [])];
    this.failSave = options.failSave ?? false;
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      const route = `${request.method} ${request.path}`;
      const removal = /^DELETE \/api\/staff\/case-routing-rules\/([^/]+)$/.exec(route);
      if (
        route !== 'GET /api/staff/case-routing-rules' &&
        route !== 'PUT /api/staff/case-routing-rules' &&
        route !== 'GET /api/staff/clerks' &&
        !removal
      )
        return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      if (route === 'GET /api/staff/clerks') return json(200, { items: fakeStaff });
      if (route === 'GET /api/staff/case-routing-rules') return json(200, { items: this.rules });
      if (this.failSave) {
        return error(
          503,
          'service_unavailable',
          'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
        );
      }
      if (removal) {
        const before = this.rules.length;
        this.rules = this.rules.filter((rule) => rule.id !== decodeURIComponent(removal[1]));
        return this.rules.length < before ? new Response(null, { status: 204 }) : error(404, 'not_found', 'Regel nicht gefunden.');
      }
      const parsed = routingRuleInput.safeParse(request.body);
      if (!parsed.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(parsed.error) });
      const rule = parsed.data;
      const assignee = fakeStaff.find((staff) => staff.id === rule.assigneeId);
      if (!assignee) return error(400, 'unknown_assignee', 'Diese Person ist keine Sachbearbeitung dieser Hausverwaltung.');
      const existing = this.rules.find((other) => other.caseType === rule.caseType && other.damageCategoryId === rule.damageCategoryId);
      if (existing) Object.assign(existing, { assigneeId: assignee.id, assigneeName: assignee.label });
      const id = existing?.id ?? `00000000-0000-4000-9000-${String(++counter).padStart(12, '0')}`;
      if (!existing) this.rules.push({ id, ...rule, assigneeName: assignee.label });
      return json(200, { id });
    },
  ];
}
