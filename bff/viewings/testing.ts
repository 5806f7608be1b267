import { randomUUID } from 'node:crypto';
import type { SmartLock, SmartLockGrantRequest } from './smart-lock.ts';

/** Test double of the SmartLock port: records grants and revocations; `failing` makes grants throw. */
export function createRecordingSmartLock(options: { failing?: boolean } = {}) {
  const grants: Array<SmartLockGrantRequest & { reference: string; revoked: boolean }> = [];
  const lock: SmartLock & { grants: typeof grants; failing: boolean } = {
    grants,
    failing: options.failing ?? false,
    async grant(request) {
      if (lock.failing) throw new Error('Schloss nicht erreichbar');
      const reference = `grant-${randomUUID()}`;
      grants.push({ ...request, reference, revoked: false });
      return { reference };
    },
    async revoke({ reference }) {
      const grant = grants.find((entry) => entry.reference === reference);
      if (grant) grant.revoked = true;
    },
  };
  return lock;
}
