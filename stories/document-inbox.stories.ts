import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ResidentDocument } from '../widgets/internal/resident-cases-api.ts';
import { sampleDocuments } from '../widgets/testing/fake-resident-cases.ts';
import '../widgets/document-inbox/document-inbox.ts';
import { english, phone320 } from './fixtures.ts';
import { expectShown } from './play.ts';

interface Args {
  documents: ResidentDocument[];
  hasMore: boolean;
  loadingMore: boolean;
}

/** "Meine Dokumente" as `<tenant-portal>` shows it: unread ones marked "Neu". */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-document-inbox',
  component: 'mp-document-inbox',
  args: { documents: sampleDocuments(), hasMore: false, loadingMore: false },
  argTypes: { documents: { control: false } },
  render: ({ documents, hasMore, loadingMore }) => html`
    <mp-document-inbox .documents=${documents} ?has-more=${hasMore} ?loading-more=${loadingMore}
      .documentUrl=${(id: string) => `#/api/documents/${id}/file`}></mp-document-inbox>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const TwoUnread: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Neu, ungelesen', 'Betriebskostenabrechnung 2025'),
};

export const AllRead: Story = {
  args: { documents: sampleDocuments().map((document) => ({ ...document, readAt: document.readAt ?? document.publishedAt })) },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Betriebskostenabrechnung 2025', 'Mietvertrag'),
};

export const WithMore: Story = { args: { hasMore: true }, play: ({ canvasElement }) => expectShown(canvasElement, 'Weitere laden') };

export const LongTexts: Story = {
  args: { documents: sampleDocuments(true) },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Betriebskostenabrechnung'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'New, unread', 'Service charge statement'),
};
