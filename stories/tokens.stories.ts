import { html } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import { getCustomElements, type Meta, type StoryObj } from '@storybook/web-components-vite';
import { expectShown } from './play.ts';

interface Token {
  name: string;
  default?: string;
  /** What it styles, as most elements that read it put it. */
  description: string;
  elements: string[];
}

type Manifest = {
  modules: { declarations?: { tagName?: string; cssProperties?: { name: string; default?: string; description?: string }[] }[] }[];
};

/** Every `--mp-*` custom property the elements document in custom-elements.json, with the elements that read it. */
function tokens(): Token[] {
  const found = new Map<string, { default?: string; descriptions: string[]; elements: string[] }>();
  for (const declaration of (getCustomElements() as Manifest).modules.flatMap((module) => module.declarations ?? [])) {
    for (const property of declaration.tagName ? (declaration.cssProperties ?? []) : []) {
      const token = found.get(property.name) ?? { default: property.default, descriptions: [], elements: [] };
      token.descriptions.push(property.description ?? '');
      token.elements.push(declaration.tagName!);
      found.set(property.name, token);
    }
  }
  const mostCommon = (texts: string[]) =>
    texts.sort((a, b) => texts.filter((text) => text === b).length - texts.filter((text) => text === a).length)[0];
  return [...found]
    .map(([name, token]) => ({ name, default: token.default, description: mostCommon(token.descriptions), elements: token.elements }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

/** What the token looks like with the current theme: a colour, a font, a radius or a length. */
function swatch({ name, default: fallback }: Token) {
  const value = `var(${name}, ${fallback ?? 'initial'})`;
  if (name.startsWith('--mp-color')) return html`<span class="swatch" style=${styleMap({ background: value })}></span>`;
  if (name === '--mp-font-family') return html`<span style=${styleMap({ fontFamily: value })}>Schaden melden</span>`;
  if (name === '--mp-font-size') return html`<span style=${styleMap({ fontSize: value })}>Aa</span>`;
  if (name === '--mp-radius') return html`<span class="swatch outlined" style=${styleMap({ borderRadius: value })}></span>`;
  return html`<span class="bar" style=${styleMap({ width: value })}></span>`;
}

/**
 * The styling contract in one place: each `--mp-*` property a housing company may set, its default and how
 * it looks now. Switch the theme in the toolbar to see a demo company's values; set them on an element (or
 * any ancestor) to restyle it, e.g. `tenant-portal { --mp-color-primary: #8a1538; }`.
 */
const meta: Meta = {
  title: 'Theming/Tokens',
  tags: ['!autodocs'],
  parameters: { controls: { disable: true }, actions: { disable: true } },
  render: () => html`
    <style>
      .tokens { width: 100%; border-collapse: collapse; font: 14px/1.4 system-ui, sans-serif; color: #1d2430; }
      .tokens th, .tokens td { text-align: start; vertical-align: middle; padding: 8px 12px; border-bottom: 1px solid #d5dae1; }
      .tokens code { font-size: 13px; }
      .tokens th code { white-space: nowrap; }
      .elements { width: 35%; }
      .swatch { display: inline-block; width: 40px; height: 40px; border: 1px solid #8a94a3; }
      .outlined { border: 2px solid #1d2430; }
      .bar { display: inline-block; height: 12px; background: #556070; }
    </style>
    <table class="tokens">
      <caption>Custom properties of the Mieterportal widgets</caption>
      <thead>
        <tr><th scope="col">Token</th><th scope="col">Default</th><th scope="col">Now</th><th scope="col">What it styles</th><th scope="col">Read by</th></tr>
      </thead>
      <tbody>
        ${tokens().map(
          (token) => html`<tr>
            <th scope="row"><code>${token.name}</code></th>
            <td><code>${token.default ?? '–'}</code></td>
            <td>${swatch(token)}</td>
            <td>${token.description}</td>
            <td class="elements">${token.elements.map((element) => html`<code>&lt;${element}&gt;</code> `)}</td>
          </tr>`,
        )}
      </tbody>
    </table>
  `,
};
export default meta;

export const Tokens: StoryObj = {
  play: ({ canvasElement }) => expectShown(canvasElement, ...tokens().flatMap((token) => [token.name, token.default ?? '–'])),
};
