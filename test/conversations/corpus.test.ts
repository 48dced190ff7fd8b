import { loadCorpus } from '../../scripts/conversations/corpus';
import { KNOWN_FAILURES_FILE, readKnownFailures } from '../../scripts/conversations/knownFailures';
import { formatTranscript, ScenarioRunner, type ScenarioResult } from '../../scripts/conversations/runScenarios';

/**
 * The conversation corpus (test/conversations/*.json, never the held-out folder) played against the
 * real assistant, one test per scenario. A ratchet: known-failures.json lists what fails today; every
 * other scenario must pass, and a listed one that now passes must come off the list.
 */
const corpus = loadCorpus();
const knownFailures = readKnownFailures();

describe('the conversation corpus', () => {
  let runner: ScenarioRunner | undefined;
  const results = new Map<string, ScenarioResult>();

  beforeAll(async () => {
    runner = await ScenarioRunner.start();
    // All scenarios at once in a few lanes (the bot serialises turns per conversation, and each scenario
    // has its own); each test then reads its result.
    for (const result of await runner.runAll(corpus.scenarios, { concurrency: 4 })) results.set(result.id, result);
  }, 600_000);

  afterAll(async () => {
    await runner?.stop();
  });

  it('is well formed: every file fits the schema, ids are unique', () => {
    expect(corpus.problems).toEqual([]);
  });

  it('is written mostly in French, as applicants write, each scenario under its own feature', () => {
    const french = corpus.scenarios.filter((scenario) => scenario.language === 'fr').length;
    expect(french / corpus.scenarios.length).toBeGreaterThanOrEqual(0.7);
    expect(corpus.scenarios.filter((scenario) => !scenario.id.startsWith(`${scenario.feature}-`)).map((scenario) => scenario.id)).toEqual([]);
  });

  it(`lists in ${KNOWN_FAILURES_FILE} only scenarios of the corpus`, () => {
    const ids = new Set(corpus.scenarios.map((scenario) => scenario.id));
    expect([...knownFailures].filter((id) => !ids.has(id))).toEqual([]);
  });

  describe.each(['passes', 'still fails (known failure)'] as const)('scenarios that %s', (kind) => {
    const scenarios = corpus.scenarios.filter((scenario) => knownFailures.has(scenario.id) === (kind !== 'passes'));
    if (scenarios.length === 0) return it.skip('(none)', () => undefined);
    it.each(scenarios.map((scenario) => [scenario.id]))('%s', (id) => {
      const result = results.get(id);
      if (!result) throw new Error(`${id} was not played`);
      if (kind === 'passes' && !result.passed) throw new Error(`This scenario fails:\n${formatTranscript(result, { withSetup: result.error !== undefined })}`);
      if (kind !== 'passes' && result.passed) throw new Error(`${id} passes now: take it off ${KNOWN_FAILURES_FILE}.`);
    });
  });
});
