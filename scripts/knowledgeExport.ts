import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadKnowledge } from '../services/knowledge/loadKnowledge';
import type { KnowledgeEntry } from '../services/knowledge/knowledgeEntry';
import { projectRoot } from '../services/shared/projectRoot';

/**
 * The import body of one custom question answering project (Azure AI Language authoring API,
 * `projects/{project}/:import?format=json`): one QnA per entry, its ways of asking as questions, and
 * the entry id in the metadata, by which the bot renders the answer from its own files.
 */
export function questionAnsweringProject(language: 'fr' | 'en', projectName: string, entries: KnowledgeEntry[]) {
  return {
    metadata: { projectName, language, multilingualResource: false, description: 'AL-in Assistant knowledge base (locales/<language>/knowledge)' },
    assets: {
      qnas: entries.map((entry, index) => ({
        id: index + 1,
        answer: entry.more ? `${entry.answer}\n\n${entry.more}` : entry.answer,
        source: `locales/${language}/knowledge/${entry.theme}.json`,
        questions: entry.questions,
        metadata: { entry: entry.id, theme: entry.theme.toLowerCase(), checked: entry.checked },
        dialog: { isContextOnly: false, prompts: [] },
      })),
    },
  };
}

/** `npm run knowledge:export`: writes dist/knowledge-export/<language>.json, ready to import. */
function main(): void {
  const folder = join(projectRoot(), 'dist', 'knowledge-export');
  mkdirSync(folder, { recursive: true });
  const projects = { fr: process.env['QNA_PROJECT_FR'] || 'alin-assistant-fr', en: process.env['QNA_PROJECT_EN'] || 'alin-assistant-en' };
  for (const language of ['fr', 'en'] as const) {
    const project = questionAnsweringProject(language, projects[language], loadKnowledge(language));
    const file = join(folder, `${language}.json`);
    writeFileSync(file, `${JSON.stringify(project, null, 2)}\n`);
    process.stdout.write(`${file}: ${project.assets.qnas.length} questions and answers for project ${projects[language]}\n`);
  }
}

if (require.main === module) main();
