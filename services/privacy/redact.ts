import { findPersonalData, type PersonalDataKind } from './personalData';

/**
 * Redaction of personal data in free text. It runs at every boundary where text leaves the
 * conversation (logs, traces, transcripts, tickets), with the detectors of `personalData.ts`, which are
 * tolerant on purpose: a false positive costs a few characters of log, a false negative leaks a
 * person's data.
 */

/** Replaces every personal datum found in `text` with a `[KIND]` placeholder (except the kinds in `keep`). */
export function redactText(text: string, keep: readonly PersonalDataKind[] = []): string {
  let result = '';
  let from = 0;
  for (const { kind, start, end } of findPersonalData(text)) {
    if (keep.includes(kind)) continue;
    result += `${text.slice(from, start)}[${kind}]`;
    from = end;
  }
  return from === 0 ? text : result + text.slice(from);
}

/** Deep copy of `value` with every string redacted; used on structured log records. */
export function redactDeep(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redactText(value);
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactDeep(item, depth + 1));
  if (value instanceof Error) {
    return { type: value.name, message: redactText(value.message), stack: value.stack ? redactText(value.stack) : undefined };
  }
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) copy[key] = redactDeep(item, depth + 1);
  return copy;
}
