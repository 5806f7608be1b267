import { errorResponse } from '../../bff/contract/common.ts';
import { operations, type Operation } from '../../bff/contract/index.ts';

/**
 * Holds a fake's answer against the contract the BFF validates with (bff/contract/): the request must be
 * an operation of the API, a success must have the operation's status and response schema, an error the
 * error shape with a contract code. Returns what is wrong, or nothing.
 */
const routes = Object.values(operations as Record<string, Operation>)
  .map((operation) => ({
    operation,
    pattern: new RegExp(`^/api${operation.path.replace(/:[A-Za-z_]+/g, '[^/]+')}$`),
    params: (operation.path.match(/:/g) ?? []).length,
  }))
  // A fixed path (`/cases/catalogue`) wins over a parameter (`/cases/:id`).
  .sort((a, b) => a.params - b.params);

export function operationOf(method: string, path: string): Operation | undefined {
  return routes.find((route) => route.operation.method === method.toLowerCase() && route.pattern.test(path))?.operation;
}

export async function contractViolation(method: string, path: string, response: Response): Promise<string | undefined> {
  const operation = operationOf(method, path);
  if (!operation) return `${method} ${path} is no operation of the contract`;
  const where = `${method} ${path} (${operation.operationId})`;
  if (!response.ok) {
    const problem = errorResponse.safeParse(
      await response
        .clone()
        .json()
        .catch(() => undefined),
    );
    return problem.success ? undefined : `${where} answered ${response.status} without a contract error: ${problem.error.message}`;
  }
  if (operation.stream) return streamViolation(where, operation.stream, response);
  const status = operation.status ?? (operation.response || operation.file ? 200 : 204);
  if (response.status !== status) return `${where} answered ${response.status}, the contract says ${status}`;
  if (!operation.response) return undefined;
  const answer = operation.response.safeParse(
    await response
      .clone()
      .json()
      .catch(() => undefined),
  );
  return answer.success ? undefined : `${where} answered what the contract forbids: ${answer.error.message}`;
}

/**
 * A Server-Sent-Events answer: 200, `text/event-stream`, every event's `event:` naming its data's `type` and
 * the data one of the contract's events, the last one `done`. Reads a copy of the stream to its end.
 */
async function streamViolation(where: string, schema: NonNullable<Operation['stream']>, response: Response): Promise<string | undefined> {
  if (response.status !== 200) return `${where} answered ${response.status}, the contract says 200`;
  if (!response.headers.get('content-type')?.startsWith('text/event-stream')) return `${where} answered without text/event-stream`;
  const text = await response.clone().text();
  const events = text.split('\n\n').filter((block) => block.trim());
  let last: unknown;
  for (const block of events) {
    const name = /^event: (.+)$/m.exec(block)?.[1];
    const data = block
      .split('\n')
      .filter((line) => line.startsWith('data: '))
      .map((line) => line.slice(6))
      .join('\n');
    const parsed = schema.safeParse(JSON.parse(data));
    if (!parsed.success) return `${where} streamed what the contract forbids: ${parsed.error.message}`;
    last = parsed.data;
    if ((last as { type: string }).type !== name)
      return `${where} streamed event: ${name} with data of type ${(last as { type: string }).type}`;
  }
  if ((last as { type?: string } | undefined)?.type !== 'done') return `${where} ended its stream without a done event`;
  return undefined;
}
