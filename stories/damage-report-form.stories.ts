import { html } from 'lit';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { expect, userEvent } from 'storybook/test';
import { fakeContact, longFakeCatalogue } from '../widgets/testing/fake-case-filing.ts';
import '../widgets/damage-report-form/damage-report-form.ts';
import { english, phone320, polish, turkish, ukrainian } from './fixtures.ts';
import {
  attach,
  choose,
  expectReceipt,
  files,
  fill,
  filingArgTypes,
  filingArgs,
  filingClient,
  longText,
  rejectedFiles,
  submit,
  type FilingArgs,
} from './case-filing-fixtures.ts';
import { expectShown, findDeep, queryDeep } from './play.ts';

/**
 * The damage report against an in-memory BFF with the default German catalogue. "Wohnung › Heizung und
 * Warmwasser" has two open reports in the building ("Bereits gemeldet?"). The housing company's settings
 * give two emergency numbers (`filing.contact`), shown in the emergency hint, signed in or not. Stories of a
 * state that follows an interaction reach it in their play function (see the Interactions panel).
 */
const meta: Meta<FilingArgs> = {
  title: 'Anliegen/damage-report-form',
  component: 'damage-report-form',
  args: filingArgs,
  argTypes: filingArgTypes,
  render: (args) => html`<damage-report-form tenant="wohnbau-nord" .client=${filingClient(args)}></damage-report-form>`,
};
export default meta;

type Story = StoryObj<FilingArgs>;

const form = (canvas: HTMLElement) => canvas.querySelector('damage-report-form')!;

/** Wohnung › Sanitär › the kind at `kind`, a description and when the resident can be reached. */
async function fillReport(canvas: HTMLElement, kind = 1): Promise<void> {
  await choose(form(canvas), 'damageLocationId', 1);
  await choose(form(canvas), 'damageCategoryId', 1);
  await choose(form(canvas), 'damageKindId', kind);
  await fill(form(canvas), 'description', 'Der Wasserhahn in der Küche tropft seit Montag, auch wenn er ganz zugedreht ist.');
  await fill(form(canvas), 'residentAvailability', 'werktags ab 16 Uhr, Tel. 0170 1234567');
}

export const Empty: Story = {
  play: ({ canvasElement }) => expectShown(canvasElement, 'Schaden melden', 'Schadensort', 'Dringlichkeit', 'Fotos und Dokumente'),
};

/** Before sign-in the form still says what to do in an emergency, with the company's numbers. */
export const NotSignedIn: Story = {
  args: { signedIn: false },
  play: ({ canvasElement }) =>
    expectShown(
      canvasElement,
      'Bitte melden Sie sich zuerst im Mieterportal an.',
      'dafür brauchen Sie keine Anmeldung',
      'Notdienst Wasser, Heizung, Strom (rund um die Uhr): 040 123 456',
      'Aufzug-Notruf: 040 123 457',
    ),
};

/** A company that set no emergency numbers: the hint alone (the company's emergency service, 112). */
export const NotSignedInWithoutNumbers: Story = {
  args: { signedIn: false, filing: { contact: { ...fakeContact(), emergencyNumbers: [] } } },
  play: async ({ canvasElement }) => {
    await expectShown(canvasElement, 'dafür brauchen Sie keine Anmeldung', '112');
    await expect(queryDeep(form(canvasElement), '[part=emergency-number]'), 'no numbers').toBeNull();
  },
};

export const LoadingCatalogue: Story = {
  args: { filing: { latency: 600_000 } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Schaden melden', 'Wird geladen …'),
};

export const CatalogueError: Story = {
  args: { filing: { failing: ['catalogue'] } },
  play: ({ canvasElement }) => expectShown(canvasElement, 'Die Auswahllisten konnten nicht geladen werden.', 'Erneut versuchen'),
};

export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    await submit(form(canvasElement));
    await expectShown(
      canvasElement,
      'Bitte korrigieren Sie die 4 markierten Angaben.',
      'Bitte wählen Sie einen Schadensort aus.',
      'Bitte wählen Sie eine Schadensart aus.',
      'Bitte beschreiben Sie Ihr Anliegen.',
    );
  },
};

export const ServerFieldErrors: Story = {
  args: {
    filing: {
      validationErrors: [
        { path: 'description', code: 'too_big', limit: 5000, origin: 'string', message: 'Zu lang.' },
        { path: 'damageKindId', code: 'invalid_value', message: 'Unbekannte Schadensart.' },
      ],
    },
  },
  play: async ({ canvasElement }) => {
    await fillReport(canvasElement);
    await submit(form(canvasElement));
    await expectShown(canvasElement, 'Bitte höchstens 5000 Zeichen.', 'Bitte wählen Sie einen der angebotenen Werte.');
  },
};

export const FilingFailedKeepsInput: Story = {
  args: { filing: { failing: ['file'] } },
  play: async ({ canvasElement }) => {
    await fillReport(canvasElement);
    await attach(form(canvasElement), files());
    await submit(form(canvasElement));
    await expectShown(canvasElement, 'Der Dienst ist vorübergehend nicht verfügbar.', 'wasserfleck-decke-kueche.jpg', 'Hochgeladen');
    const description = await findDeep<HTMLTextAreaElement>(form(canvasElement), '#description');
    await expect(description.value, 'the description is still there').toContain('Der Wasserhahn in der Küche tropft');
  },
};

export const UploadingWithProgress: Story = {
  args: { uploadDuration: 120_000 },
  play: async ({ canvasElement }) => {
    await attach(form(canvasElement), files(), { waitForUploads: false });
    await expectShown(canvasElement, 'wasserfleck-decke-kueche.jpg', 'Wird hochgeladen …', 'Abbrechen');
  },
};

export const RejectedFile: Story = {
  play: async ({ canvasElement }) => {
    await attach(form(canvasElement), rejectedFiles());
    await expectShown(
      canvasElement,
      'Nicht hochgeladen: Dieser Dateityp wird nicht unterstützt.',
      'Nicht hochgeladen: Die Datei ist größer als 10\u00A0MB.',
      'foto-bad.png',
    );
  },
};

export const AlreadyReported: Story = {
  play: async ({ canvasElement }) => {
    await choose(form(canvasElement), 'damageLocationId', 1);
    await choose(form(canvasElement), 'damageCategoryId', 2);
    await expectShown(canvasElement, 'Bereits gemeldet?', '2026-0171', 'Ich bin auch betroffen');
  },
};

export const Emergency: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await findDeep(form(canvasElement), 'input[value=emergency]'));
    await expectShown(
      canvasElement,
      'rufen Sie bitte zusätzlich sofort den Notdienst',
      'Notdienst Wasser, Heizung, Strom (rund um die Uhr): 040 123 456',
      'Aufzug-Notruf: 040 123 457',
    );
  },
};

/** The page adds a contact of its own below the company's numbers (slot `emergency-contact`). */
export const EmergencyWithPageContact: Story = {
  render: (args) => html`
    <damage-report-form tenant="wohnbau-nord" .client=${filingClient(args)}>
      <a slot="emergency-contact" href="tel:+4940999888">Hausmeister Herr Jensen: 040 999 888</a>
    </damage-report-form>
  `,
  play: async ({ canvasElement }) => {
    await userEvent.click(await findDeep(form(canvasElement), 'input[value=emergency]'));
    await expectShown(canvasElement, 'Aufzug-Notruf: 040 123 457', 'Hausmeister Herr Jensen: 040 999 888');
  },
};

/** The emergency hint before sign-in in each language besides German. */
// Storybook finds a story's play function only in the exported object itself (the `play-fn` tag), not in one a helper returns.
const notSignedIn = (globals: { locale: string }): Story => ({ args: { signedIn: false }, globals });
const showsNotSignedIn =
  (...texts: string[]): Story['play'] =>
  ({ canvasElement }) =>
    expectShown(canvasElement, ...texts, 'Aufzug-Notruf: 040 123 457');
export const NotSignedInEnglish: Story = {
  ...notSignedIn(english),
  play: showsNotSignedIn('you do not need to sign in for that', 'dial 112'),
};
export const NotSignedInTurkish: Story = { ...notSignedIn(turkish), play: showsNotSignedIn('bunun için giriş yapmanız gerekmez') };
export const NotSignedInPolish: Story = { ...notSignedIn(polish), play: showsNotSignedIn('logowanie nie jest do tego potrzebne') };
export const NotSignedInUkrainian: Story = { ...notSignedIn(ukrainian), play: showsNotSignedIn('для цього не потрібно входити в систему') };

export const SubmittedReceipt: Story = {
  play: async ({ canvasElement }) => {
    await fillReport(canvasElement);
    await attach(form(canvasElement), files());
    await submit(form(canvasElement));
    await expectReceipt(canvasElement, '2 Dateien');
  },
};

export const LongTexts: Story = {
  args: { filing: { catalogue: longFakeCatalogue() } },
  play: async ({ canvasElement }) => {
    await fillReport(canvasElement);
    await fill(form(canvasElement), 'description', longText);
    const photo = 'IMG_20261124_0815_Wasserschaden_Badezimmerdecke_ueber_Badewanne_Nahaufnahme.jpg';
    await attach(form(canvasElement), [new File([new Uint8Array(500_000)], photo, { type: 'image/jpeg' })]);
    await expectShown(canvasElement, 'Sanitärinstallationen, Wasserleitungen, Armaturen und Entwässerungsanlagen', photo);
  },
};

export const English: Story = {
  globals: english,
  play: ({ canvasElement }) => expectShown(canvasElement, 'Report damage', 'Location', 'Photos and documents'),
};

/** The longest labels, files refused and a submit with nothing chosen, on the narrowest phone. */
export const Mobile320: Story = {
  args: { filing: { catalogue: longFakeCatalogue() } },
  globals: phone320,
  play: async ({ canvasElement }) => {
    await attach(form(canvasElement), rejectedFiles());
    await submit(form(canvasElement));
    await expectShown(
      canvasElement,
      'Bitte wählen Sie einen Schadensort aus.',
      'Nicht hochgeladen: Dieser Dateityp wird nicht unterstützt.',
    );
  },
};

export const Mobile320Receipt: Story = { play: SubmittedReceipt.play, globals: phone320 };
