import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { Language } from '../../contract/enums.ts';
import { DEFAULT_DAMAGE_CATALOGUE } from '../../cases/seed-catalogue.ts';
import type { ChatTurn, ModelEvent, ToolCall } from '../model.ts';
import { chatToolInputs, chatToolResults, type ChatToolName } from '../tool-contract.ts';
import { OfflineChatModel } from './offline.ts';

const model = new OfflineChatModel();

/** One model response: the tool call it made (checked against the tool's input schema) or the text it streamed. */
async function respond(turns: ChatTurn[], language: Language = 'de'): Promise<{ call?: ToolCall; text: string; events: ModelEvent[] }> {
  const events: ModelEvent[] = [];
  for await (const event of model.stream({
    system: '',
    turns,
    tools: [],
    language,
    maxOutputTokens: 1024,
    signal: new AbortController().signal,
  })) {
    events.push(event);
  }
  const call = events.find((event) => event.type === 'tool_call')?.call;
  if (call) {
    assert.ok(call.name in chatToolInputs, `${call.name} is one of the chat's tools`);
    chatToolInputs[call.name as ChatToolName].parse(call.input);
    assert.deepEqual(events.at(-1), { type: 'done', stopReason: 'tool_use', usage: { inputTokens: 0, outputTokens: 0 } });
  } else {
    assert.deepEqual(events.at(-1), { type: 'done', stopReason: 'end_turn', usage: { inputTokens: 0, outputTokens: 0 } });
  }
  const text = events.flatMap((event) => (event.type === 'text' ? [event.delta] : [])).join('');
  return { call, text, events };
}

/** A conversation the way the tool loop builds it: the resident's words, the model's calls, the tools' answers. */
class Conversation {
  readonly turns: ChatTurn[] = [];
  constructor(readonly language: Language = 'de') {}

  async say(text: string) {
    this.turns.push({ role: 'user', text });
    return this.#respond();
  }

  /** Answers the model's last tool call with a result that the tool's own schema accepts. */
  async toolAnswers<Name extends ChatToolName>(name: Name, content: unknown) {
    const last = this.turns.at(-1);
    assert.ok(last?.role === 'assistant' && last.toolCalls[0]?.name === name, `the model called ${name}`);
    chatToolResults[name].parse(content);
    this.turns.push({ role: 'tool', results: [{ callId: last.toolCalls[0].id, content }] });
    return this.#respond();
  }

  async #respond() {
    const response = await respond(this.turns, this.language);
    this.turns.push({ role: 'assistant', text: response.text, toolCalls: response.call ? [response.call] : [] });
    return response;
  }
}

const tenancy = {
  known: true as const,
  unit: { label: 'WE 12', building: 'Lindenstraße 4', address: 'Lindenstraße 4, 04109 Leipzig' },
  tenancyStart: '2019-04-01',
  coldRent: 612.5,
  advancePayments: [{ label: 'Betriebskosten', amount: 180 }],
  caretakerArea: 'Nord',
  clauses: [],
  billingPeriod: { start: '2025-01-01', end: '2025-12-31' },
  nextUtilityStatementDueBy: '2026-12-31',
};
const company = {
  companyName: 'Wohnbau Leipzig eG',
  officeHours: 'Mo–Do 9–16 Uhr, Fr 9–12 Uhr',
  emergencyNumbers: [{ label: 'Notdienst Sanitär', phone: '0341 555 0110' }],
  contactPhone: '0341 555 0100',
  contactEmail: 'service@wohnbau-leipzig.example',
  houseRules: [],
};
const waterCase = {
  caseNumber: '2026-000123',
  title: 'Wasserschaden im Bad',
  type: 'damage',
  status: 'in_progress',
  statusLabel: 'In Bearbeitung',
  lastActivityAt: '2026-11-20T10:00:00Z',
  nextStep: 'Ein Handwerker meldet sich bei Ihnen für einen Termin.',
  publicMessages: [],
};

describe('offline assistant: the utility statement', () => {
  it('asks getMieterInfo and words the statutory due date from the tool (German and English)', async () => {
    const de = new Conversation();
    assert.equal((await de.say('Wann kommt meine Nebenkostenabrechnung?')).call?.name, 'getMieterInfo');
    const answer = await de.toolAnswers('getMieterInfo', tenancy);
    assert.match(answer.text, /spätestens am 31\.12\.2026/);
    assert.match(answer.text, /01\.01\.2025 bis 31\.12\.2025/);
    assert.ok(answer.events.filter((event) => event.type === 'text').length > 5, 'streamed in small pieces, not as one block');

    const en = new Conversation('en');
    assert.equal((await en.say('When will I get my utility statement?')).call?.name, 'getMieterInfo');
    assert.match((await en.toolAnswers('getMieterInfo', tenancy)).text, /by 31 December 2026 at the latest/);
  });

  it('says honestly that it does not know without tenancy data, and offers a general request', async () => {
    const de = new Conversation();
    await de.say('Wann kommt die Abrechnung?');
    const answer = await de.toolAnswers('getMieterInfo', { known: false });
    assert.match(answer.text, /Das weiß ich leider nicht/);
    assert.match(answer.text, /allgemeine Anfrage/);
    assert.doesNotMatch(answer.text, /\d{2}\.\d{2}\.\d{4}/);

    const en = new Conversation('en');
    await en.say('utility statement?');
    assert.match((await en.toolAnswers('getMieterInfo', { known: false })).text, /don't know.*general request/s);
  });
});

describe('offline assistant: the status of a request', () => {
  it('passes a case number named in the question and cites the real status label and next step', async () => {
    const de = new Conversation();
    const asked = await de.say('Wie ist der Stand von 2026-000123?');
    assert.deepEqual(asked.call?.input, { caseNumber: '2026-000123' });
    const answer = await de.toolAnswers('getAnfrageStatus', { cases: [waterCase] });
    assert.equal(
      answer.text,
      'Ihr Anliegen 2026-000123 „Wasserschaden im Bad“ hat den Status „In Bearbeitung“. Nächster Schritt: Ein Handwerker meldet sich bei Ihnen für einen Termin.',
    );
  });

  it('asks for all own requests without a number ("Was ist mit meinem Wasserschaden?"), and says when a number is not found', async () => {
    const de = new Conversation();
    assert.deepEqual((await de.say('Was ist mit meinem Wasserschaden?')).call, { id: 'offline_1', name: 'getAnfrageStatus', input: {} });
    assert.match((await de.toolAnswers('getAnfrageStatus', { cases: [] })).text, /keine offenen oder kürzlichen Anliegen/);

    const en = new Conversation('en');
    assert.deepEqual((await en.say('What is the status of 2026-999999?')).call?.input, { caseNumber: '2026-999999' });
    assert.equal(
      (await en.toolAnswers('getAnfrageStatus', { cases: [], notFound: true })).text,
      "I can't find a request with the number 2026-999999 among yours.",
    );

    const status = new Conversation('en');
    await status.say('What about my request?');
    assert.match(
      (await status.toolAnswers('getAnfrageStatus', { cases: [waterCase] })).text,
      /status "In Bearbeitung"\. Next step: Ein Handwerker/,
    );
  });
});

describe('offline assistant: office hours, emergencies, documents', () => {
  it('answers office hours and emergency numbers from getTenantContext', async () => {
    const office = new Conversation();
    assert.equal((await office.say('Wann sind Ihre Sprechzeiten?')).call?.name, 'getTenantContext');
    assert.equal(
      (await office.toolAnswers('getTenantContext', company)).text,
      'Die Sprechzeiten von Wohnbau Leipzig eG: Mo–Do 9–16 Uhr, Fr 9–12 Uhr. Telefon: 0341 555 0100. E-Mail: service@wohnbau-leipzig.example.',
    );
    const emergency = new Conversation();
    assert.equal((await emergency.say('Wen rufe ich im Notfall an?')).call?.name, 'getTenantContext');
    assert.match((await emergency.toolAnswers('getTenantContext', company)).text, /Notdienst Sanitär: 0341 555 0110.*112/);

    const en = new Conversation('en');
    await en.say('What are your office hours?');
    assert.match((await en.toolAnswers('getTenantContext', company)).text, /^Office hours of Wohnbau Leipzig eG: Mo–Do 9–16 Uhr/);
    const enEmergency = new Conversation('en');
    await enEmergency.say('Emergency! Who do I call?');
    assert.match(
      (await enEmergency.toolAnswers('getTenantContext', company)).text,
      /In an emergency, call: Notdienst Sanitär: 0341 555 0110/,
    );
  });

  it('lists the resident’s documents, of the category asked for', async () => {
    const de = new Conversation();
    assert.deepEqual((await de.say('Wo finde ich meine Dokumente zur Nebenkostenabrechnung?')).call?.input, {
      category: 'utility_statement',
    });
    const documents = {
      documents: [
        {
          id: 'd1',
          title: 'Betriebskostenabrechnung 2025',
          category: 'utility_statement',
          publishedAt: '2026-06-30T08:00:00Z',
          downloadUrl: '/api/documents/d1',
        },
      ],
    };
    assert.equal(
      (await de.toolAnswers('getDokumente', documents)).text,
      'Diese Dokumente liegen für Sie bereit: „Betriebskostenabrechnung 2025“ (30.06.2026).',
    );
    const en = new Conversation('en');
    assert.deepEqual((await en.say('Show me my documents')).call?.input, {});
    assert.equal((await en.toolAnswers('getDokumente', { documents: [] })).text, "I can't find any documents for you.");
  });
});

describe('offline assistant: a damage report over several turns', () => {
  const catalogue = DEFAULT_DAMAGE_CATALOGUE;

  it('"Bei mir tropft die Küchenarmatur": draft, follow-up questions with the catalogue options, answers, the draft to check', async () => {
    const chat = new Conversation();
    const first = await chat.say('Bei mir tropft die Küchenarmatur');
    assert.deepEqual(first.call?.input, { description: 'Bei mir tropft die Küchenarmatur' });

    const whereQuestion = await chat.toolAnswers('createSchadensmeldung', {
      complete: false,
      missing: ['location', 'category', 'kind', 'urgency'],
      options: { location: Object.keys(catalogue) },
    });
    assert.equal(
      whereQuestion.text,
      'Wo ist der Schaden? Zur Auswahl: Wohnung, Treppenhaus und Eingang, Keller und Gemeinschaftsräume, Aufzug, Dach und Fassade oder Außenanlagen.',
    );

    assert.deepEqual((await chat.say('In der Wohnung')).call?.input, {
      description: 'Bei mir tropft die Küchenarmatur',
      location: 'Wohnung',
    });
    const areaQuestion = await chat.toolAnswers('createSchadensmeldung', {
      complete: false,
      missing: ['category', 'kind', 'urgency'],
      options: { category: Object.keys(catalogue.Wohnung) },
    });
    assert.match(areaQuestion.text, /^Welcher Bereich ist betroffen\? Zur Auswahl: Sanitär, Heizung und Warmwasser/);

    assert.deepEqual((await chat.say('Sanitär')).call?.input, {
      description: 'Bei mir tropft die Küchenarmatur',
      location: 'Wohnung',
      category: 'Sanitär',
    });
    // "tropft" names the kind "Wasserhahn tropft": no question, the tool is asked again at once.
    const kindFromWords = await chat.toolAnswers('createSchadensmeldung', {
      complete: false,
      missing: ['kind', 'urgency'],
      options: { kind: catalogue.Wohnung['Sanitär'] },
    });
    assert.deepEqual(kindFromWords.call?.input, {
      description: 'Bei mir tropft die Küchenarmatur',
      location: 'Wohnung',
      category: 'Sanitär',
      kind: 'Wasserhahn tropft',
    });
    const urgencyQuestion = await chat.toolAnswers('createSchadensmeldung', { complete: false, missing: ['urgency'], options: {} });
    assert.equal(urgencyQuestion.text, 'Wie dringend ist es: normal, dringend oder ein Notfall?');

    assert.deepEqual((await chat.say('Nicht so dringend, es tropft nur langsam')).call?.input, {
      description: 'Bei mir tropft die Küchenarmatur',
      location: 'Wohnung',
      category: 'Sanitär',
      kind: 'Wasserhahn tropft',
      urgency: 'normal',
    });
    const ready = await chat.toolAnswers('createSchadensmeldung', {
      complete: true,
      draft: {
        draftId: 'draft-1',
        location: 'Wohnung',
        category: 'Sanitär',
        kind: 'Wasserhahn tropft',
        urgency: 'normal',
        description: 'Bei mir tropft die Küchenarmatur',
      },
    });
    assert.match(ready.text, /^Bitte prüfen Sie den Entwurf Ihrer Schadensmeldung und senden Sie ihn mit „Schadensmeldung absenden“ ab/);
  });

  it('in English, takes the urgency from the first message and an option by its number', async () => {
    const chat = new Conversation('en');
    assert.deepEqual((await chat.say('Urgent: the heating is broken and the flat is cold')).call?.input, {
      description: 'Urgent: the heating is broken and the flat is cold',
      urgency: 'urgent',
    });
    const question = await chat.toolAnswers('createSchadensmeldung', {
      complete: false,
      missing: ['location'],
      options: { location: ['Wohnung', 'Keller'] },
    });
    assert.equal(question.text, 'Where is the damage? Options: Wohnung or Keller.');
    assert.deepEqual((await chat.say('1')).call?.input, {
      description: 'Urgent: the heating is broken and the flat is cold',
      urgency: 'urgent',
      location: 'Wohnung',
    });
  });

  it('passes an answer that names no option on to the tool, which checks it against the catalogue and asks again', async () => {
    const chat = new Conversation();
    await chat.say('Das Fenster ist kaputt');
    await chat.toolAnswers('createSchadensmeldung', {
      complete: false,
      missing: ['location'],
      options: { location: ['Wohnung', 'Keller'] },
    });
    assert.deepEqual((await chat.say('im Schlafzimmer')).call?.input, {
      description: 'Das Fenster ist kaputt',
      location: 'im Schlafzimmer',
    });
    const again = await chat.toolAnswers('createSchadensmeldung', {
      complete: false,
      missing: ['location'],
      options: { location: ['Wohnung', 'Keller'] },
    });
    assert.equal(again.text, 'Wo ist der Schaden? Zur Auswahl: Wohnung oder Keller.');
  });

  it('turns to a new question asked instead of an answer', async () => {
    const chat = new Conversation();
    await chat.say('Die Heizung ist kalt');
    await chat.toolAnswers('createSchadensmeldung', { complete: false, missing: ['location'], options: { location: ['Wohnung'] } });
    assert.equal((await chat.say('Wann sind Ihre Sprechzeiten?')).call?.name, 'getTenantContext');
  });
});

describe('offline assistant: callbacks, the unknown, other languages', () => {
  it('drafts a callback with the times named, or asks for them first', async () => {
    const direct = new Conversation();
    assert.deepEqual((await direct.say('Bitte um Rückruf wegen der Kaution, am besten Dienstag ab 14 Uhr')).call?.input, {
      topic: 'Bitte um Rückruf wegen der Kaution, am besten Dienstag ab 14 Uhr',
      preferredTimes: 'Dienstag, ab 14 Uhr',
    });
    const ready = await direct.toolAnswers('requestRueckruf', {
      draft: { draftId: 'r1', topic: 'Kaution', preferredTimes: 'Dienstag, ab 14 Uhr', phone: null },
    });
    assert.match(ready.text, /^Bitte prüfen Sie den Entwurf Ihrer Rückrufbitte/);

    const en = new Conversation('en');
    const question = await en.say('Could you call me back about my rent?');
    assert.equal(question.call, undefined);
    assert.equal(question.text, 'When can we best reach you (days and times)?');
    assert.deepEqual((await en.say('Weekdays after 5 pm, 0176 1234567')).call?.input, {
      topic: 'Could you call me back about my rent?',
      preferredTimes: 'Weekdays after 5 pm, 0176 1234567',
      phone: '0176 1234567',
    });
  });

  it('says honestly what it cannot answer and offers a general request', async () => {
    const de = await respond([{ role: 'user', text: 'Darf ich einen Hund halten?' }]);
    assert.equal(de.call, undefined);
    assert.match(de.text, /^Das kann ich leider nicht beantworten\. Gern mache ich aus Ihrer Frage eine allgemeine Anfrage/);
    const en = await respond([{ role: 'user', text: 'Can I keep a dog?' }], 'en');
    assert.match(en.text, /^I'm afraid I can't answer that\. I can turn your question into a general request/);
  });

  it('on a yes to its offer drafts the unanswered question as a general request; without the offer a yes drafts nothing', async () => {
    for (const [language, question, yes] of [
      ['de', 'Darf ich einen Hund halten?', 'ja'],
      ['de', 'Darf ich einen Hund halten?', 'Ja bitte!'],
      ['de', 'Darf ich einen Hund halten?', 'gerne'],
      ['en', 'Can I keep a dog?', 'yes'],
      ['en', 'Can I keep a dog?', 'please do'],
    ] as const) {
      const chat = new Conversation(language);
      await chat.say(question);
      const accepted = await chat.say(yes);
      assert.deepEqual([accepted.call?.name, accepted.call?.input], ['requestAnfrage', { question }], `${language} "${yes}"`);
      const ready = await chat.toolAnswers('requestAnfrage', { draft: { draftId: 'q1', question, excerpt: `Mieter/in: ${question}` } });
      assert.match(ready.text, language === 'de' ? /Bitte prüfen Sie ihn und senden Sie ihn mit „Anfrage senden“ ab/ : /Send request/);
    }

    // After "I don't know" from a tool, the question is the resident's message before the tool call.
    const unknown = new Conversation();
    await unknown.say('Wann kommt meine Nebenkostenabrechnung?');
    assert.match((await unknown.toolAnswers('getMieterInfo', { known: false })).text, /allgemeine Anfrage/);
    assert.deepEqual((await unknown.say('Ja, gerne')).call?.input, { question: 'Wann kommt meine Nebenkostenabrechnung?' });

    const noOffer = new Conversation();
    await noOffer.say('Wann sind Ihre Sprechzeiten?');
    await noOffer.toolAnswers('getTenantContext', company);
    const yes = await noOffer.say('ja');
    assert.equal(yes.call, undefined, 'a yes without an offer drafts nothing');

    const newQuestion = new Conversation();
    await newQuestion.say('Darf ich einen Hund halten?');
    assert.equal((await newQuestion.say('Ja, und wann sind Ihre Sprechzeiten?')).call?.name, 'getTenantContext');
  });

  it('in Turkish, Polish and Ukrainian says in that language that it understands German and English, and calls no tool', async () => {
    for (const [language, words] of [
      ['tr', /Almanca ve İngilizce.*istek formu/],
      ['pl', /niemiecki i angielski.*formularz/],
      ['uk', /німецьку та англійську.*форму звернення/],
    ] as const) {
      const answer = await respond([{ role: 'user', text: 'Nebenkostenabrechnung?' }], language);
      assert.equal(answer.call, undefined);
      assert.match(answer.text, words);
    }
  });

  it('says so when a tool refused the call, and offers a general request', async () => {
    const turns: ChatTurn[] = [
      { role: 'user', text: 'Wann kommt meine Nebenkostenabrechnung?' },
      { role: 'assistant', text: '', toolCalls: [{ id: 'offline_1', name: 'getMieterInfo', input: {} }] },
      { role: 'tool', results: [{ callId: 'offline_1', content: { error: { code: 'tool_failed', message: 'x' } }, isError: true }] },
    ];
    const answer = await respond(turns);
    assert.equal(answer.call, undefined);
    assert.match(answer.text, /^Das hat leider nicht geklappt\. Gern mache ich aus Ihrer Frage eine allgemeine Anfrage/);
  });

  it('is labelled offline', () => {
    assert.deepEqual([model.id, model.offline], ['offline', true]);
  });
});
