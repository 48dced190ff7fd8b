import { AuthenticationConstants, ConnectorFactory, type ClaimsIdentity, type ConnectorClient, type UserTokenClient } from 'botframework-connector';
import { BoundedMemory } from '../services/shared/boundedMemory';

/** Distinct channel endpoints kept; Teams has a handful of regional service URLs, Web Chat one. */
const MAX_CLIENTS = 64;

/**
 * The SDK builds a new ConnectorClient and a new UserTokenClient — credentials, HTTP pipeline,
 * serializer — for every turn, which costs more than sending the turn's replies. These clients hold no
 * per-turn data (their credentials fetch and cache their own tokens), so one connector client per bot
 * app id, channel service URL and audience, and one token client per bot app id, serve every turn.
 */
export class ReusedBotFrameworkClients {
  private readonly connectorClients = new BoundedPromises<ConnectorClient>();
  private readonly userTokenClients = new BoundedPromises<UserTokenClient>();

  /** `requestTimeoutMs`: how long one request to a channel may take before its socket is given up. */
  constructor(private readonly requestTimeoutMs: number) {}

  /** A factory that hands out the kept connector client, creating it with `inner` the first time. */
  connectorFactoryFor(claimsIdentity: ClaimsIdentity, inner: ConnectorFactory): ConnectorFactory {
    return new KeptClientFactory(botAppIdOf(claimsIdentity), inner, this.connectorClients, this.requestTimeoutMs);
  }

  /** The kept token client of the bot the claims are for, created with `create` the first time. */
  userTokenClientFor(claimsIdentity: ClaimsIdentity, create: () => Promise<UserTokenClient>): Promise<UserTokenClient> {
    return this.userTokenClients.get(botAppIdOf(claimsIdentity), create);
  }
}

class KeptClientFactory extends ConnectorFactory {
  constructor(
    private readonly appId: string,
    private readonly inner: ConnectorFactory,
    private readonly clients: BoundedPromises<ConnectorClient>,
    private readonly requestTimeoutMs: number,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    return this.clients.get(`${this.appId}\u0000${serviceUrl}\u0000${audience ?? ''}`, async () =>
      withRequestTimeout(await this.inner.create(serviceUrl, audience), this.requestTimeoutMs),
    );
  }
}

/**
 * A channel that accepts the connection and never answers would keep the socket (and the reply waiting
 * on it) forever: every request of the client gets a timeout, after which the pipeline aborts it.
 */
function withRequestTimeout(client: ConnectorClient, timeoutMs: number): ConnectorClient {
  const pipeline = (client as unknown as { client?: { pipeline?: PolicyPipeline } }).client?.pipeline;
  pipeline?.addPolicy({
    name: 'alinRequestTimeout',
    sendRequest: (request, next) => {
      request.timeout = timeoutMs;
      return next(request);
    },
  });
  return client;
}

/** The part of @azure/core-rest-pipeline's Pipeline used here (the connector client's HTTP pipeline). */
interface PolicyPipeline {
  addPolicy(policy: { name: string; sendRequest(request: { timeout: number }, next: (request: { timeout: number }) => Promise<unknown>): Promise<unknown> }): void;
}

/** Created clients by key, at most MAX_CLIENTS; a failed creation is not kept, so the next turn tries again. */
class BoundedPromises<T> {
  private readonly memory = new BoundedMemory<Promise<T>>(MAX_CLIENTS);

  get(key: string, create: () => Promise<T>): Promise<T> {
    return this.memory.remember(key, () => {
      const created = create();
      created.catch(() => this.memory.forget(key));
      return created;
    });
  }
}

/**
 * The bot's own app id, as the SDK reads it to build the clients' credentials: the audience of a
 * channel's token, the app id claim of the Emulator's; none for unauthenticated local traffic.
 */
function botAppIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}
