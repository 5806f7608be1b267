import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { StaffCase, StaffCaseDetail } from '../widgets/internal/staff-cases-api.ts';
import type { StaffCaseAction } from '../widgets/staff-case-detail/staff-case-detail.ts';
import { FakeStaffCases, fakeClerks } from '../widgets/testing/fake-staff-cases.ts';
import '../widgets/staff-case-detail/staff-case-detail.ts';
import { mobileWidth } from './fixtures.ts';

const fake = new FakeStaffCases();
const longFake = new FakeStaffCases({ longTexts: true, count: 8 });
const detailOf = (find: (item: StaffCase) => boolean, from = fake): StaffCaseDetail =>
  [...from.store.values()].find((stored) => find(stored.case))!;
const damage = detailOf((item) => item.type === 'damage' && item.status === 'in_bearbeitung');

interface Args {
  lang: string;
  detail?: StaffCaseDetail;
  summary?: StaffCase;
  loadError?: string;
  busy?: StaffCaseAction;
  notice?: string;
  actionError?: string;
  uploadProgress?: number;
}

/**
 * One case as a clerk works it, inside `<case-board>`. Presentational: the actions only fire their events
 * (see the Actions panel); the board does the work and sets `busy`, `notice` and `actionError`.
 */
const meta: Meta<Args> = {
  title: 'Vorgänge/mp-staff-case-detail',
  component: 'mp-staff-case-detail',
  args: { lang: 'de', detail: damage },
  argTypes: {
    lang: { control: 'inline-radio', options: ['de', 'en'] },
    detail: { control: false },
    summary: { control: false },
    busy: { control: 'select', options: [undefined, 'status', 'assign', 'message', 'document', 'certificate'] },
  },
  render: ({ lang, detail, summary, loadError, busy, notice, actionError, uploadProgress }) => html`
    <mp-staff-case-detail
      lang=${lang}
      .detail=${detail}
      .summary=${summary}
      .loadError=${loadError}
      .clerks=${fakeClerks}
      .busy=${busy}
      .notice=${notice}
      .actionError=${actionError}
      .uploadProgress=${uploadProgress}
      .attachmentUrl=${(caseId: string, attachmentId: string) => `/api/staff/cases/${caseId}/attachments/${attachmentId}`}
    ></mp-staff-case-detail>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const DamageReport: Story = {};

export const Loading: Story = { args: { detail: undefined, summary: damage.case } };

export const LoadError: Story = {
  args: { detail: undefined, summary: damage.case, loadError: 'Der Dienst ist gerade nicht erreichbar.' },
};

export const CertificateRequest: Story = {
  args: { detail: detailOf((item) => item.documentType?.label === 'Mieterbescheinigung' && item.status === 'eingegangen') },
};

export const Closed: Story = { args: { detail: detailOf((item) => item.status === 'erledigt') } };

export const Uploading: Story = { args: { busy: 'document', uploadProgress: 0.4 } };

export const Confirmed: Story = { args: { notice: 'Status auf „Beauftragt“ geändert.' } };

export const ChangedMeanwhile: Story = {
  args: {
    actionError:
      'Jemand anderes hat diesen Vorgang gerade geändert. Er ist neu geladen – bitte prüfen Sie ihn und versuchen Sie es erneut.',
  },
};

export const English: Story = { args: { lang: 'en' } };

export const LongTexts320: Story = { args: { detail: detailOf((item) => item.type === 'damage', longFake) }, decorators: [mobileWidth] };
