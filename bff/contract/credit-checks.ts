import { z } from 'zod';
import { id, idParams, text, timestamp } from './common.ts';
import { CREDIT_CHECK_CLASSES, CREDIT_CHECK_CONSENT_STATUSES } from './enums.ts';
import { operation } from './operation.ts';

/**
 * Credit check of a lead (Bonitätsprüfung, docs/leads.md): from `besichtigt` on, a clerk asks the person for consent
 * by e-mail with a signed link (purpose `credit-check-consent`, token in `X-Link-Token` as for viewings); the person
 * reads what is transmitted to whom, enters what the bureau needs and consents, or withdraws; then a clerk runs the
 * check through the CreditCheck port. The lead keeps only the bureau's reference and the score class, never the
 * bureau's answer; what the person entered is used for the call and erased with it.
 */

const tag = 'Bonitätsprüfung';

const linkHeaders = z.object({
  'X-Link-Token': z.string().meta({ description: 'Das Token des signierten Links aus der E-Mail (nach `#token=`)' }),
});

export const creditCheckClass = z.enum(CREDIT_CHECK_CLASSES);

export const creditCheckConsentState = z
  .object({
    status: z.enum(CREDIT_CHECK_CONSENT_STATUSES),
    /** When the link was mailed (null: never asked). */
    requestedAt: timestamp.nullable(),
    /** Until when the mailed link works. */
    linkExpiresAt: timestamp.nullable(),
    givenAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
    /** When a check used this consent (one consent, one check). */
    usedAt: timestamp.nullable(),
  })
  .meta({ id: 'CreditCheckConsentState' });

export const creditCheckResult = z
  .object({
    /** The bureau's reference of the check (its process), for questions to the bureau. */
    reference: z.string(),
    class: creditCheckClass,
    checkedAt: timestamp,
    checkedBy: z.string().nullable(),
  })
  .meta({ id: 'CreditCheckResult' });

export const leadCreditCheck = z
  .object({
    leadId: id,
    /** The bureau the check goes to (the configured CreditCheck adapter). */
    bureau: z.string(),
    consent: creditCheckConsentState,
    /** The latest check of the lead, if any. */
    result: creditCheckResult.nullable(),
    /** A consent request may be sent now (stage and e-mail address fit, no unused consent is given). */
    canRequestConsent: z.boolean(),
    /** "Bonität prüfen" works now (stage fits, a given consent is neither withdrawn nor used). */
    canCheck: z.boolean(),
  })
  .meta({ id: 'LeadCreditCheck' });
export type LeadCreditCheck = z.output<typeof leadCreditCheck>;

export const creditCheckConsentRequestInput = z.object({
  /** How long the link works, in days (default 14). */
  validDays: z
    .number({ error: 'Gültigkeit in Tagen als Zahl.' })
    .int()
    .min(1, 'Mindestens 1 Tag.')
    .max(60, 'Höchstens 60 Tage.')
    .default(14),
});

export const creditCheckConsentRequest = z
  .object({
    linkId: id,
    /** The link as mailed (the token after `#token=`). */
    url: z.string(),
    expiresAt: timestamp,
    sentTo: z.string(),
  })
  .meta({ id: 'CreditCheckConsentRequest' });

/** What the person fills in for the check: used for the bureau's call, erased with it. */
export const CREDIT_CHECK_TRANSMITTED = ['name', 'address', 'birthDate'] as const;

/** What the person is asked, on the page of the signed link. */
export const creditCheckConsentPage = z
  .object({
    company: z.object({ name: z.string() }),
    listing: z.object({
      title: z.string(),
      address: z.object({ street: z.string(), postalCode: z.string(), city: z.string() }),
    }),
    person: z.object({ name: z.string() }),
    /** Who receives the data. */
    bureau: z.object({ name: z.string() }),
    /** Which data goes to the bureau (the page names them in words). */
    transmitted: z.array(z.enum(CREDIT_CHECK_TRANSMITTED)),
    /** What comes back and is kept: the class and the bureau's reference, nothing else. */
    kept: z.array(z.enum(['reference', 'class'])),
    status: z.enum(['requested', 'given', 'revoked']),
    givenAt: timestamp.nullable(),
    revokedAt: timestamp.nullable(),
    /** A check has used the consent already. */
    checked: z.boolean(),
    linkExpiresAt: timestamp,
  })
  .meta({ id: 'CreditCheckConsentPage' });
export type CreditCheckConsentPage = z.output<typeof creditCheckConsentPage>;

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

export const creditCheckConsentInput = z
  .object({
    /** Must be `true`: the person ticked the consent box (Art. 7 DSGVO: an unambiguous act). */
    consent: z.literal(true, { error: 'Bitte bestätigen Sie Ihre Einwilligung.' }),
    /** Optional; helps the bureau find the right person. Used for the check and not kept. */
    birthDate: z
      .string()
      .regex(isoDay, 'Geburtsdatum als TT.MM.JJJJ.')
      .refine((value) => {
        const date = new Date(`${value}T00:00:00Z`);
        const age = (Date.now() - date.getTime()) / (365.25 * 86_400_000);
        return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value) && age >= 18 && age <= 120;
      }, 'Bitte ein gültiges Geburtsdatum (volljährig) eingeben.')
      .nullable()
      .default(null),
    /** The current home address (the bureau's records are by address). */
    address: z.object({
      street: text(200),
      postalCode: z
        .string({ error: 'Bitte die Postleitzahl eingeben.' })
        .trim()
        .regex(/^\d{5}$/, 'Postleitzahl mit 5 Ziffern.'),
      city: text(100),
    }),
  })
  .meta({ id: 'CreditCheckConsentInput' });
export type CreditCheckConsentInput = z.input<typeof creditCheckConsentInput>;

export const creditCheckOperations = {
  leadCreditCheck: operation({
    operationId: 'leadCreditCheck',
    method: 'get',
    path: '/staff/leads/:id/credit-check',
    summary: 'Bonitätsprüfung eines Interessenten: Stand der Einwilligung und Ergebnis (Referenz und Klasse)',
    tag,
    access: 'staff',
    params: idParams,
    response: leadCreditCheck,
  }),
  requestCreditCheckConsent: operation({
    operationId: 'requestCreditCheckConsent',
    method: 'post',
    path: '/staff/leads/:id/credit-check/consent-request',
    summary: 'Einwilligung zur Bonitätsprüfung anfragen: E-Mail mit signiertem Link (ab „Besichtigt“)',
    tag,
    access: 'staff',
    params: idParams,
    body: creditCheckConsentRequestInput,
    response: creditCheckConsentRequest,
    status: 201,
  }),
  runCreditCheck: operation({
    operationId: 'runCreditCheck',
    method: 'post',
    path: '/staff/leads/:id/credit-check',
    summary: 'Bonität prüfen (nur mit erteilter, nicht widerrufener Einwilligung, ab „Besichtigt“)',
    tag,
    access: 'staff',
    params: idParams,
    response: leadCreditCheck,
    status: 201,
  }),
  creditCheckConsent: operation({
    operationId: 'creditCheckConsent',
    method: 'get',
    path: '/credit-check-consent',
    summary: 'Öffentlich, mit signiertem Link: wofür die Einwilligung erbeten wird (Hausverwaltung, Wohnung, Auskunftei, Daten)',
    tag,
    access: 'public',
    headers: linkHeaders,
    response: creditCheckConsentPage,
  }),
  giveCreditCheckConsent: operation({
    operationId: 'giveCreditCheckConsent',
    method: 'post',
    path: '/credit-check-consent',
    summary: 'Öffentlich, mit signiertem Link: in die Bonitätsprüfung einwilligen',
    tag,
    access: 'public',
    headers: linkHeaders,
    body: creditCheckConsentInput,
    response: creditCheckConsentPage,
  }),
  withdrawCreditCheckConsent: operation({
    operationId: 'withdrawCreditCheckConsent',
    method: 'delete',
    path: '/credit-check-consent',
    summary: 'Öffentlich, mit signiertem Link: Einwilligung widerrufen oder ablehnen (der Link gilt danach nicht mehr)',
    tag,
    access: 'public',
    headers: linkHeaders,
    response: creditCheckConsentPage,
  }),
};
