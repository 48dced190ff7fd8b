import { createHmac } from 'node:crypto';
import { channelActivity, LocalChannel } from '../../bot/channels/localChannel';
import { startBotProcess, type BotProcess } from '../support/botProcess';
import { channelClaims, newSigningKey, OpenIdStub, signedToken, unsignedToken } from '../support/openIdStub';
import { TEST_REDIS_URL, testRedis } from '../support/testRedis';

const APP_ID = '00000000-0000-0000-0000-0000000000a1';

/**
 * A bot with a Bot Framework app id, whose channel keys come from a local OpenID stub: every token is
 * checked for real (signature, issuer, audience, expiry, service URL). The conversation state in Redis
 * tells whether a request reached the dialogs.
 */
describe('Bot Framework authentication of incoming activities', () => {
  const trusted = newSigningKey('trusted-key');
  const stranger = newSigningKey('stranger-key');
  const stub = new OpenIdStub([trusted]);
  const channel = new LocalChannel();
  const { redis, prefix, cleanup } = testRedis('auth');
  let bot: BotProcess;

  beforeAll(async () => {
    await Promise.all([stub.start(), channel.start()]);
    bot = await startBotProcess({
      MicrosoftAppId: APP_ID,
      MicrosoftAppPassword: 'not-a-real-secret',
      ToBotFromChannelOpenIdMetadataUrl: stub.metadataUrl,
      REDIS_URL: TEST_REDIS_URL,
      REDIS_PREFIX: prefix,
    });
  });
  afterAll(async () => {
    await bot.stop();
    await Promise.all([stub.stop(), channel.stop(), cleanup()]);
  });

  const post = async (conversationId: string, authorization?: string) => {
    const activity = channelActivity(channel.serviceUrl, conversationId, { type: 'message', text: 'aide' });
    const response = await fetch(`${bot.url}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
      body: JSON.stringify(activity),
    });
    return { status: response.status, body: await response.text() };
  };
  const conversationState = (conversationId: string) => redis.get(`${prefix}conversation:emulator:${conversationId}`);
  const validClaims = () => channelClaims(APP_ID, channel.serviceUrl);
  const hs256 = (claims: Record<string, unknown>, secret: string) => {
    const unsigned = unsignedToken({ alg: 'HS256', typ: 'JWT', kid: trusted.kid }, claims).split('.').slice(0, 2).join('.');
    return `${unsigned}.${createHmac('sha256', secret).update(unsigned).digest('base64url')}`;
  };
  const now = () => Math.floor(Date.now() / 1000);

  it.each<{ case: string; authorization: () => string | undefined }>([
    { case: 'no Authorization header', authorization: () => undefined },
    { case: 'a bearer value that is not a JWT', authorization: () => 'Bearer not-a-jwt' },
    { case: 'a token signed by a key the metadata does not publish', authorization: () => `Bearer ${signedToken(stranger, validClaims())}` },
    {
      case: 'a token signed by another key under the trusted key id',
      authorization: () => `Bearer ${signedToken(stranger, validClaims(), trusted.kid)}`,
    },
    { case: 'an unsigned token (alg none) under the trusted key id', authorization: () => `Bearer ${unsignedToken({ alg: 'none', typ: 'JWT', kid: trusted.kid }, validClaims())}` },
    {
      case: 'an HMAC token keyed with the trusted public key (algorithm confusion)',
      authorization: () => `Bearer ${hs256(validClaims(), trusted.publicKey.export({ type: 'pkcs1', format: 'pem' }).toString())}`,
    },
    { case: 'a token for another bot (wrong audience)', authorization: () => `Bearer ${signedToken(trusted, { ...validClaims(), aud: 'another-bot' })}` },
    { case: 'a token from another issuer', authorization: () => `Bearer ${signedToken(trusted, { ...validClaims(), iss: 'https://issuer.invalid' })}` },
    { case: 'an expired token', authorization: () => `Bearer ${signedToken(trusted, { ...validClaims(), iat: now() - 7200, nbf: now() - 7200, exp: now() - 3600 })}` },
    {
      case: 'a token issued for another service URL (replayed from elsewhere)',
      authorization: () => `Bearer ${signedToken(trusted, { ...validClaims(), serviceurl: 'https://smba.trafficmanager.net/emea/' })}`,
    },
  ])('answers 401 to $case, and reaches no dialog', async ({ case: name, authorization }) => {
    const conversationId = `auth-${name.replace(/\W+/g, '-')}`;
    const { status, body } = await post(conversationId, authorization());
    expect(status).toBe(401);
    expect(body).not.toMatch(/\bat \S+ \(|BEGIN RSA/);
    expect(await conversationState(conversationId)).toBeNull();
    expect(channel.activities(conversationId)).toHaveLength(0);
  });

  it('accepts a token signed by a published key for this bot and service URL, and runs the turn', async () => {
    const { status } = await post('auth-valid', `Bearer ${signedToken(trusted, validClaims())}`);
    expect(status).toBe(200);
    // The turn reached the dialogs: its transcript was saved.
    expect(await conversationState('auth-valid')).toContain('"text":"aide"');
    expect(stub.requests).toEqual(expect.arrayContaining(['/.well-known/openidconfiguration', '/keys']));
  });

  it('stays healthy after the rejected tokens', async () => {
    expect((await fetch(`${bot.url}/healthz`)).status).toBe(200);
  });
});

describe('the channel OpenID metadata override', () => {
  it('is refused in production', async () => {
    await expect(
      startBotProcess({
        NODE_ENV: 'production',
        MicrosoftAppId: APP_ID,
        MicrosoftAppPassword: 'not-a-real-secret',
        PORTAL_BASE_URL: 'http://127.0.0.1:9',
        PORTAL_TOKEN: 'portal-token',
        NOTIFY_SECRET: 'a-notify-secret-of-at-least-32-characters',
        ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/.well-known/openidconfiguration',
      }),
    ).rejects.toThrow(/ToBotFromChannelOpenIdMetadataUrl is refused when NODE_ENV=production/);
  });
});
