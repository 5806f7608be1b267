/**
 * What play functions use to drive a widget and to assert that the state a story is named after is really
 * shown. The widgets render in shadow DOM, which Testing Library's queries do not enter: these do.
 */
import { waitFor } from 'storybook/test';

/** How long a story may take to reach its state (fake BFF latency, uploads, live events). */
const stateTimeout = 15_000;

/** The first element matching `selector` in `root` or in any shadow root below it. */
export function queryDeep<T extends Element = HTMLElement>(root: ParentNode, selector: string): T | null {
  return queryAllDeep<T>(root, selector)[0] ?? null;
}

/** Every element matching `selector` in `root` (its own shadow root too) and in the shadow roots below it. */
export function queryAllDeep<T extends Element = HTMLElement>(root: ParentNode, selector: string): T[] {
  const found: T[] = [];
  const visit = (scope: ParentNode) => {
    for (const element of scope.querySelectorAll('*')) {
      if (element.matches(selector)) found.push(element as T);
      if (element.shadowRoot) visit(element.shadowRoot);
    }
  };
  if (root instanceof Element && root.shadowRoot) visit(root.shadowRoot);
  visit(root);
  return found;
}

/** The element matching `selector` (and showing `text`, if given) once it is there. */
export async function findDeep<T extends Element = HTMLElement>(root: ParentNode, selector: string, text?: string): Promise<T> {
  let found: T | undefined;
  await waitFor(
    () => {
      found = queryAllDeep<T>(root, selector).find((element) => text === undefined || shownText(element).includes(text));
      if (!found) throw new Error(`${selector}${text === undefined ? '' : ` with “${text}”`} is not shown`);
    },
    { timeout: stateTimeout },
  );
  return found!;
}

/**
 * The text a person sees in `node`, as rendered: shadow trees with their slotted content, nothing hidden.
 * Runs of white space become one space; a no-break space stays what it is.
 */
export function shownText(node: Node): string {
  return textOf(node)
    .replace(/[ \t\n\r\f]+/g, ' ')
    .trim();
}

function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return node.textContent ?? '';
  if (node instanceof HTMLSlotElement) {
    const assigned = node.assignedNodes({ flatten: true });
    return (assigned.length ? assigned : [...node.childNodes]).map(textOf).join('');
  }
  if (node instanceof Element) {
    if (['STYLE', 'SCRIPT', 'TEMPLATE'].includes(node.tagName) || getComputedStyle(node).display === 'none') return '';
    return [...(node.shadowRoot ?? node).childNodes].map(textOf).join('');
  }
  return [...node.childNodes].map(textOf).join('');
}

/** Waits until every one of `texts` is shown in `node` (the story's state has been reached), and asserts it. */
export async function expectShown(node: Node, ...texts: (string | RegExp)[]): Promise<void> {
  await waitFor(
    () => {
      const shown = shownText(node);
      for (const text of texts) {
        const seen = typeof text === 'string' ? shown.includes(text) : text.test(shown);
        if (!seen) throw new Error(`does not show ${typeof text === 'string' ? `“${text}”` : String(text)}: ${shown}`);
      }
    },
    { timeout: stateTimeout },
  );
}
