import type { LeadStatus } from '../contract/enums.ts';
import type { Queryable } from '../db/database.ts';

/** SQL of the lead's mail thread and its reply token. Every function runs in the caller's transaction and scope. */

export interface LeadMessageRecord {
  id: string;
  direction: 'out' | 'in';
  at: Date;
  subject: string;
  body: string;
  sentByName: string | null;
  fromAddress: string | null;
  toAddress: string | null;
}

export interface MailableLead {
  id: string;
  name: string;
  email: string | null;
  status: LeadStatus;
  replyToken: string | null;
}

/** The lead, while not anonymised. */
export async function findMailableLead(tx: Queryable, leadId: string): Promise<MailableLead | undefined> {
  const { rows } = await tx.query<MailableLead>(
    `SELECT id, name, email, status, reply_token AS "replyToken" FROM leads WHERE id = $1 AND anonymised_at IS NULL`,
    [leadId],
  );
  return rows[0];
}

export async function findLeadByReplyToken(tx: Queryable, token: string): Promise<MailableLead | undefined> {
  const { rows } = await tx.query<MailableLead>(
    `SELECT id, name, email, status, reply_token AS "replyToken" FROM leads WHERE reply_token = $1 AND anonymised_at IS NULL`,
    [token],
  );
  return rows[0];
}

export async function setReplyToken(tx: Queryable, leadId: string, token: string): Promise<void> {
  await tx.query(`UPDATE leads SET reply_token = $2 WHERE id = $1 AND reply_token IS NULL`, [leadId, token]);
}

export async function insertLeadMessage(
  tx: Queryable,
  tenantId: string,
  message: {
    leadId: string;
    direction: 'out' | 'in';
    subject: string;
    body: string;
    fromAddress: string | null;
    toAddress: string | null;
    messageId: string | null;
    sentBy: string | null;
  },
): Promise<LeadMessageRecord | null> {
  const { rows } = await tx.query<LeadMessageRecord>(
    `WITH inserted AS (
       INSERT INTO lead_messages (tenant_id, lead_id, direction, subject, body, from_address, to_address, message_id, sent_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (tenant_id, message_id) WHERE message_id IS NOT NULL DO NOTHING
       RETURNING *
     )
     SELECT m.id, m.direction, m.at, m.subject, m.body, a.display_name AS "sentByName", m.from_address AS "fromAddress",
            m.to_address AS "toAddress"
       FROM inserted m
       LEFT JOIN accounts a ON a.tenant_id = m.tenant_id AND a.id = m.sent_by`,
    [
      tenantId,
      message.leadId,
      message.direction,
      message.subject,
      message.body,
      message.fromAddress,
      message.toAddress,
      message.messageId,
      message.sentBy,
    ],
  );
  return rows[0] ? { ...rows[0], at: new Date(rows[0].at) } : null;
}

export async function listLeadMessages(tx: Queryable, leadId: string): Promise<LeadMessageRecord[]> {
  const { rows } = await tx.query<LeadMessageRecord>(
    `SELECT m.id, m.direction, m.at, m.subject, m.body, a.display_name AS "sentByName", m.from_address AS "fromAddress",
            m.to_address AS "toAddress"
       FROM lead_messages m
       LEFT JOIN accounts a ON a.tenant_id = m.tenant_id AND a.id = m.sent_by
      WHERE m.lead_id = $1
      ORDER BY m.at, m.id`,
    [leadId],
  );
  return rows.map((row) => ({ ...row, at: new Date(row.at) }));
}
