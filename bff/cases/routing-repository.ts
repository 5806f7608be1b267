import type { Queryable } from '../db/database.ts';
import type { CaseType } from '../contract/enums.ts';

/** SQL for the routing rules (case type and optional damage category → responsible clerk). */

export interface RoutingRule {
  id: string;
  caseType: CaseType;
  damageCategoryId: string | null;
  assigneeId: string;
  assigneeName: string | null;
}

/** The clerk for a new case: a rule for its damage category wins over the rule for its type. */
export async function findRoutedAssignee(tx: Queryable, caseType: CaseType, damageCategoryId: string | null): Promise<string | undefined> {
  const { rows } = await tx.query<{ assignee_account_id: string }>(
    `SELECT assignee_account_id FROM case_routing_rules
      WHERE case_type = $1 AND (damage_category_id IS NULL OR damage_category_id = $2)
      ORDER BY damage_category_id IS NULL
      LIMIT 1`,
    [caseType, damageCategoryId],
  );
  return rows[0]?.assignee_account_id;
}

export async function listRoutingRules(tx: Queryable): Promise<RoutingRule[]> {
  const { rows } = await tx.query<RoutingRule>(
    `SELECT r.id, r.case_type AS "caseType", r.damage_category_id AS "damageCategoryId",
            r.assignee_account_id AS "assigneeId", a.display_name AS "assigneeName"
       FROM case_routing_rules r
       LEFT JOIN accounts a ON a.tenant_id = r.tenant_id AND a.id = r.assignee_account_id
      ORDER BY r.case_type, r.damage_category_id NULLS FIRST`,
  );
  return rows;
}

/** One rule per type and category: setting it again replaces the clerk. */
export async function upsertRoutingRule(
  tx: Queryable,
  tenantId: string,
  rule: { caseType: CaseType; damageCategoryId: string | null; assigneeId: string },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO case_routing_rules (tenant_id, case_type, damage_category_id, assignee_account_id)
     VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, case_type, damage_category_id) DO UPDATE SET assignee_account_id = EXCLUDED.assignee_account_id
     RETURNING id`,
    [tenantId, rule.caseType, rule.damageCategoryId, rule.assigneeId],
  );
  return rows[0].id;
}

export async function deleteRoutingRule(tx: Queryable, id: string): Promise<boolean> {
  const { rowCount } = await tx.query(`DELETE FROM case_routing_rules WHERE id = $1`, [id]);
  return rowCount > 0;
}
