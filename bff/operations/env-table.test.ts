import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { CONFIG_VARIABLES } from '../config.ts';

const operations = readFileSync(new URL('../../docs/operations.md', import.meta.url), 'utf8');
const section = operations.slice(
  operations.indexOf('## Environment variables'),
  operations.indexOf('\n## ', operations.indexOf('## Environment variables') + 1),
);
/** The variable of every table row (`| \`NAME\` | default | meaning |`). */
const documented = [...section.matchAll(/^\| `([A-Z][A-Z0-9_]*)` \|/gm)].map((match) => match[1]);

describe('docs/operations.md: the environment variables table', () => {
  it('has a row for every variable bff/config.ts reads, so one added later cannot be forgotten', () => {
    const missing = CONFIG_VARIABLES.filter((name) => !documented.includes(name));
    assert.deepEqual(missing, [], `add a row "| \`NAME\` | default | meaning |" to docs/operations.md for: ${missing.join(', ')}`);
  });

  it('names no variable the BFF does not read, and none twice', () => {
    assert.deepEqual(
      documented.filter((name) => !CONFIG_VARIABLES.includes(name)),
      [],
      'a row for a variable that bff/config.ts no longer reads',
    );
    assert.deepEqual(
      documented.filter((name, index) => documented.indexOf(name) !== index),
      [],
    );
  });
});
