import { formatDateTime, formatFileSize } from '../format.ts';
import { pluralOf } from '../plural.ts';
import type { CommonMessages } from './de.ts';

const plural = pluralOf('en');

const common: CommonMessages = {
  loading: 'Loading …',
  busy: 'Sending …',
  unexpectedError: 'Something went wrong. Please try again later.',
  networkError: 'The server cannot be reached right now. Please check your connection.',
  liveInterrupted: 'Connection lost – reconnecting',
  fieldErrorsSummary: (count) =>
    plural(count, { one: 'Please correct the marked field.', other: `Please correct the ${count} marked fields.` }),
  required: 'Please fill in this field.',
  tooLong: (max) => `Please use at most ${max} characters.`,
  retry: 'Try again',
  loadMore: 'Load more',
  caseTypeLabels: {
    contact: 'General enquiry',
    complaint: 'Report or complaint',
    damage: 'Damage report',
    document_request: 'Document request',
    letting: 'Letting',
  },
  caseStatusLabels: {
    eingegangen: 'Received',
    in_bearbeitung: 'In progress',
    beauftragt: 'Commissioned',
    erledigt: 'Done',
    abgelehnt: 'Declined',
  },
  urgencyLabels: { normal: 'Normal', urgent: 'Urgent', emergency: 'Emergency' },
  fileSize: (bytes) => formatFileSize('en-GB', bytes),
  dateTime: (iso) => formatDateTime('en-GB', iso),
  caseNumber: (caseNumber) => `No. ${caseNumber}`,
  onDate: (date) => `on ${date}`,
};

export default common;
