import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Activity, CloudAdapter, TurnContext } from 'botbuilder';
import type { Request, Response, Server } from 'restify';
import { WebSocketServer, type WebSocket } from 'ws';
import { z } from 'zod';
import { invokeRefusal } from '../../http/invokeShapes';
import type { Logger } from '../../logger';
import { DirectLineStore, TOKEN_LIFETIME_SECONDS, type BridgeConversation } from './directLineStore';

const BRIDGE_PATH = '/v3/directline';
/** Where the bot posts its replies: the bridge plays the Bot Connector service too. */
const CONNECTOR_PATH = '/_directline';

const IncomingActivitySchema = z.looseObject({
  type: z.string().min(1),
  text: z.string().max(10_000).optional(),
  value: z.unknown().optional(),
  name: z.string().optional(),
  locale: z.string().max(20).optional(),
});

export interface DirectLineBridgeOptions {
  adapter: CloudAdapter;
  turn: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** The bot's own base URL once it listens (for the serviceUrl of bridged activities). */
  baseUrl: () => string;
}

/**
 * A local Direct Line 3.0 service so the Web Chat page works with no Azure resource: tokens,
 * start/reconnect conversation, post activity, get activities with watermark, WebSocket stream.
 * Activities go to the bot in-process; the bot's replies come back over HTTP to the connector routes.
 * Never mounted in production (see config.ts and app.ts), and refuses to be built there.
 */
export class DirectLineBridge {
  readonly store = new DirectLineStore();
  private readonly sockets = new WebSocketServer({ noServer: true });

  constructor(private readonly options: DirectLineBridgeOptions) {
    // config.ts never asks for it in production; this guards against a future caller that forgets.
    if (process.env.NODE_ENV === 'production') {
      throw new Error('The local Direct Line bridge does not run when NODE_ENV=production: set DIRECT_LINE_SECRET for Azure Direct Line.');
    }
  }

  /** A token for a server-side user id (what the Web Chat token route hands to the page). */
  issueToken(userId: string, conversationId?: string) {
    const { token, grant } = this.store.issueToken(userId, conversationId);
    return { token, conversationId: grant.conversationId, expires_in: TOKEN_LIFETIME_SECONDS };
  }

  mount(server: Server): void {
    server.post(`${BRIDGE_PATH}/tokens/refresh`, async (req: Request, res: Response) => this.refresh(req, res));
    server.post(`${BRIDGE_PATH}/conversations`, async (req: Request, res: Response) => this.start(req, res));
    server.get(`${BRIDGE_PATH}/conversations/:conversationId`, async (req: Request, res: Response) => this.reconnect(req, res));
    server.post(`${BRIDGE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => this.postActivity(req, res));
    server.get(`${BRIDGE_PATH}/conversations/:conversationId/activities`, async (req: Request, res: Response) => this.getActivities(req, res));
    server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities`, async (req: Request, res: Response) => this.botReply(req, res));
    server.post(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities/:activityId`, async (req: Request, res: Response) => this.botReply(req, res));
    server.put(`${CONNECTOR_PATH}/v3/conversations/:conversationId/activities/:activityId`, async (req: Request, res: Response) => this.botUpdate(req, res));
    server.server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => this.upgrade(request, socket, head));
  }

  close(): void {
    for (const client of this.sockets.clients) client.terminate();
    this.sockets.close();
  }

  private refresh(req: Request, res: Response): void {
    const grant = this.store.grantOf(bearer(req));
    if (!grant) return void res.send(403, { error: { code: 'TokenExpired', message: 'Token not valid or expired' } });
    res.send(200, this.issueToken(grant.userId, grant.conversationId));
  }

  private start(req: Request, res: Response): void {
    const grant = this.store.grantOf(bearer(req));
    if (!grant) return void res.send(403, { error: { code: 'BadArgument', message: 'Token not valid or expired' } });
    res.send(201, this.conversationDescription(req, grant.conversationId, bearer(req)!));
  }

  private reconnect(req: Request, res: Response): void {
    const conversation = this.authorisedConversation(req, res);
    if (conversation) res.send(200, this.conversationDescription(req, conversation.id, bearer(req)!));
  }

  private async postActivity(req: Request, res: Response): Promise<void> {
    const conversation = this.authorisedConversation(req, res);
    if (!conversation) return;
    const parsed = IncomingActivitySchema.safeParse(req.body);
    if (!parsed.success) return void res.send(400, { error: { code: 'BadArgument', message: 'Invalid activity' } });
    const refusal = invokeRefusal(parsed.data);
    if (refusal) return void res.send(refusal.status, { error: { code: refusal.code, message: refusal.message } });
    // Enhanced authentication: the user id comes from the token, never from the browser.
    const activity = this.store.append(conversation, {
      ...parsed.data,
      channelId: 'directline',
      serviceUrl: this.options.baseUrl() + CONNECTOR_PATH,
      conversation: { id: conversation.id, isGroup: false, conversationType: 'personal', name: '' },
      from: { id: conversation.userId, name: '', role: 'user' },
      recipient: { id: 'alin-bot', name: 'AL-in Assistant', role: 'bot' },
    } as Partial<Activity>);
    try {
      await this.options.adapter.processActivityDirect('', activity as Activity, this.options.turn);
      res.send(200, { id: activity.id });
    } catch (error) {
      this.options.logger.error({ err: error }, 'direct line bridge could not deliver an activity');
      res.send(502, { error: { code: 'BotError', message: 'The bot did not answer' } });
    }
  }

  private getActivities(req: Request, res: Response): void {
    const conversation = this.authorisedConversation(req, res);
    if (!conversation) return;
    const watermark = Math.max(0, Number.parseInt(String(req.query?.watermark ?? '0'), 10) || 0);
    res.send(200, { activities: conversation.activities.slice(watermark), watermark: String(conversation.activities.length) });
  }

  private botReply(req: Request, res: Response): void {
    const conversation = this.store.conversation(req.params.conversationId);
    if (!conversation) return void res.send(404, { error: { code: 'NotFound', message: 'Unknown conversation' } });
    const stored = this.store.append(conversation, { ...(req.body as Partial<Activity>), from: { id: 'alin-bot', name: 'AL-in Assistant', role: 'bot' } });
    res.send(200, { id: stored.id });
  }

  private botUpdate(req: Request, res: Response): void {
    const conversation = this.store.conversation(req.params.conversationId);
    const replaced = conversation && this.store.replace(conversation, req.params.activityId, req.body as Partial<Activity>);
    res.send(replaced ? 200 : 404, replaced ? { id: req.params.activityId } : { error: { code: 'NotFound', message: 'Unknown activity' } });
  }

  private upgrade(request: IncomingMessage, socket: Duplex, head: Buffer): void {
    const url = new URL(request.url ?? '', 'http://localhost');
    const match = new RegExp(`^${BRIDGE_PATH}/conversations/([^/]+)/stream$`).exec(url.pathname);
    const grant = this.store.grantOf(url.searchParams.get('t') ?? undefined);
    const conversation = match ? this.store.conversation(decodeURIComponent(match[1]!)) : undefined;
    if (!match || !grant || !conversation || grant.conversationId !== conversation.id) {
      socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
      return;
    }
    this.sockets.handleUpgrade(request, socket, head, (client) => this.stream(client, conversation, Number(url.searchParams.get('watermark') ?? 0)));
  }

  private stream(client: WebSocket, conversation: BridgeConversation, watermark: number): void {
    const send = (activities: Partial<Activity>[], upTo: number) => client.send(JSON.stringify({ activities, watermark: String(upTo) }));
    const backlog = conversation.activities.slice(Math.max(0, watermark || 0));
    if (backlog.length > 0) send(backlog, conversation.activities.length);
    const listener = (activity: Partial<Activity>, upTo: number) => send([activity], upTo);
    conversation.listeners.add(listener);
    client.on('close', () => conversation.listeners.delete(listener));
    client.on('error', () => conversation.listeners.delete(listener));
  }

  private authorisedConversation(req: Request, res: Response): BridgeConversation | undefined {
    const grant = this.store.grantOf(bearer(req));
    const conversation = this.store.conversation(req.params.conversationId);
    if (!grant || !conversation || grant.conversationId !== conversation.id) {
      res.send(403, { error: { code: 'BadArgument', message: 'Token not valid for this conversation' } });
      return undefined;
    }
    return conversation;
  }

  private conversationDescription(req: Request, conversationId: string, token: string) {
    const host = req.headers.host ?? new URL(this.options.baseUrl()).host;
    const streamUrl = `ws://${host}${BRIDGE_PATH}/conversations/${encodeURIComponent(conversationId)}/stream?t=${encodeURIComponent(token)}`;
    return { conversationId, token, expires_in: TOKEN_LIFETIME_SECONDS, streamUrl, referenceGrammarId: '' };
  }
}

function bearer(req: Request): string | undefined {
  const header = req.headers.authorization;
  return header?.startsWith('Bearer ') ? header.slice('Bearer '.length) : undefined;
}
