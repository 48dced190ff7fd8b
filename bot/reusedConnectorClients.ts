import { AuthenticationConstants, ConnectorFactory, type ClaimsIdentity, type ConnectorClient } from 'botframework-connector';

/** Distinct channel endpoints kept; Teams has a handful of regional service URLs, Web Chat one. */
const MAX_CLIENTS = 64;

/**
 * The SDK builds a new ConnectorClient — credentials, HTTP pipeline, serializer — for every turn, which
 * costs more than sending the turn's replies. A client holds no per-turn data (its credentials fetch and
 * cache their own tokens), so one per bot app id, channel service URL and audience serves every turn.
 */
export class ReusedConnectorClients {
  private readonly clients = new Map<string, Promise<ConnectorClient>>();

  /** A factory that hands out the kept client, creating it with `inner` the first time. */
  factoryFor(claimsIdentity: ClaimsIdentity, inner: ConnectorFactory): ConnectorFactory {
    return new KeptClientFactory(botAppIdOf(claimsIdentity), inner, this.clients);
  }
}

class KeptClientFactory extends ConnectorFactory {
  constructor(
    private readonly appId: string,
    private readonly inner: ConnectorFactory,
    private readonly clients: Map<string, Promise<ConnectorClient>>,
  ) {
    super();
  }

  override create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${this.appId}\u0000${serviceUrl}\u0000${audience ?? ''}`;
    const kept = this.clients.get(key);
    if (kept) return kept;
    if (this.clients.size >= MAX_CLIENTS) this.clients.clear();
    const created = this.inner.create(serviceUrl, audience);
    this.clients.set(key, created);
    // A failed creation (credentials unavailable) is not kept: the next turn tries again.
    created.catch(() => this.clients.delete(key));
    return created;
  }
}

/**
 * The bot's own app id, as the SDK reads it to build the client's credentials: the audience of a
 * channel's token, the app id claim of the Emulator's; none for unauthenticated local traffic.
 */
function botAppIdOf(claimsIdentity: ClaimsIdentity): string {
  return claimsIdentity.getClaimValue(AuthenticationConstants.AudienceClaim) ?? claimsIdentity.getClaimValue(AuthenticationConstants.AppIdClaim) ?? '';
}
