import type { Activity } from 'botbuilder';
import { allText } from '../support/botHarness';
import { conversationsWithPortal } from '../support/portalConversations';

const JULIE = '0691124000101GDPUB';
const today = () => new Date().toISOString().slice(0, 10);
const VERDICT_SENTENCE = 'on est 3 à Lyon, mon mari, moi et notre fille, avec 40 000 € de revenu fiscal, suis-je éligible ?';

describe('"Utile ? 👍 👎" under the answers that end a task', () => {
  const { running, say, sayWith, link } = conversationsWithPortal();
  const counts = () => running().bot.app.answerFeedback.countsOf(today());

  it('asks under an eligibility verdict, and after 👎 asks what was wrong, with a person offered', async () => {
    const verdict = await say('verdict', VERDICT_SENTENCE);
    expect(verdict).toContain('Catégorie de ménage');
    expect(verdict).toContain('Utile\u00a0?');
    expect(verdict).toContain('[👍]');
    const down = await say('verdict', '', { intent: 'faq', feedback: 'notUseful', answer: 'eligibility', label: '👎' });
    expect(down).toContain('Qu\'est-ce qui n\'allait pas\u00a0?');
    expect(down).toContain('[Ce n\'est pas clair]');
    expect(down).toContain('[Parler à une personne]');
    const reason = await say('verdict', '', { intent: 'faq', feedbackReason: 'unclear', answer: 'eligibility', label: 'Ce n\'est pas clair' });
    expect(reason).toContain('C\'est noté, merci');
    expect(await counts()).toMatchObject({ 'eligibility|fr|emulator|notUseful': 1, 'eligibility|fr|emulator|reason:unclear': 1 });
  });

  it('asks under a dossier status, in English too, and thanks a 👍', async () => {
    await link('status-feedback', JULIE);
    const status = allText(await running().bot.say('status-feedback', 'my file', { locale: 'en-US' }));
    expect(status).toContain('Useful?');
    const up = await sayWith('status-feedback', '', { locale: 'en-US', value: { intent: 'faq', feedback: 'useful', answer: 'status' } });
    expect(up).toContain('Thanks for your feedback!');
    expect(await counts()).toMatchObject({ 'status|en|emulator|useful': 1 });
  });

  it('asks under the documents to provide', async () => {
    await say('documents', 'koi comme papiers pr ma demande');
    await say('documents', 'célibataire');
    await say('documents', 'salaire');
    const list = await say('documents', 'aucun');
    expect(list).toContain('Les pièces justificatives de votre demande');
    expect(list).toContain('Utile\u00a0?');
    await say('documents', '', { intent: 'faq', feedback: 'useful', answer: 'documents' });
    expect(await counts()).toMatchObject({ 'documents|fr|emulator|useful': 1 });
  });

  it('keeps a 👍 pressed in the middle of a step, and asks the step again', async () => {
    const question = await say('mid-step', 'suis-je éligible ?');
    const seen = await say('mid-step', '', { intent: 'faq', feedback: 'useful', answer: 'status' });
    expect(seen).toContain('Merci pour votre retour');
    expect(seen.split('\n').at(-1)).toBe(question.split('\n').at(-1));
  });

  it('ignores a forged answer key (nothing counted, no crash)', async () => {
    const before = await counts();
    await say('forged', '', { intent: 'faq', feedback: 'useful', answer: '<script>'.repeat(20) });
    expect(await counts()).toEqual(before);
  });

  describe('in Teams, its own feedback buttons', () => {
    const teams = (fields: Partial<Activity> & { type: string }) =>
      running().bot.send('teams-feedback', { channelId: 'msteams', from: { id: 'teams-user', name: 'Employee' }, ...fields });

    it('asks Teams for them on the answer, draws none of its own, and counts a 👎 for that answer', async () => {
      const { messages } = await teams({ type: 'message', text: VERDICT_SENTENCE });
      const answer = messages.find((message) => (message.channelData as { feedbackLoopEnabled?: boolean } | undefined)?.feedbackLoopEnabled);
      expect(answer).toBeDefined();
      expect(allText(messages)).not.toContain('[👍]');
      expect(allText(messages)).not.toContain('Utile');
      const { status } = await teams({
        type: 'invoke',
        name: 'message/submitAction',
        replyToId: answer?.id ?? 'answer',
        value: { actionName: 'feedback', actionValue: { reaction: 'dislike', feedback: '{"feedbackText":"mon tel 06 12 34 56 78"}' } },
      });
      expect(status).toBe(200);
      const counted = await counts();
      expect(counted['eligibility|fr|msteams|notUseful']).toBe(1);
      // The comment typed in Teams is not kept anywhere.
      expect(JSON.stringify(counted)).not.toContain('06 12');
    });

    it('refuses a feedback invoke of the wrong shape before it reaches the conversation', async () => {
      const { status } = await teams({ type: 'invoke', name: 'message/submitAction', value: { actionName: 'feedback', actionValue: { reaction: 'love' } } });
      expect(status).toBe(400);
    });
  });
});
