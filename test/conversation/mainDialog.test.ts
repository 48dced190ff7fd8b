import { allText, BotHarness } from '../support/botHarness';
import { FailingDialog, SlowWorkDialog, TwoQuestionsDialog } from '../support/standInDialogs';

describe('the main dialog, with stand-in feature dialogs', () => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start({ TURN_ANSWER_BUDGET_MS: '150' }, {
      featureDialogs: (services) => [new TwoQuestionsDialog(), new FailingDialog(), new SlowWorkDialog(services, 600)],
    });
  });
  afterAll(() => bot.stop());

  it('routes a button press to its dialog and runs it to the end', async () => {
    expect(allText(await bot.say('route', '', { value: { intent: 'eligibility' } }))).toContain('Question 1');
    expect(allText(await bot.say('route', '3'))).toContain('Question 2');
    expect(allText(await bot.say('route', 'Lyon'))).toContain('Réponses : 3 à Lyon');
  });

  it('answers help in the middle of a step, then asks the same question again', async () => {
    await bot.say('help-mid', 'suis-je éligible ?');
    const seen = allText(await bot.say('help-mid', 'aide'));
    expect(seen).toContain('Écrivez simplement');
    expect(seen).toContain('Question 1');
    expect(allText(await bot.say('help-mid', '2'))).toContain('Question 2');
  });

  it('cancels in the middle of a step with "annuler" and shows the menu', async () => {
    await bot.say('cancel-mid', '', { value: { intent: 'eligibility' } });
    await bot.say('cancel-mid', '4');
    const seen = allText(await bot.say('cancel-mid', 'annuler'));
    expect(seen).toContain("C'est annulé.");
    expect(seen).toContain('[Chercher un logement]');
    // The next answer is not taken as the city: the dialog is gone.
    expect(allText(await bot.say('cancel-mid', 'Lyon'))).not.toContain('Réponses');
  });

  it('goes back to the menu from a step with "menu"', async () => {
    await bot.say('menu-mid', '', { value: { intent: 'eligibility' } });
    const seen = allText(await bot.say('menu-mid', 'menu'));
    expect(seen).toContain('Que souhaitez-vous faire\u00a0?');
    expect(allText(await bot.say('menu-mid', '3'))).not.toContain('Question 2');
  });

  it('says honestly when a task is not available yet', async () => {
    expect(allText(await bot.say('soon', '', { value: { intent: 'searchOffers' } }))).toContain('arrive bientôt');
  });

  it('offers the main tasks when it did not understand', async () => {
    const seen = allText(await bot.say('unknown', 'xyzzy plugh'));
    expect(seen).toContain('Je n\'ai pas compris «\u00a0xyzzy plugh\u00a0»');
    expect(seen).toContain('[Où en est mon dossier\u00a0?]');
  });

  it('keeps an explicit language choice for the next turns', async () => {
    expect(allText(await bot.say('lang', 'english'))).toContain('I will continue in English.');
    expect(allText(await bot.say('lang', 'aide'))).toContain('Just write what you are looking for');
    expect(allText(await bot.say('lang', 'en français'))).toContain('Je continue en français.');
  });

  it('apologises in the user language when a turn fails, sends nothing from the failed turn, and saves nothing', async () => {
    await bot.say('failing', 'english');
    const before = await bot.app.storage.read(['conversation:emulator:failing', 'user:emulator:user-failing']);
    const seen = allText(await bot.say('failing', '', { value: { intent: 'status' } }));
    expect(seen).toContain('Sorry, a technical problem prevented me from answering.');
    expect(seen).not.toContain('cette réponse ne doit jamais partir');
    const after = await bot.app.storage.read(['conversation:emulator:failing', 'user:emulator:user-failing']);
    expect(after['user:emulator:user-failing']).toEqual(before['user:emulator:user-failing']);
    expect(after['conversation:emulator:failing']).not.toHaveProperty('halfWritten');
    // The next message starts afresh and is answered.
    expect(allText(await bot.say('failing', 'help'))).toContain('Just write');
  });

  it('logs a failed turn with the conversation id and without the personal data in the error', async () => {
    await bot.say('failing-log', '', { value: { intent: 'status' } });
    const failure = bot.logLines().find((line) => line.includes('turn failed') && line.includes('failing-log'));
    expect(failure).toBeDefined();
    expect(failure).not.toContain('0691124000101GDPUB');
  });

  it('answers slow work with a holding message now and the result later, proactively', async () => {
    const seen = allText(await bot.say('slow', '', { value: { intent: 'documents' } }));
    expect(seen).toContain('Je m\'en occupe');
    expect(seen).not.toContain('résultat prêt');
    await bot.channel.waitFor('slow', (activities) => activities.some((activity) => activity.text === 'résultat prêt'), 5000);
  });

  it('keeps a redacted transcript of the conversation in its state', async () => {
    await bot.say('transcript', 'mon numéro est 0691124000101GDPUB et mon mail jean@exemple.fr');
    const stored = await bot.app.storage.read(['conversation:emulator:transcript']);
    const transcript = JSON.stringify(stored['conversation:emulator:transcript']);
    expect(transcript).toContain('[NUR]');
    expect(transcript).toContain('[EMAIL]');
    expect(transcript).not.toContain('0691124000101GDPUB');
  });
});
