import type { ConsentMessages } from './de.ts';

const consent: ConsentMessages = {
  heading: 'Consent to a credit check',
  loading: 'Loading …',
  retry: 'Try again',
  greeting: (name) => `Hello ${name},`,
  intro: (company, listing) =>
    `${company} would like to have your creditworthiness checked for letting the flat “${listing}” – only if you consent here.`,
  whoHeading: 'Who receives which data?',
  recipient: (bureau) => `Recipient: ${bureau} (credit bureau)`,
  transmittedLabel: 'Transmitted:',
  transmitted: { name: 'your name', address: 'your current address', birthDate: 'your date of birth (optional)' },
  keptLabel: (company) =>
    `${company} receives only a rating (“no concerns”, “with conditions” or “critical”) and the bureau's reference number – no other data. What you enter on this page is used for the check only and deleted afterwards.`,
  voluntary:
    'Consent is voluntary (Art. 6(1)(a), Art. 7 GDPR). If you do not consent, the only consequence is that your creditworthiness is not checked. You can withdraw consent at any time through this link; withdrawal applies to the future.',
  listingLabel: 'Flat',
  formHeading: 'Your details for the check',
  street: 'Street and number',
  postalCode: 'Postcode',
  city: 'City',
  birthDate: 'Date of birth (optional)',
  agree: (bureau, company) => `I consent to ${company} having my creditworthiness checked by ${bureau} with the details above.`,
  mustAgree: 'Please tick the box if you want to consent.',
  required: 'Please fill in this field.',
  postalCodeInvalid: 'The postcode has 5 digits.',
  give: 'Consent',
  decline: 'Do not consent',
  givenHeading: 'You have consented',
  givenAt: (when) => `Your consent has been given since ${when}.`,
  checkedNote: 'The credit check has been carried out; what you entered has been deleted.',
  withdraw: 'Withdraw consent',
  revokedHeading: 'No consent',
  revoked: 'You did not consent or withdrew your consent. Your creditworthiness will not be checked. What you entered has been deleted.',
  givenNow: 'Thank you. Your consent has been saved.',
  revokedNow: 'Your consent has been withdrawn. This link no longer works.',
  linkValidUntil: (when) => `Your personal link is valid until ${when}.`,
  linkProblem: 'The link does not work',
};
export default consent;
