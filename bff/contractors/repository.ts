import type { Queryable } from '../db/database.ts';
import type { WorkOrderStatus } from '../contract/contractors.ts';

/** SQL of contractors and work orders. Every function runs in the caller's transaction and (staff) scope. */

export interface ContractorRow {
  id: string;
  name: string;
  trade: string;
  email: string;
  phone: string | null;
  buildingIds: string[];
  active: boolean;
}

const CONTRACTOR_COLUMNS = `id, name, trade, email, phone, building_ids AS "buildingIds", active`;

export async function listContractors(tx: Queryable): Promise<ContractorRow[]> {
  const { rows } = await tx.query<ContractorRow>(`SELECT ${CONTRACTOR_COLUMNS} FROM contractors ORDER BY active DESC, name, id`);
  return rows;
}

export async function findContractor(tx: Queryable, id: string): Promise<ContractorRow | undefined> {
  const { rows } = await tx.query<ContractorRow>(`SELECT ${CONTRACTOR_COLUMNS} FROM contractors WHERE id = $1`, [id]);
  return rows[0];
}

export async function insertContractor(tx: Queryable, tenantId: string, contractor: Omit<ContractorRow, 'id'>): Promise<ContractorRow> {
  const { rows } = await tx.query<ContractorRow>(
    `INSERT INTO contractors (tenant_id, name, trade, email, phone, building_ids, active)
     VALUES ($1, $2, $3, $4, $5, $6::uuid[], $7) RETURNING ${CONTRACTOR_COLUMNS}`,
    [tenantId, contractor.name, contractor.trade, contractor.email, contractor.phone, contractor.buildingIds, contractor.active],
  );
  return rows[0];
}

export async function updateContractor(tx: Queryable, id: string, contractor: Omit<ContractorRow, 'id'>): Promise<ContractorRow> {
  const { rows } = await tx.query<ContractorRow>(
    `UPDATE contractors SET name = $2, trade = $3, email = $4, phone = $5, building_ids = $6::uuid[], active = $7, updated_at = now()
      WHERE id = $1 RETURNING ${CONTRACTOR_COLUMNS}`,
    [id, contractor.name, contractor.trade, contractor.email, contractor.phone, contractor.buildingIds, contractor.active],
  );
  return rows[0];
}

/** Of the ids, those that are no building of the company. */
export async function unknownBuildings(tx: Queryable, ids: string[]): Promise<string[]> {
  if (!ids.length) return [];
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM buildings WHERE id = ANY($1::uuid[])`, [ids]);
  const known = new Set(rows.map((row) => row.id));
  return ids.filter((id) => !known.has(id));
}

export interface WorkOrderRow {
  id: string;
  caseId: string;
  contractorId: string;
  contractorName: string;
  contractorTrade: string;
  signedLinkId: string;
  linkExpiresAt: Date;
  status: WorkOrderStatus;
  note: string;
  appointmentAt: Date | null;
  answerNote: string | null;
  createdAt: Date;
  answeredAt: Date | null;
}

const ORDER_SELECT = `
  SELECT w.id, w.case_id AS "caseId", w.contractor_id AS "contractorId", c.name AS "contractorName", c.trade AS "contractorTrade",
         w.signed_link_id AS "signedLinkId", l.expires_at AS "linkExpiresAt", w.status, w.note, w.appointment_at AS "appointmentAt",
         w.answer_note AS "answerNote", w.created_at AS "createdAt", w.answered_at AS "answeredAt"
    FROM work_orders w
    JOIN contractors c ON c.tenant_id = w.tenant_id AND c.id = w.contractor_id
    JOIN signed_links l ON l.tenant_id = w.tenant_id AND l.id = w.signed_link_id`;

const dated = (row: WorkOrderRow): WorkOrderRow => ({
  ...row,
  linkExpiresAt: new Date(row.linkExpiresAt),
  appointmentAt: row.appointmentAt && new Date(row.appointmentAt),
  createdAt: new Date(row.createdAt),
  answeredAt: row.answeredAt && new Date(row.answeredAt),
});

export async function listWorkOrders(tx: Queryable, caseId: string): Promise<WorkOrderRow[]> {
  const { rows } = await tx.query<WorkOrderRow>(`${ORDER_SELECT} WHERE w.case_id = $1 ORDER BY w.created_at DESC, w.id DESC`, [caseId]);
  return rows.map(dated);
}

/** The order, locked for the rest of the transaction (one answer at a time). */
export async function lockWorkOrder(tx: Queryable, id: string): Promise<WorkOrderRow | undefined> {
  const { rows } = await tx.query<WorkOrderRow>(`${ORDER_SELECT} WHERE w.id = $1 FOR UPDATE OF w`, [id]);
  return rows[0] && dated(rows[0]);
}

export async function hasOpenWorkOrder(tx: Queryable, caseId: string): Promise<boolean> {
  const { rowCount } = await tx.query(`SELECT 1 FROM work_orders WHERE case_id = $1 AND status IN ('ordered', 'accepted')`, [caseId]);
  return rowCount > 0;
}

export async function insertWorkOrder(
  tx: Queryable,
  order: { tenantId: string; id: string; caseId: string; contractorId: string; signedLinkId: string; note: string; orderedBy: string },
): Promise<void> {
  await tx.query(
    `INSERT INTO work_orders (tenant_id, id, case_id, contractor_id, signed_link_id, note, ordered_by) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [order.tenantId, order.id, order.caseId, order.contractorId, order.signedLinkId, order.note, order.orderedBy],
  );
}

export async function answerWorkOrder(
  tx: Queryable,
  id: string,
  answer: { status: WorkOrderStatus; appointmentAt: Date | null; answerNote: string | null },
): Promise<void> {
  await tx.query(
    `UPDATE work_orders SET status = $2, appointment_at = coalesce($3, appointment_at), answer_note = $4, answered_at = now() WHERE id = $1`,
    [id, answer.status, answer.appointmentAt, answer.answerNote],
  );
}

export async function companyName(tx: Queryable, tenantId: string): Promise<string> {
  const { rows } = await tx.query<{ name: string }>(`SELECT name FROM tenants WHERE id = $1`, [tenantId]);
  return rows[0]?.name ?? '';
}
