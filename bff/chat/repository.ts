import type { Queryable } from '../db/database.ts';
import type { ToolCall } from './model.ts';

/**
 * SQL of the tenant chat. Every function runs in the caller's transaction and scope; row-level security
 * keeps every row the resident's own (a conversation id of anyone else finds nothing).
 */

export interface ConversationRecord {
  id: string;
  title: string | null;
  createdAt: Date;
  updatedAt: Date;
}

export type MessageStatus = 'complete' | 'stopped' | 'error' | 'limited';

/** A tool call's result as stored: with the tool's name, so a conversation reads without the calls beside it. */
export interface StoredToolResult {
  callId: string;
  name: string;
  content: unknown;
  isError: boolean;
}

export interface MessageRecord {
  id: string;
  role: 'user' | 'assistant' | 'tool';
  text: string;
  toolCalls: ToolCall[];
  toolResults: StoredToolResult[];
  status: MessageStatus;
  errorCode: string | null;
  createdAt: Date;
}

export interface DraftRecord {
  id: string;
  conversationId: string;
  kind: 'damage' | 'callback' | 'request';
  data: Record<string, unknown>;
  filedCaseId: string | null;
  filedCaseNumber: string | null;
  /** What the confirmation said: a routing rule named a clerk, or the office sees it first. */
  filedHandledBy: 'clerk' | 'office' | null;
}

const conversationColumns = `id, title, created_at AS "createdAt", updated_at AS "updatedAt"`;

export async function insertConversation(
  tx: Queryable,
  conversation: { tenantId: string; accountId: string; residentId: string; title: string | null },
): Promise<ConversationRecord> {
  const { rows } = await tx.query<ConversationRecord>(
    `INSERT INTO chatbot_conversations (tenant_id, account_id, resident_id, title) VALUES ($1, $2, $3, $4) RETURNING ${conversationColumns}`,
    [conversation.tenantId, conversation.accountId, conversation.residentId, conversation.title],
  );
  return rows[0];
}

/** The resident's conversations, the latest activity first. */
export async function listConversations(tx: Queryable, limit: number): Promise<ConversationRecord[]> {
  const { rows } = await tx.query<ConversationRecord>(
    `SELECT ${conversationColumns} FROM chatbot_conversations ORDER BY updated_at DESC, id LIMIT $1`,
    [limit],
  );
  return rows;
}

export async function findConversation(tx: Queryable, id: string): Promise<ConversationRecord | undefined> {
  const { rows } = await tx.query<ConversationRecord>(`SELECT ${conversationColumns} FROM chatbot_conversations WHERE id = $1`, [id]);
  return rows[0];
}

/** Names a conversation after its first question, once. */
export async function setTitleIfUnset(tx: Queryable, id: string, title: string): Promise<void> {
  await tx.query(`UPDATE chatbot_conversations SET title = $2 WHERE id = $1 AND title IS NULL`, [id, title]);
}

/** Art. 17: the resident's conversations with their messages and drafts; or just one. Returns how many. */
export async function deleteConversations(tx: Queryable, id?: string): Promise<number> {
  const { rowCount } = await tx.query(`DELETE FROM chatbot_conversations WHERE $1::uuid IS NULL OR id = $1`, [id ?? null]);
  return rowCount;
}

export async function insertMessage(
  tx: Queryable,
  message: {
    tenantId: string;
    residentId: string;
    conversationId: string;
    role: MessageRecord['role'];
    text?: string;
    toolCalls?: ToolCall[];
    toolResults?: StoredToolResult[];
    status?: MessageStatus;
    errorCode?: string | null;
    inputTokens?: number;
    outputTokens?: number;
  },
): Promise<MessageRecord> {
  const { rows } = await tx.query<MessageRecord>(
    `INSERT INTO chatbot_messages (tenant_id, resident_id, conversation_id, role, text, tool_calls, tool_results, status, error_code,
                                   input_tokens, output_tokens)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
     RETURNING id, role, text, tool_calls AS "toolCalls", tool_results AS "toolResults", status, error_code AS "errorCode",
               created_at AS "createdAt"`,
    [
      message.tenantId,
      message.residentId,
      message.conversationId,
      message.role,
      message.text ?? '',
      JSON.stringify(message.toolCalls ?? []),
      JSON.stringify(message.toolResults ?? []),
      message.status ?? 'complete',
      message.errorCode ?? null,
      message.inputTokens ?? 0,
      message.outputTokens ?? 0,
    ],
  );
  await tx.query(`UPDATE chatbot_conversations SET updated_at = clock_timestamp() WHERE id = $1`, [message.conversationId]);
  return rows[0];
}

/** A conversation's messages, oldest first; or every own message (the export), grouped by conversation. */
export async function listMessages(tx: Queryable, conversationId?: string): Promise<Array<MessageRecord & { conversationId: string }>> {
  const { rows } = await tx.query<MessageRecord & { conversationId: string }>(
    `SELECT id, conversation_id AS "conversationId", role, text, tool_calls AS "toolCalls", tool_results AS "toolResults", status,
            error_code AS "errorCode", created_at AS "createdAt"
       FROM chatbot_messages
      WHERE $1::uuid IS NULL OR conversation_id = $1
      ORDER BY conversation_id, created_at, id`,
    [conversationId ?? null],
  );
  return rows;
}

export async function insertDraft(
  tx: Queryable,
  draft: { tenantId: string; residentId: string; conversationId: string; kind: DraftRecord['kind']; data: Record<string, unknown> },
): Promise<string> {
  const { rows } = await tx.query<{ id: string }>(
    `INSERT INTO chat_drafts (tenant_id, resident_id, conversation_id, kind, data) VALUES ($1, $2, $3, $4, $5) RETURNING id`,
    [draft.tenantId, draft.residentId, draft.conversationId, draft.kind, JSON.stringify(draft.data)],
  );
  return rows[0].id;
}

/** The draft, locked for its filing (two presses of "absenden" file one case). */
export async function lockDraft(tx: Queryable, id: string): Promise<DraftRecord | undefined> {
  const { rows } = await tx.query<DraftRecord>(
    `SELECT id, conversation_id AS "conversationId", kind, data, filed_case_id AS "filedCaseId", filed_case_number AS "filedCaseNumber",
            filed_handled_by AS "filedHandledBy"
       FROM chat_drafts WHERE id = $1 FOR UPDATE`,
    [id],
  );
  return rows[0];
}

export async function markDraftFiled(
  tx: Queryable,
  id: string,
  filed: { caseId: string; caseNumber: string; handledBy: 'clerk' | 'office' },
): Promise<void> {
  await tx.query(`UPDATE chat_drafts SET filed_case_id = $2, filed_case_number = $3, filed_handled_by = $4 WHERE id = $1`, [
    id,
    filed.caseId,
    filed.caseNumber,
    filed.handledBy,
  ]);
}

export async function hasAcknowledged(tx: Queryable, noticeVersion: string): Promise<Date | undefined> {
  const { rows } = await tx.query<{ at: Date }>(
    `SELECT acknowledged_at AS at FROM chat_notice_acknowledgements WHERE account_id = app_account() AND notice_version = $1`,
    [noticeVersion],
  );
  return rows[0]?.at;
}

export async function insertAcknowledgement(
  tx: Queryable,
  ack: { tenantId: string; accountId: string; noticeVersion: string },
): Promise<Date> {
  await tx.query(
    `INSERT INTO chat_notice_acknowledgements (tenant_id, account_id, notice_version) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING`,
    [ack.tenantId, ack.accountId, ack.noticeVersion],
  );
  return (await hasAcknowledged(tx, ack.noticeVersion))!;
}

/** Tokens the company used in the month (its first day, YYYY-MM-01). */
export async function findTokenUsage(tx: Queryable, month: string): Promise<{ inputTokens: number; outputTokens: number }> {
  const { rows } = await tx.query<{ inputTokens: string; outputTokens: string }>(
    `SELECT input_tokens AS "inputTokens", output_tokens AS "outputTokens" FROM chat_token_usage WHERE tenant_id = app_tenant() AND month = $1`,
    [month],
  );
  return { inputTokens: Number(rows[0]?.inputTokens ?? 0), outputTokens: Number(rows[0]?.outputTokens ?? 0) };
}

export async function addTokenUsage(tx: Queryable, usage: { tenantId: string; month: string; inputTokens: number; outputTokens: number }) {
  await tx.query(
    `INSERT INTO chat_token_usage (tenant_id, month, input_tokens, output_tokens) VALUES ($1, $2, $3, $4)
     ON CONFLICT (tenant_id, month) DO UPDATE
       SET input_tokens = chat_token_usage.input_tokens + excluded.input_tokens,
           output_tokens = chat_token_usage.output_tokens + excluded.output_tokens`,
    [usage.tenantId, usage.month, usage.inputTokens, usage.outputTokens],
  );
}

/** Retention across companies (system scope): see migration 0024. Returns conversations + messages deleted. */
export async function purgeExpiredChats(tx: Queryable, now: Date, defaultDays: number): Promise<number> {
  const { rows } = await tx.query<{ purged: string }>(`SELECT chat_purge_expired($1, $2) AS purged`, [now, defaultDays]);
  return Number(rows[0].purged);
}
