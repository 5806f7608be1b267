import type { PrivacyRequestsMessages } from './de.ts';

const privacy: PrivacyRequestsMessages = {
  heading: 'Data protection: erasure requests',
  intro:
    'Residents ask here for their data to be erased (Art. 17 GDPR). Completing a request deletes or anonymises what may go; requests, documents and contract data under a retention duty stay. The person can no longer sign in afterwards.',
  empty: 'There are no erasure requests.',
  listLabel: 'Erasure requests',
  open: 'Open',
  completed: 'Completed',
  requestedAt: (date) => `Requested on ${date}`,
  completedAt: (date, by) => `Completed on ${date}${by ? ` by ${by}` : ''}`,
  unit: (unit) => `Flat: ${unit}`,
  tenantNumber: (ref) => `Tenant number ${ref}`,
  complete: 'Complete …',
  completeOf: (name) => `Complete the erasure request of ${name}`,
  confirmQuestion: (name) => `Delete and anonymise the data of ${name} now? This cannot be undone. What has to be kept stays.`,
  confirm: 'Delete and anonymise now',
  cancel: 'Cancel',
  working: 'Completing …',
  done: (name) => `The erasure request of ${name} is completed.`,
  removedHeading: 'Deleted',
  anonymisedHeading: 'Anonymised',
  keptHeading: 'Kept',
  removed: {
    chatConversations: 'conversations with the assistant',
    chatMessages: 'messages to the assistant',
    chatDrafts: 'drafts from the assistant',
    sessions: 'sessions',
    stagedUploads: 'unsent files',
    documentReads: 'read receipts',
    incidentParticipations: 'joined common-area reports',
  },
  anonymisedAccount: 'account (no e-mail address, password or second factor)',
  anonymisedNames: 'name (no tenancy or ownership left)',
  namesKept: 'name kept for the ongoing tenancy or ownership',
  expiredCases: (count) => (count === 1 ? '1 request past its retention period' : `${count} requests past their retention period`),
  kept: {
    openCases: (count) => (count === 1 ? '1 open request' : `${count} open requests`),
    cases: (count) => (count === 1 ? '1 closed request (retention running)' : `${count} closed requests (retention running)`),
    documents: (count) => `${count === 1 ? '1 letter' : `${count} letters`} to the person`,
    tenancies: (count) => (count === 1 ? '1 tenancy or ownership' : `${count} tenancies or ownerships`),
    request: () => 'the erasure request as proof',
  },
  until: (date) => `until ${date}`,
  adminsOnly: 'Only administrators see erasure requests.',
  signInFirst: 'Please sign in.',
  errors: {
    erasure_request_completed: 'This erasure request has already been completed.',
  },
};

export default privacy;
