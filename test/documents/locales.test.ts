import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checklistFor } from '../../services/documents/checklist';
import { compareWithRequest } from '../../services/documents/requestComparison';
import { loadKnowledge } from '../../services/knowledge/loadKnowledge';

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

const LANGUAGES = ['fr', 'en'] as const;
const read = (language: string, namespace: string): Json => JSON.parse(readFileSync(join(__dirname, '../../locales', language, `${namespace}.json`), 'utf8'));

/** "documents:items.identity.label" → the string at that path, or undefined. */
function lookup(language: string, key: string): Json | undefined {
  const [namespace, path] = key.split(':');
  let value: Json | undefined = read(language, namespace ?? '');
  for (const part of (path ?? '').split('.')) value = value && typeof value === 'object' && !Array.isArray(value) ? value[part] : undefined;
  return value;
}

/** The knowledge base's sentences (its questions are the users' words, not ours). */
function knowledgeTexts(language: string): [string, string][] {
  return loadKnowledge(language).flatMap((entry): [string, string][] => [
    [`knowledge:${entry.id}.answer`, entry.answer],
    ...(entry.more ? [[`knowledge:${entry.id}.more`, entry.more] as [string, string]] : []),
    [`knowledge:${entry.id}.source`, entry.source],
  ]);
}

function leaves(value: Json, prefix = ''): [string, string][] {
  if (typeof value === 'string') return [[prefix, value]];
  if (value && typeof value === 'object' && !Array.isArray(value)) return Object.entries(value).flatMap(([key, child]) => leaves(child, prefix ? `${prefix}.${key}` : key));
  if (Array.isArray(value)) return value.flatMap((child, index) => leaves(child, `${prefix}.${index}`));
  return [];
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

/** Every key the documents services can hand a dialog. */
function emittedKeys(): string[] {
  const checklist = checklistFor(
    { familySituation: 'divorceOrSeparation', children: true, pregnancy: true, reasons: ['disability', 'homeless', 'unfitHousing', 'noticeToLeave', 'eviction', 'domesticViolence'] },
    new Date('2026-03-15T10:00:00Z'),
  );
  const others = [checklistFor({ residence: 'foreignNational', familySituation: 'married' }, new Date()), checklistFor({ familySituation: 'pacs' }, new Date())];
  const items = [...checklist.items, ...others.flatMap((other) => other.items)];
  const states = ['provided', 'missing', 'expired', 'rejected'] as const;
  const comparisons = states.map((state) => compareWithRequest(checklist, checklist.items.map((item) => ({ type: item.documentTypes[0]!, state, concerns: 'applicant', updatedAt: null }))));
  comparisons.push(compareWithRequest(checklist, []));
  return [
    checklist.limitativeKey,
    ...items.flatMap((item) => [item.labelKey, ...item.detailKeys, ...(item.conditionKey ? [item.conditionKey] : []), `documents:groups.${item.group}`, `documents:concerns.${item.concerns}`]),
    ...comparisons.flatMap((comparison) => [
      comparison.afterStepsKey,
      ...(comparison.underConditionKey ? [comparison.underConditionKey] : []),
      ...comparison.items.flatMap((item) => [`documents:status.${item.status}`, ...(item.nextStepKey ? [item.nextStepKey] : [])]),
    ]),
  ];
}

describe('locales/<language>/documents.json', () => {
  test.each(LANGUAGES)('has a sentence in %s for every key the services hand out', (language) => {
    const missing = [...new Set(emittedKeys())].filter((key) => typeof lookup(language, key) !== 'string');
    expect(missing).toEqual([]);
  });

  it('has the same keys and placeholders in French and English', () => {
    // French grammar only: each document's gender and number, and the states agreeing with it.
    const frenchGrammar = ([key]: [string, string]) => !key.startsWith('agreement.') && !/_(?:m|f|mp|fp)$/.test(key);
    const fr = new Map(leaves(read('fr', 'documents')).filter(frenchGrammar));
    const en = new Map(leaves(read('en', 'documents')));
    expect([...en.keys()].sort()).toEqual([...fr.keys()].sort());
    for (const [key, text] of fr) expect([key, placeholders(en.get(key) ?? '')]).toEqual([key, placeholders(text)]);
  });

  it('never asks for a document to be sent to the assistant', () => {
    expect(lookup('fr', 'documents:nextStep.afterUpload')).toMatch(/Ne m'envoyez jamais de document/);
    expect(lookup('en', 'documents:nextStep.afterUpload')).toMatch(/Never send me a document/);
  });
});

describe('French typography in the files of this issue and of the helpdesk and notifications', () => {
  const frenchTexts = [...leaves(read('fr', 'documents')), ...knowledgeTexts('fr'), ...leaves(read('fr', 'helpdesk')), ...leaves(read('fr', 'notifications'))].filter(([key]) => !key.endsWith('sourceRef') && !/sourceRef\.\d+$/.test(key));

  it('puts a non-breaking space (U+00A0) before ? ! : ; and inside « »', () => {
    const faults = frenchTexts.filter(([, text]) => /[^\u00a0][?!;]|[^\u00a0/]:(?!\/\/)|«[^\u00a0]|[^\u00a0]»/.test(text.replace(/\{\{\w+\}\}/g, 'x').replace(/https?:\/\//g, '')));
    expect(faults).toEqual([]);
  });

  it('has no regular space where a non-breaking one belongs', () => {
    expect(frenchTexts.filter(([, text]) => / [?!:;»]|« /.test(text))).toEqual([]);
  });
});

describe('French agreement of document states', () => {
  it('knows the gender and number of every document, so its state agrees ("avis… manquant")', () => {
    const french = read('fr', 'documents') as { items: Record<string, unknown>; agreement: Record<string, string> };
    const without = Object.keys(french.items).filter((type) => !['m', 'f', 'mp', 'fp'].includes(french.agreement[type] ?? ''));
    expect(without).toEqual([]);
  });
});

describe('one kind of apostrophe in every French text', () => {
  const files = readdirSync(join(__dirname, '../../locales', 'fr'), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.json'))
    .map((entry) => join(entry.parentPath, entry.name));

  it.each(files)('%s writes the straight apostrophe only', (file) => {
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line.includes('\u2019'));
    expect(lines).toEqual([]);
  });
});
