import { randomBytes } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { Logger } from '../logger';
import type { AttemptLimiter } from '../../dialogs/ports';
import { clientAddress } from '../http/clientAddress';

/** What the page needs to open Direct Line: a token bound to a server-side user, and where to use it. */
export interface WebChatSession {
  token: string;
  conversationId: string;
  expiresIn: number;
  /** Direct Line base URL, e.g. https://europe.directline.botframework.com/v3/directline. */
  domain: string;
}

export interface WebChatTokenIssuer {
  issue(userId: string, request: Request): Promise<WebChatSession>;
}

const DirectLineTokenSchema = z.object({ token: z.string().min(1), conversationId: z.string().min(1), expires_in: z.number().int().positive() });

/** Production: exchanges the Direct Line secret for a token bound to the user id (enhanced authentication). */
export function azureDirectLineIssuer(options: { secret: string; endpoint: string; trustedOrigins: string[]; timeoutMs?: number }): WebChatTokenIssuer {
  return {
    async issue(userId) {
      const response = await fetch(`${options.endpoint}/tokens/generate`, {
        method: 'POST',
        headers: { authorization: `Bearer ${options.secret}`, 'content-type': 'application/json' },
        body: JSON.stringify({ user: { id: userId }, trustedOrigins: options.trustedOrigins }),
        signal: AbortSignal.timeout(options.timeoutMs ?? 5000),
      });
      if (!response.ok) throw new Error(`Direct Line token exchange failed with HTTP ${response.status}`);
      const body = DirectLineTokenSchema.parse(await response.json());
      return { token: body.token, conversationId: body.conversationId, expiresIn: body.expires_in, domain: options.endpoint };
    },
  };
}

/** Development: the local Direct Line bridge issues the token; the page talks to this same server. */
export function localBridgeIssuer(bridge: { issueToken(userId: string): { token: string; conversationId: string; expires_in: number } }): WebChatTokenIssuer {
  return {
    async issue(userId, request) {
      const issued = bridge.issueToken(userId);
      const protocol = (request.headers['x-forwarded-proto'] as string | undefined) ?? 'http';
      return { token: issued.token, conversationId: issued.conversationId, expiresIn: issued.expires_in, domain: `${protocol}://${request.headers.host}/v3/directline` };
    },
  };
}

export const USER_COOKIE = 'alin_uid';
const USER_ID_SHAPE = /^dl_[A-Za-z0-9_-]{22,64}$/;

/**
 * POST /api/webchat/token. The Direct Line user id is created here (`dl_` + 128 random bits) and kept in
 * an http-only cookie, so the browser can neither choose nor read it, and a reload keeps the same user.
 */
export function mountWebChatTokenRoute(
  server: Server,
  issuer: WebChatTokenIssuer | undefined,
  options: { secureCookie: boolean; logger: Logger; limits: WebChatTokenLimits },
): void {
  server.post('/api/webchat/token', async (req: Request, res: Response) => {
    if (!issuer) return void res.send(503, { code: 'WebChatNotConfigured', message: 'Web Chat is not configured on this server.' });
    const refusal = await tokenLimitRefusal(req, options.limits);
    if (refusal) {
      options.limits.onRefused(refusal.limit);
      res.header('retry-after', String(refusal.retryAfterSeconds));
      return void res.send(429, { code: 'TooManyRequests', message: 'Too many chat sessions requested; retry later.' });
    }
    const userId = userIdFromCookie(req.headers.cookie) ?? `dl_${randomBytes(16).toString('base64url')}`;
    try {
      const session = await issuer.issue(userId, req);
      res.header('set-cookie', `${USER_COOKIE}=${userId}; Path=/; HttpOnly; SameSite=Strict; Max-Age=${30 * 24 * 3600}${options.secureCookie ? '; Secure' : ''}`);
      res.header('cache-control', 'no-store');
      res.send(200, session);
    } catch (error) {
      options.logger.error({ err: error }, 'web chat token could not be issued');
      res.send(502, { code: 'TokenUnavailable', message: 'The chat is unavailable for the moment.' });
    }
  });
}

/** Tokens per client address and per page origin, across replicas: each is a Direct Line exchange in production. */
export interface WebChatTokenLimits {
  perAddress: AttemptLimiter;
  perOrigin: AttemptLimiter;
  trustedProxyHops: number;
  onRefused(limit: 'tokenAddress' | 'tokenOrigin'): void;
}

async function tokenLimitRefusal(req: Request, limits: WebChatTokenLimits): Promise<{ limit: 'tokenAddress' | 'tokenOrigin'; retryAfterSeconds: number } | undefined> {
  const origin = typeof req.headers.origin === 'string' ? req.headers.origin.slice(0, 256) : '(none)';
  const [byAddress, byOrigin] = await Promise.all([limits.perAddress.consume(clientAddress(req, limits.trustedProxyHops)), limits.perOrigin.consume(origin)]);
  if (!byAddress.allowed) return { limit: 'tokenAddress', retryAfterSeconds: byAddress.retryAfterMinutes * 60 };
  if (!byOrigin.allowed) return { limit: 'tokenOrigin', retryAfterSeconds: byOrigin.retryAfterMinutes * 60 };
  return undefined;
}

function userIdFromCookie(header: string | undefined): string | undefined {
  const value = header
    ?.split(';')
    .map((part) => part.trim().split('='))
    .find(([name]) => name === USER_COOKIE)?.[1];
  return value && USER_ID_SHAPE.test(value) ? value : undefined;
}
