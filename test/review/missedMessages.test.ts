import { BotHarness } from '../support/botHarness';

const DAY_MS = 24 * 3600 * 1000;

describe('messages the assistant missed, kept for review', () => {
  let bot: BotHarness;
  let clock = new Date();
  beforeAll(async () => {
    bot = await BotHarness.start({ MISSES_KEPT_DAYS: '30' }, { now: () => clock });
  });
  afterAll(() => bot.stop());
  const kept = () => bot.app.misses.list();

  it('keeps a message not understood, redacted, with the intent guessed and no identity', async () => {
    await bot.say('not-understood', 'zorglub frobnique le bidule 06 12 34 56 78 jean.dupont@example.fr');
    const [miss] = (await kept()).filter((entry) => entry.text.includes('zorglub'));
    expect(miss).toMatchObject({ reason: 'notUnderstood', language: 'fr', channel: 'emulator' });
    expect(miss!.text).not.toContain('06 12 34 56 78');
    expect(miss!.text).not.toContain('jean.dupont');
    const stored = JSON.stringify(await kept());
    expect(stored).not.toContain('user-not-understood');
    expect(stored).not.toContain('not-understood');
  });

  it('keeps the question whose answer was followed by a request for a person', async () => {
    await bot.say('person-after', 'ou je trouve mon numero unique ?');
    await bot.say('person-after', 'je veux parler à un conseiller');
    expect((await kept()).filter((entry) => entry.reason === 'personAsked').map((entry) => entry.text)).toContain('ou je trouve mon numero unique ?');
  });

  it('keeps the question asked again in other words', async () => {
    await bot.say('rephrase', 'combien de temps pour répondre à une proposition de logement');
    await bot.say('rephrase', 'non, combien de temps pour avoir une proposition de logement ?');
    const rephrased = (await kept()).filter((entry) => entry.reason === 'rephrased');
    expect(rephrased.map((entry) => entry.text)).toContain('combien de temps pour répondre à une proposition de logement');
  });

  it('does not take an eligibility question asked again with other figures for a miss', async () => {
    const before = (await kept()).length;
    await bot.say('follow-up', 'on est 3 à Lyon, mon mari, moi et notre fille, avec 40 000 € de revenu fiscal, suis-je éligible ?');
    await bot.say('follow-up', 'et on est 3 à Lyon, mon mari, moi et notre fille, avec 45 000 € de revenu fiscal, suis-je éligible ?');
    expect((await kept()).length).toBe(before);
  });

  it('keeps nothing from a conversation that went well, nor from a button press', async () => {
    const before = (await kept()).length;
    await bot.say('went-well', 'ou je trouve mon numero unique ?');
    await bot.say('went-well', '', { value: { intent: 'faq', feedback: 'useful', answer: 'number-where' } });
    await bot.say('went-well', 'merci');
    expect((await kept()).length).toBe(before);
  });

  it('forgets misses past the retention in the daily job', async () => {
    expect((await kept()).length).toBeGreaterThan(0);
    const start = clock;
    clock = new Date(start.getTime() + 20 * DAY_MS);
    await bot.say('later', 'blorp skadoosh ?');
    clock = new Date(start.getTime() + 31 * DAY_MS);
    await bot.app.runDailyDossierCheck();
    expect((await kept()).map((entry) => entry.text)).toEqual(['blorp skadoosh ?']);
  });
});
