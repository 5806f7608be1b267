import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import type { ResidentCase } from '../widgets/internal/resident-cases-api.ts';
import { manyCases, sampleCases } from '../widgets/testing/fake-resident-cases.ts';
import '../widgets/case-list/case-list.ts';
import { english, phone320, ukrainian } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

interface Args {
  cases: ResidentCase[];
  hasMore: boolean;
  loadingMore: boolean;
  highlight?: string;
}

/** "Meine Anliegen" as `<tenant-portal>` shows it; the portal loads pages and opens cases. */
const meta: Meta<Args> = {
  title: 'Anliegen/mp-case-list',
  component: 'mp-case-list',
  args: { cases: sampleCases(), hasMore: false, loadingMore: false },
  argTypes: { cases: { control: false } },
  render: ({ cases, hasMore, loadingMore, highlight }) => html`
    <mp-case-list .cases=${cases} ?has-more=${hasMore} ?loading-more=${loadingMore} .highlight=${highlight}></mp-case-list>
  `,
};
export default meta;

type Story = StoryObj<Args>;

export const EveryStatus: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Eingegangen', 'In Bearbeitung', 'Beauftragt', 'Erledigt', 'Abgelehnt'),
};

export const WithMore: Story = {
  args: { cases: manyCases(20), hasMore: true },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Weitere laden'),
};

export const LoadingMore: Story = {
  args: { cases: manyCases(20), hasMore: true, loadingMore: true },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wird geladen …'),
};

export const JustFiled: Story = {
  args: { highlight: sampleCases()[0].id },
  play: async ({ canvasElement }) => expectShown(await findDeep(canvasElement, '[part~="case"][data-highlight]'), sampleCases()[0].title),
};

export const LongTexts: Story = {
  args: { cases: sampleCases(true) },
  globals: phone320,
  play: ({ canvasElement }) => expectShown(canvasElement, 'im dritten Obergeschoss'),
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Received', 'In progress', 'Commissioned', 'Done', 'Declined'),
};

export const Ukrainian: Story = {
  globals: ukrainian,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Отримано', 'В обробці', 'Доручено', 'Виконано', 'Відхилено'),
};

export const WithNews: Story = {
  args: { cases: sampleCases().map((item, index) => ({ ...item, hasNews: index < 2 })) },
  play: async ({ canvasElement }) => expectShown(await findDeep(canvasElement, '[part~="case"][data-news]'), 'Neu'),
};

export const NothingNew: Story = {
  args: { cases: sampleCases().map((item) => ({ ...item, hasNews: false })) },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Wasserschaden · Bad'),
};
