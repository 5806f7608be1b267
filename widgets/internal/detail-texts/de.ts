/**
 * Texts of details the lazily loaded views share (forms, a case's view, the status notice): character
 * counters, photo thumbnails and the visible notice of a status change. Not part of the portal's eager bundle.
 */
const detail = {
  /** Shown from 80 % of a field's limit on; counted as people see characters (an emoji is one). */
  charactersLeft: (left: number) => (left === 1 ? 'Noch 1 Zeichen' : `Noch ${left} Zeichen`),
  charactersOver: (over: number) => (over === 1 ? '1 Zeichen zu viel' : `${over} Zeichen zu viel`),
  /** Few characters, but composed of more parts than can be stored (👍🏽 is two, a family emoji five). */
  tooManyCombined: 'Der Text enthält zu viele zusammengesetzte Zeichen (z. B. Emojis mit Hautfarbe). Bitte kürzen Sie ihn.',
  /** The alt text of a photo's thumbnail. */
  photoAlt: (fileName: string) => `Foto ${fileName}`,
  /** The visible notice of a live status change. */
  statusNoticeHeading: 'Neuigkeit zu Ihrem Anliegen',
  statusNoticeDismiss: 'Hinweis schließen',
};

export type DetailMessages = typeof detail;
export default detail;
