import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { projectRoot } from '../services/shared/projectRoot';
import type { EmergencyNumber } from '../services/triage/triage';
import type { UrgentLabel } from '../services/triage/urgentClassifier';
import { loadUrgentSet, type UrgentItem } from './triageEval';

/**
 * `npm run triage:training`: the working parts of the labelled sets (test/triage and its round-N
 * folders, never their sealed held-out parts) written as training examples of the urgent-situation
 * classifier (services/triage/data/urgentTraining3.json). One-message items only: a label belongs to
 * what a person wrote in all their messages, and the classifier reads one message at a time.
 */
const DATA = join(projectRoot(), 'services', 'triage', 'data', 'urgentTraining3.json');

/** The classes whose findings give exactly these numbers; none when no class does (17 without violence). */
export function labelsOf(item: Pick<UrgentItem, 'urgent' | 'numbers'>): UrgentLabel[] | undefined {
  if (!item.urgent) return ['ordinary'];
  const numbers = new Set<EmergencyNumber>(item.numbers);
  if (numbers.size === 0) return ['priority'];
  if (numbers.has('17') && !numbers.has('3919')) return undefined;
  const labels: UrgentLabel[] = [];
  if (numbers.has('115')) labels.push('homeless');
  if (numbers.has('3919')) labels.push(numbers.has('17') ? 'dangerNow' : 'violence');
  if (numbers.has('119')) labels.push('child');
  return labels;
}

function workingFolders(): string[] {
  const root = join(projectRoot(), 'test', 'triage');
  const rounds = readdirSync(root).filter((name) => /^round-\d+$/.test(name)).sort((a, b) => Number(a.slice(6)) - Number(b.slice(6)));
  return [root, ...rounds.map((name) => join(root, name))];
}

function main(): void {
  const examples = workingFolders().flatMap((folder) =>
    loadUrgentSet(false, folder).flatMap((item) => {
      const labels = labelsOf(item);
      if (item.messages.length !== 1 || !labels) return [];
      return [{ text: item.messages[0]!, language: item.language === 'en' ? 'en' : 'fr', label: labels.length === 1 ? labels[0] : labels }];
    }),
  );
  const note =
    'Written by scripts/triageTrainingFromRounds.ts (npm run triage:training) from the working parts of the labelled sets in test/triage (never their sealed held-out parts): one-message items, labelled by their numbers (115 homeless, 3919 violence, 3919 + 17 danger now, 119 child, urgent without a number another priority situation). Do not edit by hand.';
  writeFileSync(DATA, `${JSON.stringify({ note, examples }, null, 2)}\n`);
  process.stdout.write(`${examples.length} examples → ${DATA}\n`);
}

main();
