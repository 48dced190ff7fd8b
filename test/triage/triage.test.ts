import { urgentClassifier } from '../../services/triage/urgentClassifier';
import { z } from 'zod';
import { INTENTS, type Intent } from '../../dialogs/recognizer/intents';
import { triageHints } from '../../dialogs/recognizer/triageHints';
import type { SentimentResult } from '../../services/language/languageService';
import { RequestStateSchema } from '../../services/sne/schemas';
import { EMERGENCY_NUMBERS, TRIAGE_CATEGORIES, TRIAGE_REASONS, triage } from '../../services/triage/triage';
import situationsData from './situations.json';

/** The hints of messages recognized with these intents, their text and entities aside. */
const hintsOf = (intents: Intent[]) => triageHints(intents.map((intent) => ({ intent, text: '', entities: {} })));

const SituationSchema = z.object({
  id: z.string().min(1),
  messages: z.array(z.string().min(1)).min(1),
  intents: z.array(z.enum(INTENTS)),
  sentiment: z.enum(['positive', 'negative']).optional(),
  dossier: z.object({ state: RequestStateSchema, daysToRenewal: z.number().int().optional(), daysToAnswer: z.number().int().optional() }).optional(),
  expected: z.object({
    category: z.enum(TRIAGE_CATEGORIES),
    urgency: z.enum(['urgent', 'high', 'normal']),
    emergencyNumbers: z.array(z.enum(EMERGENCY_NUMBERS)).optional(),
    reasons: z.array(z.enum(TRIAGE_REASONS)).optional(),
  }),
});
const SET = z.object({ source: z.string().min(1), situations: z.array(SituationSchema).min(60) }).parse(situationsData);

const SENTIMENTS: Record<'positive' | 'negative', SentimentResult> = {
  positive: { label: 'positive', scores: { positive: 0.9, neutral: 0.08, negative: 0.02 } },
  negative: { label: 'negative', scores: { positive: 0.02, neutral: 0.08, negative: 0.9 } },
};

describe('triage on the labelled set', () => {
  it('holds at least 60 situations, at least 70 % of them in French, some in English', () => {
    const french = SET.situations.filter((situation) => situation.id.startsWith('fr-')).length;
    const english = SET.situations.filter((situation) => situation.id.startsWith('en-')).length;
    expect(french + english).toBe(SET.situations.length);
    expect(french / SET.situations.length).toBeGreaterThanOrEqual(0.7);
    expect(english).toBeGreaterThan(0);
    expect(new Set(SET.situations.map((situation) => situation.id)).size).toBe(SET.situations.length);
  });

  it.each(SET.situations.map((situation) => [situation.id, situation] as const))('%s', (_id, situation) => {
    const result = triage({
      messages: situation.messages,
      ...hintsOf(situation.intents),
      ...(situation.sentiment ? { sentiment: SENTIMENTS[situation.sentiment] } : {}),
      ...(situation.dossier ? { dossier: situation.dossier } : {}),
    });
    expect({ category: result.category, urgency: result.urgency, emergencyNumbers: result.emergencyNumbers }).toEqual({
      category: situation.expected.category,
      urgency: situation.expected.urgency,
      emergencyNumbers: situation.expected.emergencyNumbers ?? [],
    });
    expect(result.reasons).toEqual(expect.arrayContaining(situation.expected.reasons ?? []));
  });
});

describe('triage on the linked request', () => {
  it('marks an offer whose answer is due in 2 days urgent', () => {
    const result = triage({ messages: ['bonjour'], topics: [], dossier: { state: 'active', daysToRenewal: 200, daysToAnswer: 2 } });
    expect(result).toEqual({ category: 'offers', urgency: 'urgent', reasons: ['offerAnswerDueSoon'], emergencyNumbers: [], model: expect.any(Object) });
  });

  it('leaves an offer whose answer is due in 3 days normal', () => {
    expect(triage({ messages: ['bonjour'], topics: [], dossier: { state: 'active', daysToRenewal: 200, daysToAnswer: 3 } }).urgency).toBe('normal');
  });

  it('ignores an answer date already past', () => {
    expect(triage({ messages: ['bonjour'], topics: [], dossier: { state: 'active', daysToRenewal: 200, daysToAnswer: -1 } }).urgency).toBe('normal');
  });

  it('marks a renewal due in 20 days high', () => {
    const result = triage({ messages: ['où en est ma demande ?'], ...hintsOf(['status']), dossier: { state: 'active', daysToRenewal: 20 } });
    expect(result).toEqual({ category: 'applicationFollowUp', urgency: 'high', reasons: ['renewalDueSoon'], emergencyNumbers: [], model: expect.any(Object) });
  });

  it('marks an expired request high', () => {
    const result = triage({ messages: ['hello'], topics: [], dossier: { state: 'expired', daysToRenewal: -10 } });
    expect(result).toEqual({ category: 'renewal', urgency: 'high', reasons: ['requestExpired'], emergencyNumbers: [], model: expect.any(Object) });
  });

  it('keeps an urgent story urgent when the request is only due for renewal', () => {
    const result = triage({ messages: ["on doit quitter l'appartement lundi, huissier"], ...hintsOf(['none']), dossier: { state: 'to_renew', daysToRenewal: 5 } });
    expect(result.urgency).toBe('urgent');
    expect(result.reasons).toEqual(['eviction', 'renewalDueSoon']);
  });

  it('applies no dossier rule to a closed request', () => {
    expect(triage({ messages: ['merci'], ...hintsOf(['thanks']), dossier: { state: 'attributed', daysToRenewal: 5, daysToAnswer: 1 } }).urgency).toBe('normal');
  });
});

describe('triage output', () => {
  it('gives reason codes and numbers, never the words of the user', () => {
    const result = triage({ messages: ['Je suis Marie Dupont, mon mari me frappe, 12 rue des Lilas'], ...hintsOf(['none']), sentiment: SENTIMENTS.negative });
    expect(result.reasons).toEqual(['violence', 'negativeMood']);
    expect(JSON.stringify(result)).not.toMatch(/Marie|Dupont|Lilas|frappe/);
  });

  it('gives the same answer whatever the order of the intents', () => {
    const messages = ['le site bug quand j’envoie mes documents'];
    expect(triage({ messages, ...hintsOf(['documents', 'none']) })).toEqual(triage({ messages, ...hintsOf(['none', 'documents']) }));
  });
});

describe('a message that situates the one before it', () => {
  const numbersOf = (messages: string[]) => {
    const result = triage({ messages, topics: [] });
    return { urgency: result.urgency, emergencyNumbers: result.emergencyNumbers };
  };

  it.each([
    ['je dors dans ma voiture', "enfin c'était l'hiver dernier, maintenant on a un appart"],
    ['je suis enceinte et à la rue', 'à la rue de la Paix à Nancy je veux dire, on cherche plus grand'],
    ["I'm on the street", 'I mean standing on the street outside your office, which door is it?'],
    ['on va se retrouver dehors', "enfin pas tout de suite, c'est dans 2 ans quand le proprio vend"],
  ])('takes back "%s" with "%s"', (first, second) => {
    expect(numbersOf([first, second])).toEqual({ urgency: 'normal', emergencyNumbers: [] });
  });

  it('leaves the story urgent when the second message only goes on with it', () => {
    expect(numbersOf(['je dors dans ma voiture', 'enfin depuis mardi, avec mon fils'])).toEqual({ urgency: 'urgent', emergencyNumbers: ['115'] });
  });

  it('reads what a story needs across the messages that tell it', () => {
    expect(numbersOf(["c'est que mon frère chez qui je vis me frappe quand il a bu", 'il rentre vers minuit']).emergencyNumbers).toEqual(['3919', '17']);
  });

  it('reads a street name as an address, and "à la rue du jour au lendemain" as the street', () => {
    expect(numbersOf(['je suis à la rue de la République, je cherche un T3 plus près du travail']).emergencyNumbers).toEqual([]);
    expect(numbersOf(['je me suis retrouvée à la rue du jour au lendemain']).emergencyNumbers).toEqual(['115']);
  });
});

describe('the urgent-situation classifier', () => {
  it.each`
    text                                                          | labels
    ${'il me tape quand il a bu, je sais plus quoi faire'}        | ${['violence', 'dangerNow']}
    ${'he hurts me and I am scared to go home tonight'}           | ${['violence', 'dangerNow']}
    ${'on dort dans la voiture avec les petits depuis lundi'}      | ${['homeless']}
    ${'bonjour, quels papiers pour le dossier svp'}                | ${['ordinary']}
  `('reads "$text" as one of $labels, with no keyword of the lexicon', ({ text, labels }) => {
    expect(labels).toContain(urgentClassifier().classify(text).label);
  });

  it('says in the ticket what it read, and how sure it was', () => {
    expect(triage({ messages: ['il me tape quand il a bu'], topics: [] }).model).toEqual({ label: expect.any(String), score: expect.any(Number) });
  });
});
