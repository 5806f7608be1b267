/**
 * The two messages between a page that frames the portal (`<iframe data-mp-autosize>`, frame-host.ts) and the
 * portal's page inside the iframe (frame-child.ts). Always sent to one exact origin, never to "*".
 */

/** Host → frame: "I size you; tell me your height." Its origin is the only one the frame answers. */
export const FRAME_HELLO = 'mp-frame-hello';
/** Frame → host: the height of the frame's content in CSS pixels. */
export const FRAME_HEIGHT = 'mp-frame-height';

/** No portal page is taller than this; a larger number is not a height the frame sent. */
export const MAX_FRAME_HEIGHT = 100_000;

export function isFrameMessage(data: unknown, type: string): data is { type: string; height?: unknown } {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;
}
