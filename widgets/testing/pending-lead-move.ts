import { z } from 'zod';
import { leadCard } from '../../bff/contract/leads.ts';
import { LEAD_STATUSES } from '../../bff/contract/enums.ts';
import type { Operation } from '../../bff/contract/operation.ts';

/**
 * The card move of the lead lifecycle (`POST /api/staff/leads/:id/move`), announced but not yet in the contract:
 * `{ to, version, reason? }` → the card, `409 lead_conflict` when the version is not the card's any more. The fakes
 * answer it, and their answers are checked against this until the lifecycle adds the operation to
 * bff/contract/leads.ts — then this file goes and the contract's own operation is used.
 */
export const pendingLeadMove = {
  operationId: 'moveLead',
  method: 'post',
  path: '/staff/leads/:id/move',
  summary: 'Interessenten in eine andere Spalte verschieben',
  tag: 'Vermietung',
  access: 'staff',
  params: z.object({ id: z.uuid() }),
  body: z.object({ to: z.enum(LEAD_STATUSES), version: z.number().int(), reason: z.string().optional() }),
  response: z.union([leadCard, z.object({ lead: leadCard })]),
} satisfies Operation;

/** Error codes the lifecycle adds with the move. */
export const pendingLeadErrorCodes = ['lead_conflict'] as const;
