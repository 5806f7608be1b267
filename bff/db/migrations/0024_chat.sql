-- Tenant chat (docs/chat.md): conversations and their messages (resident input, model output, tool calls
-- with their results), the drafts the tools prepare for the resident to send, the acknowledgements of the
-- Art. 13 notice, and the company's monthly token use. A conversation is its resident's alone: staff do NOT
-- read chats (what the resident sends as a case is kept with the case). Retention: chat_purge_expired().

CREATE TABLE chatbot_conversations (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  account_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  title text CHECK (length(title) <= 200),
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  -- The last message: retention counts from here.
  updated_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  UNIQUE (tenant_id, id, resident_id),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES residents (tenant_id, id)
);
CREATE INDEX chatbot_conversations_by_resident ON chatbot_conversations (tenant_id, resident_id, updated_at DESC);
CREATE INDEX chatbot_conversations_by_age ON chatbot_conversations (updated_at);

-- role 'user': the resident's text; 'assistant': the model's text and tool calls ([{ id, name, input }]);
-- 'tool': the results of those calls ([{ callId, name, content, isError }]). status: how an answer ended.
CREATE TABLE chatbot_messages (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  conversation_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('user', 'assistant', 'tool')),
  text text NOT NULL DEFAULT '' CHECK (length(text) <= 100000),
  tool_calls jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tool_calls) = 'array'),
  tool_results jsonb NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(tool_results) = 'array'),
  status text NOT NULL DEFAULT 'complete' CHECK (status IN ('complete', 'stopped', 'error', 'limited')),
  error_code text,
  input_tokens integer NOT NULL DEFAULT 0,
  output_tokens integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (tenant_id, conversation_id, resident_id) REFERENCES chatbot_conversations (tenant_id, id, resident_id) ON DELETE CASCADE
);
CREATE INDEX chatbot_messages_by_conversation ON chatbot_messages (tenant_id, conversation_id, created_at);
CREATE INDEX chatbot_messages_by_age ON chatbot_messages (created_at);

-- What createSchadensmeldung and requestRueckruf prepared: filed as a case only when the resident sends it.
CREATE TABLE chat_drafts (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  id uuid NOT NULL DEFAULT gen_random_uuid() PRIMARY KEY,
  conversation_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('damage', 'callback')),
  data jsonb NOT NULL CHECK (jsonb_typeof(data) = 'object'),
  filed_case_id uuid,
  filed_case_number text,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  FOREIGN KEY (tenant_id, conversation_id, resident_id) REFERENCES chatbot_conversations (tenant_id, id, resident_id) ON DELETE CASCADE
);

-- The Art. 13 notice, acknowledged per account and notice version (a new version asks again).
CREATE TABLE chat_notice_acknowledgements (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  account_id uuid NOT NULL,
  notice_version text NOT NULL CHECK (length(notice_version) BETWEEN 1 AND 40),
  acknowledged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, account_id, notice_version),
  FOREIGN KEY (tenant_id, account_id) REFERENCES accounts (tenant_id, id)
);

-- Tokens used per housing company and calendar month (UTC), against its chatMonthlyTokenBudget.
CREATE TABLE chat_token_usage (
  tenant_id uuid NOT NULL REFERENCES tenants(id),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  input_tokens bigint NOT NULL DEFAULT 0 CHECK (input_tokens >= 0),
  output_tokens bigint NOT NULL DEFAULT 0 CHECK (output_tokens >= 0),
  PRIMARY KEY (tenant_id, month)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['chatbot_conversations', 'chatbot_messages', 'chat_drafts', 'chat_notice_acknowledgements',
                           'chat_token_usage']
  LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
  END LOOP;
END $$;

-- The resident's own, and nobody else's: no policy lets staff read a chat.
CREATE POLICY chatbot_conversations_own ON chatbot_conversations FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident() AND account_id = app_account())
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident() AND account_id = app_account());
CREATE POLICY chatbot_messages_own ON chatbot_messages FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident())
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident());
CREATE POLICY chat_drafts_own ON chat_drafts FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident())
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND resident_id = app_resident());
CREATE POLICY chat_notice_acknowledgements_own ON chat_notice_acknowledgements FOR ALL
  USING (tenant_id = app_tenant() AND app_role() = 'resident' AND account_id = app_account())
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident' AND account_id = app_account());
-- Residents' turns count into their company's month; its staff read the use (never who used it).
CREATE POLICY chat_token_usage_read ON chat_token_usage FOR SELECT USING (tenant_id = app_tenant());
CREATE POLICY chat_token_usage_count ON chat_token_usage FOR INSERT
  WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident');
CREATE POLICY chat_token_usage_add ON chat_token_usage FOR UPDATE
  USING (tenant_id = app_tenant() AND app_role() = 'resident') WITH CHECK (tenant_id = app_tenant() AND app_role() = 'resident');

GRANT SELECT, INSERT, UPDATE, DELETE ON chatbot_conversations, chatbot_messages, chat_drafts TO mieterportal_app;
GRANT SELECT, INSERT ON chat_notice_acknowledgements TO mieterportal_app;
GRANT SELECT, INSERT, UPDATE ON chat_token_usage TO mieterportal_app;

-- Retention (bff/chat/retention.ts): messages, and conversations whose last message is older than the
-- company's chatHistoryDays (never more than 90), across companies, in the system scope only.
CREATE POLICY chatbot_conversations_owner_retention ON chatbot_conversations FOR ALL TO mieterportal_owner
  USING (app_role() = 'system');
CREATE POLICY chatbot_messages_owner_retention ON chatbot_messages FOR ALL TO mieterportal_owner
  USING (app_role() = 'system');

CREATE FUNCTION chat_purge_expired(purge_at timestamptz, default_days integer) RETURNS bigint
  LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_temp AS $$
DECLARE
  conversations bigint;
  messages bigint;
BEGIN
  IF app_role() IS DISTINCT FROM 'system' THEN
    RETURN 0;
  END IF;
  DELETE FROM chatbot_messages m
   WHERE m.created_at < purge_at - make_interval(days => least(90, coalesce(
           (SELECT (s.settings ->> 'chatHistoryDays')::integer FROM company_settings s WHERE s.tenant_id = m.tenant_id), default_days)));
  GET DIAGNOSTICS messages = ROW_COUNT;
  DELETE FROM chatbot_conversations c
   WHERE c.updated_at < purge_at - make_interval(days => least(90, coalesce(
           (SELECT (s.settings ->> 'chatHistoryDays')::integer FROM company_settings s WHERE s.tenant_id = c.tenant_id), default_days)));
  GET DIAGNOSTICS conversations = ROW_COUNT;
  RETURN conversations + messages;
END $$;
REVOKE ALL ON FUNCTION chat_purge_expired(timestamptz, integer) FROM PUBLIC;
GRANT EXECUTE ON FUNCTION chat_purge_expired(timestamptz, integer) TO mieterportal_app;
