import { URGENCIES, type Urgency } from '../../contract/enums.ts';
import type { ChatModel, ChatTurn, ModelEvent, ModelRequest, ToolCall, ToolResult } from '../model.ts';
import { chatToolResults, type ChatToolInput, type ChatToolName, type ChatToolResult } from '../tool-contract.ts';
import { offlineTexts, otherLanguageNotice, type OfflineTexts } from './offline-texts.ts';

/**
 * The assistant that works without a key or network: it recognises the common resident questions in German and
 * English by their words and drives the same tool loop as a real model — a tool call, then an answer worded from
 * the tool's result (offline-texts.ts). It keeps no state: what it does next follows from the turns alone.
 */
export class OfflineChatModel implements ChatModel {
  readonly id = 'offline';
  readonly offline = true;

  async *stream(request: ModelRequest): AsyncIterable<ModelEvent> {
    const step = nextStep(request);
    if (step.kind === 'call') {
      yield { type: 'tool_call', call: { id: `offline_${request.turns.length}`, name: step.name, input: step.input } };
      yield done('tool_use');
      return;
    }
    // Word by word, as a real model streams.
    for (const piece of step.text.split(/(?<=\s)/)) {
      if (request.signal.aborted) return;
      yield { type: 'text', delta: piece };
    }
    yield done('end_turn');
  }
}

type Step = { kind: 'text'; text: string } | { kind: 'call'; name: ChatToolName; input: Record<string, unknown> };
type Intent = 'utility' | 'status' | 'emergency' | 'office' | 'documents' | 'callback' | 'damage';
type DamageInput = ChatToolInput<'createSchadensmeldung'>;

const done = (stopReason: 'end_turn' | 'tool_use'): ModelEvent => ({
  type: 'done',
  stopReason,
  usage: { inputTokens: 0, outputTokens: 0 },
});
const call = (name: ChatToolName, input: Record<string, unknown>): Step => ({ kind: 'call', name, input });
const say = (text: string): Step => ({ kind: 'text', text });

function nextStep(request: ModelRequest): Step {
  if (request.language !== 'de' && request.language !== 'en') return say(otherLanguageNotice[request.language]);
  const texts = offlineTexts[request.language];
  const turns = request.turns;
  const last = turns.at(-1);
  if (last?.role === 'tool') return answerFromTool(turns, last.results, texts);
  if (last?.role !== 'user') return say(texts.cannotAnswer);
  return acceptedRequest(turns, last.text) ?? followUp(turns, last.text) ?? startIntent(last.text, texts);
}

// ── What the resident asked ──────────────────────────────────────────────────────────────────────────────
const CASE_NUMBER = /\b\d{4}-\d{4,6}\b/;

/** Checked in this order: "Was ist mit meinem Wasserschaden?" asks for a status, it reports nothing new. */
const INTENT_WORDS: [Intent, RegExp][] = [
  [
    'status',
    /\b(status|stand|was ist mit|wie weit|meine[nmr]? (anfrage|anliegen|meldung|vorgang)|what about|my (request|case|report)|progress)\b/i,
  ],
  ['documents', /(dokument|unterlagen|bescheinigung|\bdocument|certificate)/i],
  ['utility', /(nebenkosten|betriebskosten|abrechnung|utility|service charge)/i],
  ['emergency', /(notfall|notdienst|notruf|emergency)/i],
  ['office', /(sprechzeit|öffnungszeit|erreichbar|office hours|opening hours|\bcontact\b)/i],
  ['callback', /(rückruf|zurückruf|ruf(en sie)? mich|call( me)? back|callback)/i],
  [
    'damage',
    /(schaden|tropft|kaputt|defekt|undicht|leck|kalt|heizung|wasser|schimmel|verstopft|damage|broken|leak|drip|not working|mould|mold)/i,
  ],
];

function intentOf(text: string): Intent | undefined {
  if (CASE_NUMBER.test(text)) return 'status';
  return INTENT_WORDS.find(([, words]) => words.test(text))?.[0];
}

function startIntent(text: string, texts: OfflineTexts): Step {
  switch (intentOf(text)) {
    case 'utility':
      return call('getMieterInfo', {});
    case 'status': {
      const caseNumber = CASE_NUMBER.exec(text)?.[0];
      return call('getAnfrageStatus', caseNumber ? { caseNumber } : {});
    }
    case 'emergency':
    case 'office':
      return call('getTenantContext', {});
    case 'documents': {
      const category = documentCategory(text);
      return call('getDokumente', category ? { category } : {});
    }
    case 'callback': {
      const preferredTimes = preferredTimesIn(text);
      if (!preferredTimes) return say(texts.callbackTimesQuestion);
      return call('requestRueckruf', callbackInput(text, preferredTimes, text));
    }
    case 'damage': {
      const urgency = urgencyIn(text);
      return call('createSchadensmeldung', { description: clip(text, 4000), ...(urgency ? { urgency } : {}) });
    }
    case undefined:
      return say(texts.cannotAnswer);
  }
}

// ── The offer of a general request, accepted ─────────────────────────────────────────────────────────────
/** A short yes to the offer: "ja", "ja bitte", "gerne", "yes", "please do" … (a longer message is a new question). */
const YES =
  /^(ja|jawohl|gerne?|bitte|ok(ay)?|yes|yeah|sure|please)([\s,]+(ja|bitte|gerne?|sehr gerne?|machen sie das|das wäre nett|danke|please|do|yes|thanks?|thank you))*[\s.!]*$/i;
const REQUEST_OFFERS = Object.values(offlineTexts).map((texts) => texts.requestOffer);

/**
 * The resident said yes to the offer of a general request: requestAnfrage with the question the answer before
 * could not answer (the resident's last message before it that is not itself a yes). The tool adds the excerpt.
 */
function acceptedRequest(turns: ChatTurn[], answer: string): Step | undefined {
  const offer = turns.at(-2);
  if (!YES.test(answer.trim()) || offer?.role !== 'assistant' || offer.toolCalls.length > 0) return undefined;
  if (!REQUEST_OFFERS.some((text) => offer.text.includes(text))) return undefined;
  const question = turns
    .slice(0, -2)
    .reverse()
    .find((turn) => turn.role === 'user' && !YES.test(turn.text.trim()));
  return question?.role === 'user' ? call('requestAnfrage', { question: clip(question.text, 1000) }) : undefined;
}

// ── A question the assistant asked, answered by the resident's next message ──────────────────────────────
function followUp(turns: ChatTurn[], answer: string): Step | undefined {
  const [toolTurn, question] = [turns.at(-3), turns.at(-2)];
  if (question?.role !== 'assistant' || question.toolCalls.length > 0) return undefined;

  // The callback times question: the topic is the message before it.
  const asked = turns.at(-3);
  if (asked?.role === 'user' && intentOf(asked.text) === 'callback' && !preferredTimesIn(asked.text)) {
    return call('requestRueckruf', callbackInput(asked.text, clip(answer, 200), `${asked.text} ${answer}`));
  }

  // A damage report the tool found incomplete: the answer fills the field asked for (the tool checks it).
  if (toolTurn?.role !== 'tool') return undefined;
  const previous = lastCall(turns, toolTurn.results[0]?.callId);
  const result = chatToolResults.createSchadensmeldung.safeParse(toolTurn.results[0]?.content);
  if (previous?.name !== 'createSchadensmeldung' || !result.success || result.data.complete) return undefined;
  const intent = intentOf(answer);
  const additions = damageAdditions(result.data, previous.input as DamageInput, answer);
  if (Object.keys(additions).length === 0 && intent && intent !== 'damage') return undefined; // a new question instead of an answer
  const asking = result.data.missing[0];
  if (asking && asking !== 'urgency' && asking !== 'description' && additions[asking] === undefined) additions[asking] = clip(answer, 100);
  if (asking === 'description' && additions.description === undefined) additions.description = clip(answer, 4000);
  return call('createSchadensmeldung', { ...(previous.input as DamageInput), ...additions });
}

// ── Wording an answer from a tool's result ───────────────────────────────────────────────────────────────
function answerFromTool(turns: ChatTurn[], results: ToolResult[], texts: OfflineTexts): Step {
  const result = results[0];
  const made = lastCall(turns, result?.callId);
  if (!result || !made || result.isError) return say(texts.toolFailed);
  const asked = [...turns].reverse().find((turn) => turn.role === 'user');
  const askedText = asked?.role === 'user' ? asked.text : '';

  switch (made.name) {
    case 'getMieterInfo': {
      const info = chatToolResults.getMieterInfo.safeParse(result.content);
      if (!info.success) return say(texts.toolFailed);
      if (!info.data.known || !info.data.nextUtilityStatementDueBy) return say(texts.utilityStatementUnknown);
      return say(texts.utilityStatementDue(info.data.nextUtilityStatementDueBy, info.data.billingPeriod));
    }
    case 'getAnfrageStatus': {
      const status = chatToolResults.getAnfrageStatus.safeParse(result.content);
      if (!status.success) return say(texts.toolFailed);
      const caseNumber = (made.input as { caseNumber?: string }).caseNumber;
      if (status.data.notFound && caseNumber) return say(texts.caseNotFound(caseNumber));
      return say(status.data.cases.length > 0 ? texts.cases(status.data.cases) : texts.noCases);
    }
    case 'getTenantContext': {
      const context = chatToolResults.getTenantContext.safeParse(result.content);
      if (!context.success) return say(texts.toolFailed);
      return say(intentOf(askedText) === 'emergency' ? texts.emergency(context.data) : texts.officeHours(context.data));
    }
    case 'getDokumente': {
      const documents = chatToolResults.getDokumente.safeParse(result.content);
      return say(documents.success ? texts.documents(documents.data.documents) : texts.toolFailed);
    }
    case 'createSchadensmeldung': {
      const report = chatToolResults.createSchadensmeldung.safeParse(result.content);
      if (!report.success) return say(texts.toolFailed);
      if (report.data.complete) return say(texts.damageDraftReady);
      // First what the resident's own words already say (e.g. "Küche" in "Küchenarmatur"), then ask.
      const input = made.input as DamageInput;
      const additions = damageAdditions(report.data, input, input.description ?? '');
      if (Object.keys(additions).length > 0) return call('createSchadensmeldung', { ...input, ...additions });
      const field = report.data.missing[0] ?? 'description';
      const options = field === 'location' || field === 'category' || field === 'kind' ? (report.data.options[field] ?? []) : [];
      return say(texts.damageQuestion(field, options));
    }
    case 'requestRueckruf':
      return say(texts.callbackDraftReady);
    case 'requestAnfrage':
      return say(texts.requestDraftReady);
  }
}

function lastCall(turns: ChatTurn[], callId: string | undefined): (ToolCall & { name: ChatToolName }) | undefined {
  for (const turn of [...turns].reverse()) {
    if (turn.role !== 'assistant') continue;
    const found = turn.toolCalls.find((each) => each.id === callId);
    if (found) return found as ToolCall & { name: ChatToolName };
  }
  return undefined;
}

// ── Reading details out of the resident's words ──────────────────────────────────────────────────────────
type Incomplete = Extract<ChatToolResult<'createSchadensmeldung'>, { complete: false }>;

/** The missing fields that the text answers: a catalogue option it names, or an urgency word. */
function damageAdditions(result: Incomplete, input: DamageInput, text: string): Partial<DamageInput> {
  const additions: Partial<DamageInput> = {};
  for (const field of result.missing) {
    if (field === 'urgency') {
      const urgency = urgencyIn(text);
      if (urgency && urgency !== input.urgency) additions.urgency = urgency;
    } else if (field === 'location' || field === 'category' || field === 'kind') {
      const option = optionNamedIn(result.options[field] ?? [], text);
      if (option && option !== input[field]) additions[field] = option;
    }
  }
  return additions;
}

/** Words too common in catalogue labels to tell one option from another. */
const GENERIC = new Set(['defekt', 'oder', 'und', 'nicht', 'wird', 'kein', 'keine', 'immer', 'wieder', 'schließt', 'beschädigt']);

/** The option the text names: by its number ("2"), whole, or by the most of its telling words (a tie names none). */
function optionNamedIn(options: string[], text: string): string | undefined {
  const lower = text.toLowerCase();
  const number = /^\s*(\d{1,2})\s*\.?\s*$/.exec(text);
  if (number) return options[Number(number[1]) - 1];
  const whole = options.find((option) => lower.includes(option.toLowerCase()));
  if (whole) return whole;
  const scored = options
    .map((option) => ({
      option,
      score: option
        .toLowerCase()
        .split(/[^\p{L}]+/u)
        .filter((word) => word.length >= 4 && !GENERIC.has(word) && lower.includes(word)).length,
    }))
    .filter((each) => each.score > 0)
    .sort((a, b) => b.score - a.score);
  if (scored.length === 0 || (scored.length > 1 && scored[0].score === scored[1].score)) return undefined;
  return scored[0].option;
}

function urgencyIn(text: string): Urgency | undefined {
  const lower = text.toLowerCase();
  const found: Urgency | undefined = /(notfall|emergency|überschwemm|rohrbruch|gasgeruch|smell gas)/.test(lower)
    ? 'emergency'
    : /(nicht (so )?dringend|kann warten|not urgent|normal|can wait)/.test(lower)
      ? 'normal'
      : /(dringend|eilig|schnell|urgent|asap)/.test(lower)
        ? 'urgent'
        : undefined;
  return found && URGENCIES.includes(found) ? found : undefined;
}

function documentCategory(text: string): ChatToolInput<'getDokumente'>['category'] {
  if (/(nebenkosten|betriebskosten|abrechnung|utility|statement)/i.test(text)) return 'utility_statement';
  if (/(bescheinigung|certificate)/i.test(text)) return 'certificate';
  if (/(vertrag|contract|lease)/i.test(text)) return 'contract';
  if (/(brief|schreiben|letter)/i.test(text)) return 'letter';
  return undefined;
}

const TIMES =
  /\b(montags?|dienstags?|mittwochs?|donnerstags?|freitags?|samstags?|vormittags?|nachmittags?|morgens|abends|mittags|werktags|heute|morgen|mondays?|tuesdays?|wednesdays?|thursdays?|fridays?|saturdays?|morning|afternoon|evening|today|tomorrow|weekdays|(ab|nach|vor|zwischen|after|before|between)?\s*\d{1,2}([:.]\d{2})?\s*(uhr|am|pm|h)\b)/gi;

function preferredTimesIn(text: string): string | undefined {
  const found = text.match(TIMES)?.map((time) => time.trim());
  return found && found.length > 0 ? clip(found.join(', '), 200) : undefined;
}

function callbackInput(topic: string, preferredTimes: string, everything: string): Record<string, unknown> {
  const phone = /(\+?\d[\d\s/-]{6,}\d)/.exec(everything)?.[1];
  return { topic: clip(topic, 200), preferredTimes, ...(phone ? { phone: clip(phone, 40) } : {}) };
}

const clip = (text: string, max: number) => text.trim().slice(0, max);
