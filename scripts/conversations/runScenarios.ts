import { randomUUID } from 'node:crypto';
import type { Activity } from 'botbuilder';
import { createApp, type App } from '../../bot/app';
import { channelActivity, LocalChannel } from '../../bot/channels/localChannel';
import { visibleText } from '../../bot/channels/visibleText';
import { loadConfig } from '../../bot/config';
import { createLogger } from '../../bot/logger';
import { connectPortal, type PortalServices } from '../../bot/portalServices';
import { startSimulator, type RunningSimulator } from '../../simulator/startSimulator';
import { findUniqueNumbers } from '../../services/sne/uniqueNumber';
import { unmetExpectations } from './matching';
import type { Scenario, Step } from './scenarioSchema';

/**
 * Plays the conversation corpus against the real assistant: the portal simulator, the bot (memory
 * storage) on a free port and a local channel, each scenario in a fresh conversation posted to
 * `/api/messages` as its channel would post it (Web Chat through Direct Line, or Teams). Setup turns
 * (Web Chat's join event, linking a demo account) are played first and not scored.
 */

export interface TurnRecord {
  user: string;
  value?: Record<string, unknown>;
  /** What the user saw, one entry per message of the turn. */
  replies: string[];
  /** From the activity posted to the last reply delivered, through the real HTTP endpoint. */
  durationMs?: number;
}

export interface StepResult extends TurnRecord {
  index: number;
  passed: boolean;
  /** Why it failed: the missing phrases, the forbidden ones seen, or an error. */
  problems: string[];
  why?: string;
}

export interface ScenarioResult {
  id: string;
  feature: Scenario['feature'];
  language: Scenario['language'];
  passed: boolean;
  /** Index (0-based) of the first step that failed. */
  firstFailingStep?: number;
  /** Set when the scenario could not be played (setup failed, the bot did not answer). */
  error?: string;
  setup: TurnRecord[];
  steps: StepResult[];
  durationMs: number;
}

export interface RunnerOptions {
  /** pino level of the bot's log (silent by default: the transcript says what happened). */
  logLevel?: string;
  /** Longest wait for one turn. */
  turnTimeoutMs?: number;
}

const PORTAL_TOKEN = 'corpus-portal-token';
const TEAMS_TENANT = '72f988bf-86f1-41af-91ab-2d7cd011db47';
const TEAMS_BOT = { id: '28:alin-bot-app-id', name: 'AL-in Assistant' };

export class ScenarioRunner {
  private linking: Promise<unknown> = Promise.resolve();
  private portalState: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly simulator: RunningSimulator,
    private readonly portal: PortalServices,
    private readonly app: App,
    private readonly channel: LocalChannel,
    private readonly botUrl: string,
    private readonly turnTimeoutMs: number,
  ) {}

  static async start(options: RunnerOptions = {}): Promise<ScenarioRunner> {
    const simulator = await startSimulator({ port: 0, token: PORTAL_TOKEN, maxActiveApplications: 5 });
    const logger = createLogger(options.logLevel ?? 'silent');
    const config = loadConfig({
      NODE_ENV: 'test',
      PORT: '0',
      LOG_LEVEL: options.logLevel ?? 'silent',
      PORTAL_BASE_URL: simulator.url,
      PORTAL_TOKEN,
      // Every linked scenario asks for a code for one of a few demo numbers.
      LINK_ATTEMPTS_PER_HOUR: '10000',
      // The answer comes within the turn, not later as a proactive message, even on a busy machine.
      TURN_ANSWER_BUDGET_MS: '20000',
      NOTIFY_QUIET_HOURS: 'off',
    });
    const portal = await connectPortal(config, logger);
    const app = await createApp(config, logger, portal);
    const port = await app.listen(0);
    const channel = new LocalChannel();
    await channel.start();
    return new ScenarioRunner(simulator, portal, app, channel, `http://127.0.0.1:${port}`, options.turnTimeoutMs ?? 25_000);
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.portal.stop();
    await this.channel.stop();
    await this.simulator.close();
  }

  /** Plays every scenario, `concurrency` at a time (the bot serialises turns per conversation only). */
  async runAll(scenarios: Scenario[], { concurrency = 4, onResult }: { concurrency?: number; onResult?: (result: ScenarioResult) => void } = {}): Promise<ScenarioResult[]> {
    const results: ScenarioResult[] = new Array(scenarios.length);
    let next = 0;
    const worker = async () => {
      while (next < scenarios.length) {
        const index = next++;
        const scenario = scenarios[index]!;
        results[index] = changesPortalState(scenario) ? await this.onSeededPortal(() => this.run(scenario)) : await this.run(scenario);
        onResult?.(results[index]);
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
    return results;
  }

  /**
   * Runs `work` alone among the scenarios that may change the portal's data (a linked demo account
   * applies, withdraws…), on the seeded data: no scenario passes or fails because of another's order.
   */
  private onSeededPortal<T>(work: () => Promise<T>): Promise<T> {
    const run = this.portalState.then(async () => {
      await fetch(`${this.simulator.url}/dev/reset`, { method: 'POST', headers: { authorization: `Bearer ${PORTAL_TOKEN}` } });
      return work();
    });
    this.portalState = run.catch(() => undefined);
    return run;
  }

  /** Plays one scenario in a fresh conversation. */
  async run(scenario: Scenario): Promise<ScenarioResult> {
    const startedAt = performance.now();
    const conversation = new CorpusConversation(this, scenario);
    const result: ScenarioResult = { id: scenario.id, feature: scenario.feature, language: scenario.language, passed: false, setup: [], steps: [], durationMs: 0 };
    try {
      result.setup = await conversation.setUp();
      for (const [index, step] of scenario.steps.entries()) {
        const turn = await conversation.say(step.user, step.value);
        const problems = unmetExpectations(turn.replies.join('\n'), step.expect);
        result.steps.push({ index, ...turn, passed: problems.length === 0, problems, ...(step.why ? { why: step.why } : {}) });
        if (problems.length > 0 && result.firstFailingStep === undefined) result.firstFailingStep = index;
      }
      result.passed = result.firstFailingStep === undefined;
    } catch (error) {
      result.error = (error as Error).message;
      result.firstFailingStep ??= result.steps.length;
    } finally {
      this.channel.forget(conversation.id);
    }
    result.durationMs = Math.round(performance.now() - startedAt);
    return result;
  }

  /** Posts one activity and returns the messages the turn sent (the bot answers the POST once they are delivered). */
  async post(conversationId: string, activity: Partial<Activity>): Promise<Partial<Activity>[]> {
    const before = this.channel.activities(conversationId).length;
    const response = await fetch(`${this.botUrl}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(activity),
      signal: AbortSignal.timeout(this.turnTimeoutMs),
    });
    await response.text();
    if (response.status >= 400) throw new Error(`the bot answered HTTP ${response.status}`);
    return this.channel.activities(conversationId).slice(before).filter((sent) => sent.type === 'message');
  }

  get serviceUrl(): string {
    return this.channel.serviceUrl;
  }

  /**
   * Runs `work` alone among the linking setups: each reads the newest code of the simulator's outbox,
   * which must be the one its own request made.
   */
  exclusiveLinking<T>(work: () => Promise<T>): Promise<T> {
    const run = this.linking.then(work, work);
    this.linking = run.catch(() => undefined);
    return run;
  }

  /** The codes the simulator has "sent", newest first (it keeps the last few). */
  async outboxCodes(): Promise<{ challengeId: string; code: string }[]> {
    const response = await fetch(`${this.simulator.url}/dev/outbox`, { headers: { authorization: `Bearer ${PORTAL_TOKEN}` } });
    return ((await response.json()) as { items: { challengeId: string; code: string }[] }).items;
  }
}

/** A linked demo account, or a number typed in the conversation: the scenario may apply, withdraw, link. */
function changesPortalState(scenario: Scenario): boolean {
  return scenario.linkedTo !== undefined || scenario.steps.some((step) => findUniqueNumbers(step.user).length > 0);
}

/** One scenario's conversation: its ids, its channel's shape, its setup. */
class CorpusConversation {
  readonly id: string;
  private readonly userId: string;
  private readonly locale: string;

  constructor(
    private readonly runner: ScenarioRunner,
    private readonly scenario: Scenario,
  ) {
    const unique = randomUUID();
    this.id = scenario.channel === 'msteams' ? `a:1corpus-${unique}` : `corpus-${unique}`;
    // Teams: 29:<id> with the Entra object id; Direct Line: the dl_ user id bound to the token.
    this.userId = scenario.channel === 'msteams' ? unique : `dl_${unique.replace(/-/g, '')}`;
    this.locale = scenario.locale ?? (scenario.language === 'en' ? 'en-US' : 'fr-FR');
  }

  /** The turns before the first step: the channel's greeting, then linking the demo account if asked. */
  async setUp(): Promise<TurnRecord[]> {
    const setup: TurnRecord[] = [];
    if (this.scenario.channel === 'msteams') {
      setup.push(await this.send({ type: 'conversationUpdate', membersAdded: [{ id: TEAMS_BOT.id, name: TEAMS_BOT.name }] }, '(installs the app)'));
    } else {
      // Web Chat's first activity: Direct Line sends no conversationUpdate to Web Chat.
      setup.push(await this.send({ type: 'event', name: 'webchat/join', value: { language: this.locale.slice(0, 2) } }, '(opens the chat)'));
    }
    if (this.scenario.linkedTo) setup.push(...(await this.link(this.scenario.linkedTo)));
    return setup;
  }

  async say(text: string, value?: Step['value']): Promise<TurnRecord> {
    return this.send({ type: 'message', text, ...(value ? { value } : {}) }, text, value);
  }

  /** Says the number, types the code from the outbox, declines the notifications offer with its own button. */
  private async link(nur: string): Promise<TurnRecord[]> {
    const english = this.scenario.language === 'en';
    const turns: TurnRecord[] = [];
    const linked = await this.runner.exclusiveLinking(async () => {
      const before = await this.runner.outboxCodes();
      turns.push(await this.say(english ? `my unique number is ${nur}` : `mon numéro unique c'est ${nur}`));
      // A scenario playing at the same time may have typed a number too: each code sent since is tried,
      // newest first, until one links (the portal allows five tries).
      const seen = new Set(before.map((item) => `${item.challengeId}:${item.code}`));
      const sent = (await this.runner.outboxCodes()).filter((item) => !seen.has(`${item.challengeId}:${item.code}`)).map((item) => item.code);
      let activities: Partial<Activity>[] = [];
      for (const code of sent.slice(0, 4)) {
        const answer = await this.sendWithActivities({ type: 'message', text: code }, code);
        turns.push(answer.record);
        activities = answer.activities;
        if (/est liée|is (now )?linked/i.test(answer.record.replies.join('\n'))) break;
      }
      return activities;
    });
    const lastReplies = turns.at(-1)!.replies.join('\n');
    if (!/est liée|is (now )?linked/i.test(lastReplies)) throw new Error(`setup: the demo account ${nur} was not linked; the bot said: ${lastReplies.slice(0, 300) || '(nothing)'}`);
    const decline = buttonData(linked, /non merci|no,? thanks/i);
    if (decline) turns.push(await this.say('', decline));
    return turns;
  }

  private async send(fields: Partial<Activity> & { type: string }, shownAs: string, value?: Record<string, unknown>): Promise<TurnRecord> {
    return (await this.sendWithActivities(fields, shownAs, value)).record;
  }

  private async sendWithActivities(
    fields: Partial<Activity> & { type: string },
    shownAs: string,
    value?: Record<string, unknown>,
  ): Promise<{ record: TurnRecord; activities: Partial<Activity>[] }> {
    const startedAt = performance.now();
    const activities = await this.runner.post(this.id, this.activity(fields));
    const durationMs = Math.round(performance.now() - startedAt);
    return { record: { user: shownAs, ...(value ? { value } : {}), replies: activities.map(visibleText).filter((text) => text !== ''), durationMs }, activities };
  }

  private activity(fields: Partial<Activity> & { type: string }): Partial<Activity> {
    if (this.scenario.channel === 'msteams') {
      return {
        ...channelActivity(this.runner.serviceUrl, this.id, fields, 'msteams'),
        from: { id: `29:1-${this.userId}`, name: 'Camille Martin', aadObjectId: this.userId, role: 'user' },
        recipient: { ...TEAMS_BOT, role: 'bot' },
        conversation: { id: this.id, conversationType: 'personal', tenantId: TEAMS_TENANT, isGroup: false, name: '' },
        channelData: { tenant: { id: TEAMS_TENANT } },
        locale: this.locale,
        ...fields,
      };
    }
    return {
      ...channelActivity(this.runner.serviceUrl, this.id, fields, 'directline'),
      from: { id: this.userId, name: '', role: 'user' },
      locale: this.locale,
      ...fields,
    };
  }
}

/** The data of the first card button or suggested action whose title matches. */
function buttonData(activities: Partial<Activity>[], title: RegExp): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const element = node as { type?: string; title?: string; data?: unknown; value?: unknown };
    if (element.title && title.test(element.title)) {
      const data = element.type?.startsWith('Action.') ? element.data : element.value;
      if (data && typeof data === 'object') found = data as Record<string, unknown>;
    }
    Object.values(node).forEach(walk);
  };
  for (const activity of activities) {
    walk(activity.attachments?.map((attachment) => attachment.content));
    walk(activity.suggestedActions?.actions);
  }
  return found;
}

/** The transcript of a result, for a person: setup in brackets, then user / bot lines, the failed expectation under its step. */
export function formatTranscript(result: ScenarioResult, { withSetup = false } = {}): string {
  const lines: string[] = [`${result.id} (${result.feature}, ${result.language})${result.passed ? '' : ` — fails at step ${(result.firstFailingStep ?? 0) + 1}`}`];
  const turn = (record: TurnRecord, indent: string, mark = ' ') => {
    lines.push(`${indent}${mark} user: ${record.user === '' && record.value ? `[presses ${JSON.stringify(record.value)}]` : record.user}`);
    for (const reply of record.replies) lines.push(...reply.split('\n').map((line, index) => `${indent}  ${index === 0 ? ' bot: ' : '      '}${line}`));
  };
  if (withSetup) for (const record of result.setup) turn(record, '  (setup)');
  for (const step of result.steps) {
    turn(step, '  ', step.passed ? ' ' : '✗');
    for (const problem of step.problems) lines.push(`      ✗ ${problem}${step.why ? `  — ${step.why}` : ''}`);
  }
  if (result.error) lines.push(`  ✗ error: ${result.error}`);
  return lines.join('\n');
}
