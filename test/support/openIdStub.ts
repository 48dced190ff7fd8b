import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import { createServer, type Server } from 'node:http';

/** The issuer of tokens that Bot Framework channels send to bots (public cloud). */
export const CHANNEL_TOKEN_ISSUER = 'https://api.botframework.com';

export interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

export function newSigningKey(kid: string = randomUUID()): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid, privateKey, publicKey };
}

/**
 * A local stand-in for the Bot Framework's OpenID metadata and key set: the bot, pointed at
 * `metadataUrl` (ToBotFromChannelOpenIdMetadataUrl), trusts the keys published here and no other.
 */
export class OpenIdStub {
  private readonly server: Server;
  metadataUrl = '';
  /** Requests served, to prove the bot really fetched the keys. */
  readonly requests: string[] = [];

  constructor(private readonly published: SigningKey[]) {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const base = this.metadataUrl.replace(/\/\.well-known\/.*$/, '');
      res.setHeader('content-type', 'application/json');
      if (req.url === '/.well-known/openidconfiguration') {
        res.end(JSON.stringify({ issuer: CHANNEL_TOKEN_ISSUER, jwks_uri: `${base}/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
      } else if (req.url === '/keys') {
        res.end(JSON.stringify({ keys: this.published.map((key) => ({ ...key.publicKey.export({ format: 'jwk' }), kid: key.kid, use: 'sig' })) }));
      } else {
        res.statusCode = 404;
        res.end('{}');
      }
    });
  }

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
    const address = this.server.address();
    if (!address || typeof address === 'string') throw new Error('OpenID stub has no port');
    this.metadataUrl = `http://127.0.0.1:${address.port}/.well-known/openidconfiguration`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}

const base64url = (value: object | Buffer): string => (Buffer.isBuffer(value) ? value : Buffer.from(JSON.stringify(value))).toString('base64url');

/** A JWT signed with RS256 by `key`, under the key id `kid` (by default the key's own). */
export function signedToken(key: SigningKey, claims: Record<string, unknown>, kid = key.kid): string {
  const unsigned = `${base64url({ alg: 'RS256', typ: 'JWT', kid })}.${base64url(claims)}`;
  const signature = createSign('RSA-SHA256').update(unsigned).sign(key.privateKey);
  return `${unsigned}.${base64url(signature)}`;
}

/** A JWT with an arbitrary header and signature bytes (alg none, HMAC…), for tokens no key signed. */
export function unsignedToken(header: Record<string, unknown>, claims: Record<string, unknown>, signature = Buffer.alloc(0)): string {
  return `${base64url(header)}.${base64url(claims)}.${base64url(signature)}`;
}

/** The claims a channel puts in the token it sends to the bot `appId` for `serviceUrl`, valid for an hour. */
export function channelClaims(appId: string, serviceUrl: string, nowSeconds = Math.floor(Date.now() / 1000)): Record<string, unknown> {
  return { iss: CHANNEL_TOKEN_ISSUER, aud: appId, serviceurl: serviceUrl, nbf: nowSeconds - 60, iat: nowSeconds - 60, exp: nowSeconds + 3600 };
}
