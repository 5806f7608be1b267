import type { SettingKey } from '../../internal/settings-api.ts';
import type { SettingsMessages } from './de.ts';

const fieldLabels = {
  emergencyNumbers: 'Emergency numbers (label and phone number)',
  officeHours: 'Office hours',
  contactEmail: 'Contact e-mail for residents',
  contactPhone: 'Contact phone for residents',
  portalPageUrl: 'Address of the page with the tenant portal (for links in e-mails)',
  residentMailSenderName: 'Sender name of e-mails to residents (none: the portal’s name)',
  residentMailReplyTo: 'Reply-to address of e-mails to residents (none: no reply-to)',
  residentMailSignature: 'Signature of e-mails to residents (under the closing, in place of the housing company’s name)',
  houseRules: 'House rule excerpts (title and text; the chat quotes them)',
  chatHistoryDays: 'Keep chat histories (days)',
  chatMonthlyTokenBudget: 'Monthly token budget of the chat (input and output; 0 switches the chat off)',
  lettingEmail: 'Sender address of the letting team (answers of prospective tenants arrive at the same address with +lead-…)',
  leadAnonymisationDays: 'Anonymise prospective tenants after (days)',
  outboxRetentionDays: 'Keep delivered messages (days)',
  federalState: 'Federal state (its public holidays are not working days for deadlines)',
  deadlineWorkingDays: 'Deadlines in working days per case type and urgency (none: the standard deadline)',
} satisfies Record<SettingKey, string>;

const settings: SettingsMessages = {
  staffSections: 'Sections',
  leadsHeading: 'Lettings',
  settingsHeading: 'Settings',
  privacyHeading: 'Data protection',
  reportsHeading: 'Reports',
  lettingSections: 'Sections of lettings',
  lettingBoard: 'Board',
  lettingListings: 'Listings',
  lettingOverview: 'Overview',
  settingsSections: 'Parts of the settings',
  settingsGeneral: 'General',
  settingsCatalogue: 'Damage catalogue and documents',
  settingsRouting: 'Responsibilities',
  settingsDeadlines: 'Deadlines',
  settingsContractors: 'Contractors',
  settingsEmbedding: 'Embedding and colours',
  fieldLabels,
  intro: 'What residents learn about your housing company on your pages and from the assistant, and how long data is kept.',
  lastChanged: (when) => `Last changed on ${when}.`,
  neverChanged: 'Never changed: the defaults apply.',
  signInFirst: 'Please sign in as an administrator of your housing company to see the settings.',
  adminsOnly:
    'Only administrators of your housing company can see and change the settings. Please ask them if something here should change.',
  loadFailed: 'The settings could not be loaded.',

  contactSection: 'Contact and emergencies',
  contactPublic:
    'Emergency numbers, office hours, e-mail and phone are public: the damage form shows them to visitors who are not signed in, and the assistant names them.',
  emergencyRow: (position) => `Emergency number ${position}`,
  emergencyLabel: 'Label',
  emergencyLabelHint: 'e.g. “Heating emergency service (24 hours)”',
  emergencyPhone: 'Phone number',
  noEmergencyNumbers: 'No emergency numbers yet.',
  addEmergencyNumber: 'Add emergency number',
  removeEmergencyNumber: (position) => `Remove emergency number ${position}`,
  officeHoursHint: 'Free text, e.g. “Mon–Thu 8 am–4 pm, Fri 8 am–12 pm”.',
  phoneHint: 'Digits, also with spaces, / or -, e.g. 040 123 456 or +49 40 123456.',
  portalPageHint: 'Full address with https://. E-mails to residents link to their request on this page.',
  optionalHint: 'Leave empty if there is none.',

  residentMailsSection: 'E-mails to residents',
  residentMailsIntro:
    'Confirmations of receipt, replies, status changes and contractor appointments reach tenants and owners like this. Left empty, the portal’s sender and closing stay.',
  senderNameHint:
    'How the sender appears in the mailbox, e.g. “Wohnbau Nord eG – Mieterservice”. Only the name, on one line: the sender address stays the portal’s.',
  replyToHint: 'Residents’ answers to these e-mails go here. Leave empty if there is none.',
  signatureHint:
    'Appears under the closing in place of your housing company’s name, exactly as written – in e-mails in other languages too. Plain text, at most 8 lines and 500 characters.',

  houseRulesSection: 'House rules for the assistant',
  houseRulesIntro: 'When someone asks the chat about the house rules, the assistant quotes these excerpts – and only these.',
  ruleRow: (position) => `Excerpt ${position}`,
  ruleTitle: 'Title',
  ruleTitleHint: 'e.g. “Quiet hours”',
  ruleText: 'Text',
  noHouseRules: 'No house rule excerpts yet.',
  addHouseRule: 'Add excerpt',
  removeHouseRule: (position) => `Remove excerpt ${position}`,
  remove: 'Remove',
  listFull: (max) => `No more than ${max} are possible.`,

  assistantSection: 'Assistant',
  historyDaysHint: 'At most 90 days, as the chat’s privacy notice promises residents.',
  tokens: (count) => `${count} tokens`,
  usageHeading: (month) => `Use in ${month}`,
  usageOf: (used, budget) => `${used} of ${budget} tokens`,
  usageShare: (percent) => `${percent} used`,
  usageSplit: (input, output) => `input ${input}, output ${output}`,
  usageNote: 'Input and output of all residents together; the count starts again on the first of each month (UTC).',
  usageLoading: 'Loading the use …',
  usageFailed: 'The use could not be loaded.',
  budgetNearlyUsed: 'The budget is nearly used up. After that the assistant accepts no more messages until the end of the month.',
  budgetExhausted:
    'The budget is used up: the assistant accepts no more messages until the end of the month. A higher budget frees it again at once.',
  chatSwitchedOff: 'The budget is 0: the chat is switched off, residents cannot write to the assistant.',

  lettingSection: 'Letting',
  lettingEmailHint:
    'Clerks write to interested people from this address. Answers come back to the same address with +lead-… added: your mailbox or mail relay must accept such sub-addresses. Empty: no messages to interested people.',
  retentionSection: 'Retention',

  save: 'Save',
  saving: 'Saving …',
  saved: (when) => `Saved. Last changed on ${when}.`,
  nothingToSave: 'There are no changes to save.',
  unsaved: 'You have changes that are not saved yet.',

  atLeast: (limit) => `At least ${limit}.`,
  atMost: (limit) => `At most ${limit}.`,
  wholeNumber: 'Please enter a whole number.',
  numberRequired: 'Please enter a number.',
};

export default settings;
