import { allText, BotHarness } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';
import { postPortalEvent, stageChanged, TEST_NOTIFY_SECRET, uniqueEventId } from '../support/portalEvents';
import { PORTAL_TOKEN, simulatorWithClock } from '../support/simulatorClock';

const SUBSCRIBE = { intent: 'notifications', choice: 'on', label: 'Oui, prévenez-moi' };
const NEWS = 'Du nouveau sur votre dossier';

describe('notifications about the dossier', () => {
  const { running, say, link } = conversationsWithPortal({ NOTIFY_SECRET: TEST_NOTIFY_SECRET, NOTIFY_QUIET_HOURS: 'off' });
  const bot = () => running().bot;
  const applicantOf = async (conversation: string) => {
    const key = `user:emulator:user-${conversation}`;
    const user = (await bot().app.storage.read([key]))[key] as { link?: { applicantId: string } };
    return user.link!.applicantId;
  };
  const notificationsIn = (conversation: string) => bot().channel.messages(conversation).filter((message) => allText([message]).includes(NEWS));
  /** Waits until the bot logged the delivery of the event (told or not). */
  const delivered = async (eventId: string) => {
    for (let waited = 0; waited < 5000; waited += 50) {
      if (bot().logLines().some((line) => line.includes(eventId) && line.includes('dossier notification delivered'))) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`event ${eventId} was not delivered:\n${bot().logLines().filter((line) => line.includes('notif')).join('\n')}`);
  };
  const subscribed = async (conversation: string, nur: string) => {
    await link(conversation, nur);
    expect(await say(conversation, '', SUBSCRIBE)).toContain("C'est noté");
    return applicantOf(conversation);
  };

  it('offers them with two buttons once the number is linked, and takes the answer', async () => {
    await say('offer', "mon numéro c'est 0691124000101GDPUB");
    const linked = await say('offer', await running().simulator.outboxCode());
    expect(linked).toContain('Voulez-vous que je vous prévienne ici quand votre dossier bouge');
    expect(linked).toContain('[Oui, prévenez-moi]');
    expect(linked).toContain('[Non merci]');
    expect(await say('offer', '', { intent: 'notifications', choice: 'declined', label: 'Non merci' })).toContain('pas de notifications');
  });

  it('tells a subscribed user once about a signed event, in their conversation', async () => {
    const applicantId = await subscribed('signed', '0691124000101GDPUB');
    const event = stageChanged(applicantId);
    const answer = await postPortalEvent(bot().botUrl, event);
    expect(answer.status).toBe(202);
    await bot().channel.waitFor('signed', () => notificationsIn('signed').length > 0);
    const text = allText(notificationsIn('signed'));
    expect(text).toContain('Votre candidature pour le T3 à Villeurbanne a avancé');
    expect(text).toContain('présentée à la commission');
    expect(text).toContain('[Ne plus être prévenu]');
  });

  it('refuses a bad signature with 401 and tells no one', async () => {
    const applicantId = await subscribed('forged', '0691124000101GDPUB');
    const event = stageChanged(applicantId);
    expect((await postPortalEvent(bot().botUrl, event, { secret: 'not-the-secret-not-the-secret-not-the' })).status).toBe(401);
    expect((await postPortalEvent(bot().botUrl, event, { signature: null })).status).toBe(401);
    expect((await postPortalEvent(bot().botUrl, event, { timestampSeconds: Math.floor(Date.now() / 1000) - 3600 })).status).toBe(401);
    // The same event, signed, afterwards: it was never taken for received.
    expect((await postPortalEvent(bot().botUrl, event)).status).toBe(202);
    await delivered(event.eventId);
    expect(notificationsIn('forged')).toHaveLength(1);
  });

  it('tells an event received twice only once', async () => {
    const applicantId = await subscribed('twice', '0590923000555GDPUB');
    const event = {
      eventId: uniqueEventId('offer'),
      type: 'offer.received',
      applicantId,
      occurredAt: new Date().toISOString(),
      data: { applicationId: 'c-1', offerLabel: 'T4 à Lille', rank: 1, answerDueDate: '2026-12-03' },
    };
    expect((await postPortalEvent(bot().botUrl, event)).status).toBe(202);
    expect(await postPortalEvent(bot().botUrl, event)).toEqual({ status: 200, body: { status: 'duplicate' } });
    await delivered(event.eventId);
    expect(allText(notificationsIn('twice'))).toContain('Un logement vous est proposé\u00a0: T4 à Lille, rang 1. Répondez avant le 3 décembre 2026');
    expect(notificationsIn('twice')).toHaveLength(1);
  });

  it('answers 400 to an event it does not know, and 401 before reading an unsigned one', async () => {
    const { status, body } = await postPortalEvent(bot().botUrl, { eventId: 'x-1', type: 'lottery.won', applicantId: 'A', occurredAt: new Date().toISOString(), data: {} });
    expect(status).toBe(400);
    expect(body).toMatchObject({ code: 'BadRequest' });
    expect((await postPortalEvent(bot().botUrl, { nonsense: true }, { signature: 'sha256=00' })).status).toBe(401);
  });

  it('stops when the user says so, and the next event reaches no one', async () => {
    const applicantId = await subscribed('stop', '0131025000303GDPUB');
    expect(await say('stop', 'arrêter les notifications')).toContain('je ne vous enverrai plus de messages');
    const event = stageChanged(applicantId);
    await postPortalEvent(bot().botUrl, event);
    await delivered(event.eventId);
    expect(notificationsIn('stop')).toHaveLength(0);
    expect(await say('stop', 'notifications')).toContain('sont désactivées. Voulez-vous les activer\u00a0?');
  });

  it('stops with the link: an unlinked user is not told', async () => {
    const applicantId = await subscribed('unlinked', '0310224000404GDPUB');
    await say('unlinked', 'délier mon numéro');
    await say('unlinked', 'oui');
    const event = stageChanged(applicantId, 'refused');
    await postPortalEvent(bot().botUrl, event);
    await delivered(event.eventId);
    expect(notificationsIn('unlinked')).toHaveLength(0);
  });

  it('counts the portal events and the messages sent on /metrics', async () => {
    const metrics = await (await fetch(`${bot().botUrl}/metrics`)).text();
    const value = (series: string) => Number(metrics.split('\n').find((line) => line.startsWith(`${series} `))?.split(' ')[1] ?? 0);
    expect(value('alin_portal_events_total{outcome="refused"}')).toBeGreaterThanOrEqual(3);
    expect(value('alin_portal_events_total{outcome="duplicate"}')).toBeGreaterThanOrEqual(1);
    expect(value('alin_portal_events_total{outcome="invalid"}')).toBeGreaterThanOrEqual(1);
    expect(value('alin_notifications_sent_total')).toBeGreaterThanOrEqual(3);
  });

  it('asks for the number first when nothing is linked', async () => {
    expect(await say('nobody', 'notifications')).toContain("liez d'abord votre numéro unique");
  });

  it('warns once, in the daily check, that a request must be renewed, and that one expired', async () => {
    await subscribed('karim', '1110325004242GDPUB');
    await subscribed('sophie', '0330624000777GDPUB');
    expect(await bot().app.runDailyDossierCheck()).toBeGreaterThanOrEqual(2);
    await bot().channel.waitFor('karim', () => notificationsIn('karim').length > 0);
    await bot().channel.waitFor('sophie', () => notificationsIn('sophie').length > 0);
    expect(allText(notificationsIn('karim'))).toContain('doit être renouvelée avant le');
    expect(allText(notificationsIn('sophie'))).toContain('Votre demande a expiré le');

    await bot().app.runDailyDossierCheck();
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(notificationsIn('karim')).toHaveLength(1);
    expect(notificationsIn('sophie')).toHaveLength(1);
  });
});

describe('quiet hours', () => {
  // 23:00 in Paris (UTC+1 in November).
  const lateEvening = new Date('2026-11-23T22:00:00Z');
  let simulator: Awaited<ReturnType<typeof simulatorWithClock>>;
  let bot: BotHarness;
  beforeAll(async () => {
    simulator = await simulatorWithClock();
    bot = await BotHarness.start({ PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, NOTIFY_SECRET: TEST_NOTIFY_SECRET }, { now: () => lateEvening });
  });
  afterAll(async () => {
    await bot.stop();
    await simulator.close();
  });

  it('defers a message that falls between 21:00 and 08:00 to 08:00', async () => {
    await bot.say('night', "mon numéro c'est 0691124000101GDPUB");
    await bot.say('night', await simulator.outboxCode());
    await bot.say('night', '', { value: SUBSCRIBE });
    const key = 'user:emulator:user-night';
    const applicantId = ((await bot.app.storage.read([key]))[key] as { link: { applicantId: string } }).link.applicantId;
    const answer = await postPortalEvent(bot.botUrl, stageChanged(applicantId), { timestampSeconds: lateEvening.getTime() / 1000 });
    expect(answer).toEqual({ status: 202, body: { status: 'accepted', deliverAt: '2026-11-24T07:00:00.000Z' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(allText(bot.channel.messages('night'))).not.toContain(NEWS);
  });
});
