import { MiniSearchKnowledgeBase } from '../../services/knowledge/knowledgeSearch';
import { allText, BotHarness } from '../support/botHarness';
import { QNA_STUB_KEY, QuestionAnsweringStub } from './questionAnsweringStub';

/**
 * The Azure path: botbuilder-ai's CustomQuestionAnswering against a local stub of the custom question
 * answering runtime, serving the base `npm run knowledge:export` writes; then its error and timeout
 * fallbacks to the local search.
 */
describe('questions answered by Azure custom question answering', () => {
  const stub = new QuestionAnsweringStub();
  const knowledge = MiniSearchKnowledgeBase.fromLocales();
  let bot: BotHarness;

  beforeAll(async () => {
    const endpoint = await stub.start();
    bot = await BotHarness.start({ QNA_ENDPOINT: endpoint, QNA_KEY: QNA_STUB_KEY, QNA_TIMEOUT_MS: '400' }, { knowledge });
  });
  afterAll(async () => {
    await bot.stop();
    await stub.stop();
  });
  beforeEach(() => {
    stub.mode = 'ok';
    stub.calls.length = 0;
  });

  it('asks the project of the turn language, with the key, and renders the entry named in the answer metadata', async () => {
    const entry = knowledge.entry('number-where', 'en')!;
    const seen = allText(await bot.say('qna-en', entry.questions[0]!, { locale: 'en-GB' }));
    expect(seen).toContain(entry.answer);
    expect(seen).toContain(`Source: ${entry.source}`);
    expect(stub.calls.at(-1)).toMatchObject({ path: '/language/:query-knowledgebases', projectName: 'alin-assistant-en', deploymentName: 'production', apiVersion: '2021-10-01', key: QNA_STUB_KEY });
    expect(stub.calls.at(-1)!.body.question).toBe(entry.questions[0]);
  });

  it("leaves the process's own fetch in place (botbuilder-ai swaps in node-fetch when loaded)", async () => {
    const ownFetch = globalThis.fetch;
    await bot.say('qna-fetch', 'où trouver mon numéro unique ?', { locale: 'fr-FR' });
    expect(stub.calls.length).toBeGreaterThan(0);
    expect(globalThis.fetch).toBe(ownFetch);
  });

  it('answers in French from the French project', async () => {
    const entry = knowledge.entry('validity-duration', 'fr')!;
    const seen = allText(await bot.say('qna-fr', entry.questions[0]!, { locale: 'fr-FR' }));
    expect(seen).toContain(entry.answer);
    expect(stub.calls.at(-1)).toMatchObject({ projectName: 'alin-assistant-fr' });
  });

  it.each(['error', 'hang'] as const)('falls back on the local search when the service is in %s', async (mode) => {
    stub.mode = mode;
    const entry = knowledge.entry('number-where', 'fr')!;
    const seen = allText(await bot.say(`qna-${mode}`, 'ou je trouve mon numero unique ?', { locale: 'fr-FR' }));
    expect(stub.calls.length).toBeGreaterThan(0);
    expect(seen).toContain(entry.answer);
  });
});
