import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ResidentCase } from '../widgets/internal/resident-cases-api.ts';
import { manyCases, sampleCases } from '../widgets/testing/fake-resident-cases.ts';
import '../widgets/case-list/case-list.ts';
import { mobileWidth } from './fixtures.ts';

interface Args {
  lang: string;
  cases: ResidentCase[];
  hasMore: boolean;
  loadingMore: boolean;
  highlight?: string;
}

/** "Meine Anliegen" as `<tenant-portal>` shows it; the portal loads pages and opens cases. */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-case-list',
  component: 'mp-case-list',
  args: { lang: 'de', cases: sampleCases(), hasMore: false, loadingMore: false },
  argTypes: { lang: { control: 'inline-radio', options: ['de', 'en'] }, cases: { control: false } },
  render: ({ lang, cases, hasMore, loadingMore, highlight }) => html`
    <mp-case-list lang=${lang} .cases=${cases} ?has-more=${hasMore} ?loading-more=${loadingMore} .highlight=${highlight}></mp-case-list>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const EveryStatus: Story = {};

export const WithMore: Story = { args: { cases: manyCases(20), hasMore: true } };

export const LoadingMore: Story = { args: { cases: manyCases(20), hasMore: true, loadingMore: true } };

export const JustFiled: Story = { args: { highlight: sampleCases()[0].id } };

export const LongTexts: Story = { args: { cases: sampleCases(true) }, decorators: [mobileWidth] };

export const English: Story = { args: { lang: 'en' } };
