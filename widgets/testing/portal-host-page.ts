import { deepQueryAll, deepText, signOut, waitFor } from './e2e-session.ts';

/**
 * A housing company's own page with the portal (`<tenant-portal url-state tenant="…">`, the slug from `?tenant=`),
 * pasted with the loader as a company does: the page that `portalPageUrl` names, so the links in the e-mails lead
 * here. contractor-orders.e2e.test.ts opens it in a window of another origin (127.0.0.1, the test page is on
 * localhost), which it cannot read; so this page answers its opener's messages `{ id, type }`:
 * - `text`: what the page shows and its address;
 * - `sign-in` (`email`, `password`): the resident signs in through the portal's own form, second factor from
 *   `/e2e/sign-in-code`;
 * - `sign-out`: the session of this origin ends.
 * Every answer is `{ id, value }` or `{ id, error }`.
 */

const tenant = new URLSearchParams(location.search).get('tenant') ?? '';
const portal = document.createElement('tenant-portal');
portal.setAttribute('tenant', tenant);
portal.setAttribute('url-state', '');
document.querySelector('main')!.append(portal);

/** The sign-in form's field `name`, once it is there and enabled. */
const field = (name: string) =>
  waitFor(
    () =>
      deepQueryAll<HTMLInputElement>(portal, `mp-sign-in-flow input[name="${name}"], input[name="${name}"]`).find(
        (input) => !input.disabled,
      ),
    () => `no field "${name}"; the page shows: ${deepText(portal).slice(0, 500)}`,
    20_000,
  );

async function submit(values: Record<string, string>): Promise<void> {
  let input: HTMLInputElement | undefined;
  for (const [name, value] of Object.entries(values)) {
    input = await field(name);
    input.value = value;
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
  }
  input!.form!.requestSubmit();
}

async function signIn(email: string, password: string): Promise<'signed-in'> {
  await submit({ email, password });
  await field('code');
  const response = await fetch(`/e2e/sign-in-code?email=${encodeURIComponent(email)}`);
  const { code } = (await response.json()) as { code: string };
  await submit({ code });
  return 'signed-in';
}

async function answer(data: { type: string; email?: string; password?: string }): Promise<unknown> {
  switch (data.type) {
    case 'text':
      return { text: deepText(document.body), href: location.href };
    case 'sign-in':
      return signIn(data.email ?? '', data.password ?? '');
    case 'sign-out':
      return signOut('');
    default:
      throw new Error(`unknown request ${data.type}`);
  }
}

window.addEventListener('message', (event: MessageEvent<{ id: number; type: string }>) => {
  if (!window.opener || event.source !== window.opener) return;
  const reply = (message: object) => (event.source as Window).postMessage({ id: event.data.id, ...message }, event.origin);
  answer(event.data).then(
    (value) => reply({ value }),
    (error: unknown) => reply({ error: String(error) }),
  );
});
