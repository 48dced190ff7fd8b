import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CorpusFileSchema, type Feature } from '../../scripts/conversations/scenarioSchema';

/**
 * Corpus part B (link, status, offers, apply, helpdesk, urgent, interruptions, language, privacy):
 * every file parses with the scenario schema, ids are unique across the corpus files beside it, and
 * each scenario belongs to its file's feature, with 2 to 6 steps. Only this folder's own files are
 * read (never a sub-folder).
 */
const PART_B: Feature[] = ['link', 'status', 'offers', 'apply', 'helpdesk', 'urgent', 'interruptions', 'language', 'privacy'];
const folder = __dirname;
const read = (file: string) => CorpusFileSchema.parse(JSON.parse(readFileSync(join(folder, file), 'utf8')));

describe('conversation corpus, part B', () => {
  it.each(PART_B)('%s.json parses, ids carry the feature, 2 to 6 steps', (feature) => {
    const corpus = read(`${feature}.json`);
    for (const scenario of corpus.scenarios) {
      expect(scenario.feature).toBe(feature);
      expect(scenario.id.startsWith(`${feature}-`)).toBe(true);
      expect(scenario.steps.length).toBeGreaterThanOrEqual(2);
      expect(scenario.steps.length).toBeLessThanOrEqual(6);
      for (const step of scenario.steps) expect(step.user !== '' || step.value !== undefined).toBe(true);
    }
  });

  it('ids are unique across every corpus file of the folder', () => {
    const files = readdirSync(folder, { withFileTypes: true }).filter((entry) => entry.isFile() && entry.name.endsWith('.json'));
    const ids = files.flatMap((entry) => read(entry.name).scenarios.map((scenario) => scenario.id));
    expect(ids.filter((id, index) => ids.indexOf(id) !== index)).toEqual([]);
  });

  it('is mostly French, as users write', () => {
    const scenarios = PART_B.flatMap((feature) => read(`${feature}.json`).scenarios);
    const french = scenarios.filter((scenario) => scenario.language === 'fr').length;
    expect(french / scenarios.length).toBeGreaterThanOrEqual(0.7);
  });
});
