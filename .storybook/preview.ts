import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import manifest from 'virtual:custom-elements-manifest';

setCustomElementsManifest(manifest);

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: { toc: false },
  },
};

export default preview;
