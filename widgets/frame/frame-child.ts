import { FRAME_HEIGHT, FRAME_HELLO, isFrameMessage } from './frame-messages.ts';

/**
 * Inside an iframe: once the framing page's loader says hello, the page's content height goes to exactly
 * that page's origin (never "*"), now and whenever it changes, so the iframe grows and shrinks with the portal
 * and nothing is cut off. Only the window that frames this page is answered; which pages may frame it at all
 * is the BFF's `frame-ancestors` policy.
 */
export function startFrameChild(parent: Window = window.parent): void {
  let hostOrigin: string | undefined;
  let observer: ResizeObserver | undefined;
  let sent = -1;

  const send = () => {
    if (!hostOrigin) return;
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === sent) return;
    sent = height;
    parent.postMessage({ type: FRAME_HEIGHT, height }, hostOrigin);
  };

  window.addEventListener('message', (event) => {
    if (event.source !== parent || !isFrameMessage(event.data, FRAME_HELLO) || !event.origin || event.origin === 'null') return;
    hostOrigin = event.origin;
    sent = -1;
    observer ??= new ResizeObserver(send);
    observer.observe(document.documentElement);
    send();
  });
}
