import { leadIntakeOperations as operations } from '../contract/lead-intake.ts';
import type { Api } from '../http/api.ts';
import { tenantContext } from '../http/guard.ts';
import { sendFile } from '../http/send-file.ts';
import type { LeadIntakePathUseCases } from './intake-path-use-cases.ts';

/** The mail relay's inbound endpoint, manual entry, the clerk's OpenImmo upload and the dead-letter list (docs/lead-intake.md). */
export function registerLeadIntakePathRoutes(api: Api, intake: LeadIntakePathUseCases): void {
  api.route(operations.receiveLeadMail, ({ req, params }) =>
    intake.receiveMail({
      tenantSlug: params.tenantSlug,
      headers: {
        'x-signature': req.get('x-signature'),
        'x-timestamp': req.get('x-timestamp'),
        'webhook-id': req.get('webhook-id'),
        'webhook-timestamp': req.get('webhook-timestamp'),
        'webhook-signature': req.get('webhook-signature'),
      },
      authorization: req.get('authorization'),
      rawBody: Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0),
      ip: req.ip ?? null,
    }),
  );
  api.route(operations.createManualLead, ({ req, body }) => intake.createManualLead(tenantContext(req), body));
  api.route(operations.uploadOpenImmoFeedback, ({ req, file }) => intake.uploadFile(tenantContext(req), file));
  api.route(operations.listLeadDeadLetters, ({ req, query }) => intake.listDeadLetters(tenantContext(req), query));
  api.route(operations.leadDeadLetterRaw, async ({ req, res, params }) => {
    const letter = await intake.deadLetterRaw(tenantContext(req), params.id);
    sendFile(res, { fileName: letter.fileName, contentType: letter.contentType, content: letter.raw });
  });
  api.route(operations.retryLeadDeadLetter, ({ req, params, body }) => intake.retryDeadLetter(tenantContext(req), params.id, body));
  // Last: the isolation suite's own-object delete then finds nothing left to retry.
  api.route(operations.deleteLeadDeadLetter, ({ req, params }) => intake.deleteDeadLetter(tenantContext(req), params.id));
}
