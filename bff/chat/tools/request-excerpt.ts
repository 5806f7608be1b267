import type { MessageRecord } from '../repository.ts';

/**
 * The part of the conversation a general request carries (requestAnfrage): the resident's recent messages and
 * the assistant's answers, as plain text, one line per message, the newest kept when it gets long. Built from
 * what is stored, never from the model's words; the answer still being written (after the resident's last
 * message) is not part of it. German labels: the housing company reads it in the case.
 */
export const EXCERPT_MAX_MESSAGES = 12;
export const EXCERPT_MAX_CHARS = 3000;
const MESSAGE_MAX_CHARS = 600;

const LABELS = { user: 'Mieter/in', assistant: 'Assistent' } as const;

export function conversationExcerpt(messages: Pick<MessageRecord, 'role' | 'text'>[]): string {
  // One answer may take several model steps (text, tools, more text): it is one line, as the resident saw it.
  const said: Array<{ role: 'user' | 'assistant'; text: string }> = [];
  for (const message of messages) {
    if (message.role === 'user') said.push({ role: 'user', text: message.text });
    else if (message.role === 'assistant') {
      if (said.at(-1)?.role === 'assistant') said.at(-1)!.text += message.text;
      else said.push({ role: 'assistant', text: message.text });
    }
  }
  if (said.at(-1)?.role === 'assistant') said.pop();
  const lines = said
    .map((message) => ({ role: message.role, text: message.text.replace(/\s+/g, ' ').trim() }))
    .filter((message) => message.text)
    .map((message) => `${LABELS[message.role]}: ${clipped(message.text, MESSAGE_MAX_CHARS)}`)
    .slice(-EXCERPT_MAX_MESSAGES);
  const kept: string[] = [];
  let length = 0;
  for (const line of lines.reverse()) {
    if (length + line.length + 1 > EXCERPT_MAX_CHARS) break;
    kept.unshift(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

export const clipped = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);
