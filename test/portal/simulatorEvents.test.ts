import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { PortalEventSchema } from '../../services/notifications/portalEvents';
import { verifyNotificationSignature } from '../../services/notifications/webhookSignature';
import { contractValidator, readContract } from './openApiSchemas';
import { startSimulator, type RunningSimulator } from '../../simulator/startSimulator';

const TOKEN = 'test-portal-token';
const SECRET = 'simulator-events-secret-of-32-chars!';

describe("the simulator's demo events (POST /dev/events)", () => {
  const received: { headers: IncomingHttpHeaders; body: string }[] = [];
  let bot: Server;
  let simulator: RunningSimulator;
  beforeAll(async () => {
    bot = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
      req.on('end', () => {
        received.push({ headers: req.headers, body });
        // restify, loaded by other suites of this process, patches writeHead to return nothing.
        res.statusCode = 202;
        res.end('{}');
      });
    });
    await new Promise<void>((resolve) => bot.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(bot.address() as AddressInfo).port}/api/notify`;
    simulator = await startSimulator({ port: 0, token: TOKEN, maxActiveApplications: 5, notify: { url, secret: SECRET } });
  });
  afterAll(async () => {
    await simulator.close();
    await new Promise((resolve) => bot.close(resolve));
  });

  const devEvent = (body: unknown) =>
    fetch(`${simulator.url}/dev/events`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) });

  it('sends a signed event of the documented shape for an applicant given by number', async () => {
    const response = await devEvent({ type: 'document.rejected', nur: '111 0325 004242 gdpub', data: { documentType: 'tax_notice', reason: 'illisible' } });
    expect(response.status).toBe(202);
    for (let waited = 0; received.length === 0 && waited < 3000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    const [call] = received;
    const event = JSON.parse(call!.body) as unknown;
    expect(PortalEventSchema.parse(event)).toMatchObject({ type: 'document.rejected', data: { documentType: 'tax_notice' } });
    const validate = contractValidator(readContract())({ $ref: '#/components/schemas/PortalEvent' });
    const valid = validate(event);
    expect(valid ? true : validate.errors).toBe(true);
    const verdict = verifyNotificationSignature({
      secret: SECRET,
      signature: call!.headers['x-al-in-signature'] as string,
      timestamp: call!.headers['x-al-in-timestamp'] as string,
      rawBody: call!.body,
      now: new Date(),
    });
    expect(verdict).toBe('valid');
  });

  it('answers 404 for an unknown applicant and 400 for an unknown type', async () => {
    expect((await devEvent({ type: 'offer.received', nur: '0000000000000GDPUB', data: {} })).status).toBe(404);
    expect((await devEvent({ type: 'lottery.won', nur: '1110325004242GDPUB', data: {} })).status).toBe(400);
  });
});
