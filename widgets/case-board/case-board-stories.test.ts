import { expect, waitUntil } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as stories from '../../stories/case-board.stories.ts';
import type { CaseBoard } from './case-board.ts';

type Story = { args?: Record<string, unknown>; decorators?: ((story: () => TemplateResult, context: unknown) => TemplateResult)[] };

/** Every story of stories/case-board.stories.ts renders a working, accessible board (the designers' states stay real). */
describe('<case-board> stories', function () {
  this.timeout(30000);
  const { default: meta, ...named } = stories as unknown as {
    default: { args: Record<string, unknown>; render: (args: never) => TemplateResult };
  } & Record<string, Story>;

  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  for (const [name, story] of Object.entries(named)) {
    it(`${name} renders`, async () => {
      // No artificial latency here (except for the loading state itself): the states matter, not the waiting.
      const args: Record<string, unknown> = { ...meta.args, ...story.args, ...(name === 'Loading' ? {} : { latency: 0 }) };
      let template = () => meta.render(args as never);
      for (const decorator of story.decorators ?? []) {
        const inner = template;
        template = () => decorator(inner, { args });
      }
      // Rendered by hand: fixture() would wait for an animation frame on a decorator's wrapper, which a background page never gets.
      const container = document.createElement('div');
      document.body.append(container);
      cleanups.push(() => container.remove());
      render(template(), container);
      const board = container.querySelector<CaseBoard>('case-board')!;
      await board.updateComplete;
      if (name === 'Loading') {
        expect(board.shadowRoot!.textContent).to.contain('Vorgänge werden geladen');
        return;
      }
      const root = board.shadowRoot!;
      await waitUntil(() => !root.querySelector('.loading'), 'board did not load', { timeout: 10000 });
      if (args.open) {
        const detail = () => root.querySelector('mp-staff-case-detail');
        await waitUntil(() => detail()?.detail || detail()?.loadError, 'case did not open', { timeout: 10000 });
        await detail()!.updateComplete;
      }
      if (args.liveNewCaseAfter !== undefined) {
        await waitUntil(() => root.querySelector('.new-badge'), 'no live case', { timeout: 10000 });
      }
      await board.updateComplete;
      await expect(board).to.be.accessible();
    });
  }
});
