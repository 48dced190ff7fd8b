import { TestAdapter, TurnContext, type Activity } from 'botbuilder';
import { InsightsRecorder, turnKindOf } from '../../bot/insights/insightsRecorder';
import { MemoryInsightsStore, type InsightsBatch, type InsightsStore } from '../../bot/insights/insightsStore';
import { attachTurnState } from '../../dialogs/turn/turnAccess';
import type { TurnState } from '../../dialogs/turn/turnState';
import { reportOutcome, reportRecognition } from '../../dialogs/turn/turnReport';
import type { CallEvent } from '../../services/http/jsonClient';
import { capturingLogger } from '../support/silentLogger';

const DAY = new Date('2026-12-07T10:00:00Z');

function contextOf(fields: Partial<Activity>, options: { ranByRunner?: boolean } = {}): TurnContext {
  const activity = { channelId: 'webchat', conversation: { id: 'c1' }, from: { id: 'u1' }, recipient: { id: 'bot' }, ...fields } as Activity;
  const context = new TurnContext(new TestAdapter(), activity);
  // The turn runner attaches the state before the bot runs; an activity it ignores never gets one.
  if (options.ranByRunner !== false) attachTurnState(context, {} as TurnState);
  return context;
}

const call = (fields: Partial<CallEvent> = {}): CallEvent => ({
  api: 'alin',
  operation: 'searchOffers',
  method: 'GET',
  attempt: 1,
  requestId: 'r1',
  durationMs: 120,
  outcome: 'ok',
  ...fields,
});

/** Remembers every write as plain objects. */
class RecordingStore implements InsightsStore {
  readonly writes: { day: string; increments: Record<string, number>; maxima: Record<string, number> }[] = [];
  async add(day: string, batch: InsightsBatch): Promise<void> {
    this.writes.push({ day, increments: Object.fromEntries(batch.increments), maxima: Object.fromEntries(batch.maxima) });
  }
  async read(): Promise<never[]> {
    return [];
  }
}

describe('which activities count as turns', () => {
  it.each<[string, Partial<Activity>, string | undefined]>([
    ['a typed message', { type: 'message', text: 'bonjour' }, 'message'],
    ['a card submit (Web Chat, Emulator, Teams Action.Submit)', { type: 'message', value: { action: 'apply' } }, 'cardSubmit'],
    ["Teams' Action.Execute", { type: 'invoke', name: 'adaptiveCard/action' }, 'cardSubmit'],
    ["Teams' own 👍 👎", { type: 'invoke', name: 'message/submitAction' }, 'cardSubmit'],
    ['typing', { type: 'typing' }, undefined],
    ['a member added', { type: 'conversationUpdate' }, undefined],
    ['the Web Chat join event', { type: 'event', name: 'webchat/join' }, undefined],
    ['another invoke', { type: 'invoke', name: 'signin/verifyState' }, undefined],
    ['a reaction', { type: 'messageReaction' }, undefined],
  ])('%s', (_name, activity, kind) => {
    expect(turnKindOf(activity)).toBe(kind);
  });
});

describe('the insights recorder', () => {
  it('writes a turn with its report and the portal calls made during it, in one write', async () => {
    const store = new RecordingStore();
    const recorder = new InsightsRecorder(store, capturingLogger('info').logger, () => DAY);
    recorder.observePortalCall(call({ durationMs: 120 }));
    recorder.observePortalCall(call({ durationMs: 4500, outcome: 'Unavailable' }));
    await recorder.recordTurns(async (context) => {
      reportRecognition(context, 'searchOffers', 0.9);
      reportOutcome(context, 'answered');
    })(contextOf({ type: 'message', text: 'un T2 à Lyon', channelId: 'msteams' }));
    await recorder.stop();

    expect(store.writes).toEqual([
      {
        day: '2026-12-07',
        increments: {
          'turn|msteams|message': 1,
          'intent|searchOffers': 1,
          'outcome|answered': 1,
          'portal|alin|searchOffers|count': 2,
          'portal|alin|searchOffers|failed': 1,
          'portal|alin|searchOffers|totalMs': 4620,
          'portal|alin|searchOffers|le|250': 1,
          'portal|alin|searchOffers|le|8000': 1,
        },
        maxima: { 'portal|alin|searchOffers': 4500 },
      },
    ]);
    // Nothing of what the user typed, nor who they are.
    expect(JSON.stringify(store.writes)).not.toMatch(/Lyon|u1|c1/);
  });

  it('files unknown channels under "other" and leaves out the activities that are not turns', async () => {
    const store = new MemoryInsightsStore();
    const recorder = new InsightsRecorder(store, capturingLogger('info').logger, () => DAY);
    const turn = recorder.recordTurns(async () => undefined);
    await turn(contextOf({ type: 'message', text: 'aide', channelId: 'made-up-42' }));
    await turn(contextOf({ type: 'typing' }));
    await turn(contextOf({ type: 'conversationUpdate' }));
    await turn(contextOf({ type: 'message', text: 'aide' }, { ranByRunner: false }));
    await recorder.stop();
    expect(await store.read(['2026-12-07'])).toEqual([{ day: '2026-12-07', counts: { 'turn|other|message': 1 }, maxima: {} }]);
  });

  it('counts a failed turn, and lets its error through', async () => {
    const store = new MemoryInsightsStore();
    const recorder = new InsightsRecorder(store, capturingLogger('info').logger, () => DAY);
    const failing = recorder.recordTurns(async (context) => {
      reportRecognition(context, 'status', 0.8);
      throw new Error('portal exploded');
    });
    await expect(failing(contextOf({ type: 'message', text: 'mon dossier' }))).rejects.toThrow('portal exploded');
    await recorder.stop();
    expect((await store.read(['2026-12-07']))[0]?.counts).toEqual({ 'turn|webchat|message': 1, 'intent|status': 1 });
  });

  it('never fails a turn when the store fails: it logs once and goes on', async () => {
    const captured = capturingLogger('info');
    const broken: InsightsStore = { add: () => Promise.reject(new Error('redis is gone')), read: () => Promise.resolve([]) };
    const recorder = new InsightsRecorder(broken, captured.logger, () => DAY);
    let ran = 0;
    const turn = recorder.recordTurns(async () => void ran++);
    await expect(turn(contextOf({ type: 'message', text: 'aide' }))).resolves.toBeUndefined();
    await expect(turn(contextOf({ type: 'message', text: 'aide' }))).resolves.toBeUndefined();
    await recorder.stop();
    expect(ran).toBe(2);
    expect(captured.lines().filter((line) => line.includes('insights not recorded'))).toHaveLength(1);
  });

  it('writes the portal calls made outside any turn on its timer', async () => {
    const store = new RecordingStore();
    const recorder = new InsightsRecorder(store, capturingLogger('info').logger, () => DAY, 20);
    recorder.observePortalCall(call({ api: 'sne', operation: 'getRequest', durationMs: 30 }));
    await new Promise((resolve) => setTimeout(resolve, 80));
    await recorder.stop();
    expect(store.writes).toHaveLength(1);
    expect(store.writes[0]?.increments['portal|sne|getRequest|count']).toBe(1);
  });
});
