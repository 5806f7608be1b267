import type { PreferenceMessages } from './de.ts';

const preferences: PreferenceMessages = {
  intro: 'Choose which events of your requests you get an e-mail about.',
  choices: {
    receipt: 'Confirmation of receipt when I file a request',
    replies: 'Every reply of my housing company',
    statusChanges: 'Every status change',
    appointments: 'Appointments with contractors',
  },
  save: 'Save choice',
  saved: 'Your choice has been saved.',
};

export default preferences;
