import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { CaseDetail } from '../widgets/internal/resident-cases-api.ts';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeCaseFiling } from '../widgets/testing/fake-case-filing.ts';
import { FakeResidentCases } from '../widgets/testing/fake-resident-cases.ts';
import '../widgets/case-detail/case-detail.ts';
import { mobileWidth, resident } from './fixtures.ts';

const fake = new FakeResidentCases();
const longFake = new FakeResidentCases({ long: true });
const detail = (caseNumber: string, from = fake): CaseDetail => from.detail(from.cases.find((item) => item.caseNumber === caseNumber)!.id)!;
const client = new FakeBff({ latency: 400, session: { state: 'signed_in', user: resident }, routes: new FakeCaseFiling().routes }).client();

interface Args {
  lang: string;
  detail: CaseDetail;
  sending: boolean;
  sendError: string;
}

/** One case as the resident sees it inside `<tenant-portal>`; files upload through the fake BFF. */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-case-detail',
  component: 'mp-case-detail',
  args: { lang: 'de', detail: detail('2026-0181'), sending: false, sendError: '' },
  argTypes: { lang: { control: 'inline-radio', options: ['de', 'en'] }, detail: { control: false } },
  render: ({ lang, detail, sending, sendError }) => html`
    <mp-case-detail lang=${lang} .client=${client} .detail=${detail} ?sending=${sending} .sendError=${sendError}
      .attachmentUrl=${(caseId: string, attachmentId: string) => client.url(`/api/cases/${caseId}/attachments/${attachmentId}`)}></mp-case-detail>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const OpenDamageReport: Story = {};

export const JustReceived: Story = { args: { detail: detail('2026-0178') } };

export const Sending: Story = { args: { sending: true } };

export const SendingFailed: Story = { args: { sendError: 'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.' } };

export const ClosedDone: Story = { args: { detail: detail('2026-0179') } };

export const ClosedDeclined: Story = { args: { detail: detail('2026-0177') } };

export const LongTexts: Story = { args: { detail: detail('2026-0181', longFake) }, decorators: [mobileWidth] };

export const English: Story = { args: { lang: 'en' } };
