import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { ContextProvider } from '@lit/context';
import { sessionContext } from '../internal/session-context.ts';
import type { Session } from '../internal/api-client.ts';
import type { AccountBar } from './account-bar.ts';
import './account-bar.ts';

const session: Session = {
  state: 'signed_in',
  user: { role: 'resident', displayName: 'Anna Müller', tenant: { slug: 'wohnbau-nord', name: 'Wohnbau Nord eG' } },
};

describe('<mp-account-bar>', () => {
  it('reads the signed-in person from the session context of an ancestor', async () => {
    const parent = await fixture<HTMLDivElement>(html`<div></div>`);
    const provider = new ContextProvider(parent, { context: sessionContext, initialValue: session });
    const el = document.createElement('mp-account-bar');
    parent.append(el);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Angemeldet als Anna Müller');

    provider.setValue({ ...session, user: { ...session.user!, displayName: 'Anna Schmidt' } });
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain('Angemeldet als Anna Schmidt');
    await expect(el).to.be.accessible();
  });

  it('asks to sign out here or everywhere', async () => {
    const el = await fixture<AccountBar>(html`<mp-account-bar .session=${session}></mp-account-bar>`);
    const [here, everywhere] = el.shadowRoot!.querySelectorAll('button');
    setTimeout(() => here.click());
    expect((await oneEvent(el, 'mp-sign-out-request')).detail).to.deep.equal({ everywhere: false });
    setTimeout(() => everywhere.click());
    expect((await oneEvent(el, 'mp-sign-out-request')).detail).to.deep.equal({ everywhere: true });
  });

  it('disables its buttons while signing out', async () => {
    const el = await fixture<AccountBar>(html`<mp-account-bar busy lang="en" .session=${session}></mp-account-bar>`);
    const buttons = [...el.shadowRoot!.querySelectorAll('button')];
    const signOut = buttons.slice(0, 2);
    expect(signOut.every((button) => button.disabled && button.getAttribute('aria-busy') === 'true')).to.be.true;
    expect(buttons.map((button) => button.textContent.trim())).to.deep.equal(['Sign out', 'Sign out on all devices', 'Manage account']);
    await expect(el).to.be.accessible();
  });

  it('asks to open the account settings, and to close them while they are open', async () => {
    const el = await fixture<AccountBar>(html`<mp-account-bar .session=${session}></mp-account-bar>`);
    const button = () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part~="account-settings"]')!;
    expect(button().getAttribute('aria-expanded')).to.equal('false');
    expect(button().textContent.trim()).to.equal('Konto verwalten');
    setTimeout(() => button().click());
    expect((await oneEvent(el, 'mp-account-settings-request')).detail).to.deep.equal({ open: true });
    el.settingsOpen = true;
    await el.updateComplete;
    expect(button().getAttribute('aria-expanded')).to.equal('true');
    setTimeout(() => button().click());
    expect((await oneEvent(el, 'mp-account-settings-request')).detail).to.deep.equal({ open: false });
    await expect(el).to.be.accessible();
  });
});
