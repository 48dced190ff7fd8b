import * as dotenv from 'dotenv';
import { z } from 'zod';
import { DEVELOPMENT_PORTAL_TOKEN } from '../simulator/simulatorSettings';
import { DEFAULT_QUIET_HOURS, type QuietHours } from '../services/notifications/quietHours';

/**
 * Every setting the process reads, validated once at start-up. A wrong value stops the process with a
 * sentence naming the variable, never a stack trace from deep inside a library.
 */

// A blank value (`PORT=` or `PORT=" "`) means "not set": it takes the default instead of coercing to 0.
const emptyAsUndefined = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? undefined : value);
const optionalText = z.preprocess(emptyAsUndefined, z.string().trim().min(1).optional());

const port = (name: string, fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `${name} must be a port number` })
      .int({ error: `${name} must be a port number` })
      .min(0, { error: `${name} must be a port number` })
      .max(65535, { error: `${name} must be a port number` })
      .default(fallback),
  );

const positiveInteger = (name: string, fallback: number) =>
  z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: `${name} must be a whole number` })
      .int({ error: `${name} must be a whole number` })
      .positive({ error: `${name} must be greater than 0` })
      .default(fallback),
  );

const redisUrl = (name: string) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => /^rediss?:\/\/[^\s]+$/.test(value), { error: `${name} must be a redis:// URL` })
      .optional(),
  );

const hostPortList = (name: string) =>
  z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => value.split(',').every((entry) => /^[^\s:,]+:\d{1,5}$/.test(entry.trim())), {
        error: `${name} must be a comma-separated list of host:port`,
      })
      .transform((value) =>
        value.split(',').map((entry) => {
          const [host, portText] = entry.trim().split(':');
          return { host: host as string, port: Number(portText) };
        }),
      )
      .optional(),
  );

const EnvironmentSchema = z.object({
  NODE_ENV: z.preprocess(
    emptyAsUndefined,
    z.enum(['development', 'production', 'test'], { error: 'NODE_ENV must be development, production or test' }).default('development'),
  ),
  PORT: port('PORT', 3978),
  LOG_LEVEL: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
  ),
  MicrosoftAppId: optionalText,
  MicrosoftAppPassword: optionalText,
  MicrosoftAppTenantId: optionalText,
  MicrosoftAppType: z.preprocess(
    emptyAsUndefined,
    z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        error: 'MicrosoftAppType must be MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .default('MultiTenant'),
  ),
  // Tests and local stubs only: where the keys of channel tokens are published (refused in production).
  ToBotFromChannelOpenIdMetadataUrl: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'ToBotFromChannelOpenIdMetadataUrl must be the http(s) URL of an OpenID metadata document' }).optional(),
  ),
  METRICS_TOKEN: z.preprocess(emptyAsUndefined, z.string().trim().min(16, { error: 'METRICS_TOKEN must be at least 16 characters' }).optional()),
  INSIGHTS_TOKEN: z.preprocess(emptyAsUndefined, z.string().trim().min(16, { error: 'INSIGHTS_TOKEN must be at least 16 characters' }).optional()),
  APPLICATIONINSIGHTS_CONNECTION_STRING: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .refine((value) => /(^|;)\s*InstrumentationKey=[^;\s]+/i.test(value), { error: 'APPLICATIONINSIGHTS_CONNECTION_STRING must be an Application Insights connection string (InstrumentationKey=…;IngestionEndpoint=…)' })
      .optional(),
  ),
  OTEL_EXPORTER_OTLP_ENDPOINT: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'OTEL_EXPORTER_OTLP_ENDPOINT must be the http(s) URL of an OTLP collector (traces go to /v1/traces under it)' }).optional(),
  ),
  OTEL_SERVICE_NAME: z.preprocess(emptyAsUndefined, z.string().trim().default('alin-assistant')),
  REDIS_URL: redisUrl('REDIS_URL'),
  REDIS_MODE: z.preprocess(
    emptyAsUndefined,
    z.enum(['standalone', 'cluster', 'sentinel'], { error: 'REDIS_MODE must be standalone, cluster or sentinel' }).default('standalone'),
  ),
  REDIS_CLUSTER_NODES: hostPortList('REDIS_CLUSTER_NODES'),
  REDIS_SENTINELS: hostPortList('REDIS_SENTINELS'),
  REDIS_SENTINEL_NAME: optionalText,
  REDIS_PREFIX: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^[A-Za-z0-9:_\-.{}]+$/, { error: 'REDIS_PREFIX may only hold letters, digits and : _ - . { }' })
      .default('alin:'),
  ),
  REDIS_COMMAND_TIMEOUT_MS: positiveInteger('REDIS_COMMAND_TIMEOUT_MS', 2000),
  STATE_TTL_DAYS: positiveInteger('STATE_TTL_DAYS', 90),
  MISSES_KEPT_DAYS: positiveInteger('MISSES_KEPT_DAYS', 30),
  MAX_BODY_KB: positiveInteger('MAX_BODY_KB', 256),
  TURN_ANSWER_BUDGET_MS: positiveInteger('TURN_ANSWER_BUDGET_MS', 4000),
  REPLY_TIMEOUT_MS: positiveInteger('REPLY_TIMEOUT_MS', 10000),
  TURNS_PER_USER_PER_MINUTE: positiveInteger('TURNS_PER_USER_PER_MINUTE', 30),
  TURNS_PER_CONVERSATION_PER_MINUTE: positiveInteger('TURNS_PER_CONVERSATION_PER_MINUTE', 60),
  WEBCHAT_TOKENS_PER_ADDRESS_PER_MINUTE: positiveInteger('WEBCHAT_TOKENS_PER_ADDRESS_PER_MINUTE', 20),
  WEBCHAT_TOKENS_PER_ORIGIN_PER_MINUTE: positiveInteger('WEBCHAT_TOKENS_PER_ORIGIN_PER_MINUTE', 600),
  TRUST_PROXY_HOPS: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'TRUST_PROXY_HOPS must be a whole number (0 when clients connect directly)' })
      .int({ error: 'TRUST_PROXY_HOPS must be a whole number (0 when clients connect directly)' })
      .min(0, { error: 'TRUST_PROXY_HOPS must be a whole number (0 when clients connect directly)' })
      .max(5, { error: 'TRUST_PROXY_HOPS must be at most 5' })
      .default(0),
  ),
  SHUTDOWN_GRACE_MS: positiveInteger('SHUTDOWN_GRACE_MS', 10000),
  PORTAL_BASE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'PORTAL_BASE_URL must be an http(s) URL (the root serving /alin/v1, /sne/v1 and /helpdesk/v1)' }).optional(),
  ),
  PORTAL_TOKEN: optionalText,
  PORTAL_TIMEOUT_MS: positiveInteger('PORTAL_TIMEOUT_MS', 4000),
  SIMULATOR_PORT: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number({ error: 'SIMULATOR_PORT must be a port number' })
      .int({ error: 'SIMULATOR_PORT must be a port number' })
      .min(0, { error: 'SIMULATOR_PORT must be a port number' })
      .max(65535, { error: 'SIMULATOR_PORT must be a port number' })
      .optional(),
  ),
  MAX_ACTIVE_APPLICATIONS: positiveInteger('MAX_ACTIVE_APPLICATIONS', 5),
  LINK_ATTEMPTS_PER_HOUR: positiveInteger('LINK_ATTEMPTS_PER_HOUR', 5),
  ALERT_CHECK_INTERVAL_MS: positiveInteger('ALERT_CHECK_INTERVAL_MS', 15 * 60 * 1000),
  LANGUAGE_ENDPOINT: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'LANGUAGE_ENDPOINT must be the http(s) URL of an Azure AI Language resource' }).optional(),
  ),
  LANGUAGE_KEY: optionalText,
  LANGUAGE_TIMEOUT_MS: positiveInteger('LANGUAGE_TIMEOUT_MS', 1500),
  QNA_ENDPOINT: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^https?$/, error: 'QNA_ENDPOINT must be the http(s) URL of an Azure AI Language resource with custom question answering' }).optional(),
  ),
  QNA_KEY: optionalText,
  QNA_PROJECT_FR: z.preprocess(emptyAsUndefined, z.string().default('alin-assistant-fr')),
  QNA_PROJECT_EN: z.preprocess(emptyAsUndefined, z.string().default('alin-assistant-en')),
  QNA_TIMEOUT_MS: positiveInteger('QNA_TIMEOUT_MS', 1500),
  DIRECT_LINE_SECRET: optionalText,
  DIRECT_LINE_ENDPOINT: z.preprocess(
    emptyAsUndefined,
    z
      .url({ protocol: /^https?$/, error: 'DIRECT_LINE_ENDPOINT must be an http(s) URL ending in /v3/directline' })
      .refine((value) => value.replace(/\/$/, '').endsWith('/v3/directline'), { error: 'DIRECT_LINE_ENDPOINT must be an http(s) URL ending in /v3/directline' })
      .transform((value) => value.replace(/\/$/, ''))
      // Europe's regional Direct Line keeps the conversation data in the EU.
      .default('https://europe.directline.botframework.com/v3/directline'),
  ),
  STATE_SEAL_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, { error: 'STATE_SEAL_SECRET must be at least 32 characters' }).optional()),
  NOTIFY_SECRET: z.preprocess(emptyAsUndefined, z.string().min(32, { error: 'NOTIFY_SECRET must be at least 32 characters' }).optional()),
  NOTIFY_QUIET_HOURS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^(off|([01]?\d|2[0-3])-([01]?\d|2[0-3]))$/, { error: 'NOTIFY_QUIET_HOURS must be "off" or two hours such as "21-8"' })
      .transform((value): QuietHours | 'off' => {
        if (value === 'off') return 'off';
        const [from, until] = value.split('-').map(Number);
        return { from: from!, until: until! };
      })
      .default(DEFAULT_QUIET_HOURS),
  ),
  HELPDESK_AGENTS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .transform((value) => value.split(',').map((id) => id.trim()).filter(Boolean))
      .optional(),
  ),
  HELPDESK_TEAM_ID: optionalText,
  HELPDESK_AGENT_GROUP: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .trim()
      .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, { error: 'HELPDESK_AGENT_GROUP must be an Entra group id (a GUID)' })
      .optional(),
  ),
  WEBCHAT_TRUSTED_ORIGINS: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .refine((value) => value.split(',').every((origin) => /^https?:\/\/[^/\s]+$/.test(origin.trim())), {
        error: 'WEBCHAT_TRUSTED_ORIGINS must be a comma-separated list of origins such as https://www.al-in.fr',
      })
      .transform((value) => value.split(',').map((origin) => origin.trim()))
      .optional(),
  ),
});

/** Signs the simulator's events in development; production must set its own. */
export const DEVELOPMENT_NOTIFY_SECRET = 'development-notify-secret-not-for-production';

export type Environment = z.infer<typeof EnvironmentSchema>;

export interface RedisSettings {
  url?: string;
  mode: 'standalone' | 'cluster' | 'sentinel';
  clusterNodes?: { host: string; port: number }[];
  sentinels?: { host: string; port: number }[];
  sentinelName?: string;
  prefix: string;
  /** Longest a command may wait for Redis's answer. */
  commandTimeoutMs: number;
}

/** Where traces go (bot/telemetry/tracing.ts); both may be set. */
export interface TracingSettings {
  serviceName: string;
  azureMonitorConnectionString?: string;
  /** The collector's root URL; traces are posted to `/v1/traces` under it. */
  otlpEndpoint?: string;
}

/** Requests per minute before a polite refusal (turns) or a 429 (Web Chat tokens), across replicas. */
export interface RateLimits {
  turnsPerUser: number;
  turnsPerConversation: number;
  webChatTokensPerAddress: number;
  webChatTokensPerOrigin: number;
  /** Reverse proxies in front of the bot that append to X-Forwarded-For (0: the socket's address is the client's). */
  trustedProxyHops: number;
}

export interface Config {
  environment: 'development' | 'production' | 'test';
  port: number;
  logLevel: Environment['LOG_LEVEL'];
  botAuthentication?: {
    appId: string;
    appPassword?: string;
    tenantId?: string;
    appType: Environment['MicrosoftAppType'];
    /** Overrides the Bot Framework's OpenID metadata for incoming tokens (tests only). */
    channelOpenIdMetadataUrl?: string;
  };
  /** Undefined means in-memory storage and in-process coordination (one replica). */
  redis?: RedisSettings;
  stateTtlSeconds: number;
  /** How long messages the assistant missed are kept for review (redacted), before the daily job purges them. */
  missesKeptDays: number;
  /** The secret personal data kept sealed in state is sealed with (shared by replicas); unset: a key per process. */
  stateSealSecret?: string;
  /** One-time codes a chat user, or a unique number, may ask for in an hour. */
  linkAttemptsPerHour: number;
  /** How often saved searches are checked for new offers. */
  alertCheckIntervalMs: number;
  maxBodyBytes: number;
  turnAnswerBudgetMs: number;
  /** Longest one send of replies to the channel may take. */
  replyTimeoutMs: number;
  rateLimits: RateLimits;
  shutdownGraceMs: number;
  /** When set, `GET /metrics` requires `Authorization: Bearer <token>`. */
  metricsToken?: string;
  /** Undefined: no exporter, spans are no-ops. */
  tracing?: TracingSettings;
  /** GET /insights and its API exist only with it; the API requires `Authorization: Bearer <token>`. */
  insightsToken?: string;
  /** Azure AI Language when both are set; the local language service otherwise. */
  language: { endpoint?: string; key?: string; timeoutMs: number };
  /** Azure custom question answering when set; the local knowledge search otherwise (and as its fallback). */
  questionAnswering?: { endpoint: string; key: string; projects: { fr: string; en: string }; timeoutMs: number };
  portal: {
    /** Undefined: the embedded simulator is started and used (never in production). */
    baseUrl?: string;
    token: string;
    callTimeoutMs: number;
    simulatorPort: number;
    maxActiveApplications: number;
  };
  /** The portal's signed events (`POST /api/notify`). */
  notify: {
    secret: string;
    /** No message to applicants in these hours (Paris time). */
    quietHours: QuietHours | 'off';
  };
  helpdesk: {
    /** Teams users (Entra object ids or channel ids) who may run the agent commands. */
    agents: string[];
    /** The Teams team whose channel receives urgent tickets; else the team an agent installs the bot in. */
    teamId?: string;
    /** An Entra group id: the members of the helpdesk team whose group it is are agents too (read from its roster). */
    agentGroup?: string;
  };
  webChat: {
    /** Production Web Chat: the Direct Line secret exchanged for per-user tokens. */
    directLine?: { secret: string; endpoint: string; trustedOrigins: string[] };
    /** Development: the local Direct Line bridge (never in production). */
    localBridge: boolean;
  };
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n- ${problems.join('\n- ')}`);
    this.name = 'ConfigurationError';
  }
}

/** Reads the configuration from the given variables (defaults to `process.env`, plus `.env` when present). */
export function loadConfig(variables: NodeJS.ProcessEnv = readProcessEnvironment()): Config {
  const parsed = EnvironmentSchema.safeParse(variables);
  if (!parsed.success) {
    throw new ConfigurationError(parsed.error.issues.map((issue) => issue.message));
  }
  const env = parsed.data;
  const problems = crossFieldProblems(env);
  if (problems.length > 0) throw new ConfigurationError(problems);

  return {
    environment: env.NODE_ENV,
    port: env.PORT,
    logLevel: env.LOG_LEVEL,
    botAuthentication: env.MicrosoftAppId
      ? {
          appId: env.MicrosoftAppId,
          appPassword: env.MicrosoftAppPassword,
          tenantId: env.MicrosoftAppTenantId,
          appType: env.MicrosoftAppType,
          channelOpenIdMetadataUrl: env.ToBotFromChannelOpenIdMetadataUrl,
        }
      : undefined,
    redis: redisSettings(env),
    stateTtlSeconds: env.STATE_TTL_DAYS * 24 * 3600,
    missesKeptDays: env.MISSES_KEPT_DAYS,
    stateSealSecret: env.STATE_SEAL_SECRET,
    linkAttemptsPerHour: env.LINK_ATTEMPTS_PER_HOUR,
    alertCheckIntervalMs: env.ALERT_CHECK_INTERVAL_MS,
    maxBodyBytes: env.MAX_BODY_KB * 1024,
    turnAnswerBudgetMs: env.TURN_ANSWER_BUDGET_MS,
    replyTimeoutMs: env.REPLY_TIMEOUT_MS,
    rateLimits: {
      turnsPerUser: env.TURNS_PER_USER_PER_MINUTE,
      turnsPerConversation: env.TURNS_PER_CONVERSATION_PER_MINUTE,
      webChatTokensPerAddress: env.WEBCHAT_TOKENS_PER_ADDRESS_PER_MINUTE,
      webChatTokensPerOrigin: env.WEBCHAT_TOKENS_PER_ORIGIN_PER_MINUTE,
      trustedProxyHops: env.TRUST_PROXY_HOPS,
    },
    shutdownGraceMs: env.SHUTDOWN_GRACE_MS,
    metricsToken: env.METRICS_TOKEN,
    tracing:
      env.APPLICATIONINSIGHTS_CONNECTION_STRING || env.OTEL_EXPORTER_OTLP_ENDPOINT
        ? { serviceName: env.OTEL_SERVICE_NAME, azureMonitorConnectionString: env.APPLICATIONINSIGHTS_CONNECTION_STRING, otlpEndpoint: env.OTEL_EXPORTER_OTLP_ENDPOINT }
        : undefined,
    insightsToken: env.INSIGHTS_TOKEN,
    language: { endpoint: env.LANGUAGE_ENDPOINT, key: env.LANGUAGE_KEY, timeoutMs: env.LANGUAGE_TIMEOUT_MS },
    questionAnswering:
      env.QNA_ENDPOINT && env.QNA_KEY
        ? { endpoint: env.QNA_ENDPOINT, key: env.QNA_KEY, projects: { fr: env.QNA_PROJECT_FR, en: env.QNA_PROJECT_EN }, timeoutMs: env.QNA_TIMEOUT_MS }
        : undefined,
    portal: {
      baseUrl: env.PORTAL_BASE_URL?.replace(/\/$/, ''),
      token: env.PORTAL_TOKEN ?? DEVELOPMENT_PORTAL_TOKEN,
      callTimeoutMs: env.PORTAL_TIMEOUT_MS,
      // PORT=0 (tests) asks for a free port: the simulator takes a free one too.
      simulatorPort: env.SIMULATOR_PORT ?? (env.PORT === 0 ? 0 : env.PORT + 1),
      maxActiveApplications: env.MAX_ACTIVE_APPLICATIONS,
    },
    notify: { secret: env.NOTIFY_SECRET ?? DEVELOPMENT_NOTIFY_SECRET, quietHours: env.NOTIFY_QUIET_HOURS },
    helpdesk: { agents: env.HELPDESK_AGENTS ?? [], teamId: env.HELPDESK_TEAM_ID, agentGroup: env.HELPDESK_AGENT_GROUP?.toLowerCase() },
    webChat: {
      directLine: env.DIRECT_LINE_SECRET
        ? { secret: env.DIRECT_LINE_SECRET, endpoint: env.DIRECT_LINE_ENDPOINT, trustedOrigins: env.WEBCHAT_TRUSTED_ORIGINS ?? [] }
        : undefined,
      // The bridge hands activities to the bot unauthenticated, so it exists only where the bot
      // itself accepts unauthenticated local traffic.
      localBridge: env.NODE_ENV !== 'production' && !env.DIRECT_LINE_SECRET && !env.MicrosoftAppId,
    },
  };
}

function crossFieldProblems(env: Environment): string[] {
  const problems: string[] = [];
  if (env.NODE_ENV === 'production' && !env.MicrosoftAppId) {
    problems.push('MicrosoftAppId is required when NODE_ENV=production (the bot would accept unauthenticated traffic)');
  }
  if (env.MicrosoftAppId && env.MicrosoftAppType !== 'UserAssignedMSI' && !env.MicrosoftAppPassword) {
    problems.push('MicrosoftAppPassword is required with MicrosoftAppId (unless MicrosoftAppType=UserAssignedMSI)');
  }
  if (env.MicrosoftAppType === 'SingleTenant' && env.MicrosoftAppId && !env.MicrosoftAppTenantId) {
    problems.push('MicrosoftAppTenantId is required when MicrosoftAppType=SingleTenant');
  }
  if (env.NODE_ENV === 'production' && env.ToBotFromChannelOpenIdMetadataUrl) {
    problems.push('ToBotFromChannelOpenIdMetadataUrl is refused when NODE_ENV=production (whoever serves those keys could sign tokens for the bot)');
  }
  if (Boolean(env.QNA_ENDPOINT) !== Boolean(env.QNA_KEY)) {
    problems.push('QNA_ENDPOINT and QNA_KEY go together (Azure custom question answering); set both or neither');
  }
  if (Boolean(env.LANGUAGE_ENDPOINT) !== Boolean(env.LANGUAGE_KEY)) {
    problems.push('LANGUAGE_ENDPOINT and LANGUAGE_KEY go together (Azure AI Language); set both or neither');
  }
  if (env.NODE_ENV === 'production' && !env.PORTAL_BASE_URL) {
    problems.push('PORTAL_BASE_URL is required when NODE_ENV=production (the embedded simulator never runs in production)');
  }
  if (env.NODE_ENV === 'production' && env.PORTAL_BASE_URL && !env.PORTAL_TOKEN) {
    problems.push('PORTAL_TOKEN is required with PORTAL_BASE_URL in production');
  }
  if (env.NODE_ENV === 'production' && env.DIRECT_LINE_SECRET && !env.WEBCHAT_TRUSTED_ORIGINS) {
    problems.push('WEBCHAT_TRUSTED_ORIGINS is required with DIRECT_LINE_SECRET in production (enhanced authentication)');
  }
  if (env.NODE_ENV === 'production' && !env.NOTIFY_SECRET) {
    problems.push('NOTIFY_SECRET is required when NODE_ENV=production (it authenticates the portal\'s events on /api/notify)');
  }
  if (env.REDIS_MODE === 'cluster' && !env.REDIS_CLUSTER_NODES) {
    problems.push('REDIS_CLUSTER_NODES is required when REDIS_MODE=cluster (host:port,host:port)');
  }
  if (env.REDIS_MODE === 'sentinel' && (!env.REDIS_SENTINELS || !env.REDIS_SENTINEL_NAME)) {
    problems.push('REDIS_SENTINELS and REDIS_SENTINEL_NAME are required when REDIS_MODE=sentinel');
  }
  return problems;
}

function redisSettings(env: Environment): RedisSettings | undefined {
  const configured = env.REDIS_URL || env.REDIS_CLUSTER_NODES || env.REDIS_SENTINELS;
  if (!configured) return undefined;
  return {
    url: env.REDIS_URL,
    mode: env.REDIS_MODE,
    clusterNodes: env.REDIS_CLUSTER_NODES,
    sentinels: env.REDIS_SENTINELS,
    sentinelName: env.REDIS_SENTINEL_NAME,
    prefix: env.REDIS_PREFIX,
    commandTimeoutMs: env.REDIS_COMMAND_TIMEOUT_MS,
  };
}

function readProcessEnvironment(): NodeJS.ProcessEnv {
  // Values already in the environment win over the .env file, as twelve-factor deployments expect.
  dotenv.config({ quiet: true });
  return process.env;
}
