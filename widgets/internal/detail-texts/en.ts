import type { DetailMessages } from './de.ts';

const detail: DetailMessages = {
  charactersLeft: (left) => (left === 1 ? '1 character left' : `${left} characters left`),
  charactersOver: (over) => (over === 1 ? '1 character too many' : `${over} characters too many`),
  tooManyCombined: 'The text contains too many combined characters (such as emoji with skin tones). Please shorten it.',
  photoAlt: (fileName) => `Photo ${fileName}`,
  statusNoticeHeading: 'News about your request',
  statusNoticeDismiss: 'Close notice',
};

export default detail;
