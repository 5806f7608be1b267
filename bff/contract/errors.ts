/**
 * Every error answer of the BFF is `{ error: { code, message, details? } }`. `code` is one of these and
 * stable: widgets turn it into text in the page's language (widgets/internal/localize.ts); `message` is
 * the BFF's text in the person's language and only the fallback. Plain constants, no zod.
 */
export const ERROR_CODES = [
  // Any request
  'validation_failed',
  'invalid_json',
  'payload_too_large',
  'unsupported_encoding',
  'route_not_found',
  'not_found',
  'forbidden',
  'unauthenticated',
  'csrf_invalid',
  'origin_not_allowed',
  'rate_limited',
  'internal_error',
  'database_unavailable',
  'service_unavailable',
  // Safe retries of creating requests (docs/cases.md, "Safe to retry")
  'idempotency_key_invalid',
  /** The same Idempotency-Key came with another request (another body, case or operation). */
  'idempotency_key_reused',
  /** The first request with this key is still being worked on; try again after Retry-After. */
  'idempotency_in_progress',
  // Sign-in (docs/sign-in.md)
  'tenant_not_found',
  'invalid_credentials',
  'locked',
  'invalid_code',
  'invalid_activation_code',
  'invalid_reset_token',
  'invalid_state',
  'enrolment_not_started',
  'second_factor_not_allowed',
  'no_email',
  'no_email_factor',
  'too_many_codes',
  /** The fifth wrong code ended the pending sign-in (unlike `invalid_code`, which lets the person try again). */
  'too_many_wrong_codes',
  /** The resident moved out (Auszugsdatum from the ERP) and that day is over: sign-in is refused, sessions end. */
  'access_ended',
  // Account self-service (docs/sign-in.md, "Self-service")
  /** The current password given to confirm a change is wrong. */
  'wrong_password',
  /** Recovery codes and re-enrolment confirmation need an authenticator app as second factor. */
  'no_totp_factor',
  /** The e-mail confirmation link is unknown, expired, used or superseded. */
  'invalid_email_change_token',
  // Art. 15 / 17 DSGVO (docs/privacy.md)
  /** The resident has an open erasure request already. */
  'erasure_already_requested',
  /** The erasure request was completed already. */
  'erasure_request_completed',
  // Cases (docs/cases.md)
  'case_closed',
  'case_changed',
  'invalid_status_transition',
  'unknown_assignee',
  'unknown_damage_selection',
  'unknown_document_type',
  'unknown_damage_category',
  'category_needs_damage',
  'own_report',
  'already_joined',
  'not_a_certificate_request',
  /** Releasing the Mieterbescheinigung needs the digest of its preview (the clerk saw and confirmed it). */
  'certificate_preview_required',
  /** The certificate's data changed since the preview (another digest): look at the preview again. */
  'certificate_changed',
  'case_without_resident',
  /** A catalogue entry that cases or routing rules still use cannot be removed (it can be renamed). */
  'catalogue_entry_in_use',
  /** The admin's own page would be removed from the embed origins (docs/portal-admin.md). */
  'origin_in_use',
  // Tenant chat (docs/chat.md)
  /** No message before the Art. 13 notice (in its current version) is acknowledged. */
  'chat_notice_required',
  /** The housing company's monthly token budget is used up (or 0: chat switched off). */
  'chat_budget_exhausted',
  /** An answer is still streaming in this conversation. */
  'chat_busy',
  // Uploads and attachments
  'file_missing',
  'file_empty',
  'file_too_large',
  'too_many_files',
  'unsupported_file_type',
  'invalid_upload',
  'unknown_upload',
  'too_many_uploads',
  'too_many_attachments',
  'image_too_large',
  'pdf_active_content',
  // Documents
  'unknown_audience',
  // Onboarding (platform admin API, CSV import)
  'slug_taken',
  'email_taken',
  'duplicate_ref',
  'unknown_building',
  'unknown_unit',
  'csv_expected',
  'csv_invalid',
  /** A new letter for an account that is already activated: only a re-admission (readmissions) issues one. */
  'account_already_active',
  // Lead pipeline (docs/leads.md)
  /** Another listing of the housing company already has this id at this portal. */
  'portal_id_taken',
  /** A provider has the most webhook secrets that may be valid at once: revoke an old one first. */
  'too_many_secrets',
  /** Someone else changed the lead since the client read it (its `version`): reload and decide again. */
  'lead_conflict',
  /** The lead cannot go from its status to the one asked for (LEAD_TRANSITIONS). */
  'lead_transition_invalid',
  /** A stage's requirements are not met; `details.missing` names them. */
  'lead_gate_failed',
  /** Self-disclosure data before `besichtigt`: neither read nor written. */
  'self_disclosure_locked',
  /** `besichtigt` needs a viewing whose time has passed. */
  'viewing_required',
  /** `abgelehnt` needs a reason from the catalogue or a text. */
  'rejection_reason_required',
  /** The rejection's text touches a characteristic protected by § 19 AGG; send again with `acknowledgeAggWarning`. */
  'agg_warning',
  /** The listing is let already (another lead was accepted). */
  'listing_already_let',
  /** The lead has no listing ("nicht zugeordnet"): it cannot be accepted. */
  'lead_without_listing',
  /** The lead has no e-mail address: the rejection message cannot be sent by e-mail. */
  'lead_without_email',
  /** There is no prepared rejection message to release (none, or it was released already). */
  'rejection_message_missing',
  /** The lead has no e-mail address or phone number of this kind to verify. */
  'contact_channel_missing',
  /** Mail to interested people needs the company's letting address (setting lettingEmail). */
  'letting_email_missing',
  // Signed public links (docs/leads.md, "Viewings and signed links")
  /** No token came with the request. */
  'link_missing',
  /** Malformed, altered or unknown: the signature does not hold. */
  'link_invalid',
  /** A valid link of another purpose (a viewing link where a consent link is needed). */
  'link_wrong_purpose',
  'link_expired',
  'link_revoked',
  /** A single-use link that was used already. */
  'link_used',
  // Viewings
  /** Every place of the slot is booked: join its waitlist instead. */
  'slot_full',
  /** The slot has begun, was withdrawn, or belongs to another listing. */
  'viewing_slot_unavailable',
  /** A slot with bookings or a waitlist cannot be withdrawn. */
  'viewing_slot_has_bookings',
  /** The lead is accepted or rejected: no more viewings. */
  'lead_closed',
  // Credit check (docs/leads.md, "Bonitätsprüfung")
  /** Only from `besichtigt` on (and not for a rejected lead). */
  'credit_check_stage',
  /** No consent that counts: none given, withdrawn, or already used by a check. */
  'credit_check_consent_missing',
  /** The person's consent is given and not used yet: no new request needed. */
  'credit_check_consent_present',
  /** The credit bureau did not answer (or not readably): nothing was stored, try again later. */
  'credit_check_unavailable',
  // Contractor orders (docs/contractors.md)
  /** Only a damage case can be ordered from a contractor. */
  'not_a_damage_case',
  /** The case has an order that is not answered with decline or done yet. */
  'work_order_open',
  /** The contractor is deactivated or does not serve the case's building. */
  'contractor_unavailable',
  /** The answer does not fit the order's state (e.g. accept after done, or an order replaced). */
  'work_order_answered',
  // Vorgang API (docs/case-backend-http.md)
  'https_required',
  'json_expected',
  'signature_missing',
  'signature_invalid',
  'signature_expired',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** Codes a widget's client produces itself, without an answer of the BFF. */
export const CLIENT_ERROR_CODES = ['network_error', 'aborted', 'http_error', 'unexpected'] as const;
export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[number];

/** One field of a `validation_failed` answer: `path` as `damageKindId` or `items.0.title`. */
export interface FieldError {
  path: string;
  /** zod's issue code (`too_small`, `too_big`, `invalid_type`, `invalid_value`, `invalid_format`, `custom`, …). */
  code: string;
  message: string;
  /** The limit of `too_small` / `too_big`, so a widget can say "at most 200 characters" in its language. */
  limit?: number;
  /** What `too_small` / `too_big` measured: `string` (characters), `array` (entries), `number`, … */
  origin?: string;
}

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: { fields?: FieldError[] } & Record<string, unknown> };
}
