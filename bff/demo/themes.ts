/**
 * The looks the two demo housing companies register at the BFF (seeded by `seed.ts`); Storybook's theme
 * switch shows every widget in them. Only `--mp-*` custom properties, as a housing company would set them.
 */
export const demoThemes = {
  'wohnbau-nord': { '--mp-color-primary': '#005ca9', '--mp-color-on-primary': '#ffffff', '--mp-radius': '4px' },
  'stadthaus-sued': { '--mp-color-primary': '#8a1538', '--mp-color-on-primary': '#ffffff', '--mp-radius': '12px' },
} satisfies Record<string, Record<`--mp-${string}`, string>>;
