import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { emptyCaseReport, FakeReports, type FakeReportsOptions } from '../widgets/testing/fake-reports.ts';
import '../widgets/case-reports/case-reports.ts';
import { clerk, english, phone320 } from './fixtures.ts';
import { expectShown } from './play.ts';

interface Args {
  /** The in-memory API: the report, failures, latency. */
  reports: FakeReportsOptions;
}

/** The case reports against an in-memory BFF whose answers the contract checks. */
const meta: Meta<Args> = {
  title: 'Vorgänge/case-reports',
  component: 'case-reports',
  args: { reports: { latency: 200 } },
  argTypes: { reports: { control: 'object' } },
  render: ({ reports }) => {
    const bff = new FakeBff({ session: { state: 'signed_in', user: clerk }, routes: new FakeReports(reports).routes });
    return html`<case-reports .client=${bff.client()}></case-reports>`;
  },
};
export default meta;

type Story = StoryObj<Args>;

export const Full: Story = {
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Im Zeitraum sind 95 Vorgänge eingegangen.', 'Bearbeitungszeit', 'Fristtreue', 'Heute 37 offene Vorgänge'),
};

export const Empty: Story = {
  args: { reports: { report: emptyCaseReport() } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Im Zeitraum ist kein Vorgang eingegangen.', 'Heute ist kein Vorgang offen.'),
};

export const Loading: Story = {
  args: { reports: { neverAnswers: true } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen'),
};

export const LoadFailed: Story = {
  args: { reports: { failing: true } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Die Auswertung konnte nicht geladen werden.', 'Erneut versuchen'),
};

export const StaffOnly: Story = {
  args: { reports: { signedInAs: 'resident' } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Die Auswertungen können nur Mitarbeitende der Hausverwaltung sehen.'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, '95 cases were filed in the period.', 'Open backlog'),
};

export const Mobile320: Story = {
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Eingang', 'Offener Bestand'),
};
