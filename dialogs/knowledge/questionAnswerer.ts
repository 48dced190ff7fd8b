import type { TurnContext } from 'botbuilder';
import type { KnowledgeBase, KnowledgeEntry, KnowledgeLanguage, KnowledgeMatch } from '../../services/knowledge/knowledgeSearch';

/**
 * Where the answer to a question is looked up: the local search by default, or Azure AI Language's
 * custom question answering (with the local search as its fallback). Entries are always rendered from
 * the local files, so both give the same words, source and date.
 */
export interface QuestionAnswerer {
  find(context: TurnContext, text: string, language: KnowledgeLanguage): Promise<KnowledgeMatch>;
  entry(id: string, language: KnowledgeLanguage): KnowledgeEntry | undefined;
}

export function localAnswerer(base: KnowledgeBase): QuestionAnswerer {
  return {
    find: async (_context, text, language) => base.find(text, language),
    entry: (id, language) => base.entry(id, language),
  };
}
