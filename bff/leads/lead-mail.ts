import { randomBytes, randomUUID } from 'node:crypto';
import { simpleParser, type AddressObject, type ParsedMail } from 'mailparser';
import type { LeadMessageView } from '../contract/lead-messages.ts';
import type { Database, Queryable } from '../db/database.ts';
import { withScope, withTenant, type TenantContext } from '../db/scope.ts';
import { AppError } from '../errors.ts';
import { queueMail } from '../mail/mail-outbox.ts';
import type { Mail } from '../mail/mailer.ts';
import type { Realtime } from '../realtime/realtime.ts';
import { readCompanySettings } from '../settings/use-cases.ts';
import { leadExists } from './lead-repository.ts';
import { insertVerification } from './lifecycle-repository.ts';
import * as messages from './message-repository.ts';
import { minimiseEnquiry } from './minimisation.ts';
import { leadNotFound } from './model.ts';

/**
 * Two-way mail with an interested person (docs/leads.md, "Mail mit Interessenten"). A clerk writes from the
 * company's letting address (setting lettingEmail); the Reply-To is the same mailbox with `+lead-<token>` and the
 * mail's Message-ID carries the token too, so an answer is recognised by the address it was sent to or by the mail
 * it answers. Answers come through the intake's doors (mail relay endpoint, mailbox poller): `takeReply` files an
 * answer in the lead's thread — and counts the address it came from as verified ("answered") when it is the lead's
 * — before anything is read as a new enquiry. Before `besichtigt`, self-disclosure in an answer is cut as at the door.
 */

const TOKEN = /^[a-z0-9]{20,40}$/;
/** `local+lead-<token>@domain` in any recipient, or `<lead-<token>.…@…>` in In-Reply-To / References. */
const TOKEN_IN_ADDRESS = /\+lead-([a-z0-9]{20,40})@/i;
const TOKEN_IN_MESSAGE_ID = /<lead-([a-z0-9]{20,40})\.[^>@]+@[^>]+>/i;

const newToken = () => randomBytes(15).toString('hex').slice(0, 24);

/** The reply address of a lead: the letting address with `+lead-<token>` (plus addressing of the same mailbox). */
export function replyAddress(lettingEmail: string, token: string): string {
  const at = lettingEmail.lastIndexOf('@');
  const local = lettingEmail.slice(0, at).replace(/\+.*$/, '');
  return `${local}+lead-${token}${lettingEmail.slice(at)}`;
}

/** The lead token an answer carries: in a recipient address, else in the mail it answers. */
export function replyTokenOf(mail: { recipients: string[]; references: string[] }): string | null {
  for (const address of mail.recipients) {
    const match = TOKEN_IN_ADDRESS.exec(address);
    if (match) return match[1].toLowerCase();
  }
  for (const reference of mail.references) {
    const match = TOKEN_IN_MESSAGE_ID.exec(reference);
    if (match) return match[1].toLowerCase();
  }
  return null;
}

/** The person's own words: the quoted mail they answer (">" lines, "Am … schrieb …:" and below) left out. */
export function answerText(text: string): string {
  const lines: string[] = [];
  for (const line of text.replace(/\r\n?/g, '\n').split('\n')) {
    if (/^\s*(Am .+ schrieb|On .+ wrote|-{2,}\s*(Original|Ursprüngliche)|Von:\s|From:\s)/i.test(line)) break;
    if (/^\s*>/.test(line)) continue;
    lines.push(line);
  }
  return lines.join('\n').trim();
}

function addressesOf(value: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.flatMap((entry) => entry.value.flatMap((address) => (address.address ? [address.address] : [])));
}

function headerList(mail: ParsedMail, name: string): string[] {
  const value = mail.headers.get(name);
  if (value === undefined || value === null) return [];
  const values = Array.isArray(value) ? value : [value];
  return values.flatMap((entry) => (typeof entry === 'string' ? [entry] : (addressesOf(entry as AddressObject) ?? [])));
}

const letterMissing = () =>
  new AppError(
    409,
    'letting_email_missing',
    'Für Nachrichten an Interessenten fehlt die Absenderadresse der Vermietung. Ein Administrator trägt sie unter „Einstellungen“ ein.',
  );
const leadWithoutEmail = () => new AppError(409, 'lead_without_email', 'Für diesen Interessenten ist keine E-Mail-Adresse hinterlegt.');

function toView(record: messages.LeadMessageRecord): LeadMessageView {
  return {
    id: record.id,
    direction: record.direction,
    at: record.at.toISOString(),
    subject: record.subject,
    body: record.body,
    sentBy: record.sentByName,
    from: record.fromAddress,
    to: record.toAddress,
  };
}

/**
 * Every mail to an interested person goes through here, in the caller's transaction: the clerk's own messages, the
 * viewing invitation and confirmation, the released rejection. It leaves from the company's letting address with the
 * lead's reply address (so the answer comes back into the lead's thread), is filed in the thread and queued in the
 * outbox. The thread's copy shows `personalLinks` (signed links only the person may use) as a placeholder: the link is
 * a key, and the thread is read by every clerk for as long as the lead lives. Without a letting address (not set yet) it leaves from the installation's MAIL_FROM. The reply token is made
 * on first use: of two first mails at once the second's update finds it set and reads the first's.
 */
export async function queueLeadMail(
  tx: Queryable,
  tenantId: string,
  lead: { id: string; email: string },
  mail: Pick<Mail, 'subject' | 'text' | 'attachments'> & { sentBy: string | null; personalLinks?: string[] },
): Promise<messages.LeadMessageRecord> {
  const { lettingEmail } = await readCompanySettings(tx);
  let sender: Pick<Mail, 'from' | 'replyTo' | 'messageId'> = {};
  if (lettingEmail) {
    let token = (await messages.findMailableLead(tx, lead.id))?.replyToken;
    if (!token) {
      await messages.setReplyToken(tx, lead.id, newToken());
      token = (await messages.findMailableLead(tx, lead.id))!.replyToken!;
    }
    const domain = lettingEmail.slice(lettingEmail.lastIndexOf('@') + 1);
    sender = { from: lettingEmail, replyTo: replyAddress(lettingEmail, token), messageId: `<lead-${token}.${randomUUID()}@${domain}>` };
  }
  const filed = await messages.insertLeadMessage(tx, tenantId, {
    leadId: lead.id,
    direction: 'out',
    subject: mail.subject,
    body: (mail.personalLinks ?? []).reduce((text, link) => text.split(link).join('[persönlicher Link]'), mail.text),
    fromAddress: sender.from ?? null,
    toAddress: lead.email,
    messageId: sender.messageId ?? null,
    sentBy: mail.sentBy,
  });
  await queueMail(tx, tenantId, { ...sender, to: lead.email, subject: mail.subject, text: mail.text, attachments: mail.attachments });
  return filed!;
}

export function createLeadMailUseCases(deps: { db: Database; realtime: Realtime }) {
  const { db, realtime } = deps;

  return {
    async listMessages(ctx: TenantContext, leadId: string) {
      return withTenant(db, ctx, async (tx) => {
        if (!(await leadExists(tx, leadId))) throw leadNotFound();
        const lead = await messages.findMailableLead(tx, leadId);
        const { lettingEmail } = await readCompanySettings(tx);
        return {
          items: (await messages.listLeadMessages(tx, leadId)).map(toView),
          replyAddress: lettingEmail && lead?.replyToken ? replyAddress(lettingEmail, lead.replyToken) : null,
        };
      });
    },

    /** Queues the mail in the same transaction as the thread's entry: sent by the outbox worker, never lost. */
    async sendMessage(ctx: TenantContext, leadId: string, input: { subject?: string; body: string }): Promise<LeadMessageView> {
      const view = await withTenant(db, ctx, async (tx) => {
        const lead = await messages.findMailableLead(tx, leadId);
        if (!lead) throw leadNotFound();
        if (!lead.email) throw leadWithoutEmail();
        const { lettingEmail } = await readCompanySettings(tx);
        if (!lettingEmail) throw letterMissing();
        return toView(
          await queueLeadMail(
            tx,
            ctx.tenantId,
            { id: lead.id, email: lead.email },
            {
              subject: input.subject ?? 'Ihre Anfrage zur Wohnung',
              text: input.body,
              sentBy: ctx.accountId,
            },
          ),
        );
      });
      realtime.toStaff(ctx.tenantId, 'lead:message', { leadId, message: view });
      return view;
    },

    /**
     * An answer to a lead's mail, from the intake's doors: filed in the lead's thread of that company (a token of
     * another company finds nothing here) and true; false when the mail answers none of its leads. The same mail
     * delivered twice is one message (its Message-ID).
     */
    async takeReply(tenantId: string, raw: Buffer): Promise<boolean> {
      const mail = await simpleParser(raw);
      const token = replyTokenOf({
        recipients: [
          ...addressesOf(mail.to),
          ...addressesOf(mail.cc),
          ...headerList(mail, 'delivered-to'),
          ...headerList(mail, 'x-original-to'),
        ],
        references: [...(mail.inReplyTo ? [mail.inReplyTo] : []), ...[mail.references ?? []].flat()],
      });
      if (!token || !TOKEN.test(token)) return false;
      const from = addressesOf(mail.from)[0] ?? null;
      const filed = await withScope(db, { role: 'system', tenantId }, async (tx) => {
        const lead = await messages.findLeadByReplyToken(tx, token);
        if (!lead) return null;
        let body = answerText(mail.text ?? '');
        if (lead.status === 'offen' || lead.status === 'kontaktiert') {
          body = minimiseEnquiry({ message: body }).message;
        }
        const message = await messages.insertLeadMessage(tx, tenantId, {
          leadId: lead.id,
          direction: 'in',
          subject: (mail.subject ?? '').slice(0, 300),
          body: body.slice(0, 20000),
          fromAddress: from?.slice(0, 254) ?? null,
          toAddress: null,
          messageId: mail.messageId?.slice(0, 300) ?? null,
          sentBy: null,
        });
        if (!message) return { leadId: lead.id, message: null };
        if (from && lead.email && from.toLowerCase() === lead.email.toLowerCase()) {
          await insertVerification(tx, tenantId, {
            leadId: lead.id,
            channel: 'email',
            value: lead.email,
            how: 'answered',
            verifiedBy: null,
          });
        }
        return { leadId: lead.id, message };
      });
      if (!filed) return false;
      if (filed.message) realtime.toStaff(tenantId, 'lead:message', { leadId: filed.leadId, message: toView(filed.message) });
      return true;
    },
  };
}

export type LeadMailUseCases = ReturnType<typeof createLeadMailUseCases>;
