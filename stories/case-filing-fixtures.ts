import { expect, userEvent, waitFor } from 'storybook/test';
import type { ApiClient } from '../widgets/internal/api-client.ts';
import { FakeBff, type FakeBffOptions } from '../widgets/testing/fake-bff.ts';
import { FakeCaseFiling, progressClient, type FakeCaseFilingOptions } from '../widgets/testing/fake-case-filing.ts';
import type { AttachmentPicker } from '../widgets/attachment-picker/attachment-picker.ts';
import { resident } from './fixtures.ts';
import { expectShown, findDeep } from './play.ts';

/** What a filing story sets up: the fake BFF's session and the filing fake's options. */
export interface FilingArgs {
  signedIn: boolean;
  filing: FakeCaseFilingOptions;
  /** Uploads report progress over this many ms (0: done at once). */
  uploadDuration: number;
}

export const filingArgs: FilingArgs = { signedIn: true, filing: {}, uploadDuration: 0 };

export const filingArgTypes = {
  filing: { control: 'object' },
  uploadDuration: { control: { type: 'number', min: 0, step: 500 } },
} as const;

export function filingClient({ signedIn, filing, uploadDuration }: FilingArgs, bffOptions: FakeBffOptions = {}): ApiClient {
  const fake = new FakeCaseFiling({ latency: 300, ...filing });
  const bff = new FakeBff({
    session: signedIn ? { state: 'signed_in', user: resident } : { state: 'anonymous' },
    routes: fake.routes,
    ...bffOptions,
  });
  return uploadDuration ? progressClient(bff, uploadDuration) : bff.client();
}

/** Chooses the option at `index` of the select with this id, once it offers it (its options follow the choices before). */
export async function choose(form: Element, id: string, index: number): Promise<void> {
  const select = await findDeep<HTMLSelectElement>(form, `select#${id}`);
  await waitFor(() => expect(!select.disabled && select.options.length > index, `#${id} offers option ${index}`).toBe(true));
  await userEvent.selectOptions(select, select.options[index]);
}

/** Puts `value` into the text field with this id at once (typing it key by key would only make the story slow). */
export async function fill(form: Element, id: string, value: string): Promise<void> {
  const field = await findDeep<HTMLInputElement | HTMLTextAreaElement>(form, `#${id}`);
  field.value = value;
  field.dispatchEvent(new Event('input'));
}

export async function submit(form: Element): Promise<void> {
  await userEvent.click(await findDeep(form, 'button[type=submit]'));
}

/** Hands files to the form's attachment picker as if chosen, and waits until the accepted ones are uploaded. */
export async function attach(form: Element, files: File[], { waitForUploads = true } = {}): Promise<void> {
  const picker = await findDeep<AttachmentPicker>(form, 'mp-attachment-picker');
  picker.addFiles(files);
  if (waitForUploads) await waitFor(() => expect(picker.uploading, 'uploads are done').toBe(false), { timeout: 10_000 });
}

/** The filing form's receipt: heading, the new case's number and the number of files. */
export async function expectReceipt(form: Element, attachments: string): Promise<void> {
  await expectShown(form, 'Vielen Dank, Ihr Anliegen ist eingegangen', /Vorgangsnummer\s*\d{4}-\d{4}/, attachments);
}

/** A small real JPEG (32 × 24, blue-grey): the picker's thumbnail shows a picture, not a broken image. */
const photoBytes = Uint8Array.from(
  atob(
    '/9j/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAYACADASIAAhEBAxEB/8QAFQABAQAAAAAAAAAAAAAAAAAAAAP/xAAUEAEAAAAAAAAAAAAAAAAAAAAA/8QAFQEBAQAAAAAAAAAAAAAAAAAAAAT/xAAUEQEAAAAAAAAAAAAAAAAAAAAA/9oADAMBAAIRAxEAPwCYC9GAAAAAA//Z',
  ),
  (character) => character.charCodeAt(0),
);

/** The same picture as a `data:` URL, standing in for the BFF's thumbnail of a photo. */
export const photoDataUrl = `data:image/jpeg;base64,${btoa(String.fromCharCode(...photoBytes))}`;

/** A photo of `size` bytes that a browser can show (the picture, then padding a decoder ignores). */
export function photoFile(name: string, size: number): File {
  return new File([photoBytes, new Uint8Array(Math.max(0, size - photoBytes.length))], name, { type: 'image/jpeg' });
}

export function files(): File[] {
  return [
    photoFile('wasserfleck-decke-kueche.jpg', 1_800_000),
    new File([new Uint8Array(240_000)], 'rechnung-klempner.pdf', { type: 'application/pdf' }),
  ];
}

export function rejectedFiles(): File[] {
  return [
    new File([new Uint8Array(900_000)], 'foto-bad.png', { type: 'image/png' }),
    new File([new Uint8Array(1_000)], 'notizen.docx', { type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' }),
    new File([new Uint8Array(11 * 1024 * 1024)], 'video-wasserrohrbruch.jpg', { type: 'image/jpeg' }),
  ];
}

export const longText =
  'Seit dem Wochenende tropft es aus der Decke im Badezimmer, direkt über der Badewanne. Zuerst waren es nur einzelne Tropfen, inzwischen hat sich ein großer gelblicher Fleck gebildet, der jeden Tag größer wird. Die Nachbarn über uns (3. OG links) sind im Urlaub und nicht erreichbar. '.repeat(
    3,
  );
