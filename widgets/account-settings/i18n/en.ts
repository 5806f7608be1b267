import type { AccountMessages } from './de.ts';

const account: AccountMessages = {
  heading: 'My account',
  sessionsHeading: 'Signed-in devices',
  sessionsIntro: 'You are signed in here. End sessions you do not recognise, then change your password.',
  thisDevice: 'This device',
  sessionTimes: (since, lastSeen) => `Signed in since ${since}, last active ${lastSeen}`,
  endSession: 'End',
  endSessionOf: (device) => `End session “${device}”`,
  endOthers: 'Sign out all other devices',
  noOtherSessions: 'You are not signed in on any other device.',
  sessionEnded: 'The session was ended.',
  othersEnded: (count) =>
    count === 0 ? 'There were no other sessions.' : count === 1 ? 'One session was ended.' : `${count} sessions were ended.`,
  passwordHeading: 'Password',
  currentPassword: 'Current password',
  newPassword: 'New password',
  newPasswordHint: 'At least 10 characters.',
  changePassword: 'Change password',
  passwordChanged: 'Your password was changed. You are now signed out on all other devices.',
  secondFactorHeading: 'Second factor',
  factorTotp: 'You confirm sign-ins with an authenticator app.',
  factorEmail: 'You confirm sign-ins with a code by e-mail.',
  factorNone: 'No second factor is set up for your account yet.',
  recoveryLeft: (count) => (count === 1 ? 'You have 1 recovery code left.' : `You have ${count} recovery codes left.`),
  reenrolTotp: 'Set up the authenticator app again',
  switchToTotp: 'Switch to an authenticator app',
  reenrolIntro: 'Confirm with your password. Your current app stays valid until the new one is confirmed.',
  startReenrol: 'Continue',
  scanQr: 'Scan the QR code with your authenticator app or enter the key:',
  qrAlt: 'QR code for the authenticator app',
  newAppCode: 'Code from the new app',
  confirmReenrol: 'Confirm new app',
  reenrolled: 'The new authenticator app is set up. The previous one no longer works.',
  newRecoveryCodes: 'New recovery codes',
  recoveryIntro: 'Confirm with your password. Your previous recovery codes stop working.',
  createRecoveryCodes: 'Create codes',
  recoveryCodesHeading: 'Your recovery codes',
  recoveryCodesOnce:
    'Write these codes down now and keep them safe: they are shown only this once. Each code works once instead of a code from the app.',
  recoveryCodesDone: 'I have written the codes down',
  cancel: 'Cancel',
  emailHeading: 'E-mail address',
  currentEmail: (email) => `Your address: ${email}`,
  pendingEmail: (email) => `Not confirmed yet: ${email}. Please open the link in the e-mail to that address.`,
  newEmail: 'New e-mail address',
  confirmPassword: 'Password to confirm',
  password: 'Password',
  changeEmail: 'Send confirmation link',
  emailSent: (to) => `We sent a confirmation link to ${to}. Your address changes as soon as you open it.`,
  pending: 'Sending …',
  signInFirst: 'Please sign in to manage your account.',
  retry: 'Try again',
  privacyHeading: 'My data',
  privacyIntro:
    'Download everything the tenant portal has stored about you (access under Art. 15 GDPR), or ask for your data to be erased (Art. 17 GDPR).',
  downloadJson: 'Download all data (JSON, machine-readable)',
  downloadPdf: 'Download all data (PDF, to read)',
  erasureHeading: 'Ask for erasure',
  erasureIntro:
    'The housing company checks your request and deletes or anonymises everything it does not have to keep. Your access to the portal is deleted as well: afterwards you can no longer sign in.',
  keptHeading: 'What has to be kept – and why',
  kept: {
    openCases: (count) => (count === 1 ? '1 open request' : `${count} open requests`),
    cases: (count, until) =>
      `${count === 1 ? '1 closed request' : `${count} closed requests`} with messages and attachments, until ${until} at the latest`,
    documents: (count, until) =>
      `${count === 1 ? '1 letter' : `${count} letters`} from the housing company to you, until ${until} at the latest`,
    tenancies: () => 'Your tenancy or ownership (name, flat, contract data)',
    request: (_count, until) => `Your erasure request and how it was completed (without content), until ${until}`,
  },
  keptWhy: {
    openCases:
      'The housing company finishes them, for example a repair in your flat; afterwards the periods for closed requests apply. Your availability details are removed at once.',
    cases:
      'Requests are business correspondence: kept for 6 years after closing (§ 257 HGB), 10 years with a contractor order because invoices rely on them (§ 147 AO). Your availability details are removed.',
    documents: 'Statements, certificates and letters are commercial and tax records (§ 257 HGB, § 147 AO).',
    tenancies: 'The housing company needs these for your contract and the statutory retention (Art. 6(1)(b) and (c) GDPR).',
    request: 'As proof that your request was fulfilled (Art. 5(2) GDPR).',
  },
  startErasure: 'Ask for erasure …',
  confirmErasureQuestion:
    'Do you really want to ask for your data to be erased? Once the housing company has completed the request, it cannot be undone.',
  confirmErasureCheck: 'Yes, I ask for my data to be erased and I know that I can no longer sign in afterwards.',
  confirmErasure: 'Ask for erasure now',
  erasureRequested: 'Your erasure request has been received. The housing company is working on it.',
  erasureOpen: (date) =>
    `You asked for erasure on ${date}. The housing company is working on your request; until then you can keep using the portal and download your data.`,
  erasureCompleted: (date) => `An earlier erasure request was completed on ${date}.`,
  errors: {
    erasure_already_requested: 'You have already asked for your data to be erased. The housing company is working on your request.',
  },
};

export default account;
