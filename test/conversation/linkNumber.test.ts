import { allText, BotHarness } from '../support/botHarness';
import { PORTAL_TOKEN, simulatorWithClock } from '../support/simulatorClock';

const JULIE = '069 1124 000101 gdpub';
const UNKNOWN = '099-0101-999999-ZZZZZ';

describe('linking the unique number', () => {
  let simulator: Awaited<ReturnType<typeof simulatorWithClock>>;
  let bot: BotHarness;
  let conversation = 0;
  let current = '';
  const say = async (text: string) => allText(await bot.say(current, text));
  const startConversation = () => (current = `link-${++conversation}`);
  const storedUser = async () => (await bot.app.storage.read([`user:emulator:user-${current}`]))[`user:emulator:user-${current}`] as Record<string, unknown> | undefined;

  beforeAll(async () => {
    simulator = await simulatorWithClock();
    bot = await BotHarness.start({ PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, LINK_ATTEMPTS_PER_HOUR: '100' });
  });
  afterAll(async () => {
    await bot.stop();
    await simulator.close();
  });
  beforeEach(() => startConversation());

  it('links a demo account with the code from the outbox, explaining where the number is found', async () => {
    const asked = await say('lier mon numéro');
    expect(asked).toContain('attestation d\'enregistrement');
    expect(asked).toContain('Quel est votre numéro unique\u00a0?');
    expect(await say(JULIE)).toContain('code à 6 chiffres à l\'adresse enregistrée sur votre demande (j***@e***.fr)');
    expect(await say(await simulator.outboxCode())).toContain('C\'est fait, Julie\u00a0: votre demande n°\u00a0069');
    expect(await storedUser()).toMatchObject({ link: { applicantId: expect.any(String), maskedNur: expect.stringMatching(/^069\*+01GDPUB$/) } });
  });

  it('offers a linked user their applications in the menu, not linking the number again', async () => {
    expect(await say('menu')).toContain('Lier mon numéro unique');
    await say(`mon numéro c'est ${JULIE}`);
    await say(await simulator.outboxCode());
    const menu = await say('menu');
    expect(menu).toContain('[Mes candidatures]');
    expect(menu).not.toContain('Lier mon numéro unique');
  });

  it('takes the number inside a sentence, typed with dashes and lower case', async () => {
    expect(await say('mon numéro c\'est 069-1124-000101-gdpub')).toContain('code à 6 chiffres');
  });

  it('explains the expected shape when the text is not a number, and asks again', async () => {
    await say('lier mon numéro');
    const retried = await say('12345');
    expect(retried).toContain('13 chiffres suivis de 5 lettres ou chiffres');
  });

  it('answers a question about the number at its prompt, then after two misses says where to find it and offers a person', async () => {
    await say('lier mon numéro');
    const explained = await say('c\'est quoi ce numéro ?');
    expect(explained).toContain('attestation d\'enregistrement');
    expect(explained).not.toContain('Je n\'ai pas reconnu');
    const help = await say('jsais pas');
    expect(help).toContain('demande-logement-social.gouv.fr');
    expect(help).toContain('Parler à un conseiller');
    expect(help).not.toContain('Pouvez-vous le retaper');
    expect(await say('jle trouve pas')).toContain('revenez quand vous l\'aurez sous les yeux');
  });

  it('lets a new request through the number prompt and the code prompt', async () => {
    await say('lier mon numéro');
    expect(await say('en fait laisse, je cherche un T2 a Lyon')).toMatch(/offres? à Lyon/);
    startConversation();
    await say(JULIE);
    const notReceived = await say('jai rien recu sur ma boite mail');
    expect(notReceived).toContain('courriers indésirables');
    expect(notReceived).not.toContain('Le code compte 6 chiffres');
  });

  it('says how many tries are left after a wrong code, then accepts the right one', async () => {
    await say(`mon numéro c'est ${JULIE}`);
    const code = await simulator.outboxCode();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    expect(await say(wrong)).toContain('Ce code ne correspond pas. Il vous reste 4 essais.');
    expect(await say(code)).toContain('est liée');
  });

  it('locks after five wrong codes', async () => {
    await say(`mon numéro c'est ${JULIE}`);
    const code = await simulator.outboxCode();
    const wrong = String((Number(code) + 1) % 1_000_000).padStart(6, '0');
    for (let attempt = 0; attempt < 4; attempt++) await say(wrong);
    expect(await say(wrong)).toContain('Trop de codes erronés');
    expect(await storedUser()).not.toHaveProperty('link');
  });

  it('offers a new code when the code expired, and links with the new one', async () => {
    await say(`mon numéro c'est ${JULIE}`);
    const oldCode = await simulator.outboxCode();
    simulator.advance(11 * 60 * 1000);
    expect(await say(oldCode)).toContain('Ce code a expiré. Voulez-vous en recevoir un nouveau\u00a0?');
    expect(await say('oui')).toContain('code à 6 chiffres');
    expect(await say(await simulator.outboxCode())).toContain('est liée');
  });

  it('answers an unknown number with the same words as a known one', async () => {
    const known = await say(`mon numéro c'est ${JULIE}`);
    startConversation();
    const unknown = await say(`mon numéro c'est ${UNKNOWN}`);
    const template = (text: string) => text.replace(/\([^)]*@[^)]*\)/, '(…)');
    expect(template(unknown)).toEqual(template(known));
  });

  it('stops cleanly when the user cancels in the middle', async () => {
    await say(`mon numéro c'est ${JULIE}`);
    expect(await say('annuler')).toContain('C\'est annulé.');
    expect(await say(await simulator.outboxCode())).not.toContain('est liée');
    expect(await storedUser()).not.toHaveProperty('link');
  });

  it('tells a linked user so, and re-links only when asked', async () => {
    await say(`mon numéro c'est ${JULIE}`);
    await say(await simulator.outboxCode());
    expect(await say('lier mon numéro')).toContain('est déjà liée depuis le');
    expect(await say('non')).toContain('reste liée');
    await say('lier mon numéro');
    expect(await say('oui')).toContain('Quel est votre numéro unique');
  });

  it('unlinks after confirmation', async () => {
    await say(`mon numéro c'est ${JULIE}`);
    await say(await simulator.outboxCode());
    expect(await say('délier mon numéro')).toContain('Voulez-vous délier la demande');
    expect(await say('oui')).toContain('n\'est plus liée');
    expect(await storedUser()).not.toHaveProperty('link');
    expect(await say('délier')).toContain('il n\'y a rien à délier');
  });

  it('deletes everything after confirmation, and keeps it when the user says no', async () => {
    await say(`mon numéro c'est ${JULIE}`);
    await say(await simulator.outboxCode());
    await say('supprimer mes données');
    expect(await say('non')).toContain('rien n\'a changé');
    expect(await storedUser()).toHaveProperty('link');
    await say('supprimer mes données');
    expect(await say('oui')).toContain('tout ce que je gardais sur vous est effacé');
    expect(await storedUser()).toBeUndefined();
    expect((await bot.app.storage.read([`conversation:emulator:${current}`]))[`conversation:emulator:${current}`]).toBeUndefined();
  });

  it('checks the current employer\'s SIRET when the employer on file does not contribute, explaining why', async () => {
    await say('mon numéro c\'est 069 1025 000707 GDPUB');
    const linked = await say(await simulator.outboxCode());
    expect(linked).toContain('C\'est fait, Inès');
    expect(linked).toContain('AL-in est réservé aux salariés des entreprises du secteur privé qui cotisent à Action Logement');
    expect(await say('842 159 303 00011')).toContain('Un SIRET compte 14 chiffres et se vérifie par une clé de contrôle');
    expect(await say('842 159 303 00010')).toContain('Rhône Logistique SAS cotise à Action Logement');
    expect(await storedUser()).toHaveProperty('link');
  });

  it('tells what it keeps about the user', async () => {
    const notice = await say('mes données');
    expect(notice).toContain('Ce que je garde sur vous');
    expect(notice).toContain('90 jours');
    expect(notice).toContain('[Supprimer mes données]');
  });

  it('never writes a unique number in clear in the logs', () => {
    const logs = bot.logLines().join('\n');
    expect(logs.replace(/[\s-]/g, '')).not.toMatch(/0691124000101GDPUB|0990101999999ZZZZZ/i);
  });

});

describe('the limit on link attempts', () => {
  it('stops a user after the limit, with a clear time to wait, and a number tried from several users', async () => {
    const simulator = await simulatorWithClock();
    const bot = await BotHarness.start({ PORTAL_BASE_URL: simulator.url, PORTAL_TOKEN, LINK_ATTEMPTS_PER_HOUR: '3' });
    try {
      const attempt = async (conversationId: string) => {
        const answer = allText(await bot.say(conversationId, `mon numéro c'est ${UNKNOWN}`));
        await bot.say(conversationId, 'annuler');
        return answer;
      };
      for (let index = 0; index < 3; index++) expect(await attempt('limit-user')).toContain('code à 6 chiffres');
      expect(await attempt('limit-user')).toMatch(/Trop de tentatives de liaison. Réessayez dans \d+ minutes?\./);
      // Another chat user trying the same number: the number's own limit applies.
      expect(await attempt('limit-other-user')).toContain('Trop de tentatives de liaison');
    } finally {
      await bot.stop();
      await simulator.close();
    }
  });
});
