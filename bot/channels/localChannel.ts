import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Activity, TeamsChannelAccount } from 'botbuilder';

/** A Teams team as the local channel plays it for `TeamsInfo`: its details and its roster. */
export interface LocalTeam {
  name?: string;
  aadGroupId?: string;
  members: Partial<TeamsChannelAccount>[];
  /** Answer every read of this team with this status (403: the bot is no longer in the team). */
  failWith?: number;
}

/**
 * A local stand-in for the Bot Connector service, as the Emulator plays it: the bot posts its replies
 * to `{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]`, and this server records them (an
 * update, PUT, is recorded with `replaceOf`). It also answers the Teams reads of `TeamsInfo` for the
 * teams in `teams`: `GET /v3/teams/{teamId}`, `GET /v3/conversations/{teamId}/pagedmembers` and
 * `GET /v3/conversations/{teamId}/members/{userId}`.
 * Used by `npm run chat`, the HTTP tests and the benchmark.
 */
export class LocalChannel {
  private readonly server: Server;
  private readonly received = new Map<string, Partial<Activity>[]>();
  private readonly listeners = new Set<() => void>();
  private readonly subscribers = new Set<(conversationId: string, activity: Partial<Activity>) => void>();
  serviceUrl = '';
  /** Milliseconds the channel waits before acknowledging a reply (to keep a turn in flight in tests). */
  replyDelayMs = 0;
  /** A channel that takes replies and never answers (the connection stays open until stop()). */
  unanswering = false;
  /** Statuses to answer the next replies with, in order (e.g. [429, 429] to throttle twice). */
  readonly failures: { status: number; retryAfterSeconds?: number }[] = [];
  /** The Teams teams the bot may read, by team id. */
  readonly teams = new Map<string, LocalTeam>();
  /** Every Teams read the bot made (method and path), in order. */
  readonly teamsReads: string[] = [];

  constructor() {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(port = 0): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(port, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('local channel has no port');
    this.serviceUrl = `http://127.0.0.1:${address.port}`;
    return this.serviceUrl;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Calls `subscriber` for every activity the bot sends, as it arrives (proactive ones included). */
  onActivity(subscriber: (conversationId: string, activity: Partial<Activity>) => void): void {
    this.subscribers.add(subscriber);
  }

  /** Everything the bot sent to a conversation so far (typing and traces included). */
  activities(conversationId: string): Partial<Activity>[] {
    return this.received.get(conversationId) ?? [];
  }

  /** Drops what was recorded for a conversation (the benchmark runs thousands; memory stays flat). */
  forget(conversationId: string): void {
    this.received.delete(conversationId);
  }

  /** Messages only: what a person would see. */
  messages(conversationId: string): Partial<Activity>[] {
    return this.activities(conversationId).filter((activity) => activity.type === 'message');
  }

  /** Resolves when `predicate` holds on the conversation's activities, or rejects after `timeoutMs`. */
  async waitFor(conversationId: string, predicate: (activities: Partial<Activity>[]) => boolean, timeoutMs = 10_000): Promise<Partial<Activity>[]> {
    return new Promise((resolve, reject) => {
      const check = () => {
        const activities = this.activities(conversationId);
        if (!predicate(activities)) return false;
        cleanup();
        resolve(activities);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for activities in ${conversationId}; got ${JSON.stringify(this.activities(conversationId).map((a) => a.type + ':' + (a.text ?? '')))}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.listeners.delete(listener);
      };
      const listener = () => void check();
      this.listeners.add(listener);
      check();
    });
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (req.method === 'GET') return this.answerTeamsRead(req, res);
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/]+))?$/.exec(req.url ?? '');
    if (!match || !['POST', 'PUT', 'DELETE'].includes(req.method ?? '')) {
      respond(res, 404, '');
      return;
    }
    const conversationId = decodeURIComponent(match[1]!);
    const body = await readBody(req);
    if (this.unanswering) return;
    if (this.replyDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, this.replyDelayMs));
    const failure = this.failures.shift();
    if (failure) {
      if (failure.retryAfterSeconds !== undefined) res.setHeader('retry-after', String(failure.retryAfterSeconds));
      respond(res, failure.status, JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
      return;
    }
    if (req.method !== 'DELETE' && body) {
      const activity = JSON.parse(body) as Partial<Activity>;
      const id = activity.id && req.method === 'PUT' ? activity.id : randomUUID();
      const list = this.received.get(conversationId) ?? [];
      const recorded = { ...activity, id, ...(req.method === 'PUT' ? { replaceOf: match[2] } : {}) } as Partial<Activity>;
      list.push(recorded);
      this.received.set(conversationId, list);
      for (const subscriber of this.subscribers) subscriber(conversationId, recorded);
      respond(res, 200, JSON.stringify({ id }));
    } else {
      respond(res, 200, '{}');
    }
    for (const listener of [...this.listeners]) listener();
  }

  private answerTeamsRead(req: IncomingMessage, res: ServerResponse): void {
    const { status, body } = teamsRead(this, new URL(req.url ?? '/', 'http://local'));
    respond(res, status, JSON.stringify(body));
  }
}

/** `GET /v3/teams/{id}`, `GET /v3/conversations/{id}/pagedmembers?pageSize&continuationToken`, `GET /v3/conversations/{id}/members/{userId}`. */
function teamsRead(channel: { teams: Map<string, LocalTeam>; teamsReads: string[] }, url: URL): { status: number; body: unknown } {
  const details = /^\/v3\/teams\/([^/]+)$/.exec(url.pathname);
  const roster = /^\/v3\/conversations\/([^/]+)\/(pagedmembers|members\/([^/]+))$/.exec(url.pathname);
  const teamId = decodeURIComponent((details ?? roster)?.[1] ?? '');
  const team = channel.teams.get(teamId);
  if (!details && !roster) return { status: 404, body: {} };
  channel.teamsReads.push(`GET ${url.pathname}`);
  if (!team) return { status: 404, body: { error: { code: 'NotFound', message: 'no such team' } } };
  if (team.failWith) return { status: team.failWith, body: { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } } };
  if (details) return { status: 200, body: { id: teamId, name: team.name ?? teamId, aadGroupId: team.aadGroupId } };
  if (roster![3]) {
    const userId = decodeURIComponent(roster![3]);
    const member = team.members.find((candidate) => candidate.id === userId || candidate.aadObjectId === userId);
    return member ? { status: 200, body: member } : { status: 404, body: { error: { code: 'MemberNotFoundInConversation', message: 'not a member' } } };
  }
  const pageSize = Math.max(1, Number(url.searchParams.get('pageSize') ?? 500) || 500);
  const from = Number(url.searchParams.get('continuationToken') ?? 0) || 0;
  const members = team.members.slice(from, from + pageSize);
  const next = from + pageSize < team.members.length ? String(from + pageSize) : undefined;
  return { status: 200, body: { members, ...(next ? { continuationToken: next } : {}) } };
}

// Not chained: restify, loaded in the same process, patches ServerResponse.writeHead to return nothing.
function respond(res: ServerResponse, status: number, body: string): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(body);
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** Builds an activity as a channel would post it to the bot. */
export function channelActivity(
  serviceUrl: string,
  conversationId: string,
  fields: Partial<Activity> & { type: string },
  channelId = 'emulator',
): Partial<Activity> {
  return {
    id: randomUUID(),
    channelId,
    serviceUrl,
    timestamp: new Date(),
    conversation: { id: conversationId, isGroup: false, conversationType: 'personal', name: '' },
    from: { id: 'user-' + conversationId, name: 'User', role: 'user' },
    recipient: { id: 'alin-bot', name: 'AL-in Assistant', role: 'bot' },
    ...fields,
  };
}

/** Posts an activity to the bot's messaging endpoint; resolves with the HTTP status. */
export async function postActivity(botUrl: string, activity: Partial<Activity>): Promise<number> {
  const response = await fetch(`${botUrl}/api/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(activity),
  });
  await response.text();
  return response.status;
}
