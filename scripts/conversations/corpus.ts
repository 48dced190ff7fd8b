import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { CorpusFileSchema, type Scenario } from './scenarioSchema';

/**
 * Reading the corpus: `<dir>/*.json` (the working set) or `<dir>/held-out/*.json` (sealed), each file
 * checked against the zod schema, ids unique across every file read.
 */

export interface CorpusScenario extends Scenario {
  /** The file it comes from, relative to the working directory. */
  file: string;
}

export interface Corpus {
  scenarios: CorpusScenario[];
  /** One sentence per problem (a file that does not parse or fit the schema, a duplicate id). */
  problems: string[];
}

export const DEFAULT_CORPUS_DIR = join('test', 'conversations');
export const HELD_OUT_FOLDER = 'held-out';
/** Files in the corpus folder that are not scenario files. */
const NOT_SCENARIOS = new Set(['known-failures.json']);

/** The scenario files of a folder (not its subfolders), sorted. */
export function corpusFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json') && !NOT_SCENARIOS.has(entry.name))
    .map((entry) => join(dir, entry.name))
    .sort();
}

export function loadCorpusFiles(files: string[]): Corpus {
  const scenarios: CorpusScenario[] = [];
  const problems: string[] = [];
  const seen = new Map<string, string>();
  for (const path of files) {
    const file = relative(process.cwd(), path) || path;
    let json: unknown;
    try {
      json = JSON.parse(readFileSync(path, 'utf8'));
    } catch (error) {
      problems.push(`${file}: not valid JSON (${(error as Error).message})`);
      continue;
    }
    const parsed = CorpusFileSchema.safeParse(json);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.push(`${file}: ${describePath(json, issue.path)}: ${issue.message}`);
      continue;
    }
    for (const scenario of parsed.data.scenarios) {
      const first = seen.get(scenario.id);
      if (first) problems.push(`${file}: the id "${scenario.id}" is already used in ${first}`);
      else seen.set(scenario.id, file);
      scenarios.push({ ...scenario, file });
    }
  }
  return { scenarios, problems };
}

/** The working corpus (`heldOut` false) or the sealed one; ids are checked against both. */
export function loadCorpus(dir = DEFAULT_CORPUS_DIR, { heldOut = false } = {}): Corpus {
  const working = corpusFiles(dir);
  const sealed = corpusFiles(join(dir, HELD_OUT_FOLDER));
  if (!heldOut) return loadCorpusFiles(working);
  // Read together so an id of the sealed set cannot repeat one of the working set; only the sealed
  // scenarios are returned.
  const both = loadCorpusFiles([...working, ...sealed]);
  const sealedFiles = new Set(sealed.map((path) => relative(process.cwd(), path) || path));
  return { scenarios: both.scenarios.filter((scenario) => sealedFiles.has(scenario.file)), problems: both.problems };
}

/** `scenarios[3].steps[1].expect` with the scenario's id when it has one, so a writer finds it. */
function describePath(json: unknown, path: PropertyKey[]): string {
  if (path[0] === 'scenarios' && typeof path[1] === 'number') {
    const scenario = (json as { scenarios?: { id?: unknown }[] }).scenarios?.[path[1]];
    const name = typeof scenario?.id === 'string' ? ` (${scenario.id})` : '';
    return `scenarios[${path[1]}]${name}${formatPath(path.slice(2))}`;
  }
  return formatPath(path) || '(file)';
}

function formatPath(path: PropertyKey[]): string {
  return path.map((key) => (typeof key === 'number' ? `[${key}]` : `.${String(key)}`)).join('');
}
