import { ChatModelError, type ChatModel } from './model.ts';

/**
 * The ChatModel until the adapters (bff/chat/models/) are wired: every answer ends with
 * `model_misconfigured`, so the chat says honestly that the assistant is not available.
 */
export function unconfiguredChatModel(): ChatModel {
  return {
    id: 'unconfigured',
    offline: false,
    // eslint-disable-next-line require-yield -- it answers nothing: the error is the answer
    async *stream() {
      throw new ChatModelError('model_misconfigured', 'Für den Chat ist kein Sprachmodell eingerichtet.');
    },
  };
}
