import type { Language } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';

/** SQL for the clerks' notifications (clerk-notifications.ts). */

export interface ClerkContact {
  id: string;
  email: string;
  name: string;
  language: Language;
}

/** A staff account of the company with an e-mail address (staff scope). */
export async function findClerkContact(tx: Queryable, accountId: string): Promise<ClerkContact | undefined> {
  const { rows } = await tx.query<ClerkContact>(
    `SELECT id, email, display_name AS name, language FROM accounts WHERE id = $1 AND role IN ('clerk', 'admin') AND email IS NOT NULL`,
    [accountId],
  );
  return rows[0];
}

export interface OverdueCase {
  assigneeId: string;
  caseNumber: string;
  title: string;
  deadlineAt: Date;
}

/** The company's open, assigned cases past their deadline at `now`, by clerk and deadline. */
export async function listOverdueAssignedCases(tx: Queryable, now: Date): Promise<OverdueCase[]> {
  const { rows } = await tx.query<OverdueCase>(
    `SELECT assignee_account_id AS "assigneeId", case_number AS "caseNumber", title, deadline_at AS "deadlineAt" FROM cases
      WHERE assignee_account_id IS NOT NULL AND deadline_at < $1 AND status NOT IN ('erledigt', 'abgelehnt')
      ORDER BY assignee_account_id, deadline_at, case_number`,
    [now],
  );
  return rows;
}

/** Every housing company (the system scope's daily walk). */
export async function listTenantIds(tx: Queryable): Promise<string[]> {
  const { rows } = await tx.query<{ id: string }>(`SELECT id FROM tenants ORDER BY id`);
  return rows.map((row) => row.id);
}
