import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ESLint } from 'eslint';
import tseslint from 'typescript-eslint';

/**
 * The lint rule behind "SQL only in repositories" (eslint.config.js), run on sources that exist only in
 * memory at the paths named. Type information is switched off: these sources are in no TypeScript project,
 * and the rule needs none.
 */
const eslint = new ESLint({ overrideConfig: tseslint.configs.disableTypeChecked });

const sqlInline = `
import type { Queryable } from '../db/database.ts';
export async function countSessions(tx: Queryable) {
  return tx.query('SELECT count(*) FROM sessions');
}
`;
const sqlHandedOn = `
import type { Queryable } from '../db/database.ts';
const purge = \`DELETE FROM sessions
  WHERE expires_at < now()\`;
export async function purgeSessions(tx: Queryable, run: (tx: Queryable, sql: string) => Promise<unknown>) {
  return run(tx, purge);
}
`;
const queryOfAVariable = `
import type { Queryable } from '../db/database.ts';
export async function runStatement(tx: Queryable, statement: string) {
  return tx.query(statement);
}
`;

async function sqlReports(path: string, source: string) {
  const [result] = await eslint.lintText(source, { filePath: path });
  assert.deepEqual(
    result.messages.filter((m) => m.ruleId !== 'no-restricted-syntax'),
    [],
    'the sources are clean apart from their SQL',
  );
  return result.messages.map((m) => ({ line: m.line, message: m.message }));
}

describe('lint: SQL only in repositories', () => {
  it('reports a query call outside a repository, once, naming the convention', async () => {
    const reports = await sqlReports('bff/example/use-cases.ts', sqlInline);
    assert.equal(reports.length, 1);
    assert.equal(reports[0].line, 4);
    assert.match(reports[0].message, /SQL only in repositories/);
    assert.match(reports[0].message, /repository\.ts/);
  });

  it('reports SQL text handed to something else, and a query of a statement from elsewhere', async () => {
    assert.deepEqual(
      (await sqlReports('bff/example/routes.ts', sqlHandedOn)).map((r) => r.line),
      [3],
    );
    assert.deepEqual(
      (await sqlReports('bff/example/helper.ts', queryOfAVariable)).map((r) => r.line),
      [4],
    );
  });

  it('lets repositories, the data layer and tests issue SQL', async () => {
    for (const path of [
      'bff/example/repository.ts',
      'bff/example/topic-repository.ts',
      'bff/db/example.ts',
      'bff/example/example.test.ts',
      'bff/example/example-test-support.ts',
    ]) {
      for (const source of [sqlInline, sqlHandedOn, queryOfAVariable]) {
        assert.deepEqual(await sqlReports(path, source), [], path);
      }
    }
  });
});
