import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { operations, type Operation } from '../contract/index.ts';
import { hasUnstorableCharacter } from '../contract/common.ts';
import type { RunningServer } from '../server.ts';
import { closeTestDatabase, startTestServer, testDatabase, TestClient, TEST_ADMIN_TOKEN, type JsonResponse } from '../test/harness.ts';
import { createHousingCompany, type HousingCompany } from '../test/fixtures.ts';
import { signInResident, signInStaff } from '../test/sign-in.ts';
import { SIGNATURE_HEADER, signWebhook, TIMESTAMP_HEADER } from '../case-backend-http/wire.ts';

after(closeTestDatabase);

/**
 * Texts PostgreSQL cannot store — U+0000 and half a surrogate pair — are a 400 with the field named, on
 * every operation of the contract, never a 500 (which a Vorgang API would retry forever).
 *
 * The naughty strings are from /work/shared/corpus/fuzz/blns.json (minimaxir/big-list-of-naughty-strings
 * @db33ec7b, MIT). The list's JSON form holds no NUL, so two are derived from its entries (marked).
 */
const blns: string[] = JSON.parse(readFileSync('/work/shared/corpus/fuzz/blns.json', 'utf8'));
const unstorable = [
  // derived: the list's "../../…/etc/passwd%00" with its %00 decoded, as a form or proxy would decode it
  decodeURIComponent(blns.find((text) => text.endsWith('/etc/passwd%00'))!),
  // derived: the list's C0 control characters with the one it leaves out, NUL, in front
  '\u0000' + blns.find((text) => text.startsWith('\u0001\u0002\u0003'))!,
  // derived: the first text of the list with a character outside the BMP, cut inside its surrogate pair
  blns.find((text) => /[\uD800-\uDBFF]/.test(text))!.replace(/[\uDC00-\uDFFF][\s\S]*$/, ''),
];

describe('characters PostgreSQL cannot store', () => {
  it('are told apart from every naughty string PostgreSQL does store', () => {
    assert.deepEqual(
      blns.filter((text) => hasUnstorableCharacter(text)),
      [],
    );
    for (const text of unstorable) assert.ok(hasUnstorableCharacter(text), JSON.stringify(text));
  });
});

describe('every operation refuses an unstorable text with 400 and the field', () => {
  let server: RunningServer;
  let company: HousingCompany;
  const clients = {} as Record<Operation['access'], TestClient>;
  before(async () => {
    const { db } = await testDatabase();
    server = await startTestServer();
    company = await createHousingCompany(db);
    const resident = await signInResident(server, company);
    clients.public = new TestClient(server.url);
    clients.session = resident;
    clients.resident = resident;
    clients.staff = await signInStaff(server, company, 'clerk');
    clients.admin = await signInStaff(server, company, 'admin');
    clients.platform = new TestClient(server.url, { bearer: TEST_ADMIN_TOKEN });
  });
  after(() => server?.stop());

  /** The path with every parameter filled in (`:slug` with the company's), one of them replaced by `value`. */
  function pathOf(operation: Operation, replace?: { name: string; value: string }): string {
    return (
      '/api' +
      operation.path.replace(/:([A-Za-z]+)/g, (_match, name: string) => {
        if (replace?.name === name) return encodeURIComponent(replace.value);
        return /slug/i.test(name) ? company.tenant.slug : randomUUID();
      })
    );
  }

  /** Every place a text can go in the JSON Schema of a body, as paths (array items at index 0). */
  function textPaths(schema: Record<string, any>, prefix: (string | number)[] = []): (string | number)[][] {
    const branches: Record<string, any>[] = schema.anyOf ?? schema.oneOf ?? schema.allOf ?? [];
    const found = branches.flatMap((branch) => textPaths(branch, prefix));
    if (schema.type === 'string') found.push(prefix);
    if (schema.type === 'object') {
      for (const [name, property] of Object.entries(schema.properties ?? {}))
        found.push(...textPaths(property as object, [...prefix, name]));
    }
    if (schema.type === 'array' && schema.items) found.push(...textPaths(schema.items, [...prefix, 0]));
    return found;
  }

  function bodyWith(path: (string | number)[], value: string): unknown {
    if (!path.length) return value;
    const [head, ...rest] = path;
    return typeof head === 'number' ? [bodyWith(rest, value)] : { [head]: bodyWith(rest, value) };
  }

  function assertRefused(response: JsonResponse, field: string, what: string): void {
    assert.equal(response.status, 400, `${what}: ${JSON.stringify(response.body)}`);
    assert.equal(response.body.error.code, 'validation_failed', what);
    const named = response.body.error.details.fields.find((entry: { path: string }) => entry.path === field);
    assert.ok(named, `${what}: field ${field} named in ${JSON.stringify(response.body.error.details.fields)}`);
    assert.equal(named.code, 'invalid_format', what);
    assert.match(named.message, /nicht gespeichert werden/, what);
  }

  const jsonOperations = (Object.values(operations) as Operation[]).filter((operation) => !operation.rawBody && !operation.upload);

  it('in path parameters, query parameters and every text of a JSON body', async () => {
    let checked = 0;
    for (const operation of jsonOperations) {
      const client = clients[operation.access];
      const method = operation.method.toUpperCase();
      const text = unstorable[checked % unstorable.length];
      // A URL carries no half surrogate pair (it has no UTF-8 form), only NUL as %00.
      const inUrl = unstorable[checked % 2];
      for (const name of operation.path.match(/:([A-Za-z]+)/g)?.map((param) => param.slice(1)) ?? []) {
        const response = await client.request(method, pathOf(operation, { name, value: inUrl }), operation.body ? {} : undefined);
        assertRefused(response, name, `${operation.operationId} :${name}`);
        checked++;
      }
      for (const name of Object.keys(operation.query?.shape ?? {})) {
        const response = await client.request(method, `${pathOf(operation)}?${name}=${encodeURIComponent(inUrl)}`);
        assertRefused(response, name, `${operation.operationId} ?${name}`);
        checked++;
      }
      if (operation.body) {
        const paths = textPaths(z.toJSONSchema(operation.body, { io: 'input', unrepresentable: 'any' }) as object);
        const unique = [...new Map(paths.map((path) => [path.join('.'), path])).values()];
        for (const path of unique) {
          const response = await client.request(method, pathOf(operation), bodyWith(path, text));
          assertRefused(response, path.join('.'), `${operation.operationId} body ${path.join('.')}`);
          checked++;
        }
        const keyed = await client.request(method, pathOf(operation), { ['x' + text]: 'y' });
        assertRefused(keyed, 'x' + text, `${operation.operationId} body key`);
      }
    }
    assert.ok(checked > 60, `${checked} fields checked`);
  });

  it('a resident’s otherwise valid case with a NUL in its description is a 400 naming the field', async () => {
    const response = await clients.resident.post('/api/cases', {
      type: 'contact',
      title: 'Briefkasten',
      description: unstorable[1],
    });
    assertRefused(response, 'description', 'fileCase');
    assert.equal((await clients.resident.get('/api/cases')).body.items.length, 0, 'no case was filed');
  });

  it('the Vorgang webhook answers a signed event with such a text with a non-retryable 400 and changes nothing', async () => {
    const webhookSecret = 'geheim-' + randomUUID();
    const connect = await clients.platform.request('PUT', `/api/admin/tenants/${company.tenant.slug}/case-backend`, {
      baseUrl: 'http://127.0.0.1:9/vorgaenge',
      apiToken: 'token-' + randomUUID(),
      webhookSecret,
    });
    assert.equal(connect.status, 200, JSON.stringify(connect.body));
    const filed = (await clients.resident.post('/api/cases', { type: 'contact', title: 'Klingel', description: 'geht nicht' })).body.case;
    for (const [field, event] of [
      [
        'message',
        { id: `evt-${randomUUID()}`, type: 'case.status_changed', caseId: filed.id, status: 'beauftragt', message: unstorable[0] },
      ],
      ['id', { id: `evt-${unstorable[2]}`, type: 'case.status_changed', caseId: filed.id, status: 'beauftragt' }],
    ] as const) {
      const raw = JSON.stringify(event);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const response = await fetch(connect.body.webhookUrl, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [TIMESTAMP_HEADER]: timestamp,
          [SIGNATURE_HEADER]: signWebhook(webhookSecret, timestamp, raw),
        },
        body: raw,
      });
      assertRefused({ status: response.status, body: await response.json(), headers: response.headers }, field, `webhook ${field}`);
    }
    assert.equal((await clients.resident.get(`/api/cases/${filed.id}`)).body.case.status, 'eingegangen');
  });

  it('the resident CSV import names the row and column of such a text and imports nothing', async () => {
    const csv = [
      'Mieternummer;Wohnung;Gebäude;Straße;PLZ;Ort;Lage;Vorname;Nachname',
      `M-9;W-9;G-9;Hafenstraße 5;20359;Hamburg;EG;Nina;${unstorable[0]}`,
    ].join('\n');
    const response = await clients.platform.request('POST', `/api/admin/tenants/${company.tenant.slug}/residents/import`, undefined, {
      raw: csv,
      headers: { 'content-type': 'text/csv; charset=utf-8' },
    });
    assert.equal(response.status, 400, JSON.stringify(response.body));
    assert.equal(response.body.error.code, 'csv_invalid');
    assert.deepEqual(
      response.body.error.details.rows.map((row: { line: number }) => row.line),
      [2],
    );
    assert.match(response.body.error.details.rows[0].message, /Nachname enthält ein Nullzeichen/);
  });
});
