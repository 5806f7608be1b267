import { expect } from '@open-wc/testing';
import { loaderState } from './internal/loader-state.ts';

const loaderUrl = new URL('./loader.ts', import.meta.url).href;

function loadedModules(): string[] {
  return performance.getEntriesByType('resource').map((entry) => entry.name);
}

describe('widgets loader', () => {
  const defined: string[] = [];
  const define = customElements.define.bind(customElements);
  const originalFetch = window.fetch;

  before(() => {
    customElements.define = (name, constructor, options) => {
      defined.push(name);
      define(name, constructor, options);
    };
    // The loaded portals ask for their session; no BFF is needed to test loading.
    window.fetch = async () => new Response(null, { status: 503 });
  });

  after(() => {
    customElements.define = define;
    window.fetch = originalFetch;
  });

  it('loads no element code until an element appears', async () => {
    await import(loaderUrl);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(customElements.get('tenant-portal')).to.be.undefined;
    expect(loadedModules().some((name) => name.includes('tenant-portal.ts'))).to.be.false;
  });

  it('loads an element when its tag is added to the page, and only that element', async () => {
    const holder = document.createElement('section');
    holder.innerHTML = '<tenant-portal tenant="wohnbau-nord"></tenant-portal>';
    document.body.append(holder);
    await customElements.whenDefined('tenant-portal');
    expect(loadedModules().some((name) => name.includes('tenant-portal.ts'))).to.be.true;
    expect(customElements.get('staff-portal')).to.be.undefined;
    holder.remove();
  });

  it('is harmless when pasted twice: each tag is registered once', async () => {
    const firstState = loaderState();
    await import(`${loaderUrl}?pasted=twice`);
    expect(loaderState()).to.equal(firstState);
    const staff = document.createElement('staff-portal');
    document.body.append(staff);
    await customElements.whenDefined('staff-portal');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(defined.filter((name) => name === 'staff-portal')).to.have.length(1);
    expect(defined.filter((name) => name === 'tenant-portal')).to.have.length(1);
    staff.remove();
  });

  it('tells the elements the BFF origin it was loaded from', () => {
    expect(loaderState()?.apiBase).to.equal(location.origin);
  });
});
