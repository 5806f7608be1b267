import { z } from 'zod';
import { idParams, text, timestamp } from './common.ts';
import { operation } from './operation.ts';

/**
 * Two-way mail with an interested person (docs/leads.md, "Mail mit Interessenten"): a clerk writes from the
 * housing company's letting address; the reply address carries the lead, so the person's answers arrive in the
 * lead's thread through the mail relay endpoint or the mailbox.
 */

export const leadMessage = z
  .object({
    id: z.uuid(),
    direction: z.enum(['out', 'in']),
    at: timestamp,
    subject: z.string(),
    body: z.string(),
    /** For 'out': the clerk who wrote it. */
    sentBy: z.string().nullable(),
    from: z.string().nullable(),
    to: z.string().nullable(),
  })
  .meta({ id: 'LeadMessage' });
export type LeadMessageView = z.output<typeof leadMessage>;

export const leadMessageInput = z
  .object({
    subject: text(300).optional(),
    body: text(10000),
  })
  .meta({ id: 'LeadMessageInput' });

export const leadMessageOperations = {
  listLeadMessages: operation({
    operationId: 'listLeadMessages',
    method: 'get',
    path: '/staff/leads/:id/messages',
    summary: 'Nachrichten mit einem Interessenten (gesendet und Antworten), älteste zuerst',
    tag: 'Vermietung',
    access: 'staff',
    params: idParams,
    response: z.object({ items: z.array(leadMessage), replyAddress: z.string().nullable() }),
  }),
  sendLeadMessage: operation({
    operationId: 'sendLeadMessage',
    method: 'post',
    path: '/staff/leads/:id/messages',
    summary: 'Einem Interessenten von der Adresse der Vermietung schreiben (Antworten kommen in diesen Verlauf)',
    tag: 'Vermietung',
    access: 'staff',
    idempotent: true,
    params: idParams,
    body: leadMessageInput,
    status: 201,
    response: leadMessage,
  }),
};
