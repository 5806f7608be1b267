import { formatDateTime } from '../format.ts';
import { pluralOf } from '../plural.ts';
import type { ResidentCaseMessages } from './de.ts';

const plural = pluralOf('en');

const residentCases: ResidentCaseMessages = {
  portalLabel: (tenantName) => `Tenant portal ${tenantName}`.trim(),
  assistantHeading: 'Assistant',
  portalSections: 'Sections',
  myCasesHeading: 'My requests',
  casesSummary: (count) =>
    count === 0 ? 'You have no requests yet.' : plural(count, { one: 'You have one request.', other: `You have ${count} requests.` }),
  newCaseHeading: 'New request',
  unreadHidden: (unread) => `, ${unread} unread`,
  casesLoadFailed: 'Your requests could not be loaded.',
  caseListLabel: 'Your requests, latest activity first',
  lastActivity: (when) => `Last activity ${when}`,
  backToCases: 'Back to my requests',
  caseHeading: (caseNumber, title) => `Request ${caseNumber}: ${title}`,
  caseLoadFailed: 'The request could not be loaded.',
  caseDescription: 'Your description',
  damagePlace: (location, category, kind) => `${location} · ${category} · ${kind}`,
  timelineHeading: 'History',
  timelineCreated: 'Request received',
  timelineStatus: (status) => `Status: ${status}`,
  timelineReply: 'Reply from your housing company',
  timelineResidentMessage: 'Your message',
  timelineAttachments: (count) => plural(count, { one: 'You attached a file', other: `You attached ${count} files` }),
  timelineDocument: (title) => `Document provided: ${title}`,
  timelineWorkOrder: (done, contractor, when) =>
    done ? `${contractor} reported the work done` : `Contractor appointment on ${when ?? '–'} (${contractor})`,
  messagesHeading: 'Messages',
  noMessages: 'No messages yet.',
  messageFromResident: 'You',
  messageFromStaff: 'Your housing company',
  attachmentsHeading: 'Attachments',
  attachmentFrom: (uploadedBy) => (uploadedBy === 'resident' ? 'from you' : 'from your housing company'),
  addMessageHeading: 'Add a message or files',
  messageLabel: 'Your message',
  sendMessage: 'Send',
  messageSent: 'Your message has been sent.',
  messageEmpty: 'Please write a message or attach a file.',
  caseClosedNotice: (status) =>
    status === 'erledigt'
      ? 'This request is done, so nothing more can be added. For something new, please file a new request.'
      : 'This request was declined, so nothing more can be added. You will find the reason in the messages. For something new, please file a new request.',
  newCaseIntro: 'What is it about?',
  newCaseTypeHints: {
    damage: 'Something is broken or does not work.',
    complaint: 'Noise, dirt or trouble in the building.',
    contact: 'A question or request for your housing company.',
    document_request: 'Request a certificate or a document.',
  },
  chooseOtherType: 'Choose another type',
  caseFiled: (caseNumber, receivedAt) => `Your request ${caseNumber} was received on ${formatDateTime('en-GB', receivedAt)}.`,
  joinedHeading: 'Damage I also reported',
  joinedIntro: 'Damage in the building that you reported as well. Here you see its status.',
  joinedReported: (when) => `Reported ${when}`,
  liveCaseStatus: (caseNumber, status) => `Request ${caseNumber}: status is now “${status}”.`,
  liveCaseReply: (caseNumber) => `New reply to request ${caseNumber}.`,
  liveCaseChanged: (caseNumber) => `Request ${caseNumber} has been updated.`,
  liveIncident: (caseNumber, status) => `Damage ${caseNumber} you also reported: status is now “${status}”.`,
};

export default residentCases;
