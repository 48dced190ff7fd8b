import { AuthenticationConstants, ClaimsIdentity, ConnectorClient, ConnectorFactory, MicrosoftAppCredentials } from 'botframework-connector';
import { ReusedConnectorClients } from '../../bot/reusedConnectorClients';

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

describe('ReusedConnectorClients', () => {
  it('hands every turn of one channel endpoint the same client', async () => {
    const clients = new ReusedConnectorClients();
    const inner = new CountingFactory();
    const first = await clients.factoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/', 'https://api.botframework.com');
    const second = await clients.factoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/', 'https://api.botframework.com');
    expect(second).toBe(first);
    expect(inner.built).toBe(1);
  });

  it('keeps endpoints, audiences and bot app ids apart', async () => {
    const clients = new ReusedConnectorClients();
    const inner = new CountingFactory();
    const emea = await clients.factoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/', 'scope-1');
    const amer = await clients.factoryFor(botIdentity('app-a'), inner).create('https://smba.example/amer/', 'scope-1');
    const otherScope = await clients.factoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/', 'scope-2');
    const otherBot = await clients.factoryFor(botIdentity('app-b'), inner).create('https://smba.example/emea/', 'scope-1');
    expect(new Set([emea, amer, otherScope, otherBot]).size).toBe(4);
    expect(inner.builtFor).toEqual(['https://smba.example/emea/', 'https://smba.example/amer/', 'https://smba.example/emea/', 'https://smba.example/emea/']);
  });

  it('does not keep a failed creation: the next turn tries again', async () => {
    const clients = new ReusedConnectorClients();
    const inner = new CountingFactory();
    inner.failNext = true;
    await expect(clients.factoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/')).rejects.toThrow('credentials unavailable');
    const client = await clients.factoryFor(botIdentity('app-a'), inner).create('https://smba.example/emea/');
    expect(client).toBeInstanceOf(ConnectorClient);
    expect(inner.builtFor).toEqual(['https://smba.example/emea/']);
  });
});
