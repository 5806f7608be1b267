import { expect } from '@open-wc/testing';
import { render, type TemplateResult } from 'lit';
import * as stories from '../../stories/staff-case-detail.stories.ts';
import type { StaffCaseDetailView } from './staff-case-detail.ts';

type Story = { args?: Record<string, unknown>; decorators?: ((story: () => TemplateResult, context: unknown) => TemplateResult)[] };

/** Every story of stories/staff-case-detail.stories.ts renders an accessible case view. */
describe('<mp-staff-case-detail> stories', function () {
  this.timeout(20000);
  const { default: meta, ...named } = stories as unknown as {
    default: { args: Record<string, unknown>; render: (args: never) => TemplateResult };
  } & Record<string, Story>;

  const cleanups: (() => void)[] = [];
  afterEach(() => cleanups.splice(0).forEach((cleanup) => cleanup()));

  for (const [name, story] of Object.entries(named)) {
    it(`${name} renders`, async () => {
      const args: Record<string, unknown> = { ...meta.args, ...story.args };
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
      const view = container.querySelector<StaffCaseDetailView>('mp-staff-case-detail')!;
      await view.updateComplete;
      expect(view.shadowRoot!.querySelector('[part="heading"]')!.textContent).to.match(/\d{4}-\d{4}/);
      await expect(view).to.be.accessible();
    });
  }
});
