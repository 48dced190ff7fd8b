import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { containerBootstrap } from '@nlpjs/core';
import { LangEn } from '@nlpjs/lang-en-min';
import { LangFr } from '@nlpjs/lang-fr';
import { Nlp } from '@nlpjs/nlp';
import { z } from 'zod';
import { projectRoot } from '../../services/shared/projectRoot';
import { CLASSIFIER_TEXT_VERSION, classifierText } from './classifierText';
import { extractEntities } from './entities/extractEntities';
import { loadNluExamples, NLU_LANGUAGES, nluExamplesPath, type NluExample } from './nluExamples';

// Settings of the neural classifier, part of the cache key: changing them retrains.
const NLU_SETTINGS = { log: false, useNoneFeature: false, spellCheck: true, spellCheckDistance: 1 };
/**
 * Training of nlp.js's one-layer network, regularised: nlp.js's defaults (alpha 0.07, error 0.00005) fit
 * the examples until rare words weigh more than the request ("et" voting for goodbye because of "salut et
 * merci"). A smaller leak and an earlier stop gave +2.5 points on the tuning batches and +2.5 points in
 * 5-fold cross-validation on the examples themselves. The rest is nlp.js's default domain configuration.
 */
const NEURAL_SETTINGS = { alpha: 0.03, errorThresh: 0.001 };
// Dates in examples are read from a fixed day so the same examples always give the same model.
const TRAINING_DAY = new Date(2026, 0, 1);

const ModelFileSchema = z.object({
  /** Hash of what the model was trained from: examples, classifier text version, settings. */
  sourceHash: z.string(),
  trainedAt: z.string(),
  examples: z.number(),
  model: z.string(),
});

export function defaultNluModelPath(): string {
  return join(projectRoot(), 'models', 'nlu-model.json');
}

/**
 * Changes whenever the examples, the way texts are prepared, or the settings change. The prepared texts
 * themselves are hashed — what training reads — so a change of an entity parser that turns a word into
 * a placeholder ("accueil" read as a town) retrains the model; a version number alone was forgotten once.
 */
export function nluSourceHash(): string {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ CLASSIFIER_TEXT_VERSION, NLU_SETTINGS, NEURAL_SETTINGS }));
  for (const language of NLU_LANGUAGES) hash.update(readFileSync(nluExamplesPath(language)));
  for (const example of loadNluExamples()) hash.update(`${example.language}\u0000${preparedText(example)}\u0000`);
  return hash.digest('hex');
}

/** An example as the classifier is trained on it: its entities turned into placeholders. */
function preparedText(example: NluExample): string {
  return classifierText(example.text, extractEntities(example.text, TRAINING_DAY).spans);
}

export function createNlp(): Nlp {
  const container = containerBootstrap();
  container.use(LangFr);
  container.use(LangEn);
  for (const language of NLU_LANGUAGES) {
    container.registerConfiguration(`domain-manager-${language}`, {
      nluByDomain: { default: { className: 'NeuralNlu', settings: { ...NEURAL_SETTINGS } } },
      trainByDomain: false,
      useStemDict: true,
    });
  }
  return new Nlp({ container, languages: [...NLU_LANGUAGES], autoSave: false, autoLoad: false, nlu: NLU_SETTINGS });
}

/** Trains on the examples as the recognizer will see texts: entities turned into placeholders. */
export async function trainNlp(examples: NluExample[]): Promise<Nlp> {
  const nlp = createNlp();
  for (const example of examples) nlp.addDocument(example.language, preparedText(example), example.label);
  await nlp.train();
  return nlp;
}

/** Trains from `locales/<language>/nlu.json` and writes the model file (what `npm run nlu:train` does). */
export async function trainAndSaveNluModel(path = defaultNluModelPath()): Promise<{ nlp: Nlp; examples: number }> {
  const sourceHash = nluSourceHash();
  const examples = loadNluExamples();
  const nlp = await trainNlp(examples);
  const file: z.infer<typeof ModelFileSchema> = { sourceHash, trainedAt: new Date().toISOString(), examples: examples.length, model: nlp.export(true) };
  mkdirSync(dirname(path), { recursive: true });
  // Written aside then renamed: a replica starting at the same moment never reads half a file.
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify(file));
  renameSync(temporary, path);
  return { nlp, examples: examples.length };
}

export type ModelSource = 'cache' | 'trained';

/**
 * The model from its cache file when it was trained from the current examples; otherwise trained now
 * and cached (a fresh clone, or examples edited since), so a start never trains twice.
 */
export async function loadNluModel(path = defaultNluModelPath()): Promise<{ nlp: Nlp; source: ModelSource }> {
  const cached = readModelFile(path);
  if (cached && cached.sourceHash === nluSourceHash()) {
    const nlp = createNlp();
    nlp.import(cached.model);
    return { nlp, source: 'cache' };
  }
  const { nlp } = await trainAndSaveNluModel(path);
  // Served from the exported form, as after a restart: nlp.js's import does not restore everything its
  // training left in memory (the built-in "None" class), and both paths must classify alike.
  const reloaded = createNlp();
  reloaded.import(nlp.export(true));
  return { nlp: reloaded, source: 'trained' };
}

function readModelFile(path: string): z.infer<typeof ModelFileSchema> | undefined {
  if (!existsSync(path)) return undefined;
  // A damaged or foreign file is not an error: the model is trained again and the file replaced.
  const parsed = ModelFileSchema.safeParse(safeJson(readFileSync(path, 'utf8')));
  return parsed.success ? parsed.data : undefined;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
