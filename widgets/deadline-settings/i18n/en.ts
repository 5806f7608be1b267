import type { DeadlineMessages } from './de.ts';

const deadlines: DeadlineMessages = {
  heading: 'Deadlines',
  intro:
    'By when a new case should be dealt with: per case type and urgency in working days (Monday to Friday without the public holidays of your state). An empty field keeps the standard deadline. The deadline counts from receipt; existing cases keep theirs.',
  stateLabel: 'Federal state',
  stateHint: 'Its public holidays are not working days.',
  noState: 'Nationwide holidays only',
  states: {
    BW: 'Baden-Württemberg',
    BY: 'Bavaria',
    BE: 'Berlin',
    BB: 'Brandenburg',
    HB: 'Bremen',
    HH: 'Hamburg',
    HE: 'Hesse',
    MV: 'Mecklenburg-Western Pomerania',
    NI: 'Lower Saxony',
    NW: 'North Rhine-Westphalia',
    RP: 'Rhineland-Palatinate',
    SL: 'Saarland',
    SN: 'Saxony',
    ST: 'Saxony-Anhalt',
    SH: 'Schleswig-Holstein',
    TH: 'Thuringia',
  },
  tableCaption: 'Deadlines in working days',
  caseType: 'Case type',
  urgencies: { normal: 'Normal', urgent: 'Urgent', emergency: 'Emergency' },
  fieldLabel: (type, urgency) => `${type}, ${urgency}: deadline in working days`,
  standard: (hours) => (hours % 24 ? `Standard ${hours} h` : `Standard ${hours / 24} ${hours === 24 ? 'day' : 'days'}`),
  standardHint: 'Standard: calendar days or hours from receipt, weekends included.',
  wholeDays: 'Please enter a whole number from 1 to 60 working days or empty the field.',
  save: 'Save deadlines',
  saved: 'Saved. New cases get these deadlines.',
  nothingToSave: 'There are no changes to save.',
};

export default deadlines;
