import { normalizeForMatching } from '../../services/shared/normalizeForMatching';
import { loadNluExamples } from '../../dialogs/recognizer/nluExamples';
import { loadCorpus } from '../../scripts/nluCorpus';

/** The held-out corpus of `npm run nlu:eval` stays held out, and big and French enough to mean something. */
describe('the NLU evaluation corpus (test/nlu/corpus.json)', () => {
  const corpus = loadCorpus();
  const training = new Set(loadNluExamples().map((example) => normalizeForMatching(example.text)));

  it('shares no sentence with the training examples, even up to case, accents and punctuation', () => {
    const shared = corpus.utterances.map((utterance) => utterance.text).filter((text) => training.has(normalizeForMatching(text)));
    expect(shared).toEqual([]);
  });

  it('holds at least 300 utterances, at least 70 % of them written in French', () => {
    expect(corpus.utterances.length).toBeGreaterThanOrEqual(300);
    const french = corpus.utterances.filter((utterance) => utterance.written === 'fr').length;
    expect(french / corpus.utterances.length).toBeGreaterThanOrEqual(0.7);
  });

  it('has no utterance twice', () => {
    const texts = corpus.utterances.map((utterance) => normalizeForMatching(utterance.text));
    expect(texts.filter((text, index) => texts.indexOf(text) !== index)).toEqual([]);
  });

  it('labels every FAQ question with its topic, and only those', () => {
    expect(corpus.utterances.filter((utterance) => (utterance.intent === 'faq') !== (utterance.topic !== undefined))).toEqual([]);
  });
});
