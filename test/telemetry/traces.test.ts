import { Writable } from 'node:stream';
import { SpanKind, SpanStatusCode, type AttributeValue } from '@opentelemetry/api';
import { InMemorySpanExporter, SimpleSpanProcessor, type ReadableSpan } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { TestAdapter, TurnContext } from 'botbuilder';
import { createLogger } from '../../bot/logger';
import { traceTurns } from '../../bot/telemetry/turnSpans';
import { reportDialog, reportOutcome, reportRecognition } from '../../dialogs/turn/turnReport';
import { findPersonalData } from '../../services/privacy/personalData';
import { redactText } from '../../services/privacy/redact';
import { findUniqueNumberLikes } from '../../services/sne/uniqueNumber';
import { BotHarness } from '../support/botHarness';

/**
 * The traces of real conversations (the bot over HTTP, the embedded portal simulator), caught by an
 * in-memory exporter: one span per turn with what the turn was and how it ended, the recognizer, the
 * portal calls and the state as its children — and not one thing the user typed in any of them.
 */

const exporter = new InMemorySpanExporter();
const provider = new NodeTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
provider.register();
afterAll(() => provider.shutdown());

const NUR = { typed: '069 1124 000101 gdpub', digits: '0691124000101' };
const PHONE = { typed: '06 12 34 56 78', digits: '612345678' };
const EMAIL = 'jeanne.martin@exemple.fr';
const INCOME = { typed: '40 000 €', digits: '40000' };

const MESSAGES = {
  greeting: 'bonjour',
  eligibility: `on est 3 à Lyon, mon mari, moi et notre fille, avec ${INCOME.typed} de revenu fiscal, suis-je éligible ?`,
  linking: `mon numéro c'est ${NUR.typed}`,
  contact: `vous pouvez me joindre au ${PHONE.typed} ou par mail à ${EMAIL}`,
  search: 'je cherche un T3 à Villeurbanne',
};
type Step = keyof typeof MESSAGES;

const attribute = (span: ReadableSpan, name: string) => span.attributes[name];
const parentOf = (span: ReadableSpan) => span.parentSpanContext?.spanId;
const isTurn = (span: ReadableSpan) => span.name === 'alin.turn';

/** Every value a span carries for its exporter: name, attributes, events and their attributes, status. */
function valuesOf(span: ReadableSpan): (string | number | boolean)[] {
  const values: (string | number | boolean)[] = [span.name, span.status.message ?? ''];
  const add = (value: AttributeValue | undefined) => {
    if (value === undefined) return;
    for (const item of Array.isArray(value) ? value : [value]) if (item !== null && item !== undefined) values.push(item);
  };
  Object.values(span.attributes).forEach(add);
  for (const event of span.events) {
    values.push(event.name);
    Object.values(event.attributes ?? {}).forEach(add);
  }
  return values;
}

/** The words of what the user typed that say something (five letters or more). */
const typedWords = Object.values(MESSAGES).flatMap((text) => text.toLowerCase().match(/[\p{L}]{5,}/gu) ?? []);

describe('traces of a conversation', () => {
  let bot: BotHarness;
  const turns = new Map<Step, { turn: ReadableSpan; spans: ReadableSpan[] }>();

  /** The spans of one turn's trace, once its last span has ended (a portal call may end after the reply). */
  async function traceOf(turn: ReadableSpan): Promise<ReadableSpan[]> {
    const traceId = turn.spanContext().traceId;
    let spans: ReadableSpan[] = [];
    for (let wait = 0; wait < 20; wait++) {
      spans = exporter.getFinishedSpans().filter((span) => span.spanContext().traceId === traceId);
      const ids = new Set(spans.map((span) => span.spanContext().spanId));
      if (spans.every((span) => span === turn || ids.has(parentOf(span) ?? ''))) break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return spans;
  }

  beforeAll(async () => {
    bot = await BotHarness.start({ LINK_ATTEMPTS_PER_HOUR: '100' });
    exporter.reset();
    for (const [step, text] of Object.entries(MESSAGES) as [Step, string][]) {
      const before = exporter.getFinishedSpans().length;
      await bot.say(`traces-${step}`, text);
      const turn = exporter.getFinishedSpans().slice(before).find(isTurn);
      if (!turn) throw new Error(`no turn span for the ${step} message`);
      turns.set(step, { turn, spans: await traceOf(turn) });
    }
  });
  afterAll(() => bot.stop());

  const turnOf = (step: Step) => turns.get(step)!.turn;
  const childrenOf = (step: Step, name: string | RegExp) =>
    turns.get(step)!.spans.filter((span) => (typeof name === 'string' ? span.name === name : name.test(span.name)) && parentOf(span) === turnOf(step).spanContext().spanId);

  it('makes a server span per turn with its channel, activity type, intent and score', () => {
    for (const { turn } of turns.values()) {
      expect(turn.kind).toBe(SpanKind.SERVER);
      expect(turn.parentSpanContext).toBeUndefined();
      expect(attribute(turn, 'alin.channel')).toBe('emulator');
      expect(attribute(turn, 'alin.activity.type')).toBe('message');
      expect(typeof attribute(turn, 'alin.intent.score')).toBe('number');
      expect(turn.status.code).not.toBe(SpanStatusCode.ERROR);
    }
    expect(attribute(turnOf('greeting'), 'alin.intent')).toBe('greeting');
    expect(attribute(turnOf('eligibility'), 'alin.intent')).toBe('eligibility');
    expect(attribute(turnOf('search'), 'alin.intent')).toBe('searchOffers');
  });

  it('says which dialog ran and how the turn ended, from the turn report', () => {
    expect(attribute(turnOf('eligibility'), 'alin.dialog')).toBe('eligibilityDialog');
    expect(attribute(turnOf('eligibility'), 'alin.outcome')).toBe('answered');
    expect(attribute(turnOf('search'), 'alin.dialog')).toBe('offerSearchDialog');
  });

  it('makes the recognizer a child of the turn, with the intent and its score', () => {
    for (const step of Object.keys(MESSAGES) as Step[]) {
      const [recognize] = childrenOf(step, 'alin.recognize');
      expect(recognize).toBeDefined();
      expect(recognize!.spanContext().traceId).toBe(turnOf(step).spanContext().traceId);
      expect(typeof attribute(recognize!, 'alin.intent')).toBe('string');
      expect(typeof attribute(recognize!, 'alin.intent.score')).toBe('number');
    }
    expect(attribute(childrenOf('greeting', 'alin.recognize')[0]!, 'alin.intent')).toBe('greeting');
  });

  it('makes each portal call a client child of the turn, named by API and operation, with its status and outcome', () => {
    const [search] = childrenOf('search', 'alin.portal alin.searchOffers');
    expect(search).toBeDefined();
    expect(search!.kind).toBe(SpanKind.CLIENT);
    expect(search!.attributes).toMatchObject({ 'alin.api': 'alin', 'alin.operation': 'searchOffers', 'http.request.method': 'GET', 'http.response.status_code': 200, 'alin.outcome': 'ok', 'alin.attempts': 1 });
    expect(search!.events.map((event) => event.name)).toEqual(['attempt']);
    // The number typed to be linked goes to the national file in the path: the span names the operation only.
    const linking = childrenOf('linking', /^alin\.portal /);
    expect(linking.length).toBeGreaterThan(0);
    for (const call of linking) expect(call.attributes).toMatchObject({ 'alin.api': expect.any(String), 'alin.operation': expect.any(String), 'alin.outcome': expect.any(String) });
  });

  it('traces the conversation lock and the state read and write inside the turn', () => {
    for (const step of Object.keys(MESSAGES) as Step[]) {
      const { spans } = turns.get(step)!;
      const [lock] = childrenOf(step, 'alin.lock');
      expect(lock).toMatchObject({ attributes: { 'alin.lock.acquired': true } });
      const load = spans.find((span) => span.name === 'alin.state.load');
      expect([lock!.spanContext().spanId, turnOf(step).spanContext().spanId]).toContain(parentOf(load!));
      expect(childrenOf(step, 'alin.state.save')).toHaveLength(1);
    }
  });

  it('keeps what the user typed and their personal data out of every span', () => {
    const spans = exporter.getFinishedSpans();
    expect(spans.length).toBeGreaterThan(20);
    for (const span of spans) {
      for (const value of valuesOf(span)) {
        const where = `${span.name}: ${value}`;
        const text = String(value);
        const lower = text.toLowerCase();
        const digits = text.replace(/\D/g, '');
        for (const typed of Object.values(MESSAGES)) expect({ where, typed: lower.includes(typed.toLowerCase()) }).toEqual({ where, typed: false });
        for (const word of typedWords) expect({ where, word: lower.includes(word) ? word : undefined }).toEqual({ where, word: undefined });
        // The detectors read text: a score's decimals (0.98263780…) can pass a card number's Luhn check.
        if (typeof value === 'string') {
          expect({ where, found: findPersonalData(value).map((match) => match.kind) }).toEqual({ where, found: [] });
          expect(redactText(value)).toBe(value);
          expect(findUniqueNumberLikes(value)).toEqual([]);
        }
        for (const secret of [NUR.digits, PHONE.digits, INCOME.digits]) expect({ where, leaked: digits.includes(secret) }).toEqual({ where, leaked: false });
        expect(lower).not.toContain(EMAIL);
        expect(lower).not.toContain('jeanne');
      }
    }
  });
});

describe('the turn span', () => {
  beforeEach(() => exporter.reset());

  const message = (text: string) =>
    new TurnContext(new TestAdapter(), { type: 'message', channelId: 'a-channel-of-its-own', text, from: { id: 'u', name: 'u' }, conversation: { id: 'c', name: 'c', isGroup: false, conversationType: 'personal' }, recipient: { id: 'b', name: 'b' }, serviceUrl: 'http://localhost' });

  it('takes intent, dialog and outcome from the turn report, and buckets an unknown channel as other', async () => {
    await traceTurns(async (context) => {
      reportRecognition(context, 'faq', 0.91);
      reportDialog(context, 'faqDialog');
      reportOutcome(context, 'unsure');
    })(message('c koi la caf'));
    const [turn] = exporter.getFinishedSpans();
    expect(turn!.attributes).toEqual({ 'alin.channel': 'other', 'alin.activity.type': 'message', 'alin.intent': 'faq', 'alin.intent.score': 0.91, 'alin.dialog': 'faqDialog', 'alin.outcome': 'unsure' });
  });

  it('records a failed turn as an error with the exception type, never its message', async () => {
    const failing = traceTurns(async () => {
      throw new TypeError(`cannot read ${EMAIL}`);
    });
    await expect(failing(message('bonjour'))).rejects.toThrow(TypeError);
    const [turn] = exporter.getFinishedSpans();
    expect(turn!.status).toEqual({ code: SpanStatusCode.ERROR });
    expect(turn!.attributes['error.type']).toBe('TypeError');
    expect(turn!.events.map((event) => [event.name, event.attributes])).toEqual([['exception', { 'exception.type': 'TypeError' }]]);
    expect(JSON.stringify(valuesOf(turn!))).not.toContain('jeanne');
  });

  it('gives a log line written inside the turn its trace and span ids', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', new Writable({ write: (chunk: Buffer, _encoding, done) => (lines.push(chunk.toString('utf8')), done()) }));
    logger.info('before the turn');
    await traceTurns(async () => logger.info('inside the turn'))(message('bonjour'));
    const [turn] = exporter.getFinishedSpans();
    const [outside, inside] = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(outside).not.toHaveProperty('trace_id');
    expect(inside).toMatchObject({ msg: 'inside the turn', trace_id: turn!.spanContext().traceId, span_id: turn!.spanContext().spanId });
  });
});
