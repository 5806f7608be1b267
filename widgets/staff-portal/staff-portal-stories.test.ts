import { expect, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as stories from '../../stories/staff-portal.stories.ts';
import type { CaseBoard } from '../case-board/case-board.ts';
import type { StaffPortal } from './staff-portal.ts';

type Story = { args?: Record<string, unknown>; decorators?: ((story: () => TemplateResult, context: unknown) => TemplateResult)[] };

/** Every story of stories/staff-portal.stories.ts renders an accessible portal; signed-in ones with a loaded board. */
describe('<staff-portal> stories', function () {
  this.timeout(30000);
  const { default: meta, ...named } = stories as unknown as {
    default: { args: Record<string, unknown>; render: (args: never) => TemplateResult };
  } & Record<string, Story>;
  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  for (const [name, story] of Object.entries(named)) {
    it(`${name} renders`, async () => {
      const args: Record<string, unknown> = { ...meta.args, ...story.args };
      args.bff = { ...(args.bff as object), latency: 0 };
      let template = () => meta.render(args as never);
      for (const decorator of story.decorators ?? []) {
        const inner = template;
        template = () => decorator(inner, { args });
      }
      const container = document.createElement('div');
      document.body.append(container);
      cleanups.push(() => container.remove());
      render(template(), container);
      const portal = container.querySelector<StaffPortal>('staff-portal')!;
      await waitUntil(() => portal.shadowRoot?.querySelector('mp-sign-in-flow, case-board'), 'portal did not load', { timeout: 10000 });
      const board = portal.shadowRoot!.querySelector<CaseBoard>('case-board');
      if (board)
        await waitUntil(() => board.shadowRoot && !board.shadowRoot.querySelector('.loading'), 'board did not load', { timeout: 10000 });
      if (board && args.liveNewCaseAfter !== undefined)
        await waitUntil(() => board.shadowRoot!.querySelector('.new-badge'), 'no live case', { timeout: 10000 });
      await expect(portal).to.be.accessible();
    });
  }
});
