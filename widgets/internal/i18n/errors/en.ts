import { UPLOAD_LIMITS } from '../../../../bff/contract/enums.ts';
import type { ErrorMessages, ResidentErrorCode, StaffErrorCode } from './de.ts';

const maxMegabytes = UPLOAD_LIMITS.maxBytes / (1024 * 1024);
const unreadableRequest = 'The request could not be read. Please reload the page and try again.';

const residentErrorCodes: Record<ResidentErrorCode, string> = {
  validation_failed: 'Please check your entries.',
  invalid_json: unreadableRequest,
  payload_too_large: 'The request is too large. Please shorten your entries.',
  unsupported_encoding: unreadableRequest,
  route_not_found: 'This function is not available right now.',
  not_found: 'This could not be found. It may have been removed in the meantime.',
  forbidden: 'You are not allowed to do this.',
  unauthenticated: 'Please sign in.',
  csrf_invalid: 'Your session has expired. Please reload the page.',
  origin_not_allowed: 'This page may not access your account.',
  rate_limited: 'Too many requests. Please wait a minute and try again.',
  internal_error: 'An error occurred on the server. Please try again later.',
  database_unavailable: 'The service is not available right now. Please try again in a few minutes.',
  service_unavailable: 'The service is temporarily unavailable. Please try again later.',
  tenant_not_found: 'This housing company could not be found. Please check the link.',
  invalid_credentials: 'The e-mail address or password is wrong.',
  locked: 'Too many failed attempts. Please wait a few minutes and try again.',
  invalid_code: 'The code is wrong or has expired.',
  invalid_activation_code: 'The activation code is invalid, has expired or has already been used.',
  invalid_reset_token: 'The link is invalid or has expired. Please request a new one.',
  invalid_state: 'There is no matching sign-in in progress. Please sign in again.',
  enrolment_not_started: 'Please set up the authenticator app first.',
  no_email: 'There is no e-mail address for this account.',
  no_email_factor: 'This sign-in does not send codes by e-mail.',
  too_many_codes: 'Too many codes have been requested. Please sign in again.',
  too_many_wrong_codes: 'Too many wrong codes. Please sign in again.',
  email_taken: 'This e-mail address is already used for another account.',
  case_closed: 'This request is closed. For something new, please file a new request.',
  unknown_damage_selection: 'Please choose the location, category and kind of damage from the list.',
  unknown_document_type: 'Please choose a document from the list.',
  own_report: 'You reported this damage yourself; you already receive all news about it.',
  already_joined: 'You have already joined this damage report.',
  file_missing: 'Please choose a file.',
  file_empty: 'The file is empty.',
  file_too_large: `The file is too large. At most ${maxMegabytes}\u00A0MB per file are allowed.`,
  too_many_files: 'Please upload the files one at a time.',
  unsupported_file_type: 'This file type is not supported. Please upload a photo (JPEG, PNG, WebP) or a PDF.',
  invalid_upload: 'The file could not be read. Please try again.',
  unknown_upload: 'An attached file was not found or has expired. Please upload it again.',
  too_many_uploads: `You have already uploaded ${UPLOAD_LIMITS.maxStagedPerAccount} files that have not been sent yet. Please send your request or remove files.`,
  too_many_attachments: `A request can have at most ${UPLOAD_LIMITS.maxFilesPerCase} files. Please remove some files.`,
};

const staffErrorCodes: Record<StaffErrorCode, string> = {
  case_changed: 'The case has been changed in the meantime. Please reload it.',
  invalid_status_transition: 'This status change is not possible.',
  unknown_assignee: 'This person is not a clerk of this housing company.',
  unknown_damage_category: 'This damage category is not in the catalogue.',
  category_needs_damage: 'Only damage reports have a damage category.',
  not_a_certificate_request: 'This case is not a request for a tenancy certificate.',
  case_without_resident: 'This case belongs to no resident; documents only go to residents.',
  second_factor_not_allowed: 'Staff must use an authenticator app.',
  unknown_audience: 'The chosen resident, flat or building does not exist at this housing company.',
  slug_taken: 'This identifier is already taken.',
  duplicate_ref: 'An entry with this reference already exists.',
  unknown_building: 'This building is unknown.',
  unknown_unit: 'This flat is unknown.',
  csv_expected: 'Please send the list of residents as a CSV file.',
  csv_invalid: 'The CSV file contains errors. Nothing was imported.',
  https_required: 'The case API must be reachable over https.',
  json_expected: 'Please send the event as JSON.',
  signature_missing: 'The signature or timestamp is missing.',
  signature_invalid: 'The signature is invalid.',
  signature_expired: 'The timestamp is more than 5 minutes in the past or in the future.',
};

const errors: ErrorMessages = {
  errorCodes: { ...residentErrorCodes, ...staffErrorCodes },
  fieldTooShort: (min) => `Please use at least ${min} characters.`,
  fieldTooMany: (max) => `Please choose at most ${max}.`,
  fieldInvalidEmail: 'Please enter a valid e-mail address.',
  fieldInvalidCode: 'Please enter the 6-digit code.',
  fieldInvalidFormat: 'Please check this entry.',
  fieldInvalidChoice: 'Please choose one of the values offered.',
};

export default errors;
