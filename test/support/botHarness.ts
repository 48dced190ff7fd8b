import type { Activity } from 'botbuilder';
import { createApp, type App, type AppOptions } from '../../bot/app';
import { loadConfig } from '../../bot/config';
import { channelActivity, LocalChannel, postActivity } from '../../bot/channels/localChannel';
import type { Logger } from '../../bot/logger';
import { connectPortal, type PortalServices } from '../../bot/portalServices';
import { capturingLogger } from './silentLogger';

/**
 * The real assistant on a free port, talked to over HTTP through a local channel, as the Emulator does.
 * `say` posts a message and returns what the user sees from that turn.
 */
export class BotHarness {
  readonly channel = new LocalChannel();
  app!: App;
  portal!: PortalServices;
  botUrl = '';
  logger!: Logger;
  logLines: () => string[] = () => [];

  static async start(environment: NodeJS.ProcessEnv = {}, options: AppOptions = {}): Promise<BotHarness> {
    const harness = new BotHarness();
    const captured = capturingLogger('info');
    harness.logger = captured.logger;
    harness.logLines = captured.lines;
    const config = loadConfig({ NODE_ENV: 'test', PORT: '0', ...environment });
    harness.portal = await connectPortal(config, captured.logger);
    harness.app = await createApp(config, captured.logger, harness.portal, options);
    const port = await harness.app.listen(0);
    harness.botUrl = `http://127.0.0.1:${port}`;
    await harness.channel.start();
    return harness;
  }

  async stop(): Promise<void> {
    await this.app.stop();
    await this.portal.stop();
    await this.channel.stop();
  }

  /** Posts an activity; returns the HTTP status and the messages the turn produced. */
  async send(conversationId: string, fields: Partial<Activity> & { type: string }): Promise<{ status: number; messages: Partial<Activity>[] }> {
    return sendThrough(this.channel, this.botUrl, conversationId, fields);
  }

  async say(conversationId: string, text: string, fields: Partial<Activity> = {}): Promise<Partial<Activity>[]> {
    return (await this.send(conversationId, { type: 'message', text, ...fields })).messages;
  }
}

/**
 * Posts an activity to the bot at `botUrl` (an in-process app or a bot process) and returns the HTTP
 * status and the messages the turn sent to the channel (the bot answers the POST once they are delivered).
 */
export async function sendThrough(
  channel: LocalChannel,
  botUrl: string,
  conversationId: string,
  fields: Partial<Activity> & { type: string },
): Promise<{ status: number; messages: Partial<Activity>[] }> {
  const before = channel.activities(conversationId).length;
  const status = await postActivity(botUrl, channelActivity(channel.serviceUrl, conversationId, fields));
  const messages = channel.activities(conversationId).slice(before).filter((activity) => activity.type === 'message');
  return { status, messages };
}

// One reading of what the user sees, shared with the conversation corpus (scripts/conversations).
export { allText, visibleText } from '../../bot/channels/visibleText';
