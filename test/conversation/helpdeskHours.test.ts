import { allText, BotHarness } from '../support/botHarness';

/** The answer after a ticket: who answers (by audience) and when (opening hours, public holidays). */
describe.each`
  when                                      | now                        | expected
  ${'on a Saturday'}                        | ${'2026-12-05T10:00:00Z'}  | ${'répondra ici même lundi 7 décembre à partir de 9\u00a0h.'}
  ${'on Christmas Day (a Friday)'}          | ${'2026-12-25T10:00:00Z'}  | ${'répondra ici même lundi 28 décembre à partir de 9\u00a0h.'}
  ${'on a Monday morning'}                  | ${'2026-12-07T09:00:00Z'}  | ${"le service est ouvert aujourd'hui jusqu'à 18\u00a0h."}
`('a ticket opened $when', ({ now, expected }) => {
  let bot: BotHarness;
  beforeAll(async () => {
    bot = await BotHarness.start({}, { now: () => new Date(now as string) });
  });
  afterAll(() => bot.stop());

  it('tells a website applicant an Action Logement advisor answers, and when', async () => {
    await bot.say('web', 'je voudrais parler à un conseiller');
    expect(allText(await bot.say('web', 'une question sur une offre'))).toContain('un conseiller Action Logement');
    const sent = allText(await bot.say('web', 'oui'));
    expect(sent).toContain(expected);
    expect(sent).not.toContain('service RH');
  });

  it('tells an employee on Teams the HR helpdesk answers', async () => {
    const teams = { channelId: 'msteams', from: { id: 'employee-1', name: 'Employee', aadObjectId: '00000000-0000-0000-0000-0000000000b2' } };
    await bot.say('teams', 'je voudrais parler à un conseiller', teams);
    expect(allText(await bot.say('teams', 'une question sur une offre', teams))).toContain('un conseiller du service RH');
    expect(allText(await bot.say('teams', 'oui', teams))).toMatch(/service RH/);
  });
});
