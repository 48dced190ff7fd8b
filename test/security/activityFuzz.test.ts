import fc from 'fast-check';
import type { Activity } from 'botbuilder';
import { channelActivity, LocalChannel } from '../../bot/channels/localChannel';
import { INTENTS } from '../../dialogs/recognizer/intents';
import { visibleText } from '../support/botHarness';
import { startBotProcess, type BotProcess } from '../support/botProcess';

/** A stack frame or an internal error name: never for the user or the caller to see. */
const INTERNALS = /\bat \S+ \(|\bat <anonymous>|TypeError|RangeError|ReferenceError|SyntaxError|node_modules|\[object Object\]|undefined/;

// Each run posts one activity to a bot process; the time limit keeps a slow machine within the jest timeout.
const RUNS = { numRuns: 150, plugins: [fc.interruptAfterTimeLimit(25_000)] };

/** Mostly the valid value, sometimes missing, sometimes any JSON at all (so that about half the activities are valid). */
const maybe = <T>(valid: fc.Arbitrary<T>): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 40, arbitrary: valid }, { weight: 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });

const words = fc.oneof(
  fc.constantFrom('aide', 'menu', 'annuler', 'oui', 'non', '2', 'english', 'lier mon numéro', 'un T3 à Lyon', 'où en est mon dossier', 'postuler', 'mes alertes', 'supprimer mes données', 'parler à un conseiller'),
  fc.string({ maxLength: 60 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 30 }),
);

/** What a card button sends (`{intent, label, ...}`), with the fields the dialogs read given odd values. */
const buttonValue = fc.record(
  {
    intent: fc.oneof(fc.constantFrom(...INTENTS), fc.string({ maxLength: 12 })),
    label: maybe(fc.string({ maxLength: 40 })),
    action: maybe(fc.constantFrom('save', 'relax', 'more', 'details', 'delete', 'checkEmployer')),
    offerId: maybe(fc.oneof(fc.constantFrom('OFR-001', 'OFR-0001', 'OFR-99999'), fc.string({ maxLength: 12 }))),
    candidatureId: maybe(fc.string({ maxLength: 12 })),
    searchId: maybe(fc.string({ maxLength: 12 })),
    relaxation: maybe(fc.string({ maxLength: 12 })),
    topic: maybe(fc.string({ maxLength: 12 })),
    language: maybe(fc.constantFrom('fr', 'en', 'de')),
  },
  { requiredKeys: ['intent'] },
);
const cardValue = fc.oneof({ weight: 3, arbitrary: buttonValue }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 4 }) });

const account = fc.record({ id: fc.constantFrom('user-fuzz-1', 'user-fuzz-2', 'alin-bot'), name: fc.string({ maxLength: 10 }) });

/** Activity fields as channels send them, each one possibly missing or of the wrong type. */
const activityFields = fc.record(
  {
    type: maybe(fc.constantFrom('message', 'invoke', 'event', 'conversationUpdate', 'installationUpdate', 'messageReaction', 'typing', 'endOfConversation', 'trace')),
    name: maybe(fc.constantFrom('adaptiveCard/action', 'webchat/join', 'webchat/language', 'handoff.status', 'application/search', 'signin/verifyState', 'x')),
    channelId: maybe(fc.constantFrom('emulator', 'msteams', 'directline', 'webchat')),
    text: maybe(words),
    value: maybe(cardValue),
    locale: maybe(fc.constantFrom('fr-FR', 'en-US', 'de-DE', '')),
    conversation: maybe(
      fc.record({ id: fc.constantFrom('fuzz-1', 'fuzz-2', 'fuzz-3'), isGroup: fc.boolean(), conversationType: fc.constantFrom('personal', 'groupChat', 'channel') }),
    ),
    from: maybe(account),
    recipient: maybe(account),
    membersAdded: maybe(fc.array(account, { maxLength: 3 })),
    replyToId: maybe(fc.constantFrom('card-1', 'card-2')),
    entities: maybe(fc.array(fc.record({ type: fc.constantFrom('mention', 'clientInfo'), text: fc.string({ maxLength: 10 }) }), { maxLength: 2 })),
    attachments: maybe(fc.array(fc.record({ contentType: fc.string({ maxLength: 20 }), content: fc.jsonValue({ maxDepth: 2 }) }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);

/** Adaptive Card submissions: Action.Submit (a message with a value) and Universal Actions (invoke). */
const cardSubmission = fc.oneof(
  fc.record({ type: fc.constant('message'), text: fc.constantFrom(undefined, ''), value: cardValue, replyToId: fc.constantFrom(undefined, 'card-1') }),
  fc.record({
    type: fc.constant('invoke'),
    name: fc.constant('adaptiveCard/action'),
    value: fc.oneof(
      fc.record({ action: fc.record({ type: fc.constant('Action.Execute'), verb: fc.string({ maxLength: 10 }), data: cardValue }) }),
      fc.record({ action: fc.record({ type: fc.string({ maxLength: 15 }), data: cardValue }) }),
      fc.jsonValue({ maxDepth: 3 }),
    ),
  }),
);

/**
 * Random activities and card submissions against a running bot: whatever arrives, the answer is never
 * a 500 (an unknown invoke is a 501, as Bot Framework expects), no turn fails, nothing the bot sends
 * or answers shows an internal error, and the process stays up.
 */
describe('fuzzing the messaging endpoint', () => {
  const channel = new LocalChannel();
  let bot: BotProcess;

  beforeAll(async () => {
    await channel.start();
    // Three users send hundreds of turns a minute here: the rate limits (tested in requestStorm) stand aside so the turns run.
    bot = await startBotProcess({ TURNS_PER_USER_PER_MINUTE: '100000', TURNS_PER_CONVERSATION_PER_MINUTE: '100000' });
  });
  afterAll(async () => {
    await bot.stop();
    await channel.stop();
  });

  const statuses: number[] = [];
  const postAndCheck = async (fields: Record<string, unknown>) => {
    const activity = { ...channelActivity(channel.serviceUrl, 'fuzz-1', { type: 'message' }), ...fields };
    const response = await fetch(`${bot.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(activity) });
    const body = await response.text();
    statuses.push(response.status);
    if (response.status === 501) expect(activity.type).toBe('invoke');
    else expect(response.status).toBeLessThan(500);
    expect(body).not.toMatch(/\bat \S+ \(|TypeError|RangeError|node_modules/);
  };

  const everythingSent = () =>
    ['fuzz-1', 'fuzz-2', 'fuzz-3']
      .flatMap((conversationId) => channel.messages(conversationId))
      .map((message) => `${visibleText(message as Partial<Activity>)} ${JSON.stringify(message.attachments ?? [])}`);

  // Both kinds of outcome must be common, or the property would only ever test one of them.
  const expectTurnsAndRefusals = () => {
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThan(statuses.length / 5);
    expect(statuses.filter((status) => status >= 400).length).toBeGreaterThan(statuses.length / 20);
  };
  beforeEach(() => statuses.splice(0));

  it('never answers 500 to activities of random shape', async () => {
    await fc.assert(fc.asyncProperty(activityFields, postAndCheck), RUNS);
    expectTurnsAndRefusals();
  }, 60_000);

  it('never answers 500 to random Adaptive Card submissions', async () => {
    await fc.assert(fc.asyncProperty(cardSubmission, postAndCheck), RUNS);
    expectTurnsAndRefusals();
  }, 60_000);

  it('failed no turn, sent the users no internal error, and is still up', async () => {
    // A polite apology would hide a crash from the checks above: the log tells.
    const failures = bot.output().split('\n').filter((line) => line.includes('"msg":"turn failed"'));
    expect(failures.map((line) => (JSON.parse(line) as { err?: { stack?: string } }).err?.stack?.split('\n').slice(0, 3).join(' | '))).toEqual([]);
    expect(everythingSent().filter((text) => INTERNALS.test(text))).toEqual([]);
    expect(bot.child.exitCode).toBeNull();
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});
