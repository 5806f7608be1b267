import { expect, waitUntil } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { loaderState } from '../internal/loader-state.ts';
import { startFrameChild } from './frame-child.ts';
import { FRAME_HEIGHT, FRAME_HELLO } from './frame-messages.ts';

const loaderUrl = new URL('../loader.ts', import.meta.url).href;

/** The same test server under another name: another origin, as a housing company's site and the BFF are. */
const portalOrigin = `http://127.0.0.1:${location.port}`;

describe('iframe embed: the frame grows with the portal inside', function () {
  this.timeout(30_000);
  const frames: HTMLIFrameElement[] = [];

  before(async () => {
    expect(location.hostname).to.equal('localhost');
    await import(loaderUrl);
    expect(loaderState()).to.not.equal(undefined);
  });

  afterEach(() => {
    for (const frame of frames.splice(0)) frame.remove();
  });

  function frame(search: string): HTMLIFrameElement {
    const iframe = document.createElement('iframe');
    iframe.title = 'Mieterportal';
    iframe.dataset.mpAutosize = '';
    iframe.style.cssText = 'display: block; width: 100%; border: 0';
    iframe.src = `${portalOrigin}/widgets/testing/framed-portal-page.html${search}`;
    frames.push(iframe);
    document.body.append(iframe);
    return iframe;
  }

  it('takes the height of its content at 375 px, and grows when the content does', async () => {
    await setViewport({ width: 375, height: 640 });
    const iframe = frame('?grow');
    const height = () => iframe.getBoundingClientRect().height;
    // 20 wrapping paragraphs and a 600 px box: far more than the 150 px an iframe has by default.
    await waitUntil(() => height() > 1200, `frame sized to its content, is ${height()} px`, { timeout: 10_000 });
    const first = height();
    await waitUntil(() => height() >= first + 700, `frame grew with the content, is ${height()} px`, { timeout: 10_000 });
    expect(document.documentElement.scrollWidth).to.be.at.most(375);
  });

  it('ignores height messages from other windows and origins', async () => {
    const iframe = frame('');
    await waitUntil(() => iframe.getBoundingClientRect().height > 1200, 'frame sized', { timeout: 10_000 });
    const sized = iframe.style.height;
    // From this page (another origin than the frame's) and from the right origin's name but not the frame's window.
    window.postMessage({ type: FRAME_HEIGHT, height: 20 }, location.origin);
    window.dispatchEvent(new MessageEvent('message', { data: { type: FRAME_HEIGHT, height: 30 }, origin: portalOrigin, source: window }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(iframe.style.height).to.equal(sized);
  });

  it('inside the frame, answers only the framing window, and only to its exact origin', async () => {
    // A same-origin window stands in for the framing page, so its postMessage can be watched.
    const stand = document.createElement('iframe');
    document.body.append(stand);
    frames.push(stand);
    const parent = stand.contentWindow!;
    const sent: Array<[unknown, string]> = [];
    parent.postMessage = ((data: unknown, targetOrigin: string) => void sent.push([data, targetOrigin])) as Window['postMessage'];
    startFrameChild(parent);

    const hello = (origin: string, source: Window) =>
      window.dispatchEvent(new MessageEvent('message', { data: { type: FRAME_HELLO }, origin, source }));
    hello('https://www.wohnbau-nord.de', window);
    expect(sent, 'a hello from a window that does not frame the page').to.deep.equal([]);

    hello('https://www.wohnbau-nord.de', parent);
    await waitUntil(() => sent.length > 0, 'height sent');
    expect(sent[0][0]).to.deep.equal({ type: FRAME_HEIGHT, height: Math.ceil(document.documentElement.getBoundingClientRect().height) });
    const tall = document.createElement('div');
    tall.style.height = '3000px';
    document.body.append(tall);
    await waitUntil(() => sent.length > 1, 'new height sent');
    tall.remove();
    expect(new Set(sent.map(([, origin]) => origin))).to.deep.equal(new Set(['https://www.wohnbau-nord.de']));
  });
});
