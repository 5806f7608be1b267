import { ref } from 'lit/directives/ref.js';
import type { ApiClient } from '../widgets/internal/api-client.ts';
import { FakeBff, type FakeBffOptions } from '../widgets/testing/fake-bff.ts';
import { FakeCaseFiling, progressClient, type FakeCaseFilingOptions } from '../widgets/testing/fake-case-filing.ts';
import { resident } from './fixtures.ts';

/** What a filing story sets up: the fake BFF's session and the filing fake's options. */
export interface FilingArgs {
  lang: string;
  signedIn: boolean;
  filing: FakeCaseFilingOptions;
  /** Uploads report progress over this many ms (0: done at once). */
  uploadDuration: number;
}

export const filingArgs: FilingArgs = { lang: 'de', signedIn: true, filing: {}, uploadDuration: 0 };

export const filingArgTypes = {
  lang: { control: 'inline-radio', options: ['de', 'en'] },
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

/** Runs `act` on the element once it has rendered its form (to show states that follow an interaction). */
export function afterForm(act: (root: ShadowRoot, host: HTMLElement) => void | Promise<void>) {
  let done = false;
  return ref((node) => {
    if (!node || done) return;
    done = true;
    const host = node as HTMLElement;
    const poll = setInterval(() => {
      const root = host.shadowRoot;
      if (!root?.querySelector('form')) return;
      clearInterval(poll);
      void act(root, host);
    }, 50);
  });
}

export function select(root: ShadowRoot, id: string, index: number): void {
  const element = root.querySelector<HTMLSelectElement>(`select#${id}`)!;
  element.selectedIndex = index;
  element.dispatchEvent(new Event('change'));
}

export function type(root: ShadowRoot, id: string, value: string): void {
  const element = root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
  element.value = value;
  element.dispatchEvent(new Event('input'));
}

export function submit(root: ShadowRoot): void {
  root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
}

export const frame = () => new Promise((resolve) => setTimeout(resolve, 400));

export function files(): File[] {
  return [
    new File([new Uint8Array(1_800_000)], 'wasserfleck-decke-kueche.jpg', { type: 'image/jpeg' }),
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
