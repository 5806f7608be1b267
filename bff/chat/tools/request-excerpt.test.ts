import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { conversationExcerpt, EXCERPT_MAX_CHARS, EXCERPT_MAX_MESSAGES } from './request-excerpt.ts';

/** The excerpt a general request carries: what the resident and the clerk read on the card and in the case. */
describe('the excerpt of a general request', () => {
  it('keeps the newest messages of a long conversation within its bounds, each answer one line, no tool output', () => {
    const messages = [];
    for (let turn = 1; turn <= 20; turn += 1) {
      messages.push({ role: 'user' as const, text: `Frage ${turn}: ${'x'.repeat(400)}` });
      messages.push({ role: 'assistant' as const, text: `Ich sehe nach. ` });
      messages.push({ role: 'tool' as const, text: '' });
      messages.push({ role: 'assistant' as const, text: `Antwort ${turn}.` });
    }
    messages.push({ role: 'user' as const, text: 'ja' });
    messages.push({ role: 'assistant' as const, text: 'Ich bereite die Anfrage vor.' });

    const excerpt = conversationExcerpt(messages);
    const lines = excerpt.split('\n');
    assert.ok(excerpt.length <= EXCERPT_MAX_CHARS, `${excerpt.length} characters`);
    assert.ok(lines.length <= EXCERPT_MAX_MESSAGES);
    assert.equal(lines.at(-1), 'Mieter/in: ja', 'the answer still being written is not part of it');
    assert.equal(lines.at(-2), 'Assistent: Ich sehe nach. Antwort 20.');
    assert.doesNotMatch(excerpt, /Frage 1:/, 'the oldest messages give way');
  });

  it('cuts a very long message and folds line breaks, so each message stays one line', () => {
    const excerpt = conversationExcerpt([{ role: 'user', text: `Erste Zeile\nzweite Zeile ${'y'.repeat(1000)}` }]);
    assert.equal(excerpt.split('\n').length, 1);
    assert.ok(excerpt.startsWith('Mieter/in: Erste Zeile zweite Zeile'));
    assert.ok(excerpt.endsWith('…') && excerpt.length <= 'Mieter/in: '.length + 600);
  });
});
