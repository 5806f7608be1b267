import type { RoutingMessages } from './de.ts';

const routing: RoutingMessages = {
  heading: 'Responsibilities',
  intro:
    'Who receives new cases: per type of case and, for damage reports, per damage category. A rule for a category wins over the rule for all damage reports. Without a rule a case stays unassigned.',
  rulesSection: 'Rules',
  noRules: 'No rules yet: new cases stay unassigned.',
  caseType: 'Type of case',
  category: 'Damage category',
  anyCategory: 'All categories',
  assignee: 'Responsible',
  chooseAssignee: 'Please choose …',
  unknownAssignee: 'unknown',
  setSection: 'Set a rule',
  setHint: 'If there is a rule for this type and category already, its responsible person is replaced.',
  saveRule: 'Save rule',
  assigneeRequired: 'Please choose the responsible person.',
  ruleLine: (what: string, who: string) => `${what} → ${who}`,
  removeRule: (what: string) => `Remove rule “${what}”`,
  saved: (what: string, who: string) => `Saved: ${what} → ${who}.`,
  removed: (what: string) => `Rule “${what}” removed.`,
};

export default routing;
