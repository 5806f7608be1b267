import type { UnitRelation } from '../contract/enums.ts';
import type { Tenancy } from '../contract/onboarding.ts';
import type { Queryable } from '../db/database.ts';

/** SQL of tenancies (a resident's relation to a unit). Every function runs in the caller's transaction and scope. */

export interface TenancyRecord {
  unit: { label: string; building: string; address: string };
  tenancyStart: string | null;
  coldRent: number | null;
  advancePayments: Array<{ label: string; amount: number }>;
  caretakerArea: string | null;
  clauses: Array<{ title: string; text: string }>;
  billingPeriod: { start: string; end: string } | null;
}

/**
 * Creates or replaces a resident's relation to a unit (tenant unless said otherwise). Fields not given keep
 * nothing: the ERP's export is the whole truth of a tenancy.
 */
export async function saveTenancy(
  tx: Queryable,
  tenantId: string,
  tenancy: { residentId: string; unitId: string; relation?: UnitRelation } & Partial<Tenancy>,
): Promise<void> {
  await tx.query(
    `INSERT INTO tenancies (tenant_id, resident_id, unit_id, relation, tenancy_start, cold_rent, advance_payments, caretaker_area,
                            clauses, billing_period_start, billing_period_end)
     VALUES ($1, $2, $3, $11, $4, $5, $6, $7, $8, $9, $10)
     ON CONFLICT (tenant_id, resident_id, unit_id, relation) DO UPDATE
       SET tenancy_start = excluded.tenancy_start, cold_rent = excluded.cold_rent, advance_payments = excluded.advance_payments,
           caretaker_area = excluded.caretaker_area, clauses = excluded.clauses,
           billing_period_start = excluded.billing_period_start, billing_period_end = excluded.billing_period_end, updated_at = now()`,
    [
      tenantId,
      tenancy.residentId,
      tenancy.unitId,
      tenancy.tenancyStart ?? null,
      tenancy.coldRent ?? null,
      JSON.stringify(tenancy.advancePayments ?? []),
      tenancy.caretakerArea ?? null,
      JSON.stringify(tenancy.clauses ?? []),
      tenancy.billingPeriodStart ?? null,
      tenancy.billingPeriodEnd ?? null,
      tenancy.relation ?? 'tenant',
    ],
  );
}

interface TenancyRow {
  unitLabel: string;
  street: string;
  postalCode: string;
  city: string;
  tenancyStart: string | null;
  coldRent: string | null;
  advancePayments: Array<{ label: string; amount: number }>;
  caretakerArea: string | null;
  clauses: Array<{ title: string; text: string }>;
  billingPeriodStart: string | null;
  billingPeriodEnd: string | null;
}

/** The resident's tenancy of the unit they live in (the scope's resident: row-level security keeps it theirs). */
export async function findResidentTenancy(tx: Queryable, residentId: string): Promise<TenancyRecord | undefined> {
  const { rows } = await tx.query<TenancyRow>(
    `SELECT u.label AS "unitLabel", b.street, b.postal_code AS "postalCode", b.city,
            to_char(t.tenancy_start, 'YYYY-MM-DD') AS "tenancyStart", t.cold_rent::text AS "coldRent",
            t.advance_payments AS "advancePayments", t.caretaker_area AS "caretakerArea", t.clauses,
            to_char(t.billing_period_start, 'YYYY-MM-DD') AS "billingPeriodStart",
            to_char(t.billing_period_end, 'YYYY-MM-DD') AS "billingPeriodEnd"
       FROM tenancies t
       JOIN residents r ON r.tenant_id = t.tenant_id AND r.id = t.resident_id AND r.unit_id = t.unit_id
       JOIN units u ON u.tenant_id = t.tenant_id AND u.id = t.unit_id
       JOIN buildings b ON b.tenant_id = u.tenant_id AND b.id = u.building_id
      WHERE t.resident_id = $1 AND t.relation = 'tenant'`,
    [residentId],
  );
  const row = rows[0];
  if (!row) return undefined;
  return {
    unit: { label: row.unitLabel, building: row.street, address: `${row.street}, ${row.postalCode} ${row.city}` },
    tenancyStart: row.tenancyStart,
    coldRent: row.coldRent === null ? null : Number(row.coldRent),
    advancePayments: row.advancePayments.map((payment) => ({ label: payment.label, amount: Number(payment.amount) })),
    caretakerArea: row.caretakerArea,
    clauses: row.clauses.map((clause) => ({ title: clause.title, text: clause.text })),
    billingPeriod: row.billingPeriodStart && row.billingPeriodEnd ? { start: row.billingPeriodStart, end: row.billingPeriodEnd } : null,
  };
}
