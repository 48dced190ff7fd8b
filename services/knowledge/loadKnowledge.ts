import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { projectRoot } from '../shared/projectRoot';
import { KnowledgeFileSchema, type KnowledgeEntry } from './knowledgeEntry';

/**
 * Reads the knowledge base of one language from `locales/<language>/knowledge/*.json` (one file per
 * theme), validated entry by entry: a malformed file stops the start with its name, never a turn.
 */
export function loadKnowledge(language: string, root = projectRoot()): KnowledgeEntry[] {
  const folder = join(root, 'locales', language, 'knowledge');
  const entries: KnowledgeEntry[] = [];
  for (const file of readdirSync(folder).filter((name) => name.endsWith('.json')).sort()) {
    const parsed = KnowledgeFileSchema.safeParse(JSON.parse(readFileSync(join(folder, file), 'utf8')));
    if (!parsed.success) throw new Error(`locales/${language}/knowledge/${file}: ${parsed.error.message}`);
    const theme = basename(file, '.json');
    for (const [id, entry] of Object.entries(parsed.data)) entries.push({ id, theme, ...entry });
  }
  return entries;
}
