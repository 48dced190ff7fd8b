import type { FeedbackCounts } from '../storage/answerFeedbackStores';
import { PORTAL_BUCKETS_MS, SEPARATOR } from './insightsFields';
import type { DayAggregates } from './insightsStore';

/** What the insights page shows for a period: headline totals, series per day, and the top lists. */
export interface InsightsSummary {
  from: string;
  to: string;
  channels: string[];
  totals: DayTotals & { useful: number; notUseful: number; portalCalls: number; portalFailures: number };
  perDay: (DayTotals & { day: string; byChannel: Record<string, number> })[];
  /** The intents recognised most often (`none` is left out: the not-understood rate says it). */
  topIntents: { intent: string; count: number }[];
  /** "Utile ? 👍 👎" per answer, every language and channel together. */
  /** Per answer: 👍, 👎, and the reasons chosen after 👎 (reason → count). */
  feedback: { answer: string; useful: number; notUseful: number; reasons: Record<string, number> }[];
  /** The portal operations with the slowest call, slowest first; p95 is a bucket's upper bound. */
  portalCalls: { api: string; operation: string; count: number; failed: number; avgMs: number; p95Ms: number; maxMs: number }[];
}

interface DayTotals {
  /** Counted turns: messages and card buttons. */
  turns: number;
  cardSubmits: number;
  answered: number;
  unsure: number;
  notUnderstood: number;
  /** Not understood over counted turns (null on a day without turns). */
  notUnderstoodRate: number | null;
  handoffs: number;
  urgentTickets: number;
}

const TOP_INTENTS = 10;
const TOP_ANSWERS = 15;
const TOP_PORTAL_CALLS = 10;

/** The `count` days ending with `today`, oldest first. */
export function daysEnding(today: string, count: number): string[] {
  const end = Date.parse(`${today}T00:00:00Z`);
  return Array.from({ length: count }, (_, index) => new Date(end - (count - 1 - index) * 86_400_000).toISOString().slice(0, 10));
}

/** Builds the summary from the days' aggregates and their feedback counts (same days, same order). */
export function summarize(days: DayAggregates[], feedback: FeedbackCounts[]): InsightsSummary {
  const channels = new Set<string>();
  const intents = new Map<string, number>();
  const portal = new Map<string, { count: number; failed: number; totalMs: number; maxMs: number; buckets: Map<string, number> }>();

  const perDay = days.map(({ day, counts, maxima }) => {
    const byChannel: Record<string, number> = {};
    const outcomes: Record<string, number> = {};
    let turns = 0;
    let cardSubmits = 0;
    for (const [field, count] of Object.entries(counts)) {
      const [kind, ...parts] = field.split(SEPARATOR);
      if (kind === 'turn' && parts.length === 2) {
        const [channel, turnKind] = parts as [string, string];
        channels.add(channel);
        byChannel[channel] = (byChannel[channel] ?? 0) + count;
        turns += count;
        if (turnKind === 'cardSubmit') cardSubmits += count;
      } else if (kind === 'intent' && parts[0] && parts[0] !== 'none') {
        intents.set(parts[0], (intents.get(parts[0]) ?? 0) + count);
      } else if (kind === 'outcome' && parts[0]) {
        outcomes[parts[0]] = count;
      } else if (kind === 'portal' && parts.length >= 3) {
        const [api, operation, measure, bound] = parts as [string, string, string, string | undefined];
        const call = portalEntry(portal, api, operation);
        if (measure === 'count') call.count += count;
        else if (measure === 'failed') call.failed += count;
        else if (measure === 'totalMs') call.totalMs += count;
        else if (measure === 'le' && bound) call.buckets.set(bound, (call.buckets.get(bound) ?? 0) + count);
      }
    }
    for (const [field, value] of Object.entries(maxima)) {
      const [kind, api, operation] = field.split(SEPARATOR);
      if (kind !== 'portal' || !api || !operation) continue;
      const call = portalEntry(portal, api, operation);
      call.maxMs = Math.max(call.maxMs, value);
    }
    const notUnderstood = outcomes.notUnderstood ?? 0;
    return {
      day,
      turns,
      byChannel,
      cardSubmits,
      answered: outcomes.answered ?? 0,
      unsure: outcomes.unsure ?? 0,
      notUnderstood,
      notUnderstoodRate: turns > 0 ? round(notUnderstood / turns, 3) : null,
      handoffs: outcomes.handoff ?? 0,
      urgentTickets: outcomes.urgentTicket ?? 0,
    };
  });

  const answers = new Map<string, { useful: number; notUseful: number; reasons: Record<string, number> }>();
  for (const counts of feedback) {
    for (const [field, count] of Object.entries(counts)) {
      // `answer|language|channel|useful` (or `…|reason:unclear`): the answer key is what remains before the last three parts.
      const parts = field.split(SEPARATOR);
      const verdict = parts.pop() ?? '';
      const answer = parts.slice(0, -2).join(SEPARATOR);
      const reason = /^reason:([A-Za-z]{1,32})$/.exec(verdict)?.[1];
      if (!answer || (verdict !== 'useful' && verdict !== 'notUseful' && !reason)) continue;
      const entry = answers.get(answer) ?? { useful: 0, notUseful: 0, reasons: {} };
      if (reason) entry.reasons[reason] = (entry.reasons[reason] ?? 0) + count;
      else entry[verdict as 'useful' | 'notUseful'] += count;
      answers.set(answer, entry);
    }
  }

  const sum = (pick: (day: (typeof perDay)[number]) => number) => perDay.reduce((total, day) => total + pick(day), 0);
  const turns = sum((day) => day.turns);
  const notUnderstood = sum((day) => day.notUnderstood);
  const feedbackList = [...answers].map(([answer, counts]) => ({ answer, ...counts }));
  const portalList = [...portal].map(([key, call]) => {
    const [api, operation] = key.split(SEPARATOR) as [string, string];
    return {
      api,
      operation,
      count: call.count,
      failed: call.failed,
      avgMs: call.count > 0 ? Math.round(call.totalMs / call.count) : 0,
      p95Ms: percentileOf(call.buckets, call.count, 0.95, call.maxMs),
      maxMs: call.maxMs,
    };
  });

  return {
    from: days[0]?.day ?? '',
    to: days[days.length - 1]?.day ?? '',
    channels: [...channels].sort(),
    totals: {
      turns,
      cardSubmits: sum((day) => day.cardSubmits),
      answered: sum((day) => day.answered),
      unsure: sum((day) => day.unsure),
      notUnderstood,
      notUnderstoodRate: turns > 0 ? round(notUnderstood / turns, 3) : null,
      handoffs: sum((day) => day.handoffs),
      urgentTickets: sum((day) => day.urgentTickets),
      useful: feedbackList.reduce((total, entry) => total + entry.useful, 0),
      notUseful: feedbackList.reduce((total, entry) => total + entry.notUseful, 0),
      portalCalls: portalList.reduce((total, call) => total + call.count, 0),
      portalFailures: portalList.reduce((total, call) => total + call.failed, 0),
    },
    perDay,
    topIntents: [...intents]
      .map(([intent, count]) => ({ intent, count }))
      .sort((a, b) => b.count - a.count || a.intent.localeCompare(b.intent))
      .slice(0, TOP_INTENTS),
    feedback: feedbackList.sort((a, b) => b.useful + b.notUseful - (a.useful + a.notUseful) || a.answer.localeCompare(b.answer)).slice(0, TOP_ANSWERS),
    portalCalls: portalList.sort((a, b) => b.maxMs - a.maxMs || b.avgMs - a.avgMs).slice(0, TOP_PORTAL_CALLS),
  };
}

function portalEntry(portal: Map<string, { count: number; failed: number; totalMs: number; maxMs: number; buckets: Map<string, number> }>, api: string, operation: string) {
  const key = [api, operation].join(SEPARATOR);
  let entry = portal.get(key);
  if (!entry) {
    entry = { count: 0, failed: 0, totalMs: 0, maxMs: 0, buckets: new Map() };
    portal.set(key, entry);
  }
  return entry;
}

/** The upper bound of the bucket holding the given share of calls (the maximum past the last bound). */
function percentileOf(buckets: Map<string, number>, count: number, share: number, maxMs: number): number {
  if (count === 0) return 0;
  let seen = 0;
  for (const bound of PORTAL_BUCKETS_MS) {
    seen += buckets.get(String(bound)) ?? 0;
    if (seen >= share * count) return Math.min(bound, maxMs);
  }
  return maxMs;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;
