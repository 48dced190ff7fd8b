import { conversationsWithPortal } from '../support/portalConversations';

/**
 * After an urgent situation is handed to a person (or the person declines), the task they came with is
 * offered again, with what they had already said.
 */
describe('back to the task after an urgent ticket', () => {
  const { say } = conversationsWithPortal();

  it('asks the step in progress again, with the values already given, after the ticket', async () => {
    await say('mid-form', 'suis-je éligible ?');
    expect(await say('mid-form', 'Villeurbanne')).toContain('Combien de personnes');
    const urgent = await say('mid-form', "mon mari me frappe, j'ai peur de rentrer");
    // The numbers first, then the person offered: not the applications nor anything else the story was mistaken for.
    expect(urgent).toMatch(/^Si vous êtes en danger, n'attendez pas\u00a0:\n- (17|3919)\u00a0: /);
    expect(urgent).toContain('3919');
    expect(urgent).not.toContain('numéro unique');
    const sent = await say('mid-form', 'oui');
    expect(sent).toMatch(/ticket n°/);
    expect(sent).toContain('reprenons là où nous en étions');
    // The place given before is kept: the question is the one after it.
    expect(sent.split('\n').at(-1)).toContain('Combien de personnes');
    expect(await say('mid-form', '2')).toContain('revenu fiscal de référence');
  });

  it('does not take an urgent story for a task it does not name', async () => {
    const urgent = await say('story-only', "mon mari me frappe, j'ai peur de rentrer");
    expect(urgent).toMatch(/^Si vous êtes en danger, n'attendez pas\u00a0:\n- (17|3919)\u00a0: /);
    expect(urgent).toContain('D\'accord\u00a0?');
    expect(urgent).not.toContain('numéro unique');
  });

  it('goes back to the step when the ticket is declined too', async () => {
    await say('declined', 'suis-je éligible ?');
    await say('declined', 'Lyon');
    await say('declined', 'on dort dans la voiture depuis une semaine');
    const declined = await say('declined', 'non');
    expect(declined).toContain('je ne transmets rien');
    expect(declined.split('\n').at(-1)).toContain('Combien de personnes');
  });

  it('offers the search the urgent message asked for, with its criteria, after the ticket', async () => {
    const urgent = await say('search-after', "on est expulsés la semaine prochaine avec mes 2 enfants et on a nulle part où aller, il faudrait un T3 à Lyon");
    expect(urgent).toContain('115');
    const sent = await say('search-after', 'oui');
    expect(sent).toMatch(/ticket n°/);
    expect(sent).toContain('[Reprendre ma recherche de logement]');
    const results = await say('search-after', '', { intent: 'searchOffers', resumeTask: true, label: 'Reprendre ma recherche de logement' });
    expect(results).toMatch(/T3/);
    expect(results).toMatch(/Lyon/);
  });
});
