import type { ApiClient } from '../internal/api-client.ts';
import { liveConnected } from '../internal/live-updates.ts';

/**
 * Helpers for the end-to-end browser tests against the real BFF (web-test-runner.config.mjs): fixtures
 * from `/e2e/*`, sign-in of the resident (through `/api`) and of the clerk (through `/clerk/api`, a
 * separate session cookie) in one page, the e-mails the BFF sent, and test photos.
 */

/**
 * Waits until `predicate` gives something truthy and returns it; on timeout fails with `describe()`,
 * evaluated then, so the message shows what the page showed at the end.
 */
export async function waitFor<T>(
  predicate: () => T | Promise<T>,
  describe: string | (() => string),
  timeout = 10_000,
): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await predicate();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Timeout after ${timeout} ms: ${typeof describe === 'string' ? describe : describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** An element as a test failure names it: tag, id and the start of its text (never the element: a failure holding one stalls the runner). */
export function describeElement(element: Element | null | undefined): string {
  if (!element) return 'nothing';
  const id = element.id ? `#${element.id}` : '';
  const label = (element.getAttribute('aria-label') ?? deepText(element)).replace(/\s+/g, ' ').trim().slice(0, 40);
  return `<${element.localName}${id}>${label ? ` “${label}”` : ''}`;
}

/**
 * Waits until `element` has the focus within `root` (a shadow root or the document): a widget moves focus after
 * its render, so the check cannot be immediate. Fails with both elements named, never with the elements themselves.
 */
export async function expectFocus(
  root: DocumentOrShadowRoot,
  element: Element | null | undefined,
  what = 'focus',
  timeout = 2000,
): Promise<void> {
  const deadline = Date.now() + timeout;
  while (root.activeElement !== element || !element) {
    if (Date.now() > deadline) {
      throw new Error(`${what}: expected the focus on ${describeElement(element)}, but it is on ${describeElement(root.activeElement)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The path prefix under which the clerk's session reaches the BFF (`<case-board api="/clerk">`). */
export const CLERK_API = '/clerk';

export interface E2eAccount {
  email: string;
  password: string;
  name: string;
}

export interface CaseCompany {
  slug: string;
  name: string;
  resident: E2eAccount;
  clerk: E2eAccount & { id: string };
  admin: E2eAccount;
  /** With `createCaseCompany({ owner: true })`: the owner of the resident's rented-out flat. */
  owner?: E2eAccount;
}

export interface RecordedMail {
  to: string;
  subject: string;
  text: string;
  sentAt: string;
  /** Files attached (the content base64), e.g. a work order's PDF. */
  attachments?: Array<{ filename: string; contentType: string }>;
}

async function json<T>(response: Response, what: string): Promise<T> {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

/**
 * A fresh housing company: resident, clerk and admin activated (TOTP), damage and document requests routed to the clerk;
 * with `tenancy: '2025'` the resident's tenancy has the utility billing period 2025.
 */
export async function createCaseCompany(options: { tenancy?: '2025'; owner?: boolean } = {}): Promise<CaseCompany> {
  const query = new URLSearchParams({ ...(options.tenancy && { tenancy: options.tenancy }), ...(options.owner && { owner: '1' }) });
  return json(await fetch(`/e2e/case-company${query.size ? `?${query}` : ''}`), 'e2e case company');
}

/**
 * Signs this page in as `account` through the real sign-in API (password, then a TOTP code the BFF has
 * not seen yet): the resident with `prefix` '' (cookie `mp.sid`), the clerk with `CLERK_API`. Like the
 * widgets it names the page's language (German), which the account remembers — not the browser's.
 */
export async function signIn(prefix: string, company: CaseCompany, account: E2eAccount, audience: 'resident' | 'staff'): Promise<void> {
  const post = async (path: string, csrfToken: string, body: unknown) =>
    json<{ state: string; csrfToken: string }>(
      await fetch(`${prefix}/api${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'application/json',
          'accept-language': 'de',
          'x-csrf-token': csrfToken,
        },
        body: JSON.stringify(body),
      }),
      `${prefix}/api${path} as ${account.email}`,
    );
  const session = await json<{ csrfToken: string }>(await fetch(`${prefix}/api/session`), 'session');
  const login = await post('/auth/login', session.csrfToken, {
    tenant: company.slug,
    email: account.email,
    password: account.password,
    audience,
  });
  if (login.state !== 'second_factor') throw new Error(`login ${account.email}: state ${login.state}`);
  const { code } = await json<{ code: string }>(
    await fetch(`/e2e/sign-in-code?email=${encodeURIComponent(account.email)}`),
    'sign-in code',
  );
  const verified = await post('/auth/verify', login.csrfToken, { code });
  if (verified.state !== 'signed_in') throw new Error(`verify ${account.email}: state ${verified.state}`);
}

/** Signs a side out (if signed in), so no session outlives the test in the browser's cookie jar. */
export async function signOut(prefix: string): Promise<void> {
  const session = await json<{ state: string; csrfToken: string }>(await fetch(`${prefix}/api/session`), 'session');
  if (session.state === 'anonymous') return;
  const response = await fetch(`${prefix}/api/auth/logout`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json', 'x-csrf-token': session.csrfToken },
    body: '{}',
  });
  if (!response.ok) throw new Error(`sign out ${prefix || '/'}: HTTP ${response.status}`);
}

/** The signed-in person of a side, as the BFF sees it. */
export async function sessionOf(prefix: string): Promise<{ state: string; user?: { role: string; displayName: string } }> {
  return json(await fetch(`${prefix}/api/session`), 'session');
}

/** The e-mails the BFF sent to `to`, newest first. */
export async function mailsTo(to: string): Promise<RecordedMail[]> {
  return (await json<{ items: RecordedMail[] }>(await fetch(`/e2e/mails?to=${encodeURIComponent(to)}`), 'mails')).items;
}

/** A real JPEG photo drawn in the browser (a coloured square with a label), as a phone would hand it over. */
export async function testPhoto(name: string, colour: string, size = 320): Promise<File> {
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = Math.round(size * 0.75);
  const context = canvas.getContext('2d')!;
  context.fillStyle = colour;
  context.fillRect(0, 0, canvas.width, canvas.height);
  context.fillStyle = '#ffffff';
  context.font = '32px sans-serif';
  context.fillText(name, 16, canvas.height / 2);
  const blob = await new Promise<Blob | null>((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
  if (!blob) throw new Error('canvas gave no JPEG');
  return new File([blob], name, { type: 'image/jpeg', lastModified: Date.now() });
}

/** Puts files on a file input as a person choosing them would, and tells the element (`input` and `change`). */
export function chooseFiles(input: HTMLInputElement, files: File[]): void {
  const transfer = new DataTransfer();
  for (const file of files) transfer.items.add(file);
  input.files = transfer.files;
  input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  input.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
}

/** Every element under `root` matching `selector`, looking into open shadow roots too. */
export function deepQueryAll<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  const visit = (node: ParentNode) => {
    found.push(...node.querySelectorAll<T>(selector));
    for (const element of node.querySelectorAll('*')) if (element.shadowRoot) visit(element.shadowRoot);
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return [...new Set(found)];
}

/** The visible text of an element and everything in its shadow roots, whitespace collapsed. */
export function deepText(root: Node): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLStyleElement || node instanceof HTMLScriptElement) return;
    if (node instanceof Element && node.shadowRoot) visit(node.shadowRoot);
    // Slotted content is reached through the light DOM below.
    for (const child of node.childNodes) visit(child);
  };
  visit(root);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/** Waits until `text` is shown anywhere in `root` (shadow roots included). */
export async function waitForText(root: Node, text: string | RegExp, timeout = 10_000): Promise<void> {
  const matches = () => (typeof text === 'string' ? deepText(root).includes(text) : text.test(deepText(root)));
  await waitFor(matches, () => `"${text}" not shown; saw: ${deepText(root).slice(0, 2000)}`, timeout);
}

/** The accessible label of a form control: `aria-label`, `aria-labelledby`, `<label for>` or a wrapping `<label>`. */
export function labelOf(control: Element): string {
  const root = control.getRootNode() as Document | ShadowRoot;
  const aria = control.getAttribute('aria-label');
  if (aria) return aria.trim();
  const labelledBy = control.getAttribute('aria-labelledby');
  if (labelledBy)
    return labelledBy
      .split(/\s+/)
      .map((id) => deepText(root.getElementById(id) ?? document.createElement('i')))
      .join(' ');
  const labels = (control as HTMLInputElement).labels;
  if (labels?.length) return [...labels].map((label) => textWithoutControls(label)).join(' ');
  return '';
}

/** A label's own text, without the options or value of a control wrapped in it. */
function textWithoutControls(label: HTMLElement): string {
  const parts: string[] = [];
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) parts.push(node.textContent ?? '');
    if (node instanceof HTMLSelectElement || node instanceof HTMLTextAreaElement || node instanceof HTMLStyleElement) return;
    for (const child of node.childNodes) visit(child);
  };
  visit(label);
  return parts.join(' ').replace(/\s+/g, ' ').trim();
}

/**
 * The button whose text or accessible label is `label` (else the first that contains it, or matches the
 * RegExp), in `root` and its shadow roots.
 */
export function findButton(root: ParentNode, label: string | RegExp): HTMLButtonElement | undefined {
  const buttons = deepQueryAll<HTMLButtonElement>(root, 'button, [role="button"]');
  const names = (button: HTMLElement) => [deepText(button), button.getAttribute('aria-label')?.trim() ?? ''];
  if (typeof label === 'string') {
    return (
      buttons.find((button) => names(button).includes(label)) ??
      buttons.find((button) => names(button).some((name) => name.includes(label)))
    );
  }
  return buttons.find((button) => names(button).some((name) => label.test(name)));
}

/** The form control (input, select, textarea) labelled `label` (else the first whose label contains it), in `root` and its shadow roots. */
export function findField<T extends HTMLElement = HTMLInputElement>(root: ParentNode, label: string | RegExp): T | undefined {
  const controls = deepQueryAll<T>(root, 'input, select, textarea');
  if (typeof label !== 'string') return controls.find((control) => label.test(labelOf(control)));
  return controls.find((control) => labelOf(control) === label) ?? controls.find((control) => labelOf(control).includes(label));
}

/** Waits for the button labelled `label` to be there and enabled, then presses it. */
export async function press(root: ParentNode, label: string | RegExp, timeout = 10_000): Promise<void> {
  const button = await waitFor(
    () => {
      const candidate = findButton(root, label);
      return candidate && !candidate.disabled && candidate.getAttribute('aria-disabled') !== 'true' ? candidate : undefined;
    },
    () =>
      `no enabled button "${label}"; buttons: ${deepQueryAll<HTMLButtonElement>(root, 'button')
        .map((candidate) => `${deepText(candidate)}${candidate.disabled ? ' (disabled)' : ''}`)
        .join(' | ')}`,
    timeout,
  );
  button.click();
}

/** Waits for the field labelled `label`, then types / selects `value` as a person would. */
export async function fill(root: ParentNode, label: string | RegExp, value: string, timeout = 10_000): Promise<HTMLElement> {
  const optionOf = (select: HTMLSelectElement) =>
    [...select.options].find((candidate) => candidate.textContent.trim() === value || candidate.value === value);
  // Ready: there, enabled, and (a select) offering the value — dependent selects fill in after the previous choice.
  const ready = () => {
    const candidate = findField<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>(root, label);
    return candidate && !candidate.disabled && (!(candidate instanceof HTMLSelectElement) || optionOf(candidate)) ? candidate : undefined;
  };
  const field = await waitFor(ready, () => `no enabled field "${label}" with "${value}"; fields: ${fieldLabels(root)}`, timeout);
  if (field instanceof HTMLSelectElement) {
    field.value = optionOf(field)!.value;
  } else if (field instanceof HTMLInputElement && (field.type === 'radio' || field.type === 'checkbox')) {
    field.checked = value !== 'false';
  } else {
    field.value = value;
  }
  field.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  field.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  return field;
}

/** The labels of every form control under `root`, for error messages. */
export function fieldLabels(root: ParentNode): string {
  return deepQueryAll<HTMLElement>(root, 'input, select, textarea')
    .map((control) => `${control.tagName.toLowerCase()}[${labelOf(control) || control.getAttribute('name') || '?'}]`)
    .join(' | ');
}

/**
 * Opens the live updates of `client` (the same socket its elements share) and waits until they are
 * connected, so what happens next reaches the page as a live update, not through a reload on connect.
 * Returns the unsubscribe function.
 */
export async function liveConnectedOn(client: ApiClient): Promise<() => void> {
  let connected = false;
  const unsubscribe = client.live.subscribe((event) => {
    if (event === liveConnected) connected = true;
  });
  await waitFor(() => connected, 'live updates did not connect');
  return unsubscribe;
}

/**
 * Call inside the top `describe` of every end-to-end file: its tests wait until no other end-to-end file
 * is running (web-test-runner.config.mjs hands out one lease at a time), so two files never slow each
 * other past the elements' timeouts; and each file starts and ends with nobody signed in, whatever the
 * file before it left in the page's cookie jar.
 */
export function oneEndToEndFileAtATime(): void {
  let token: string | undefined;
  before(async function () {
    this.timeout(6 * 60_000);
    const response = await fetch('/e2e/lease');
    if (!response.ok) throw new Error(`e2e lease: HTTP ${response.status}`);
    token = ((await response.json()) as { token: string }).token;
    await signOut('');
    await signOut(CLERK_API);
  });
  after(async () => {
    await signOut('');
    await signOut(CLERK_API);
    if (token) await fetch(`/e2e/lease/return?token=${encodeURIComponent(token)}`);
  });
}
