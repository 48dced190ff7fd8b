import { TestAdapter, type Activity } from 'botbuilder';
import { MAX_MESSAGE_BYTES, OutgoingDelivery } from '../../bot/middleware/outgoingDelivery';
import { adaptiveCard } from '../../dialogs/cards/adaptiveCard';
import { capturingLogger } from '../support/silentLogger';

describe('outgoing messages and the Teams size limit', () => {
  it('sends a card over 28 KB as its text fallback instead of having it refused', async () => {
    const adapter = new TestAdapter(async (context) => {
      const rows = Array.from({ length: 400 }, (_, index) => ({ type: 'TextBlock', text: `Offre ${index} : T3 à Villeurbanne, 68 m², 712 € charges comprises` }));
      await context.sendActivity({ type: 'message', attachments: [adaptiveCard({ body: rows, fallbackText: 'Trop d\u2019offres pour une carte : affinez votre recherche.' })] });
    });
    adapter.use(new OutgoingDelivery(capturingLogger().logger));
    await adapter.send('go').assertReply((activity: Partial<Activity>) => {
      expect(activity.attachments).toBeUndefined();
      expect(activity.text).toContain('affinez votre recherche');
      expect(Buffer.byteLength(JSON.stringify(activity))).toBeLessThan(MAX_MESSAGE_BYTES);
    });
  });

  it('splits a text over the limit into several messages, losing nothing', async () => {
    const words = Array.from({ length: 9000 }, (_, index) => `mot${index}`);
    const adapter = new TestAdapter(async (context) => void (await context.sendActivity(words.join(' '))));
    adapter.use(new OutgoingDelivery(capturingLogger().logger));
    const received: string[] = [];
    await adapter.send('go');
    for (const activity of adapter.activeQueue) received.push(activity.text ?? '');
    expect(received.length).toBeGreaterThan(1);
    expect(received.join(' ').split(/\s+/)).toEqual(words);
  });
});
