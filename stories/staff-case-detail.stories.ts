import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { CertificatePreview, StaffCase, StaffCaseDetail } from '../widgets/internal/staff-cases-api.ts';
import type { StaffCaseAction } from '../widgets/staff-case-detail/staff-case-detail.ts';
import { FakeStaffCases, fakeClerks } from '../widgets/testing/fake-staff-cases.ts';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FAKE_ORDER_CASE, FakeContractorOrder } from '../widgets/testing/fake-contractor-order.ts';
import '../widgets/staff-case-detail/staff-case-detail.ts';
import '../widgets/staff-case-detail/work-order-panel.ts';
import { english, phone320 } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';
import { photoDataUrl } from './case-filing-fixtures.ts';

const fake = new FakeStaffCases();
const longFake = new FakeStaffCases({ longTexts: true, count: 8 });
const detailOf = (find: (item: StaffCase) => boolean, from = fake): StaffCaseDetail =>
  [...from.store.values()].find((stored) => find(stored.case))!;
const damage = detailOf((item) => item.type === 'damage' && item.status === 'in_bearbeitung');
const heading = (detail: StaffCaseDetail) => `Vorgang ${detail.case.caseNumber}: ${detail.case.title}`;

interface Args {
  detail?: StaffCaseDetail;
  summary?: StaffCase;
  loadError?: string;
  busy?: StaffCaseAction;
  notice?: string;
  actionError?: string;
  uploadProgress?: number;
  certificatePreview?: CertificatePreview;
}

/**
 * One case as a clerk works it, inside `<case-board>`. Presentational: the actions only fire their events
 * (see the Actions panel); the board does the work and sets `busy`, `notice` and `actionError`.
 */
const meta: Meta<Args> = {
  title: 'Vorgänge/mp-staff-case-detail',
  component: 'mp-staff-case-detail',
  args: { detail: damage },
  argTypes: {
    detail: { control: false },
    summary: { control: false },
    busy: { control: 'select', options: [undefined, 'status', 'assign', 'message', 'document', 'certificate'] },
    certificatePreview: { control: false },
  },
  render: ({ detail, summary, loadError, busy, notice, actionError, uploadProgress, certificatePreview }) => html`
    <mp-staff-case-detail
      .detail=${detail}
      .summary=${summary}
      .loadError=${loadError}
      .clerks=${fakeClerks}
      .busy=${busy}
      .notice=${notice}
      .actionError=${actionError}
      .uploadProgress=${uploadProgress}
      .certificatePreview=${certificatePreview}
      .attachmentUrl=${(caseId: string, attachmentId: string) => `/api/staff/cases/${caseId}/attachments/${attachmentId}`}
      .thumbnailUrl=${() => photoDataUrl}
    ></mp-staff-case-detail>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const DamageReport: Story = {
  play: ({ canvasElement }) =>
    expectShown(canvasElement, heading(damage), 'Schadensort', 'Verlauf', 'Status ändern', 'Antwort oder interne Notiz'),
};

/** The resident's photos small (the BFF's thumbnails, lazily loaded) above their download links; a PDF without one. */
export const DamageReportPhotos: Story = {
  play: async ({ canvasElement }) => {
    const thumbnail = await findDeep<HTMLImageElement>(canvasElement, 'img[part="thumbnail"]');
    await expect(thumbnail.alt).toBe('Foto foto-schaden.jpg');
    await expectShown(canvasElement, 'Kostenvoranschlag Installateur Meier GmbH.pdf');
  },
};

/** "Drucken" prints the case through the print stylesheet (forms and buttons left out, the time of printing on top). */
export const Printable: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, heading(damage), 'Drucken', 'Verlauf'),
};

export const Loading: Story = {
  args: { detail: undefined, summary: damage.case },
  play: ({ canvasElement }) => expectShown(canvasElement, heading(damage), 'Wird geladen …'),
};

export const LoadError: Story = {
  args: { detail: undefined, summary: damage.case, loadError: 'Der Dienst ist gerade nicht erreichbar.' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Vorgang konnte nicht geladen werden.', 'Erneut versuchen'),
};

const certificateRequest = detailOf((item) => item.documentType?.label === 'Mieterbescheinigung' && item.status === 'eingegangen');

export const CertificateRequest: Story = {
  args: { detail: certificateRequest },
  play: ({ canvasElement }) => expectShown(canvasElement, heading(certificateRequest), 'Bescheinigung prüfen und freigeben'),
};

/** The certificate as the board previewed it (the fake BFF's answer, its PDF as a blob: URL). */
function certificatePreview(changed = false): CertificatePreview {
  const stored = fake.store.get(certificateRequest.case.id)!;
  const answer = fake.certificatePreview(stored);
  const bytes = Uint8Array.from(atob(answer.pdf), (char) => char.charCodeAt(0));
  return {
    caseId: certificateRequest.case.id,
    digest: answer.digest,
    certificate: { ...answer.certificate, issuedOn: '2026-11-28', tenancyStart: changed ? '2019-04-01' : null },
    fileName: answer.fileName,
    pdfUrl: URL.createObjectURL(new Blob([bytes], { type: 'application/pdf' })),
  };
}

/** "Bescheinigung prüfen und freigeben" pressed: what the certificate states and the PDF, released only with "Bescheinigung freigeben". */
export const CertificatePreviewShown: Story = {
  args: { detail: certificateRequest, certificatePreview: certificatePreview() },
  play: async ({ canvasElement }) => {
    await expectShown(
      canvasElement,
      'Vorschau der Mieterbescheinigung',
      'Mietbeginn',
      'laut Mietvertrag',
      'Bescheinigung freigeben',
      'Abbrechen',
    );
    const frame = await findDeep<HTMLIFrameElement>(canvasElement, 'iframe[part="certificate-pdf"]');
    await expect(frame.src.startsWith('blob:'), 'the PDF is shown').toBe(true);
  },
};

/** The data changed since the first look: the board shows the refusal in the preview, which states the new data. */
export const CertificatePreviewChanged: Story = {
  args: {
    detail: certificateRequest,
    certificatePreview: certificatePreview(true),
    actionError: 'Die Angaben haben sich seit der Vorschau geändert. Bitte prüfen Sie die Vorschau erneut.',
  },
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Die Angaben haben sich seit der Vorschau geändert.', '01.04.2019', 'Bescheinigung freigeben'),
};

export const CertificateReleasing: Story = {
  args: { detail: certificateRequest, certificatePreview: certificatePreview(), busy: 'certificate' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird freigegeben …'),
};

export const CertificatePreviewEnglish: Story = {
  args: { detail: certificateRequest, certificatePreview: certificatePreview(true) },
  globals: english,
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Preview of the tenancy certificate', '1 Apr 2019', 'Release certificate', 'Cancel'),
};

export const CertificatePreview320: Story = {
  args: { detail: certificateRequest, certificatePreview: certificatePreview() },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Vorschau der Mieterbescheinigung', 'Bescheinigung freigeben'),
};

export const Closed: Story = {
  args: { detail: detailOf((item) => item.status === 'erledigt') },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Vorgang ist abgeschlossen; der Status lässt sich nicht mehr ändern.'),
};

export const Uploading: Story = {
  args: { busy: 'document', uploadProgress: 0.4 },
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'Hochladen');
    const progress = await findDeep<HTMLProgressElement>(canvasElement, 'progress');
    await expect(progress.value, 'the upload is under way').toBe(0.4);
  },
};

export const Confirmed: Story = {
  args: { notice: 'Status auf „Beauftragt“ geändert.' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Status auf „Beauftragt“ geändert.'),
};

export const ChangedMeanwhile: Story = {
  args: {
    actionError:
      'Jemand anderes hat diesen Vorgang gerade geändert. Er ist neu geladen – bitte prüfen Sie ihn und versuchen Sie es erneut.',
  },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Jemand anderes hat diesen Vorgang gerade geändert.'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, `Case ${damage.case.caseNumber}`, 'Activity', 'Change status'),
};

const longDamage = detailOf((item) => item.type === 'damage', longFake);

export const LongTexts320: Story = {
  args: { detail: longDamage },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, heading(longDamage), 'Beschreibung'),
};

/** A damage case whose contractor reported the work done: the work-order slot holds `<mp-work-order-panel>`. */
export const WorkOrderDone: Story = {
  render: () => {
    const order = new FakeContractorOrder({ status: 'done' });
    const bff = new FakeBff({ session: { state: 'anonymous' }, routes: order.routes });
    return html`<mp-staff-case-detail .detail=${damage} .clerks=${fakeClerks}>
      <mp-work-order-panel slot="work-order" case-id=${FAKE_ORDER_CASE} .client=${bff.client()}></mp-work-order-panel>
    </mp-staff-case-detail>`;
  },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Handwerker', 'Als erledigt gemeldet', 'Handwerker beauftragen'),
};
