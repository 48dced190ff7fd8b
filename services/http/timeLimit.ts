/**
 * A signal that aborts after `ms`, or as soon as `parent` aborts, and that is released with `clear()`
 * once the work is done. `AbortSignal.timeout` and `AbortSignal.any` cannot be released: every call
 * would leave its timers running and its signals alive for the whole timeout, seconds after the answer.
 */
export interface TimeLimit {
  signal: AbortSignal;
  clear(): void;
}

export function timeLimit(ms: number, parent?: AbortSignal): TimeLimit {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new DOMException('The operation timed out.', 'TimeoutError')), ms);
  timer.unref();
  const followParent = () => controller.abort(parent?.reason);
  if (parent?.aborted) followParent();
  else parent?.addEventListener('abort', followParent, { once: true });
  return {
    signal: controller.signal,
    clear: () => {
      clearTimeout(timer);
      parent?.removeEventListener('abort', followParent);
    },
  };
}
