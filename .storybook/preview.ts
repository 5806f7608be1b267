/// <reference types="vite/client" />
import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { setCustomElementsManifest, type Decorator, type Preview, type StoryContext } from '@storybook/web-components-vite';
import { action } from 'storybook/actions';
import type { StrictArgTypes } from 'storybook/internal/types';
import manifest from 'virtual:custom-elements-manifest';
import { demoThemes } from '../bff/demo/themes.ts';

setCustomElementsManifest(manifest);

/** Every `mp-*` event the widgets fire (one class per event in widgets/events/), for the Actions panel. */
const eventModules = import.meta.glob<Record<string, { eventName?: string }>>('../widgets/events/*.ts', { eager: true });
const widgetEvents = Object.values(eventModules).flatMap((module) => Object.values(module).flatMap((value) => value.eventName ?? []));

const phone = (width: number, height: number, name: string) => ({
  name,
  styles: { width: `${width}px`, height: `${height}px` },
  type: 'mobile' as const,
});

/**
 * The page a widget is embedded in: the language (`lang`, which the widgets follow like on a housing
 * company's page), a demo housing company's theme, and the `--mp-*` values set in the Controls panel
 * (they win over the theme, as a company's own page CSS wins over its registered theme).
 */
const withLanguageAndTheme: Decorator = (story, { globals, args }) => {
  const tokens = Object.fromEntries(Object.entries(args).filter(([name, value]) => name.startsWith('--mp-') && value));
  const theme = demoThemes[globals.theme as keyof typeof demoThemes];
  return html`<div lang=${globals.locale} style=${styleMap({ ...theme, ...tokens })}>${story()}</div>`;
};

/**
 * Shows the events named in `parameters.actions.handles` in the Actions panel, with their `detail`. Listening
 * starts before the story renders, so the events a play function causes are there too (Storybook's
 * `withActions` decorator only starts listening after the play function).
 */
function logEvents({ canvasElement, parameters }: StoryContext): () => void {
  const handles = (parameters.actions as { handles?: string[] } | undefined)?.handles ?? [];
  const listeners = handles.map((name) => {
    const log = action(name);
    const listener = (event: Event) => {
      log(event instanceof CustomEvent ? (event.detail as unknown) : event);
    };
    return [name, listener] as const;
  });
  for (const [name, listener] of listeners) canvasElement.addEventListener(name, listener);
  return () => listeners.forEach(([name, listener]) => canvasElement.removeEventListener(name, listener));
}

/** The `--mp-*` properties each element documents get a control (a colour picker for colours) that restyles it. */
function cssPropertyControls({ argTypes }: { argTypes: StrictArgTypes }): StrictArgTypes {
  return Object.fromEntries(
    Object.entries(argTypes).map(([name, argType]) =>
      argType.table?.category === 'css custom properties'
        ? [name, { ...argType, control: { type: name.startsWith('--mp-color') ? 'color' : 'text' } }]
        : [name, argType],
    ),
  );
}

const preview: Preview = {
  tags: ['autodocs'],
  decorators: [withLanguageAndTheme],
  beforeEach: logEvents,
  argTypesEnhancers: [cssPropertyControls],
  globalTypes: {
    locale: {
      description: 'Language of the widgets (the lang attribute of the page around them)',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'de', right: 'de', title: 'Deutsch' },
          { value: 'en', right: 'en', title: 'English' },
          { value: 'tr', right: 'tr', title: 'Türkçe' },
          { value: 'pl', right: 'pl', title: 'Polski' },
          { value: 'uk', right: 'uk', title: 'Українська' },
        ],
        dynamicTitle: true,
      },
    },
    theme: {
      description: 'A demo housing company’s registered theme (bff/demo/themes.ts)',
      toolbar: {
        title: 'Theme',
        icon: 'paintbrush',
        items: [
          { value: 'default', title: 'Mieterportal (defaults)' },
          { value: 'wohnbau-nord', title: 'Wohnbau Nord eG' },
          { value: 'stadthaus-sued', title: 'Stadthaus Süd GmbH' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { locale: 'de', theme: 'default' },
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: { toc: false },
    actions: { handles: widgetEvents },
    // Every story passes the accessibility check (axe through addon-a11y); `npm run test:stories` holds it to that.
    a11y: { test: 'error' },
    viewport: {
      options: {
        phone320: phone(320, 640, 'Phone 320 px (smallest supported)'),
        phone360: phone(360, 780, 'Phone 360 px (common Android)'),
        phone375: phone(375, 667, 'Phone 375 px (iPhone SE)'),
        phone390: phone(390, 844, 'Phone 390 px (iPhone 12–15)'),
      },
    },
  },
};

export default preview;
