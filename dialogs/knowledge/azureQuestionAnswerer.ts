import type { TurnContext } from 'botbuilder';
import type { CustomQuestionAnswering, QnAMakerResult } from 'botbuilder-ai';
import type { Logger } from 'pino';
import type { KnowledgeBase, KnowledgeHit, KnowledgeLanguage, KnowledgeMatch } from '../../services/knowledge/knowledgeSearch';
import type { QuestionAnswerer } from './questionAnswerer';

export interface AzureQuestionAnsweringSettings {
  endpoint: string;
  key: string;
  /** The Language resource's project holding the exported base (`npm run knowledge:export`), per language. */
  projects: Record<KnowledgeLanguage, string>;
  timeoutMs: number;
}

/** Confidence (0–1) above which Azure's first answer is given as such; between, the closest questions. */
const ANSWER_CONFIDENCE = 0.7;
const CHOICE_CONFIDENCE = 0.3;

/**
 * Custom question answering of Azure AI Language, through the Bot Framework's own client
 * (`botbuilder-ai`). Each exported answer carries its entry id in its metadata (`entry`); the entry is
 * rendered from the local files. An error, a timeout or an answer without a known entry falls back on
 * the local search: the question is still answered.
 */
export function azureQuestionAnswerer(settings: AzureQuestionAnsweringSettings, local: KnowledgeBase, logger: Logger): QuestionAnswerer {
  let clients: Record<KnowledgeLanguage, CustomQuestionAnswering> | undefined;
  const clientsOnce = async () => {
    if (!clients) {
      const { CustomQuestionAnswering } = await loadBotbuilderAi();
      const client = (project: string) =>
        new CustomQuestionAnswering({ knowledgeBaseId: project, endpointKey: settings.key, host: settings.endpoint.replace(/\/+$/, '') }, { top: 3, timeout: settings.timeoutMs });
      clients = { fr: client(settings.projects.fr), en: client(settings.projects.en) };
    }
    return clients;
  };
  const hitsOf = (results: QnAMakerResult[], language: KnowledgeLanguage): KnowledgeHit[] =>
    results.flatMap((result) => {
      const entry = local.entry(entryIdOf(result) ?? '', language);
      return entry ? [{ entry, score: result.score, coverage: 1, exactCoverage: 1 }] : [];
    });
  return {
    entry: (id, language) => local.entry(id, language),
    async find(context: TurnContext, text: string, language: KnowledgeLanguage): Promise<KnowledgeMatch> {
      try {
        const raw = await withDeadline((await clientsOnce())[language].getAnswersRaw(context, { top: 3, timeout: settings.timeoutMs }, {}, {}), settings.timeoutMs);
        const hits = hitsOf(raw.answers ?? [], language).sort((a, b) => b.score - a.score);
        const [first] = hits;
        if (!first || first.score < CHOICE_CONFIDENCE) return { kind: 'none' };
        if (first.score >= ANSWER_CONFIDENCE) return { kind: 'answer', hit: first };
        return { kind: 'choices', hits: hits.filter((hit) => hit.score >= CHOICE_CONFIDENCE) };
      } catch (error) {
        logger.warn({ err: error instanceof Error ? { message: error.message } : undefined }, 'question answering unavailable, local search used');
        return local.find(text, language);
      }
    },
  };
}

/**
 * botbuilder-ai replaces the process's `fetch` with node-fetch when it is loaded (its `getFetch`), which
 * changes every other caller of `fetch` (streamed bodies, for one). It is loaded only when Azure is
 * configured, and the process's own `fetch` is put back at once; the library keeps its node-fetch.
 */
async function loadBotbuilderAi(): Promise<typeof import('botbuilder-ai')> {
  const ownFetch = globalThis.fetch;
  try {
    return await import('botbuilder-ai');
  } finally {
    globalThis.fetch = ownFetch;
  }
}

/** Azure gives metadata as name/value pairs; the exported base puts the entry id under `entry`. */
function entryIdOf(result: QnAMakerResult): string | undefined {
  const metadata = result.metadata as { name: string; value: string }[] | null | undefined;
  return metadata?.find((pair) => pair.name === 'entry')?.value;
}

function withDeadline<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
  });
  return Promise.race([work, deadline]).finally(() => clearTimeout(timer));
}
