import { ServiceError } from './errors';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface RetrySettings {
  /** Attempts in total, the first one included. */
  maxAttempts: number;
  initialDelayMs: number;
  maxDelayMs: number;
}

// Only calls that can be repeated without a second effect are retried (RFC 9110 §9.2.2): a POST that
// timed out may have created the application, and a retry would make a duplicate.
const IDEMPOTENT_METHODS: ReadonlySet<HttpMethod> = new Set<HttpMethod>(['GET', 'PUT', 'DELETE']);

// 500 is a bug on the other side, not a passing state: retrying it only adds load.
const TRANSIENT_STATUSES: ReadonlySet<number> = new Set([429, 502, 503, 504]);

/** Whether a failed attempt is worth another one. */
export function isRetryable(method: HttpMethod, error: ServiceError): boolean {
  if (!IDEMPOTENT_METHODS.has(method) || error.kind !== 'Unavailable') return false;
  switch (error.reason) {
    case 'network':
    case 'timeout':
    case 'rateLimited':
      return true;
    case 'server':
      return error.status !== undefined && TRANSIENT_STATUSES.has(error.status);
    case 'circuitOpen':
    case 'cancelled':
      return false;
  }
}

/**
 * Exponential backoff with full jitter (the delay is drawn in [0, cap]): clients that failed together
 * do not come back together. The server's `Retry-After`, when given, is a floor.
 */
export function backoffDelayMs(
  retryNumber: number,
  settings: RetrySettings,
  retryAfterMs?: number,
  random: () => number = Math.random,
): number {
  const cap = Math.min(settings.maxDelayMs, settings.initialDelayMs * 2 ** (retryNumber - 1));
  const jittered = Math.round(random() * cap);
  return retryAfterMs === undefined ? jittered : Math.max(jittered, retryAfterMs);
}

/** Waits, unless the signal aborts first; says whether the full delay elapsed. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
