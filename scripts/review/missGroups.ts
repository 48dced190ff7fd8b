import type { KeptMiss } from '../../bot/storage/missStores';
import { sameQuestion } from '../../dialogs/review/missedMessages';

/** Misses that ask the same thing: the first one's words stand for the group. */
export interface MissGroup {
  texts: { text: string; count: number }[];
  count: number;
  reasons: Record<string, number>;
  intents: Record<string, number>;
  languages: Record<string, number>;
}

const tally = (counts: Record<string, number>, key: string) => void (counts[key] = (counts[key] ?? 0) + 1);

/**
 * Groups misses by similarity (most of their words shared, accents and case aside), biggest group first:
 * what many people asked and the assistant missed comes first in the review.
 */
export function groupMisses(misses: readonly KeptMiss[]): MissGroup[] {
  const groups: { head: string; group: MissGroup }[] = [];
  for (const miss of misses) {
    const text = miss.text.trim();
    const found = groups.find(({ head }) => head.toLowerCase() === text.toLowerCase() || sameQuestion(head, text));
    const group = found?.group ?? { texts: [], count: 0, reasons: {}, intents: {}, languages: {} };
    if (!found) groups.push({ head: text, group });
    group.count += 1;
    tally(group.reasons, miss.reason);
    tally(group.intents, miss.intent);
    tally(group.languages, miss.language);
    const same = group.texts.find((seen) => seen.text === text);
    if (same) same.count += 1;
    else group.texts.push({ text, count: 1 });
  }
  return groups.map(({ group }) => group).sort((a, b) => b.count - a.count);
}

/** "notUnderstood 3, rephrased 1": the biggest first. */
export function countsText(counts: Record<string, number>): string {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1])
    .map(([key, count]) => `${key} ${count}`)
    .join(', ');
}

const mostOf = (counts: Record<string, number>) => Object.entries(counts).sort((a, b) => b[1] - a[1])[0]?.[0] ?? '';

/** The review as text: one block per group, its size, why, the intents guessed and up to five ways it was written. */
export function reviewText(misses: readonly KeptMiss[], groups: readonly MissGroup[]): string {
  if (misses.length === 0) return 'No misses kept: nothing to review.\n';
  const first = misses[0]!.at.slice(0, 10);
  const last = misses[misses.length - 1]!.at.slice(0, 10);
  const lines = [`${misses.length} misses kept from ${first} to ${last}, in ${groups.length} groups (biggest first).`, ''];
  groups.forEach((group, index) => {
    lines.push(`#${index + 1} · ${group.count}× · ${countsText(group.reasons)} · guessed: ${countsText(group.intents)} · ${countsText(group.languages)}`);
    for (const { text, count } of group.texts.slice(0, 5)) lines.push(`    ${count > 1 ? `${count}× ` : ''}« ${text} »`);
    if (group.texts.length > 5) lines.push(`    … and ${group.texts.length - 5} other wordings`);
  });
  return `${lines.join('\n')}\n`;
}

/** One line per wording for a person to label: the intent it should have had, or "skip". */
export interface Candidate {
  group: number;
  text: string;
  language: string;
  guessedIntent: string;
  count: number;
  reasons: string;
  /** Filled by a person: an intent name, or "skip". Null: not reviewed (never applied). */
  label: string | null;
}

export function candidatesOf(groups: readonly MissGroup[]): Candidate[] {
  return groups.flatMap((group, index) =>
    group.texts.map(({ text, count }) => ({
      group: index + 1,
      text,
      language: mostOf(group.languages),
      guessedIntent: mostOf(group.intents),
      count,
      reasons: countsText(group.reasons),
      label: null,
    })),
  );
}
