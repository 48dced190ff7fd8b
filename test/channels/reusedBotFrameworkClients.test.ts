import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, MicrosoftAppCredentials, type UserTokenClient } from 'botframework-connector';
import { ReusedBotFrameworkClients } from '../../bot/reusedBotFrameworkClients';

/** Counts the clients it builds; fails on demand, as credentials that cannot be had would. */
class CountingFactory extends ConnectorFactory {
  readonly builtFor: string[] = [];
  failNext = false;

  get built(): number {
    return this.builtFor.length;
  }

  override async create(serviceUrl: string): Promise<ConnectorClient> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('credentials unavailable');
    }
    this.builtFor.push(serviceUrl);
    return new ConnectorClient(new MicrosoftAppCredentials('', ''), { baseUri: serviceUrl });
  }
}

const botIdentity = (appId: string) => new ClaimsIdentity([{ type: AuthenticationConstants.AudienceClaim, value: appId }], true);

describe('ReusedBotFrameworkClients', () => {
  it('hands every turn of one channel endpoint the same client', async () => {
    const clients = new ReusedBotFrameworkClients(10_000);
    const inner = new CountingFactory();
    const first = await clients.connectorFactoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/', 'https://api.botframework.com');
    const second = await clients.connectorFactoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/', 'https://api.botframework.com');
    expect(second).toBe(first);
    expect(inner.built).toBe(1);
  });

  it('keeps endpoints, audiences and bot app ids apart', async () => {
    const clients = new ReusedBotFrameworkClients(10_000);
    const inner = new CountingFactory();
    const emea = await clients.connectorFactoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/', 'scope-1');
    const amer = await clients.connectorFactoryFor(botIdentity('app-a'), inner).create('https://smba.example/amer/', 'scope-1');
    const otherScope = await clients.connectorFactoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/', 'scope-2');
    const otherBot = await clients.connectorFactoryFor(botIdentity('app-b'), inner).create('https://smba.example/emea/', 'scope-1');
    expect(new Set([emea, amer, otherScope, otherBot]).size).toBe(4);
    expect(inner.builtFor).toEqual(['https://smba.example/emea/', 'https://smba.example/amer/', 'https://smba.example/emea/', 'https://smba.example/emea/']);
  });

  it('does not keep a failed creation: the next turn tries again', async () => {
    const clients = new ReusedBotFrameworkClients(10_000);
    const inner = new CountingFactory();
    inner.failNext = true;
    await expect(clients.connectorFactoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/')).rejects.toThrow('credentials unavailable');
    const client = await clients.connectorFactoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/');
    expect(client).toBeInstanceOf(ConnectorClient);
    expect(inner.builtFor).toEqual(['https://smba.example/emea/']);
  });

  it('keeps one token client per bot', async () => {
    const clients = new ReusedBotFrameworkClients(10_000);
    let created = 0;
    const create = async () => ({ created: ++created }) as unknown as UserTokenClient;
    const first = await clients.userTokenClientFor(botIdentity('app-a'), create);
    expect(await clients.userTokenClientFor(botIdentity('app-a'), create)).toBe(first);
    expect(await clients.userTokenClientFor(botIdentity('app-b'), create)).not.toBe(first);
    expect(created).toBe(2);
  });
});
