import { allText, BotHarness } from './botHarness';
import { PORTAL_TOKEN, simulatorWithClock } from './simulatorClock';

type Simulator = Awaited<ReturnType<typeof simulatorWithClock>>;

/**
 * Registers, in the calling `describe`, a portal simulator with a controllable clock and a bot talking
 * to it; gives `say` (what the user sees) and `link` (a demo account linked with the outbox code).
 */
export function conversationsWithPortal(environment: NodeJS.ProcessEnv = {}) {
  let simulator: Simulator | undefined;
  let bot: BotHarness | undefined;
  beforeAll(async () => {
    simulator = await simulatorWithClock();
    bot = await BotHarness.start({ PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, LINK_ATTEMPTS_PER_HOUR: '100', ...environment });
  });
  afterAll(async () => {
    await bot?.stop();
    await simulator?.close();
  });
  const running = () => {
    if (!bot || !simulator) throw new Error('the bot is not started yet');
    return { bot, simulator };
  };
  const say = async (conversation: string, text: string, value?: unknown) => allText(await running().bot.say(conversation, text, value ? { value } : {}));
  /** Like `say`, with any activity fields (a locale, a card value…). */
  const sayWith = async (conversation: string, text: string, fields: Record<string, unknown> = {}) => allText(await running().bot.say(conversation, text, fields));
  const link = async (conversation: string, nur: string) => {
    await say(conversation, `mon numéro c'est ${nur}`);
    expect(await say(conversation, await running().simulator.outboxCode())).toContain('est liée');
  };
  return { running, say, sayWith, link };
}
