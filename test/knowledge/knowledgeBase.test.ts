import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../../services/knowledge/loadKnowledge';
import { ANSWER_WORD_LIMIT } from '../../services/knowledge/knowledgeEntry';
import { MiniSearchKnowledgeBase } from '../../services/knowledge/knowledgeSearch';
import { loadQuestionSet, scoreKnowledge } from '../../scripts/knowledgeEval';

const catalog = JSON.parse(readFileSync(join(__dirname, 'catalog.json'), 'utf8')) as { themes: Record<string, [string, string][]> };
const catalogIds = Object.values(catalog.themes).flatMap((entries) => entries.map(([id]) => id));
const LANGUAGES = ['fr', 'en'] as const;
const words = (text: string) => text.split(/\s+/).filter(Boolean).length;

describe('the knowledge base (locales/<language>/knowledge)', () => {
  it.each(LANGUAGES)('holds every entry of the catalog in %s, and no other, in its theme', (language) => {
    const entries = loadKnowledge(language);
    expect(entries.map((entry) => entry.id).sort()).toEqual([...catalogIds].sort());
    for (const entry of entries) expect(catalog.themes[entry.theme]?.map(([id]) => id)).toContain(entry.id);
    expect(entries.length).toBeGreaterThanOrEqual(120);
  });

  it.each(LANGUAGES)('gives each entry in %s three ways of asking, a short answer, a source and the day it was checked', (language) => {
    const faults = loadKnowledge(language).flatMap((entry) => [
      ...(entry.questions.length < 3 ? [`${entry.id}: ${entry.questions.length} questions`] : []),
      ...(words(entry.answer) > ANSWER_WORD_LIMIT ? [`${entry.id}: ${words(entry.answer)} words`] : []),
      ...(entry.source.length < 5 ? [`${entry.id}: no source`] : []),
    ]);
    expect(faults).toEqual([]);
  });

  it.each(LANGUAGES)('never gives an emergency number in %s (the urgent path does, with the situation)', (language) => {
    const texts = loadKnowledge(language).flatMap((entry) => [entry.answer, entry.more ?? '']);
    expect(texts.filter((text) => /\b(115|3919|119|17)\b(?![ \u00a0]?(%|€|ans|years|jours|days|h\b))/.test(text) && /appel|call|compos|dial/i.test(text))).toEqual([]);
  });

  it.each`
    id                     | fr                        | en
    ${'proposal-deadline'} | ${/10[ \u00a0]jours/}     | ${/10 days/}
    ${'validity-duration'} | ${/un an/}                | ${/one year/}
    ${'commission-candidates'} | ${/trois/}            | ${/three/}
    ${'alin-vs-national-file'} | ${/demande-logement-social\.gouv\.fr/} | ${/demande-logement-social\.gouv\.fr/}
    ${'income-which-year'} | ${/N-2|2024/}             | ${/N-2|2024/}
  `('$id states the rule of its source in both languages', ({ id, fr, en }) => {
    const base = MiniSearchKnowledgeBase.fromLocales();
    const text = (language: 'fr' | 'en') => {
      const entry = base.entry(id, language);
      return `${entry?.answer ?? ''} ${entry?.more ?? ''}`;
    };
    expect(text('fr')).toMatch(fr);
    expect(text('en')).toMatch(en);
  });
});

describe('the knowledge search', () => {
  const base = MiniSearchKnowledgeBase.fromLocales();

  it.each`
    language | text                                              | id
    ${'fr'}  | ${'ou je trouve mon numero unique ?'}              | ${'number-where'}
    ${'fr'}  | ${'c koi le nur'}                                  | ${'number-what'}
    ${'fr'}  | ${'ma demande elle est valable combien de temps'}  | ${'validity-duration'}
    ${'fr'}  | ${'je peux deposer mes papié sur al-in ?'}         | ${'docs-where-upload'}
    ${'en'}  | ${'how long is my request valid for?'}             | ${'validity-duration'}
    ${'en'}  | ${'where do I find my unique number'}              | ${'number-where'}
  `('puts $id first for "$text", and answers nothing else with confidence', ({ language, text, id }) => {
    const match = base.find(text, language);
    expect(match.kind === 'answer' ? match.hit.entry.id : match.kind === 'choices' ? match.hits[0]?.entry.id : 'none').toEqual(id);
  });

  it.each(['quel temps fera-t-il demain à Lyon ?', 'recette des crêpes', 'asdfgh qwerty'])('answers nothing with confidence to "%s"', (text) => {
    expect(base.find(text, 'fr').kind).not.toBe('answer');
  });

  it('finds the right entry first for 90 % of the question set, and answers wrongly with confidence at most 2 % of the time', () => {
    const score = scoreKnowledge(base, loadQuestionSet(false));
    expect(score.total).toBeGreaterThanOrEqual(140);
    expect({ topOne: score.topOne / score.total >= 0.9, wrong: score.answeredWrong / score.total <= 0.02, failures: score.failures }).toMatchObject({ topOne: true, wrong: true });
  });
});
