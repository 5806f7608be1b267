import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { openDatabase } from '../db/database.ts';
import { dropDatabase, provisionDatabase } from '../db/provision.ts';
import { startServer, type RunningServer } from '../server.ts';
import type { ChatModel, ModelEvent, ModelRequest } from '../chat/model.ts';
import type { ChatToolName } from '../chat/tool-contract.ts';
import { createHousingCompany } from '../test/fixtures.ts';
import type { TestClient } from '../test/harness.ts';
import { signInResident } from '../test/sign-in.ts';
import { asTenantAdmin } from '../tenants/use-cases.ts';
import { setTenancy } from '../onboarding/use-cases.ts';
import { latency, type Latency } from './load.ts';

/**
 * The tenant chat's tool loop over HTTP with a model whose own time is known exactly (a bench model in the
 * process: it waits and streams on a schedule the resident's message names), on PostgreSQL:
 * (a) overhead per tool call excluding model time: a turn with N tool calls (the model answers at once)
 *     against a turn with none, (median(N) − median(0)) / N;
 * (b) time to the first streamed token over the model's own delay D: the client's first `text` event after
 *     sending, minus D;
 * (c) 100 conversations streaming at once on one instance, the model sending a token every T ms: the gap
 *     between two tokens at the client minus T (one conversation alone as the baseline).
 * Not a test: the figures depend on the machine.
 */

export const CHAT_TOOL_TARGET_MS = 30;
export const CHAT_FIRST_TOKEN_TARGET_MS = 50;
export const CHAT_TOKEN_DELAY_TARGET_P95_MS = 20;

const TOOL_CALLS = 20;
const TOOL_TURNS = 12;
const BENCH_TOOLS: ChatToolName[] = ['getTenantContext', 'getMieterInfo', 'getAnfrageStatus'];
const FIRST_TOKEN_DELAY_MS = 200;
const FIRST_TOKEN_TURNS = 30;
export const CONCURRENT_CONVERSATIONS = 100;
const RESIDENTS = 10;
export const TOKEN_EVERY_MS = 50;
export const TOKENS = 40;

/** What the resident's message asks the bench model to do (the message is this plan as JSON). */
interface Plan {
  /** Tool calls, one per model step, before the answer. */
  calls?: number;
  tool?: ChatToolName;
  delayMs?: number;
  tokens?: number;
  everyMs?: number;
}

/** Answers on the schedule the plan names: tokens at D, D + T, D + 2T … after the request (never drifting). */
class BenchChatModel implements ChatModel {
  readonly id = 'bench';
  readonly offline = false;

  async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
    const started = performance.now();
    let user = -1;
    request.turns.forEach((turn, index) => {
      if (turn.role === 'user') user = index;
    });
    const turn = request.turns[user];
    const plan = JSON.parse(turn.role === 'user' ? turn.text : '{}') as Plan;
    const done = request.turns.slice(user + 1).filter((turn) => turn.role === 'tool').length;
    if (plan.calls && done < plan.calls) {
      yield { type: 'tool_call', call: { id: `bench_${done}`, name: plan.tool ?? 'getTenantContext', input: {} } };
      yield { type: 'done', stopReason: 'tool_use', usage: { inputTokens: 0, outputTokens: 0 } };
      return;
    }
    for (let i = 0; i < (plan.tokens ?? 1); i++) {
      const wait = started + (plan.delayMs ?? 0) + i * (plan.everyMs ?? 0) - performance.now();
      if (wait > 0) await sleep(wait, undefined, { signal: request.signal }).catch(() => undefined);
      if (request.signal.aborted) return;
      yield { type: 'text', delta: `Wort${i} ` };
    }
    yield { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 0, outputTokens: 0 } };
  }
}

interface Streamed {
  sentAt: number;
  textAt: number[];
  endAt: number;
  status: string;
}

/** Sends one message and reads the event stream as the widget does, noting when each `text` event arrives. */
async function streamTurn(client: TestClient, conversationId: string, plan: Plan): Promise<Streamed> {
  const headers = {
    'content-type': 'application/json',
    accept: 'text/event-stream',
    'x-csrf-token': await client.csrfToken(),
    cookie: client.cookieHeader(),
  };
  const sentAt = performance.now();
  const response = await fetch(`${client.baseUrl}/api/chat/conversations/${conversationId}/messages`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ text: JSON.stringify(plan) }),
  });
  if (response.status !== 200) throw new Error(`chat message: ${response.status} ${await response.text()}`);
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const textAt: number[] = [];
  let buffer = '';
  let status = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const now = performance.now();
    buffer += decoder.decode(value, { stream: true });
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const type = /^event: (.*)$/m.exec(block)?.[1];
      if (type === 'text') textAt.push(now);
      if (type === 'error') throw new Error(`chat answer: ${block}`);
      if (type === 'done') status = (JSON.parse(/^data: (.*)$/m.exec(block)![1]) as { status: string }).status;
    }
  }
  if (status !== 'complete') throw new Error(`chat answer ended ${status || 'without done'}`);
  return { sentAt, textAt, endAt: performance.now(), status };
}

async function newConversation(client: TestClient): Promise<string> {
  const response = await client.post<{ conversation: { id: string } }>('/api/chat/conversations');
  if (response.status !== 201) throw new Error(`conversation: ${response.status}`);
  return response.body.conversation.id;
}

export interface ChatBenchResult {
  database: string;
  load: string;
  tools: Array<{
    tool: ChatToolName;
    calls: number;
    turns: number;
    withCalls: Latency;
    without: Latency;
    perCall: number;
    perCallP95: number;
  }>;
  firstToken: { turns: number; delayMs: number; over: Latency };
  concurrent: {
    conversations: number;
    tokens: number;
    alone: Latency & { n: number };
    together: Latency & { n: number };
    lastTokenLateMs: number;
  };
}

export async function benchChat(adminUrl: string): Promise<ChatBenchResult | string> {
  const name = `mp_bench_chat_${process.pid}`;
  let urls;
  try {
    urls = await provisionDatabase({ adminUrl, database: name });
  } catch (error) {
    return `nicht erreichbar (${(error as Error).message})`;
  }
  const db = await openDatabase({ ...urls, poolSize: 10 });
  let server: RunningServer | undefined;
  const load = loadavg()
    .map((value) => value.toFixed(2))
    .join(' / ');
  try {
    server = await startServer({
      db,
      chatModel: new BenchChatModel(),
      env: {
        NODE_ENV: 'test',
        PORT: '0',
        LOG_LEVEL: 'silent',
        DATA_DIR: mkdtempSync(join(tmpdir(), 'mp-bench-chat-')),
        ADMIN_API_TOKEN: randomUUID() + randomUUID(),
        CHAT_MAX_TOOL_CALLS_PER_TURN: String(TOOL_CALLS),
        CHAT_MESSAGES_PER_MINUTE: '100000',
      },
    });
    const residents: TestClient[] = [];
    for (let i = 0; i < RESIDENTS / 2; i++) {
      const company = await createHousingCompany(db);
      for (const who of ['resident', 'neighbour'] as const) {
        await asTenantAdmin(db, company.tenant.id, (tx) =>
          setTenancy(tx, company.tenant.id, company[who].externalRef, {
            coldRent: 612.4,
            billingPeriodStart: '2025-01-01',
            billingPeriodEnd: '2025-12-31',
          }),
        );
        const client = await signInResident(server, company, who);
        const notice = await client.get<{ version: string }>('/api/chat/notice');
        await client.post('/api/chat/notice/acknowledge', { version: notice.body.version });
        for (const title of ['Heizung im Bad bleibt kalt', 'Fenster klemmt']) {
          await client.post('/api/cases', { type: 'contact', title, description: 'Bitte um Rückmeldung.' });
        }
        residents.push(client);
      }
    }
    const [first] = residents;

    // (a) Tool-loop overhead per call.
    const tools: ChatBenchResult['tools'] = [];
    const turnMs = async (plan: Plan) => {
      const streamed = await streamTurn(first, await newConversation(first), plan);
      return streamed.endAt - streamed.sentAt;
    };
    for (let i = 0; i < 3; i++) await turnMs({ calls: TOOL_CALLS, tool: 'getAnfrageStatus' });
    for (const tool of BENCH_TOOLS) {
      const withCalls: number[] = [];
      const without: number[] = [];
      for (let i = 0; i < TOOL_TURNS; i++) {
        without.push(await turnMs({ tokens: 1 }));
        withCalls.push(await turnMs({ calls: TOOL_CALLS, tool, tokens: 1 }));
      }
      const a = latency(withCalls);
      const b = latency(without);
      tools.push({
        tool,
        calls: TOOL_CALLS,
        turns: TOOL_TURNS,
        withCalls: a,
        without: b,
        perCall: (a.median - b.median) / TOOL_CALLS,
        perCallP95: (a.p95 - b.median) / TOOL_CALLS,
      });
    }

    // (b) First token over the model's own delay.
    const over: number[] = [];
    for (let i = 0; i < FIRST_TOKEN_TURNS; i++) {
      const streamed = await streamTurn(first, await newConversation(first), { delayMs: FIRST_TOKEN_DELAY_MS, tokens: 3, everyMs: 5 });
      over.push(streamed.textAt[0] - streamed.sentAt - FIRST_TOKEN_DELAY_MS);
    }

    // (c) 100 conversations streaming at once, against one alone.
    const plan: Plan = { tokens: TOKENS, everyMs: TOKEN_EVERY_MS };
    const gaps = (streamed: Streamed) => streamed.textAt.slice(1).map((at, i) => at - streamed.textAt[i] - TOKEN_EVERY_MS);
    const alone: number[] = [];
    for (let i = 0; i < 3; i++) alone.push(...gaps(await streamTurn(first, await newConversation(first), plan)));
    const conversations: Array<{ client: TestClient; id: string }> = [];
    for (let i = 0; i < CONCURRENT_CONVERSATIONS; i++) {
      const client = residents[i % residents.length];
      conversations.push({ client, id: await newConversation(client) });
    }
    const all = await Promise.all(conversations.map(({ client, id }) => streamTurn(client, id, plan)));
    const together = all.flatMap(gaps);
    const lastTokenLateMs = Math.max(
      ...all.map((streamed) => streamed.textAt.at(-1)! - streamed.textAt[0] - (TOKENS - 1) * TOKEN_EVERY_MS),
    );

    const [{ version }] = (
      await db.transaction((tx) => tx.query<{ version: string }>(`SELECT current_setting('server_version') AS version`))
    ).rows;
    return {
      database: `PostgreSQL ${version.split(' ')[0]}`,
      load,
      tools,
      firstToken: { turns: FIRST_TOKEN_TURNS, delayMs: FIRST_TOKEN_DELAY_MS, over: latency(over) },
      concurrent: {
        conversations: CONCURRENT_CONVERSATIONS,
        tokens: TOKENS,
        alone: { ...latency(alone), n: alone.length },
        together: { ...latency(together), n: together.length },
        lastTokenLateMs,
      },
    };
  } finally {
    await server?.stop();
    await db.close();
    await dropDatabase(adminUrl, name);
  }
}
