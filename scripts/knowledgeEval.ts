import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MiniSearchKnowledgeBase, type KnowledgeBase } from '../services/knowledge/knowledgeSearch';
import { projectRoot } from '../services/shared/projectRoot';

const QuestionSetSchema = z.object({
  questions: z.array(z.object({ id: z.string(), language: z.enum(['fr', 'en']), text: z.string(), expect: z.string() })),
});
type Question = z.infer<typeof QuestionSetSchema>['questions'][number];

export interface KnowledgeScore {
  total: number;
  /** The first-ranked entry is the expected one (for "none": nothing is answered). */
  topOne: number;
  /** Answered with confidence, and right. */
  answeredRight: number;
  /** Answered with confidence, and wrong (for "none": anything answered): the figure to keep near 0. */
  answeredWrong: number;
  /** Unsure, with the expected entry among the 2–3 questions offered. */
  choicesWithIt: number;
  failures: string[];
}

export function loadQuestionSet(heldOut: boolean): Question[] {
  const file = join(projectRoot(), 'test', 'knowledge', ...(heldOut ? ['held-out'] : []), 'questions.json');
  return QuestionSetSchema.parse(JSON.parse(readFileSync(file, 'utf8'))).questions;
}

export function scoreKnowledge(base: KnowledgeBase, questions: Question[]): KnowledgeScore {
  const score: KnowledgeScore = { total: questions.length, topOne: 0, answeredRight: 0, answeredWrong: 0, choicesWithIt: 0, failures: [] };
  for (const question of questions) {
    const match = base.find(question.text, question.language);
    const first = base.rank(question.text, question.language)[0]?.entry.id;
    const expectsNone = question.expect === 'none';
    const answered = match.kind === 'answer' ? match.hit.entry.id : undefined;
    if (expectsNone ? match.kind !== 'answer' : first === question.expect) score.topOne += 1;
    if (answered && answered === question.expect) score.answeredRight += 1;
    if (answered && answered !== question.expect) score.answeredWrong += 1;
    if (match.kind === 'choices' && match.hits.some((hit) => hit.entry.id === question.expect)) score.choicesWithIt += 1;
    const right = expectsNone ? match.kind !== 'answer' : answered === question.expect || (match.kind === 'choices' && first === question.expect);
    if (!right) {
      const got = match.kind === 'answer' ? `answer ${answered}` : match.kind === 'choices' ? `choices ${match.hits.map((hit) => hit.entry.id).join(', ')}` : 'none';
      score.failures.push(`${question.id} [${question.language}] expects ${question.expect}, got ${got}: ${question.text}`);
    }
  }
  return score;
}

const percent = (part: number, total: number) => `${((100 * part) / Math.max(1, total)).toFixed(1)} %`;

/**
 * `npm run knowledge:eval`: the knowledge search on the question set (test/knowledge/questions.json),
 * or once, at the end, on its sealed held-out part (`-- --held-out`). Prints top-1, the answers given
 * with confidence (right and wrong), the hesitations, and with `--verbose` every failing question.
 */
function main(): void {
  const heldOut = process.argv.includes('--held-out');
  const questions = loadQuestionSet(heldOut);
  const score = scoreKnowledge(MiniSearchKnowledgeBase.fromLocales(), questions);
  const lines = [
    `Knowledge search on ${score.total} questions (${heldOut ? 'sealed held-out part' : 'working set'})`,
    `  top-1 right                  ${score.topOne}/${score.total} ${percent(score.topOne, score.total)}`,
    `  answered with confidence     ${score.answeredRight + score.answeredWrong}: right ${score.answeredRight}, wrong ${score.answeredWrong} (${percent(score.answeredWrong, score.total)} of all)`,
    `  unsure, right one offered    ${score.choicesWithIt}`,
  ];
  if (process.argv.includes('--verbose') && !heldOut) lines.push('', ...score.failures);
  process.stdout.write(`${lines.join('\n')}\n`);
}

if (require.main === module) main();
