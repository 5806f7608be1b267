import type { FieldError } from '../../bff/contract/errors.ts';
import { contractorInput, contractorPatch } from '../../bff/contract/contractors.ts';
import type { Contractor, ContractorChange, NewContractor } from '../internal/contractor-admin-api.ts';
import { error, json, type FakeRoute } from './fake-bff.ts';
import { fieldsOf } from './fake-settings.ts';
import { FAKE_CONTRACTORS } from './fake-contractor-order.ts';

export interface FakeContractorsOptions {
  /** Contractors to start with (default: `fakeContractors()`). */
  contractors?: Contractor[];
  /** Who asks: staff (admin or clerk) may, a resident gets 403, nobody signed in 401 — as the BFF's `access: 'staff'`. */
  signedInAs?: 'admin' | 'clerk' | 'resident' | 'signed-out';
  /** Saves answer 503 while set. */
  failSave?: boolean;
  /** Saves answer 400 `validation_failed` with these fields while set (a rule only the server knows). */
  refuseWith?: FieldError[];
  /** Extra delay of each answer in ms. */
  latency?: number;
}

/** The buildings of the fake company that a contractor may serve. */
export const FAKE_BUILDINGS = ['b0000000-0000-4000-8000-000000000001', 'b0000000-0000-4000-8000-000000000002'];

/** Three contractors: two active (one serving a single building), one deactivated. */
export function fakeContractors(): Contractor[] {
  // The two active ones are the work-order panel's contractors; the electrician here serves one building only.
  const [plumber, electrician] = FAKE_CONTRACTORS;
  return [
    { ...plumber, buildingIds: [...plumber.buildingIds] },
    { ...electrician, buildingIds: [FAKE_BUILDINGS[0]] },
    {
      id: 'c0a70000-0000-4000-8000-000000000003',
      name: 'Schlüssel Schmidt',
      trade: 'Schlüsseldienst',
      email: 'notdienst@schmidt.example',
      phone: '0800 123 456',
      buildingIds: [],
      active: false,
    },
  ];
}

let counter = 0;

/**
 * The contractors of docs/contractors.md in memory (`/api/staff/contractors`): input is checked with the contract's own
 * schemas and refused with the BFF's shapes (`validation_failed` with fields, `unknown_building`, 404); `changes` records
 * every accepted body, the list is ordered as the BFF orders it (active first, then by name).
 */
export class FakeContractors {
  contractors: Contractor[];
  failSave: boolean;
  refuseWith?: FieldError[];
  readonly changes: (NewContractor | ContractorChange)[] = [];

  constructor(private readonly options: FakeContractorsOptions = {}) {
    this.contractors = (options.contractors ?? fakeContractors()).map((contractor) => ({ ...contractor }));
    this.failSave = options.failSave ?? false;
    this.refuseWith = options.refuseWith;
  }

  private sorted(): Contractor[] {
    return [...this.contractors].sort((a, b) => Number(b.active) - Number(a.active) || a.name.localeCompare(b.name, 'de'));
  }

  readonly routes: FakeRoute[] = [
    async (request) => {
      const route = `${request.method} ${request.path}`;
      const patch = /^PATCH \/api\/staff\/contractors\/([^/]+)$/.exec(route);
      if (route !== 'GET /api/staff/contractors' && route !== 'POST /api/staff/contractors' && !patch) return undefined;
      if (this.options.latency) await new Promise((resolve) => setTimeout(resolve, this.options.latency));
      const who = this.options.signedInAs ?? 'admin';
      if (who === 'signed-out') return error(401, 'unauthenticated', 'Bitte melden Sie sich an.');
      if (who === 'resident') return error(403, 'forbidden', 'Keine Berechtigung für diese Aktion.');
      if (route === 'GET /api/staff/contractors') return json(200, { items: this.sorted() });
      if (this.failSave) {
        return error(
          503,
          'service_unavailable',
          'Der Dienst ist vorübergehend nicht erreichbar. Bitte versuchen Sie es später noch einmal.',
        );
      }
      if (this.refuseWith) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: this.refuseWith });
      const parsed = patch ? contractorPatch.safeParse(request.body) : contractorInput.safeParse(request.body);
      if (!parsed.success) return error(400, 'validation_failed', 'Bitte prüfen Sie Ihre Eingaben.', { fields: fieldsOf(parsed.error) });
      const unknown = (parsed.data.buildingIds ?? []).filter((id) => !FAKE_BUILDINGS.includes(id));
      if (unknown.length) {
        return error(400, 'unknown_building', 'Diese Gebäude gibt es bei Ihrer Hausverwaltung nicht.', { buildingIds: unknown });
      }
      const { phone, ...rest } = parsed.data;
      if (patch) {
        const current = this.contractors.find((contractor) => contractor.id === decodeURIComponent(patch[1]));
        if (!current) return error(404, 'not_found', 'Diesen Handwerker gibt es nicht.');
        Object.assign(current, Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)));
        if (phone !== undefined) current.phone = phone || null;
        this.changes.push(request.body);
        return json(200, current);
      }
      const created = { ...(rest as Omit<Contractor, 'id' | 'phone'>), phone: phone || null };
      const contractor: Contractor = { id: `c0a70000-0000-4000-9000-${String(++counter).padStart(12, '0')}`, ...created };
      this.contractors.push(contractor);
      this.changes.push(request.body);
      return json(201, contractor);
    },
  ];
}
