import { CallerIdConstants, ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity } from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  type AuthenticateRequestResult,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorFactory,
  type UserTokenClient,
} from 'botframework-connector';
import type { Config } from './config';
import { ReusedBotFrameworkClients } from './reusedBotFrameworkClients';

/**
 * How the bot checks the Bot Framework token of every incoming request: the public cloud's settings,
 * with the channel's OpenID metadata replaced when the configuration says so (tests point it at a local
 * key set; refused in production by config.ts). No app id: unauthenticated local traffic. Connector
 * and token clients are kept from turn to turn (reusedBotFrameworkClients.ts).
 */
export function createChannelAuthentication(auth: Config['botAuthentication'], replyTimeoutMs: number): BotFrameworkAuthentication {
  const credentials = {
    MicrosoftAppId: auth?.appId ?? '',
    MicrosoftAppPassword: auth?.appPassword ?? '',
    MicrosoftAppTenantId: auth?.tenantId ?? '',
    MicrosoftAppType: auth?.appType ?? 'MultiTenant',
  };
  if (!auth?.channelOpenIdMetadataUrl) return new RejectedTokensAsUnauthorized(new ConfigurationBotFrameworkAuthentication(credentials), replyTimeoutMs);
  // Setting one endpoint makes the SDK expect all of them: the others keep their public-cloud values.
  return new RejectedTokensAsUnauthorized(
    new ConfigurationBotFrameworkAuthentication({
      ...credentials,
      ValidateAuthority: true,
      ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
      ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
      ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
      OAuthUrl: AuthenticationConstants.OAuthUrl,
      ToBotFromChannelOpenIdMetadataUrl: auth.channelOpenIdMetadataUrl,
      ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
      CallerId: CallerIdConstants.PublicAzureChannel,
    }),
    replyTimeoutMs,
  );
}

/** What jsonwebtoken throws for a token that is badly signed, malformed, not yet valid or expired. */
const REJECTED_TOKEN_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * The SDK turns most bad tokens into a 401, but lets jsonwebtoken's own verdicts through (a signature
 * made with another key under a known key id, `alg: none`, a garbled token): CloudAdapter answers those
 * with a 500, which tells a forger they reached the signature check and tells the channel to retry.
 * They are the caller's fault: 401.
 */
class RejectedTokensAsUnauthorized extends BotFrameworkAuthentication {
  private readonly clients: ReusedBotFrameworkClients;

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    replyTimeoutMs: number,
  ) {
    super();
    this.clients = new ReusedBotFrameworkClients(replyTimeoutMs);
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.withReusedClients(await this.inner.authenticateRequest(activity, authHeader).catch(asUnauthorized));
  }

  async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    return this.withReusedClients(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader).catch(asUnauthorized));
  }

  private withReusedClients(result: AuthenticateRequestResult): AuthenticateRequestResult {
    if (!result.connectorFactory) return result;
    return { ...result, connectorFactory: this.clients.connectorFactoryFor(result.claimsIdentity, result.connectorFactory) };
  }

  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader).catch(asUnauthorized);
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.clients.connectorFactoryFor(claimsIdentity, this.inner.createConnectorFactory(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    return this.clients.userTokenClientFor(claimsIdentity, () => this.inner.createUserTokenClient(claimsIdentity));
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }
}

function asUnauthorized(error: unknown): never {
  if (error instanceof Error && REJECTED_TOKEN_ERRORS.has(error.name)) {
    throw new AuthenticationError(`Unauthorized: ${error.message}`, StatusCodes.UNAUTHORIZED);
  }
  throw error;
}
