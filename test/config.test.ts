import { ConfigurationError, loadConfig, type Config } from '../bot/config';

/** Every setting is read once from the environment; a wrong value stops start-up with a sentence naming it. */

const DEFAULTS: Config = {
  environment: 'development',
  port: 3978,
  logLevel: 'info',
  botAuthentication: undefined,
  redis: undefined,
  stateTtlSeconds: 90 * 24 * 3600,
  missesKeptDays: 30,
  stateSealSecret: undefined,
  linkAttemptsPerHour: 5,
  alertCheckIntervalMs: 900_000,
  maxBodyBytes: 256 * 1024,
  turnAnswerBudgetMs: 4000,
  replyTimeoutMs: 10_000,
  rateLimits: { turnsPerUser: 30, turnsPerConversation: 60, webChatTokensPerAddress: 20, webChatTokensPerOrigin: 600, trustedProxyHops: 0 },
  shutdownGraceMs: 10_000,
  language: { endpoint: undefined, key: undefined, timeoutMs: 1500 },
  portal: { baseUrl: undefined, token: 'dev-portal-token', callTimeoutMs: 4000, simulatorPort: 3979, maxActiveApplications: 5 },
  notify: { secret: 'development-notify-secret-not-for-production', quietHours: { from: 21, until: 8 } },
  helpdesk: { agents: [], teamId: undefined },
  webChat: { directLine: undefined, localBridge: true },
};

const NOTIFY_SECRET = 'a-notify-secret-of-at-least-32-characters';
const REAL_PORTAL = { PORTAL_BASE_URL: 'https://portal.example.org', PORTAL_TOKEN: 'portal-token', NOTIFY_SECRET };

function problemsOf(variables: NodeJS.ProcessEnv): string[] {
  try {
    loadConfig(variables);
  } catch (error) {
    if (error instanceof ConfigurationError) return error.problems;
    throw error;
  }
  throw new Error(`expected ${JSON.stringify(variables)} to be refused`);
}

describe('loadConfig accepts', () => {
  it('no variables at all, with the documented defaults (memory storage, no bot authentication)', () => {
    expect(loadConfig({})).toEqual(DEFAULTS);
  });

  it('empty and blank values as if they were unset', () => {
    const blank: NodeJS.ProcessEnv = {
      NODE_ENV: '',
      PORT: ' ',
      LOG_LEVEL: '',
      MicrosoftAppId: '',
      MicrosoftAppPassword: '',
      MicrosoftAppTenantId: '  ',
      MicrosoftAppType: '',
      REDIS_URL: '',
      REDIS_MODE: '',
      REDIS_CLUSTER_NODES: '',
      REDIS_SENTINELS: '',
      REDIS_SENTINEL_NAME: '',
      REDIS_PREFIX: '',
      STATE_TTL_DAYS: '',
      MAX_BODY_KB: '',
      TURN_ANSWER_BUDGET_MS: '',
      SHUTDOWN_GRACE_MS: '',
      NOTIFY_SECRET: '',
      HELPDESK_AGENTS: '',
    };
    expect(loadConfig(blank)).toEqual(DEFAULTS);
  });

  it.each<{ case: string; variables: NodeJS.ProcessEnv; expected: Partial<Config> }>([
    { case: 'PORT as a number, the simulator on the next port', variables: { PORT: '8080' }, expected: { port: 8080, portal: { ...DEFAULTS.portal, simulatorPort: 8081 } } },
    {
      case: 'a real portal',
      variables: { PORTAL_BASE_URL: 'https://portal.example.org/', PORTAL_TOKEN: 't', PORTAL_TIMEOUT_MS: '2500' },
      expected: { portal: { ...DEFAULTS.portal, baseUrl: 'https://portal.example.org', token: 't', callTimeoutMs: 2500 } },
    },
    { case: 'STATE_TTL_DAYS converted to seconds', variables: { STATE_TTL_DAYS: '7' }, expected: { stateTtlSeconds: 7 * 86_400 } },
    { case: 'MAX_BODY_KB converted to bytes', variables: { MAX_BODY_KB: '64' }, expected: { maxBodyBytes: 64 * 1024 } },
    { case: 'LOG_LEVEL', variables: { LOG_LEVEL: 'debug' }, expected: { logLevel: 'debug' } },
    { case: 'the portal events secret', variables: { NOTIFY_SECRET }, expected: { notify: { secret: NOTIFY_SECRET, quietHours: { from: 21, until: 8 } } } },
    { case: 'quiet hours of the notifications', variables: { NOTIFY_QUIET_HOURS: '22-7' }, expected: { notify: { ...DEFAULTS.notify, quietHours: { from: 22, until: 7 } } } },
    { case: 'quiet hours switched off', variables: { NOTIFY_QUIET_HOURS: 'off' }, expected: { notify: { ...DEFAULTS.notify, quietHours: 'off' } } },
    {
      case: 'helpdesk agents as a comma-separated list, and the helpdesk team',
      variables: { HELPDESK_AGENTS: ' aad-1, 29:agent-2 ,', HELPDESK_TEAM_ID: '19:team@thread.tacv2', HELPDESK_AGENT_GROUP: '6F2A1C3E-0B9D-4E4A-9C1F-2D3B4A5C6D7E' },
      expected: { helpdesk: { agents: ['aad-1', '29:agent-2'], teamId: '19:team@thread.tacv2', agentGroup: '6f2a1c3e-0b9d-4e4a-9c1f-2d3b4a5c6d7e' } },
    },
    {
      case: 'production with an app id and password (multi-tenant by default)',
      variables: { NODE_ENV: 'production', MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', ...REAL_PORTAL },
      expected: {
        environment: 'production',
        botAuthentication: { appId: 'app-id', appPassword: 'secret', tenantId: undefined, appType: 'MultiTenant' },
        portal: { ...DEFAULTS.portal, baseUrl: 'https://portal.example.org', token: 'portal-token' },
        notify: { secret: NOTIFY_SECRET, quietHours: { from: 21, until: 8 } },
        webChat: { directLine: undefined, localBridge: false },
      },
    },
    {
      case: 'a single-tenant bot with its tenant',
      variables: { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant', MicrosoftAppTenantId: 'tenant' },
      expected: {
        botAuthentication: { appId: 'app-id', appPassword: 'secret', tenantId: 'tenant', appType: 'SingleTenant' },
        // An authenticated bot cannot take the bridge's unauthenticated activities.
        webChat: { directLine: undefined, localBridge: false },
      },
    },
    {
      case: 'a managed identity without a password',
      variables: { NODE_ENV: 'production', MicrosoftAppId: 'app-id', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 'tenant', ...REAL_PORTAL },
      expected: {
        environment: 'production',
        botAuthentication: { appId: 'app-id', appPassword: undefined, tenantId: 'tenant', appType: 'UserAssignedMSI' },
        portal: { ...DEFAULTS.portal, baseUrl: 'https://portal.example.org', token: 'portal-token' },
        notify: { secret: NOTIFY_SECRET, quietHours: { from: 21, until: 8 } },
        webChat: { directLine: undefined, localBridge: false },
      },
    },
    {
      case: 'a standalone Redis from REDIS_URL, with the default prefix',
      variables: { REDIS_URL: 'redis://127.0.0.1:6379' },
      expected: { redis: { url: 'redis://127.0.0.1:6379', mode: 'standalone', clusterNodes: undefined, sentinels: undefined, sentinelName: undefined, prefix: 'alin:', commandTimeoutMs: 2000 } },
    },
    {
      case: 'a TLS Redis URL with credentials and a custom prefix',
      variables: { REDIS_URL: 'rediss://user:p%40ss@cache.example:6380/0', REDIS_PREFIX: 'alin:{prod}:' },
      expected: {
        redis: { url: 'rediss://user:p%40ss@cache.example:6380/0', mode: 'standalone', clusterNodes: undefined, sentinels: undefined, sentinelName: undefined, prefix: 'alin:{prod}:', commandTimeoutMs: 2000 },
      },
    },
    {
      case: 'a Redis Cluster, its nodes parsed into host and port',
      variables: { REDIS_MODE: 'cluster', REDIS_CLUSTER_NODES: 'node-a:7000, node-b:7001,10.0.0.3:7002' },
      expected: {
        redis: {
          url: undefined,
          mode: 'cluster',
          clusterNodes: [
            { host: 'node-a', port: 7000 },
            { host: 'node-b', port: 7001 },
            { host: '10.0.0.3', port: 7002 },
          ],
          sentinels: undefined,
          sentinelName: undefined,
          prefix: 'alin:',
          commandTimeoutMs: 2000,
        },
      },
    },
    {
      case: 'a Redis Sentinel set with its master name',
      variables: { REDIS_MODE: 'sentinel', REDIS_SENTINELS: 's1:26379,s2:26380', REDIS_SENTINEL_NAME: 'mymaster' },
      expected: {
        redis: {
          url: undefined,
          mode: 'sentinel',
          clusterNodes: undefined,
          sentinels: [
            { host: 's1', port: 26379 },
            { host: 's2', port: 26380 },
          ],
          sentinelName: 'mymaster',
          prefix: 'alin:',
          commandTimeoutMs: 2000,
        },
      },
    },
  ])('$case', ({ variables, expected }) => {
    expect(loadConfig(variables)).toEqual({ ...DEFAULTS, ...expected });
  });
});

describe('loadConfig refuses', () => {
  it.each<{ case: string; variables: NodeJS.ProcessEnv; problem: string }>([
    { case: 'a REDIS_URL that is not redis://', variables: { REDIS_URL: 'http://x' }, problem: 'REDIS_URL must be a redis:// URL' },
    { case: 'a REDIS_URL without a host', variables: { REDIS_URL: 'redis://' }, problem: 'REDIS_URL must be a redis:// URL' },
    { case: 'a PORT that is not a number', variables: { PORT: 'eighty' }, problem: 'PORT must be a port number' },
    { case: 'a PORT above 65535', variables: { PORT: '70000' }, problem: 'PORT must be a port number' },
    { case: 'a negative PORT', variables: { PORT: '-1' }, problem: 'PORT must be a port number' },
    { case: 'a fractional PORT', variables: { PORT: '3978.5' }, problem: 'PORT must be a port number' },
    { case: 'an unknown NODE_ENV', variables: { NODE_ENV: 'staging' }, problem: 'NODE_ENV must be development, production or test' },
    { case: 'an unknown LOG_LEVEL', variables: { LOG_LEVEL: 'verbose' }, problem: 'LOG_LEVEL must be one of' },
    { case: 'a helpdesk agent group that is not a group id', variables: { HELPDESK_AGENT_GROUP: 'Helpdesk RH' }, problem: 'HELPDESK_AGENT_GROUP must be an Entra group id (a GUID)' },
    {
      case: 'production without a MicrosoftAppId',
      variables: { NODE_ENV: 'production' },
      problem: 'MicrosoftAppId is required when NODE_ENV=production',
    },
    {
      case: 'production with an empty MicrosoftAppId',
      variables: { NODE_ENV: 'production', MicrosoftAppId: '', MicrosoftAppPassword: 'secret' },
      problem: 'MicrosoftAppId is required when NODE_ENV=production',
    },
    {
      case: 'a MicrosoftAppId without its password',
      variables: { MicrosoftAppId: 'app-id' },
      problem: 'MicrosoftAppPassword is required with MicrosoftAppId',
    },
    {
      case: 'a single-tenant bot without its tenant',
      variables: { MicrosoftAppId: 'app-id', MicrosoftAppPassword: 'secret', MicrosoftAppType: 'SingleTenant' },
      problem: 'MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant',
    },
    { case: 'an unknown MicrosoftAppType', variables: { MicrosoftAppType: 'Federated' }, problem: 'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI' },
    { case: 'cluster mode without nodes', variables: { REDIS_MODE: 'cluster', REDIS_URL: 'redis://127.0.0.1:6379' }, problem: 'REDIS_CLUSTER_NODES is required when REDIS_MODE=cluster' },
    { case: 'cluster nodes without ports', variables: { REDIS_MODE: 'cluster', REDIS_CLUSTER_NODES: 'node-a,node-b' }, problem: 'REDIS_CLUSTER_NODES must be a comma-separated list of host:port' },
    { case: 'sentinel mode without sentinels', variables: { REDIS_MODE: 'sentinel', REDIS_SENTINEL_NAME: 'mymaster' }, problem: 'REDIS_SENTINELS and REDIS_SENTINEL_NAME are required when REDIS_MODE=sentinel' },
    { case: 'sentinel mode without a master name', variables: { REDIS_MODE: 'sentinel', REDIS_SENTINELS: 's1:26379' }, problem: 'REDIS_SENTINELS and REDIS_SENTINEL_NAME are required when REDIS_MODE=sentinel' },
    { case: 'an unknown REDIS_MODE', variables: { REDIS_MODE: 'replicated' }, problem: 'REDIS_MODE must be standalone, cluster or sentinel' },
    { case: 'a REDIS_PREFIX with a space', variables: { REDIS_PREFIX: 'alin prod:' }, problem: 'REDIS_PREFIX may only hold' },
    { case: 'a STATE_TTL_DAYS of zero', variables: { STATE_TTL_DAYS: '0' }, problem: 'STATE_TTL_DAYS must be greater than 0' },
    { case: 'a STATE_TTL_DAYS that is not a whole number', variables: { STATE_TTL_DAYS: 'ninety' }, problem: 'STATE_TTL_DAYS must be a whole number' },
  ])('$case', ({ variables, problem }) => {
    expect(() => loadConfig(variables)).toThrow(ConfigurationError);
    expect(() => loadConfig(variables)).toThrow(problem);
  });

  it('with a message that lists every wrong value at once', () => {
    const problems = problemsOf({ PORT: 'eighty', REDIS_URL: 'http://x', STATE_TTL_DAYS: '0' });
    expect(problems).toEqual(['PORT must be a port number', 'REDIS_URL must be a redis:// URL', 'STATE_TTL_DAYS must be greater than 0']);
  });

  it('with a message naming the variable even for a blank-looking value', () => {
    const problems = problemsOf({ MicrosoftAppId: 'app-id', MicrosoftAppPassword: '   ' });
    expect(problems).toEqual(['MicrosoftAppPassword is required with MicrosoftAppId (unless MicrosoftAppType=UserAssignedMSI)']);
  });
});

describe('Web Chat settings', () => {
  it('uses the local Direct Line bridge in development, never in production', () => {
    expect(loadConfig({}).webChat.localBridge).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'secret', ...REAL_PORTAL }).webChat.localBridge).toBe(false);
  });

  it('exchanges the Direct Line secret on the European endpoint by default', () => {
    const config = loadConfig({ DIRECT_LINE_SECRET: 's3cret', WEBCHAT_TRUSTED_ORIGINS: 'https://www.al-in.fr, https://al-in.fr' });
    expect(config.webChat).toEqual({
      localBridge: false,
      directLine: { secret: 's3cret', endpoint: 'https://europe.directline.botframework.com/v3/directline', trustedOrigins: ['https://www.al-in.fr', 'https://al-in.fr'] },
    });
  });

  it.each([
    [{ DIRECT_LINE_ENDPOINT: 'ftp://x/v3/directline' }, 'DIRECT_LINE_ENDPOINT must be an http(s) URL ending in /v3/directline'],
    [{ WEBCHAT_TRUSTED_ORIGINS: 'www.al-in.fr' }, 'WEBCHAT_TRUSTED_ORIGINS must be a comma-separated list of origins'],
    [{ NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', DIRECT_LINE_SECRET: 's', ...REAL_PORTAL }, 'WEBCHAT_TRUSTED_ORIGINS is required with DIRECT_LINE_SECRET in production'],
    [{ NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'p' }, 'PORTAL_BASE_URL is required when NODE_ENV=production'],
    [{ NODE_ENV: 'production', MicrosoftAppId: 'id', MicrosoftAppPassword: 'p', ...REAL_PORTAL, NOTIFY_SECRET: '' }, 'NOTIFY_SECRET is required when NODE_ENV=production'],
    [{ NOTIFY_SECRET: 'short' }, 'NOTIFY_SECRET must be at least 32 characters'],
    [{ PORTAL_BASE_URL: 'portal.example.org' }, 'PORTAL_BASE_URL must be an http(s) URL'],
    [{ LANGUAGE_ENDPOINT: 'https://alin.cognitiveservices.azure.com' }, 'LANGUAGE_ENDPOINT and LANGUAGE_KEY go together'],
    [{ LANGUAGE_ENDPOINT: 'alin.cognitiveservices', LANGUAGE_KEY: 'k' }, 'LANGUAGE_ENDPOINT must be the http(s) URL of an Azure AI Language resource'],
  ])('refuses %j', (variables, message) => {
    expect(() => loadConfig(variables)).toThrow(message);
  });
});
