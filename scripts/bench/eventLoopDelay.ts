/**
 * The event loop's delay inside a bot during a measured slice, read from its `/metrics` (prom-client's
 * default metrics, which sample `perf_hooks.monitorEventLoopDelay` and reset it at every scrape): a
 * scrape before the slice starts the window, a scrape after reads it. Undefined for a bot without
 * `/metrics` (the bare echo bot).
 */
export interface EventLoopDelay {
  maxMs: number;
  p99Ms: number;
}

export async function scrapeEventLoopDelay(botUrl: string): Promise<EventLoopDelay | undefined> {
  try {
    const response = await fetch(`${botUrl}/metrics`);
    if (!response.ok) return undefined;
    const text = await response.text();
    const seconds = (name: string) => {
      const line = text.split('\n').find((candidate) => candidate.startsWith(`${name} `));
      return line ? Number(line.slice(name.length + 1)) : undefined;
    };
    const max = seconds('nodejs_eventloop_lag_max_seconds');
    const p99 = seconds('nodejs_eventloop_lag_p99_seconds');
    return max === undefined || p99 === undefined ? undefined : { maxMs: max * 1000, p99Ms: p99 * 1000 };
  } catch {
    return undefined;
  }
}

/** Over several slices: the worst maximum and the worst p99 (a conservative p99 for the whole phase). */
export function worstOf(a: EventLoopDelay | undefined, b: EventLoopDelay | undefined): EventLoopDelay | undefined {
  if (!a || !b) return a ?? b;
  return { maxMs: Math.max(a.maxMs, b.maxMs), p99Ms: Math.max(a.p99Ms, b.p99Ms) };
}
