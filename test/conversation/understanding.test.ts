import { allText, BotHarness } from '../support/botHarness';

describe('understanding people: language, personal data, misunderstanding', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start();
  });
  afterAll(() => bot.stop());

  const storedTranscript = async (conversation: string) =>
    JSON.stringify((await bot.app.storage.read([`conversation:emulator:${conversation}`]))[`conversation:emulator:${conversation}`] ?? {});

  it('switches to English when a French conversation gets a message clearly in English, with a button back', async () => {
    await bot.say('switch', 'bonjour');
    const replies = await bot.say('switch', 'Hello, I would like to know where my housing application stands please');
    expect(allText(replies)).toContain('You are writing in English: I will continue in English.');
    const offer = replies.find((reply) => reply.suggestedActions);
    expect(offer?.suggestedActions?.actions[0]?.title).toBe('Continuer en français');
    const back = await bot.say('switch', 'Continuer en français', { value: offer?.suggestedActions?.actions[0]?.value });
    expect(allText(back)).toMatch(/[Jj]e continue en français\./);
  });

  it('does not switch on a number, a code or a place name', async () => {
    for (const text of ['069 1124 000101 gdpub', '123456', 'Lyon', 'T3']) {
      expect(allText(await bot.say('no-switch', text))).not.toContain('I will continue in English');
    }
  });

  it.each([
    ['a social security number', 'mon numéro de sécu est 1 85 05 78 006 084 91', 'votre numéro de sécurité sociale', /1\s?85\s?05/],
    ['an IBAN', 'voici mon RIB FR76 3000 6000 0112 3456 7890 189 pour le loyer', 'vos coordonnées bancaires', /FR76\s?3000/],
    ['a card number', 'ma carte 4970 1012 3456 7893 si besoin', 'votre numéro de carte bancaire', /4970\s?1012/],
  ])('says it never needs %s and keeps none of it', async (_kind, text, named, digits) => {
    const conversation = `pii-${_kind.replace(/\s/g, '-')}`;
    const seen = allText(await bot.say(conversation, text));
    expect(seen).toContain(`Je n'ai pas besoin de ${named}`);
    expect(await storedTranscript(conversation)).not.toMatch(digits);
    expect(bot.logLines().join('\n')).not.toMatch(digits);
  });

  it('traces each recognition for the Emulator, with the text already redacted', async () => {
    await bot.say('trace', 'mon mail est jean.dupont@exemple.fr, je cherche un T3 à Lyon');
    const trace = bot.channel.activities('trace').find((activity) => activity.type === 'trace' && activity.name === 'Recognizer');
    expect(trace?.valueType).toBe('RecognizerResult');
    const value = trace?.value as { text: string; intent: string; score: number; entities: Record<string, unknown> };
    expect(value.text).toContain('[EMAIL]');
    expect(value.text).not.toContain('jean.dupont');
    expect(value.intent).toBe('searchOffers');
    expect(JSON.stringify(value.entities)).toContain('T3');
  });

  it('leaves an open question when the person says thanks or goodbye, but keeps a yes/no question', async () => {
    expect(allText(await bot.say('thanks-at-place', 'je cherche un logement'))).toContain('Dans quelle ville');
    const thanks = allText(await bot.say('thanks-at-place', 'ok merci'));
    expect(thanks).toContain('Avec plaisir');
    expect(thanks).toContain('Je laisse cette question de côté');
    expect(thanks).not.toContain('Je ne reconnais pas ce lieu');
    // Nothing waits any more: the next message is a new request.
    expect(allText(await bot.say('thanks-at-place', 'un T2 à Lyon'))).toMatch(/offres? à Lyon/);

    expect(allText(await bot.say('thanks-at-yes-no', 'je veux parler à un conseiller'))).toContain('à quel sujet');
    expect(allText(await bot.say('thanks-at-yes-no', 'mon dossier n avance pas'))).toContain("D'accord");
    expect(allText(await bot.say('thanks-at-yes-no', 'merci'))).toMatch(/oui ou par non/);
  });

  it('offers a person after two messages in a row it did not understand', async () => {
    const first = allText(await bot.say('misses', 'xyzzy plugh'));
    expect(first).not.toContain('[Parler à un conseiller]\n[Lier');
    expect(first).not.toContain('Un conseiller peut vous aider');
    const second = allText(await bot.say('misses', 'blorptang quux'));
    expect(second).toContain('Un conseiller peut vous aider');
    // Understood again: the count starts over.
    await bot.say('misses', 'aide');
    expect(allText(await bot.say('misses', 'xyzzy plugh'))).not.toContain('Un conseiller peut vous aider');
  });
});
