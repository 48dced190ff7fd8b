import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../../services/shared/projectRoot';
import { createSeededRandom } from '../../simulator/seededRandom';
import { placeIndex } from '../../services/geo/placeIndex';
import placeWords from '../../dialogs/recognizer/entities/data/placeWords.json';

/**
 * What the simulated users ask, drawn for each conversation from wide distributions, so that no cache
 * is flattered by the same query repeated: communes from the official list weighted by population
 * (most have no offer, as in life), typologies with the offer plan's weights, budgets, household
 * sizes and incomes over their real ranges, and every way of asking each knowledge-base question.
 * Seeded by the conversation's number: two runs draw the same conversations.
 */

export interface Draw {
  commune: string;
  otherCommune: string;
  typology: string;
  otherTypology: string;
  budget: number;
  persons: number;
  income: number;
  question: string;
  /** Which way of phrasing each kind of message. */
  phrasing: number;
}

/** Names the recognizer never reads as a place, even after "à" ("La Couronne", "L'Hôpital", "Eu"): everyday words. */
const NEVER_A_PLACE = new Set(placeWords.neverAfterCue);

/** Communes of at least this population, whose name no other commune bears (a homonym gets a question back). */
const MIN_POPULATION = 5000;
/** The offer plan's weights (simulator/data/offerPlan.json): what people look for roughly follows what is built. */
const TYPOLOGY_WEIGHTS = { T1: 10, T2: 27, T3: 32, T4: 21, T5: 10 } as const;

export class BenchMix {
  private readonly communes: { name: string; cumulative: number }[];
  private readonly totalPopulation: number;
  private readonly questions: string[];

  constructor() {
    // The recognizer's own index: a name it maps to one commune, that is no department's name nor an
    // ordinary word, gets no question back ("Melle" and "Mellé", "Mayenne", "Clichy" are left out).
    const places = placeIndex();
    let cumulative = 0;
    this.communes = [...places.communesByName.entries()]
      .filter(([name, candidates]) => candidates.length === 1 && !places.departmentsByName.has(name) && !places.wordLikeNames.has(name) && !NEVER_A_PLACE.has(name))
      .map(([, [commune]]) => commune!)
      .filter((commune) => commune.population >= MIN_POPULATION && commune.city === undefined)
      .map((commune) => ({ name: commune.name, cumulative: (cumulative += commune.population) }));
    this.totalPopulation = cumulative;
    this.questions = knowledgeQuestions();
  }

  /** The distinct communes and questions drawn from (for the report). */
  get sizes(): { communes: number; questions: number } {
    return { communes: this.communes.length, questions: this.questions.length };
  }

  draw(conversationNumber: number): Draw {
    const random = createSeededRandom(`bench-conversation-${conversationNumber}`);
    const typology = random.weighted(TYPOLOGY_WEIGHTS);
    let otherTypology: string = random.weighted(TYPOLOGY_WEIGHTS);
    if (otherTypology === typology) otherTypology = typology === 'T2' ? 'T3' : 'T2';
    return {
      commune: this.commune(random.next()),
      otherCommune: this.commune(random.next()),
      typology,
      otherTypology,
      budget: 50 * random.integer(7, 24),
      persons: random.integer(1, 5),
      income: 1000 * random.integer(12, 66),
      question: random.pick(this.questions),
      phrasing: random.integer(0, 2),
    };
  }

  private commune(at: number): string {
    const target = at * this.totalPopulation;
    let low = 0;
    let high = this.communes.length - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (this.communes[middle]!.cumulative < target) low = middle + 1;
      else high = middle;
    }
    return this.communes[low]!.name;
  }
}

let shared: BenchMix | undefined;

/** One mix for the run: the communes and questions are read once. */
export function sharedBenchMix(): BenchMix {
  return (shared ??= new BenchMix());
}

/** What the mix draws from, for the report. */
export function describeMix(mix: BenchMix): string {
  const { communes, questions } = mix.sizes;
  return `messages drawn per conversation: ${communes} communes weighted by population, T1–T5 as built, budgets 350–1 200 €, households of 1–5 with incomes 12–66 k€, ${questions} ways of asking the knowledge base's questions`;
}

/** Every way of asking every French knowledge-base entry. */
function knowledgeQuestions(): string[] {
  const folder = join(projectRoot(), 'locales', 'fr', 'knowledge');
  return readdirSync(folder)
    .filter((file) => file.endsWith('.json'))
    .flatMap((file) => Object.values(JSON.parse(readFileSync(join(folder, file), 'utf8')) as Record<string, { questions: string[] }>))
    .flatMap((entry) => entry.questions);
}
