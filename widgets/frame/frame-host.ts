import { FRAME_HEIGHT, FRAME_HELLO, MAX_FRAME_HEIGHT, isFrameMessage } from './frame-messages.ts';

const sized = new WeakSet<HTMLIFrameElement>();

/**
 * On the page that frames the portal: every `<iframe data-mp-autosize>` under `root` takes the height its
 * page reports. Messages count only from that iframe's window and its exact origin (the origin of its `src`);
 * the hello goes to that origin only.
 */
export function autosizeFrames(root: Document | Element): void {
  const frames = root instanceof HTMLIFrameElement ? [root] : [...root.querySelectorAll<HTMLIFrameElement>('iframe[data-mp-autosize]')];
  for (const frame of frames) if (!sized.has(frame)) autosize(frame);
}

function autosize(frame: HTMLIFrameElement): void {
  let origin: string;
  try {
    origin = new URL(frame.src, document.baseURI).origin;
  } catch {
    return;
  }
  // about:blank, srcdoc, data: — no origin to trust.
  if (origin === 'null') return;
  sized.add(frame);
  let answered = false;
  window.addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow || !isFrameMessage(event.data, FRAME_HEIGHT)) return;
    const { height } = event.data;
    if (typeof height !== 'number' || !Number.isFinite(height) || height < 0 || height > MAX_FRAME_HEIGHT) return;
    answered = true;
    frame.style.height = `${Math.ceil(height)}px`;
  });
  // The page in the frame listens once its loader ran, which may be after its load event: say hello until it
  // answers (a few seconds at most). Each load of the iframe is a new page that needs it again.
  const hello = () => {
    answered = false;
    let tries = 0;
    const say = () => {
      if (answered || tries++ > 40) return;
      frame.contentWindow?.postMessage({ type: FRAME_HELLO }, origin);
      setTimeout(say, 250);
    };
    say();
  };
  frame.addEventListener('load', hello);
  hello();
}
