import type { Place, RecognizedEntities } from '../dialogs/recognizer/entities/schemas';
import type { Recognition } from '../dialogs/recognizer/intents';
import { readEntities } from '../dialogs/recognizer/entities/schemas';
import type { CorpusEntities, CorpusUtterance } from './nluCorpus';

/** One utterance of the corpus with what the recognizer made of it. */
export interface Outcome {
  utterance: CorpusUtterance;
  recognition: Recognition;
}

/** "faq/commission" for a FAQ question, the intent otherwise: a FAQ answer on the wrong topic is wrong. */
export function expectedLabel(utterance: CorpusUtterance): string {
  return utterance.intent === 'faq' ? `faq/${utterance.topic ?? '?'}` : utterance.intent;
}

export function recognizedLabel(recognition: Recognition): string {
  return recognition.intent === 'faq' ? `faq/${String(recognition.entities.topic ?? '?')}` : recognition.intent;
}

export interface IntentReport {
  total: number;
  correct: number;
  byLabel: Map<string, { total: number; correct: number }>;
  byWritten: Map<string, { total: number; correct: number }>;
  byBatch: Map<string, { total: number; correct: number }>;
  /** expected → recognized, with the utterances, most frequent first. */
  confusions: { expected: string; recognized: string; texts: string[] }[];
}

export function intentReport(outcomes: Outcome[]): IntentReport {
  const byLabel = new Map<string, { total: number; correct: number }>();
  const byWritten = new Map<string, { total: number; correct: number }>();
  const byBatch = new Map<string, { total: number; correct: number }>();
  const confusions = new Map<string, { expected: string; recognized: string; texts: string[] }>();
  let correct = 0;
  for (const { utterance, recognition } of outcomes) {
    const expected = expectedLabel(utterance);
    const recognized = recognizedLabel(recognition);
    const ok = expected === recognized;
    if (ok) correct += 1;
    count(byLabel, expected, ok);
    count(byWritten, utterance.written, ok);
    count(byBatch, `batch ${utterance.batch}`, ok);
    if (!ok) {
      const key = `${expected} → ${recognized}`;
      const entry = confusions.get(key) ?? { expected, recognized, texts: [] };
      entry.texts.push(utterance.text);
      confusions.set(key, entry);
    }
  }
  return {
    total: outcomes.length,
    correct,
    byLabel,
    byWritten,
    byBatch,
    confusions: [...confusions.values()].sort((a, b) => b.texts.length - a.texts.length),
  };
}

function count(map: Map<string, { total: number; correct: number }>, key: string, ok: boolean): void {
  const entry = map.get(key) ?? { total: 0, correct: 0 };
  entry.total += 1;
  if (ok) entry.correct += 1;
  map.set(key, entry);
}

export type EntityKey = keyof CorpusEntities;
export const ENTITY_KEYS: EntityKey[] = ['uniqueNumber', 'siret', 'places', 'typologies', 'amounts', 'surfaces', 'persons', 'dates', 'email', 'phone'];

export interface EntityScore {
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  /** Utterance texts with a miss or an extra, for the report. */
  errors: string[];
}

/** Precision and recall per entity kind: every value annotated must be found, nothing else. */
export function entityScores(outcomes: Outcome[]): Map<EntityKey, EntityScore> {
  const scores = new Map<EntityKey, EntityScore>(ENTITY_KEYS.map((key) => [key, { truePositives: 0, falsePositives: 0, falseNegatives: 0, errors: [] }]));
  for (const { utterance, recognition } of outcomes) {
    const found = readEntities(recognition.entities);
    for (const key of ENTITY_KEYS) {
      const score = scores.get(key)!;
      const expected = expectedValues(utterance.entities, key);
      const recognized = recognizedValues(found, key);
      const unmatched = [...expected];
      let extra = 0;
      for (const value of recognized) {
        const index = unmatched.findIndex((candidate) => value.includes(candidate));
        if (index >= 0) {
          unmatched.splice(index, 1);
          score.truePositives += 1;
        } else {
          extra += 1;
        }
      }
      score.falsePositives += extra;
      score.falseNegatives += unmatched.length;
      if (extra > 0 || unmatched.length > 0) {
        score.errors.push(`${utterance.text}  [expected ${JSON.stringify(expected)}, got ${JSON.stringify(recognized)}]`);
      }
    }
  }
  return scores;
}

/** The annotated values of one kind, as strings. */
function expectedValues(entities: CorpusEntities, key: EntityKey): string[] {
  const value = entities[key];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).map(String);
}

/**
 * What the recognizer found of one kind, each as the list of strings it would match: a place matches
 * any of its homonyms (the dialog asks which one), other values their own string.
 */
function recognizedValues(entities: RecognizedEntities, key: EntityKey): string[][] {
  switch (key) {
    case 'places':
      return (entities.places ?? []).map(placeCodes);
    case 'amounts':
      return (entities.amounts ?? []).map((amount) => [String(amount.value)]);
    case 'siret':
      return entities.siret ? [[entities.siret.siret]] : [];
    case 'persons':
      return entities.persons !== undefined ? [[String(entities.persons)]] : [];
    case 'typologies':
    case 'surfaces':
    case 'dates':
      return (entities[key] ?? []).map((value) => [String(value)]);
    case 'uniqueNumber':
    case 'email':
    case 'phone':
      return entities[key] !== undefined ? [[String(entities[key])]] : [];
  }
}

function placeCodes(place: Place): string[] {
  return place.kind === 'commune' ? place.candidates.map((candidate) => candidate.code) : [`dep:${place.code}`];
}

export function ratio(part: number, whole: number): string {
  return whole === 0 ? '  n/a' : `${((100 * part) / whole).toFixed(1).padStart(5)} %`;
}
