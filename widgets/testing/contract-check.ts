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
