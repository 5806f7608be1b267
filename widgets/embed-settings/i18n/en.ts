import type { EmbeddingMessages } from './de.ts';

const embedding: EmbeddingMessages = {
  heading: 'Embedding and colours',
  originsSection: 'Addresses the portal is embedded on',
  originsIntro:
    'Only pages of these addresses may embed the widgets and talk to the portal. Per address scheme, host name and port if any, without a path, e.g. https://www.wohnbau-nord.de. Changes apply within 30 seconds.',
  originLabel: (index) => `Address ${index}`,
  noOrigins: 'No address yet: the portal opens only on the operator’s page.',
  addOrigin: 'Add address',
  removeOrigin: (origin) => `Remove address ${origin || '(empty)'}`,
  duplicate: 'This address is already in the list.',
  coloursSection: 'Colours of the widgets',
  coloursIntro: 'As a six-digit hex value, e.g. #005ca9. An empty field keeps the standard colour.',
  colourLabels: {
    '--mp-color-primary': 'Main colour (buttons, highlights)',
    '--mp-color-on-primary': 'Text on the main colour',
    '--mp-color-text': 'Text colour',
    '--mp-color-surface': 'Background',
  },
  standardColour: (value) => `Standard ${value}`,
  wrongColour: 'Please enter a colour as a six-digit hex value, e.g. #005ca9.',
  preview: 'Preview',
  previewButton: 'Send damage report',
  previewText: 'This is how residents see text and buttons.',
  lowContrast: (pair, ratio) => `Contrast ${pair}: ${ratio} : 1 – too low for readable text (at least 4.5 : 1). You can still save.`,
  pairButton: 'text on main colour',
  pairText: 'text on background',
  save: 'Save',
  saved: 'Saved. New addresses apply within 30 seconds.',
};

export default embedding;
