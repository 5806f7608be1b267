import type { CreditCheckClass } from '../contract/enums.ts';

/**
 * The CreditCheck port (docs/leads.md, "Bonitätsprüfung"): one call to a credit bureau with the least the bureau
 * needs to find the person — the name the lead gave, and what the person entered on the consent page (address,
 * optionally the date of birth). It answers only the bureau's reference of the check and the score class; an
 * adapter never hands on (or logs) anything else of the bureau's answer.
 */
export interface CreditCheckRequest {
  name: string;
  /** `YYYY-MM-DD`, when the person gave it. */
  birthDate: string | null;
  address: { street: string; postalCode: string; city: string };
}

export interface CreditCheckOutcome {
  reference: string;
  class: CreditCheckClass;
}

export interface CreditCheck {
  /** Who receives the data: shown to the person before consenting, and to the clerk. */
  readonly bureauName: string;
  check(request: CreditCheckRequest): Promise<CreditCheckOutcome>;
}

/** The bureau did not answer, or not readably: nothing is stored, the clerk may try again. */
export class CreditCheckUnavailable extends Error {}
