import MiniSearch from 'minisearch';
import { loadKnowledge } from './loadKnowledge';
import type { KnowledgeEntry } from './knowledgeEntry';
import { knowledgeClassifierFor, type KnowledgeClassifier } from './knowledgeClassifier';
import { searchTerms, type KnowledgeLanguage } from './searchTerms';
import tuning from './data/searchTuning.json';

export type { KnowledgeLanguage } from './searchTerms';
export type { KnowledgeEntry } from './knowledgeEntry';

/**
 * One entry found for a message: its search score, the share of the message's words it matched, and
 * the share it matched as written (not through a typo or a prefix).
 */
export interface KnowledgeHit {
  entry: KnowledgeEntry;
  score: number;
  coverage: number;
  exactCoverage: number;
}

/**
 * What the base says to a message: one answer it is confident about, the two or three closest
 * questions when it hesitates, or nothing.
 */
export type KnowledgeMatch = { kind: 'answer'; hit: KnowledgeHit } | { kind: 'choices'; hits: KnowledgeHit[] } | { kind: 'none' };

export interface KnowledgeBase {
  find(text: string, language: KnowledgeLanguage): KnowledgeMatch;
  rank(text: string, language: KnowledgeLanguage): KnowledgeHit[];
  entry(id: string, language: KnowledgeLanguage): KnowledgeEntry | undefined;
}

interface IndexedQuestion {
  id: number;
  entryId: string;
  question: string;
  answer: string;
}

/**
 * The knowledge base searched with MiniSearch (BM25, typo-tolerant by edit distance and prefix): every
 * way of asking is a document with its entry's answer, and an entry scores as its best document.
 * Thresholds (`data/searchTuning.json`) decide between an answer, choices and nothing.
 */
export class MiniSearchKnowledgeBase implements KnowledgeBase {
  private readonly indexes = new Map<KnowledgeLanguage, { search: MiniSearch<IndexedQuestion>; entries: Map<string, KnowledgeEntry> }>();

  /** `classifier` settles the search's hesitations; without it, the search alone decides. */
  constructor(
    entriesByLanguage: Record<KnowledgeLanguage, KnowledgeEntry[]>,
    private readonly classifier?: KnowledgeClassifier,
  ) {
    for (const language of ['fr', 'en'] as const) {
      const search = new MiniSearch<IndexedQuestion>({
        fields: ['question', 'answer'],
        storeFields: ['entryId'],
        tokenize: (text) => searchTerms(text, language),
        processTerm: (term) => term,
        searchOptions: {
          boost: { question: tuning.questionBoost, answer: tuning.answerBoost },
          fuzzy: (term) => (term.length >= tuning.fuzzyFromLength ? tuning.fuzzyShare : false),
          prefix: (term) => term.length >= tuning.prefixFromLength,
          combineWith: 'OR',
        },
      });
      const entries = new Map(entriesByLanguage[language].map((entry) => [entry.id, entry]));
      let id = 0;
      search.addAll(entriesByLanguage[language].flatMap((entry) => entry.questions.map((question) => ({ id: id++, entryId: entry.id, question, answer: entry.answer }))));
      this.indexes.set(language, { search, entries });
    }
  }

  static fromLocales(): MiniSearchKnowledgeBase {
    const entries = { fr: loadKnowledge('fr'), en: loadKnowledge('en') };
    return new MiniSearchKnowledgeBase(entries, knowledgeClassifierFor(entries));
  }

  entry(id: string, language: KnowledgeLanguage): KnowledgeEntry | undefined {
    return this.index(language).entries.get(id);
  }

  /** Entries by decreasing score, one hit per entry. */
  rank(text: string, language: KnowledgeLanguage): KnowledgeHit[] {
    const { search, entries } = this.index(language);
    const queryTerms = new Set(searchTerms(text, language));
    if (queryTerms.size === 0) return [];
    // An entry scores as its best way of asking, plus a share of its second best: several ways of
    // asking that match say more than one.
    const best = new Map<string, KnowledgeHit & { scores: number[] }>();
    for (const result of search.search(text)) {
      const entryId = result['entryId'] as string;
      const entry = entries.get(entryId);
      if (!entry) continue;
      const coverage = new Set(result.queryTerms).size / queryTerms.size;
      const exactCoverage = result.terms.filter((term) => queryTerms.has(term)).length / queryTerms.size;
      const hit = best.get(entryId);
      if (hit) {
        hit.scores.push(result.score);
        hit.coverage = Math.max(hit.coverage, coverage);
        hit.exactCoverage = Math.max(hit.exactCoverage, exactCoverage);
      } else best.set(entryId, { entry, score: result.score, coverage, exactCoverage, scores: [result.score] });
    }
    for (const hit of best.values()) hit.score = (hit.scores[0] ?? 0) + tuning.secondShare * (hit.scores[1] ?? 0);
    return [...best.values()].sort((a, b) => b.score - a.score).map(({ entry, score, coverage, exactCoverage }) => ({ entry, score, coverage, exactCoverage }));
  }

  find(text: string, language: KnowledgeLanguage): KnowledgeMatch {
    const hits = this.rank(withoutPreface(text), language);
    const [first, second] = hits;
    if (!first || first.score < tuning.minimumScore || first.coverage < tuning.minimumCoverage) return { kind: 'none' };
    // Words found only through a typo or a prefix ("recette" near "récépissé") are not enough to offer anything.
    if (first.exactCoverage < tuning.minimumCoverage && first.coverage < 1) return { kind: 'none' };
    const clearlyFirst = !second || first.score >= second.score * tuning.answerMargin;
    if (clearlyFirst && first.score >= tuning.answerScore && first.exactCoverage >= tuning.answerCoverage) return { kind: 'answer', hit: first };
    // A long message covers less of any one entry's words; an entry far ahead of every other is still the answer.
    const dominant = !second || first.score >= second.score * tuning.dominantMargin;
    if (dominant && first.score >= tuning.answerScore && first.exactCoverage >= tuning.dominantCoverage) return { kind: 'answer', hit: first };
    const choices = hits.filter((hit) => hit.score >= first.score * tuning.choiceShare).slice(0, 3);
    const settled = this.settledByClassifier(text, language, choices);
    return settled ? { kind: 'answer', hit: settled } : { kind: 'choices', hits: choices };
  }

  /**
   * Among the closest entries, the one the classifier reads the question as: the search's first when the
   * classifier agrees with it fairly surely, another of them only when the classifier is very sure.
   */
  private settledByClassifier(text: string, language: KnowledgeLanguage, choices: KnowledgeHit[]): KnowledgeHit | undefined {
    const [guess, runnerUp] = this.classifier?.guesses(text, language) ?? [];
    if (!guess) return undefined;
    const chosen = choices.find((hit) => hit.entry.id === guess.id);
    if (!chosen) return undefined;
    if (chosen !== choices[0]) return guess.score >= tuning.classifierAlone ? chosen : undefined;
    // Agreeing with the search: fairly sure, or far ahead of its own second guess.
    const farAhead = guess.score >= tuning.classifierLeadFloor && guess.score >= (runnerUp?.score ?? 0) * tuning.classifierLead;
    return guess.score >= tuning.classifierAgrees || farAhead ? chosen : undefined;
  }

  private index(language: KnowledgeLanguage) {
    const index = this.indexes.get(language);
    if (!index) throw new Error(`no knowledge base for ${language}`);
    return index;
  }
}


/** "petite question avant :", "quick question -": words that announce a question, and would be searched as part of it ("petite" is no small company). */
const PREFACE = /^\s*(?:(?:ok|bon|alors|sinon|so|oh|hey|hi|bonjour|salut)[ ,!]+)?(?:(?:une|juste une|petite|une petite|autre|une autre|j ai une|j ai une petite|a|one|just a|quick|a quick|small|a small|another)\s+)*question(?:\s+(?:rapide|avant|d abord|au passage|en passant|first|before|quickly))*\s*[:,\-–?!.]+\s*/i;

/** The question without what announces it. */
function withoutPreface(text: string): string {
  const rest = text.replace(PREFACE, '');
  return rest.trim().length > 0 ? rest : text;
}
