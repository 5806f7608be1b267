import type { Queryable } from '../db/database.ts';

/** SQL for the people a case can be assigned to. */

export interface StaffAccount {
  id: string;
  label: string;
  role: 'clerk' | 'admin';
}

/** Clerks and admins of the scope's housing company (row-level security keeps other companies out), by name. */
export async function listStaffAccounts(tx: Queryable): Promise<StaffAccount[]> {
  const { rows } = await tx.query<StaffAccount>(
    `SELECT id, display_name AS label, role FROM accounts
      WHERE role IN ('clerk', 'admin')
      ORDER BY display_name, id`,
  );
  return rows;
}
