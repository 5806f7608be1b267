import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ResidentDocument } from '../widgets/internal/resident-cases-api.ts';
import { sampleDocuments } from '../widgets/testing/fake-resident-cases.ts';
import '../widgets/document-inbox/document-inbox.ts';
import { mobileWidth } from './fixtures.ts';

interface Args {
  lang: string;
  documents: ResidentDocument[];
  hasMore: boolean;
  loadingMore: boolean;
}

/** "Meine Dokumente" as `<tenant-portal>` shows it: unread ones marked "Neu". */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-document-inbox',
  component: 'mp-document-inbox',
  args: { lang: 'de', documents: sampleDocuments(), hasMore: false, loadingMore: false },
  argTypes: { lang: { control: 'inline-radio', options: ['de', 'en'] }, documents: { control: false } },
  render: ({ lang, documents, hasMore, loadingMore }) => html`
    <mp-document-inbox lang=${lang} .documents=${documents} ?has-more=${hasMore} ?loading-more=${loadingMore}
      .documentUrl=${(id: string) => `#/api/documents/${id}/file`}></mp-document-inbox>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const TwoUnread: Story = {};

export const AllRead: Story = {
  args: { documents: sampleDocuments().map((document) => ({ ...document, readAt: document.readAt ?? document.publishedAt })) },
};

export const WithMore: Story = { args: { hasMore: true } };

export const LongTexts: Story = { args: { documents: sampleDocuments(true) }, decorators: [mobileWidth] };

export const English: Story = { args: { lang: 'en' } };
