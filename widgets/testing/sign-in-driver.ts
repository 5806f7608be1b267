import { waitUntil } from '@open-wc/testing';
import type { SignInFlow } from '../sign-in-flow/sign-in-flow.ts';

/** Drives a portal's sign-in flow the way a person would, for the browser tests. */
export class SignInDriver {
  /** `timeout`: how long each wait may take; against the real BFF on a busy machine give it more. */
  constructor(
    private readonly portal: HTMLElement,
    private readonly timeout = 3000,
  ) {}

  get root(): ShadowRoot {
    return this.portal.shadowRoot!;
  }

  get flow(): SignInFlow | null {
    return this.root.querySelector('mp-sign-in-flow');
  }

  private get flowRoot(): ShadowRoot {
    return this.flow!.shadowRoot!;
  }

  /** Text of the current step heading, or of the signed-in area's heading. */
  heading(): string {
    const headingRoot = this.flow ? this.flowRoot : this.root;
    return headingRoot.querySelector('h2')?.textContent?.trim() ?? '';
  }

  async waitForHeading(text: string): Promise<void> {
    await waitUntil(() => this.heading() === text, `heading "${text}" expected, saw "${this.heading()}"`, { timeout: this.timeout });
  }

  input(name: string): HTMLInputElement {
    return this.flowRoot.querySelector<HTMLInputElement>(`input[name="${name}"]`)!;
  }

  fill(values: Record<string, string>): void {
    for (const [name, value] of Object.entries(values)) {
      const field = this.input(name);
      field.value = value;
      field.dispatchEvent(new Event('input', { bubbles: true }));
    }
  }

  /** Fills the fields and presses the submit button; resolves when the request is done. */
  async submit(values: Record<string, string> = {}): Promise<void> {
    this.fill(values);
    this.flowRoot.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    await this.settled();
  }

  async press(label: string): Promise<void> {
    const buttons = [...(this.flow?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? []), ...this.buttonsOutsideFlow()];
    const button = buttons.find((candidate) => candidate.textContent.includes(label));
    if (!button) throw new Error(`no button "${label}" in: ${buttons.map((b) => b.textContent.trim()).join(' | ')}`);
    button.click();
    await this.settled();
  }

  alert(): string {
    const alertRoot = this.flow ? this.flowRoot : this.root;
    return alertRoot.querySelector('[role="alert"]')?.textContent?.trim() ?? '';
  }

  notice(): string {
    return this.flow ? (this.flowRoot.querySelector('[role="status"]')?.textContent?.trim() ?? '') : '';
  }

  fieldError(name: string): string {
    return this.flowRoot.getElementById(`${name}-error`)?.textContent?.trim() ?? '';
  }

  text(): string {
    const accountBar = this.root.querySelector('mp-account-bar');
    return [this.root, this.flow?.shadowRoot, accountBar?.shadowRoot].map((root) => root?.textContent ?? '').join(' ');
  }

  private buttonsOutsideFlow(): HTMLButtonElement[] {
    const accountBar = this.root.querySelector('mp-account-bar');
    return [...(accountBar?.shadowRoot?.querySelectorAll<HTMLButtonElement>('button') ?? [])];
  }

  /** Waits until no request is under way and every element has rendered. */
  private async settled(): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve));
    await waitUntil(() => !this.flow?.busy && !this.root.querySelector('mp-account-bar')?.busy, 'request still busy', {
      timeout: this.timeout,
    });
    await (this.portal as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    await this.flow?.updateComplete;
  }
}
