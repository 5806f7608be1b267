import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { operations, servedPath } from './index.ts';
import { startTestServer, TestClient } from '../test/harness.ts';
import type { RunningServer } from '../server.ts';

/** The BFF serves exactly the contract's operations, and /api/openapi.json describes them from it. */
describe('contract and OpenAPI document', () => {
  let server: RunningServer;
  let document: any;

  before(async () => {
    server = await startTestServer();
    document = (await new TestClient(server.url).get('/api/openapi.json')).body;
  });
  after(() => server.stop());

  const served = () =>
    Object.entries(document.paths as Record<string, Record<string, { operationId: string }>>).flatMap(([path, methods]) =>
      Object.entries(methods).map(([method, operation]) => ({ path, method, operationId: operation.operationId })),
    );

  it('serves every operation of the contract and nothing else', () => {
    assert.deepEqual(
      served()
        .map((route) => route.operationId)
        .sort(),
      Object.keys(operations).sort(),
    );
    for (const route of served()) {
      const operation = operations[route.operationId as keyof typeof operations];
      assert.equal(route.method, operation.method, route.operationId);
      assert.equal(route.path, servedPath(operation).replace(/:([A-Za-z_]+)/g, '{$1}'), route.operationId);
    }
  });

  it('names shared shapes once, as components', () => {
    for (const name of ['ResidentCase', 'StaffCase', 'StaffCaseDetail', 'CaseAttachment', 'ResidentDocument', 'Session', 'Error']) {
      assert.ok(document.components.schemas[name], name);
    }
    const detail = document.paths['/api/staff/cases/{id}'].get.responses['200'].content['application/json'].schema;
    assert.deepEqual(detail, { $ref: '#/components/schemas/StaffCaseDetail' });
    assert.deepEqual(document.paths['/api/cases'].post.responses.default.content['application/json'].schema, {
      $ref: '#/components/schemas/Error',
    });
    assert.ok(document.components.schemas.Error.properties.error.properties.code.enum.includes('case_closed'));
  });

  it('describes uploads, the CSV import, the signed webhook and file downloads', () => {
    const upload = document.paths['/api/uploads'].post.requestBody.content['multipart/form-data'].schema;
    assert.equal(upload.properties.file.format, 'binary');
    assert.ok(document.paths['/api/admin/tenants/{slug}/residents/import'].post.requestBody.content['text/csv']);
    const webhook = document.paths['/api/integrations/case-backend/{tenantSlug}/events'].post;
    assert.deepEqual(webhook.requestBody.content['application/json'].schema, { $ref: '#/components/schemas/VorgangEvent' });
    assert.deepEqual(
      webhook.parameters
        .filter((parameter: { in: string }) => parameter.in === 'header')
        .map((parameter: { name: string }) => parameter.name),
      ['x-vorgang-timestamp', 'x-vorgang-signature'],
    );
    assert.deepEqual(webhook.security, []);
    const download = document.paths['/api/documents/{id}/file'].get.responses['200'];
    assert.ok(download.content['application/octet-stream']);
    assert.deepEqual(document.paths['/api/admin/tenants'].post.security, [{ platformToken: [] }]);
  });
});
