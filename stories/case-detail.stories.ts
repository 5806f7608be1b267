import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect } from 'storybook/test';
import type { CaseDetail } from '../widgets/internal/resident-cases-api.ts';
import { FakeBff } from '../widgets/testing/fake-bff.ts';
import { FakeCaseFiling } from '../widgets/testing/fake-case-filing.ts';
import { FakeResidentCases } from '../widgets/testing/fake-resident-cases.ts';
import '../widgets/case-detail/case-detail.ts';
import { english, phone320, resident } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';
import { photoDataUrl } from './case-filing-fixtures.ts';

const fake = new FakeResidentCases();
const longFake = new FakeResidentCases({ long: true });
const detail = (caseNumber: string, from = fake): CaseDetail => from.detail(from.cases.find((item) => item.caseNumber === caseNumber)!.id)!;
const client = new FakeBff({ latency: 400, session: { state: 'signed_in', user: resident }, routes: new FakeCaseFiling().routes }).client();

interface Args {
  detail: CaseDetail;
  sending: boolean;
  sendError: string;
}

/** One case as the resident sees it inside `<tenant-portal>`; files upload through the fake BFF. */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-case-detail',
  component: 'mp-case-detail',
  args: { detail: detail('2026-0181'), sending: false, sendError: '' },
  argTypes: { detail: { control: false } },
  render: ({ detail, sending, sendError }) => html`
    <mp-case-detail .client=${client} .detail=${detail} ?sending=${sending} .sendError=${sendError}
      .attachmentUrl=${(caseId: string, attachmentId: string) => client.url(`/api/cases/${caseId}/attachments/${attachmentId}`)}
      .thumbnailUrl=${() => photoDataUrl}></mp-case-detail>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const OpenDamageReport: Story = {
  play: ({ canvasElement }) =>
    expectShown(canvasElement, 'Nr. 2026-0181', 'Beauftragt', 'Verlauf', 'Nachrichten', 'Nachricht oder Dateien hinzufügen'),
};

/** The resident's photos of the case, small (the BFF's thumbnails), above their download links. */
export const PhotoThumbnails: Story = {
  play: async ({ canvasElement }) => {
    const thumbnail = await findDeep<HTMLImageElement>(canvasElement, 'img[part="thumbnail"]');
    await expectShown(canvasElement, 'Foto-Bad.jpg');
    await expect(thumbnail.alt).toBe('Foto Foto-Bad.jpg');
  },
};

export const JustReceived: Story = {
  args: { detail: detail('2026-0178') },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Nr. 2026-0178', 'Eingegangen', 'Anliegen eingegangen'),
};

export const Sending: Story = {
  args: { sending: true },
  play: async ({ canvasElement }) => {
    const send = await findDeep<HTMLButtonElement>(canvasElement, 'button[part~="send"]');
    await expect(send.getAttribute('aria-busy'), 'the send button waits').toBe('true');
  },
};

export const SendingFailed: Story = {
  args: { sendError: 'Der Server ist gerade nicht erreichbar. Bitte prüfen Sie Ihre Verbindung.' },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Der Server ist gerade nicht erreichbar.'),
};

export const ClosedDone: Story = {
  args: { detail: detail('2026-0179') },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Erledigt', 'Dieses Anliegen ist erledigt'),
};

export const ClosedDeclined: Story = {
  args: { detail: detail('2026-0177') },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Abgelehnt', 'Dieses Anliegen wurde abgelehnt'),
};

export const LongTexts: Story = {
  args: { detail: detail('2026-0181', longFake) },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Nr. 2026-0181', 'im dritten Obergeschoss'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Commissioned', 'Messages'),
};
