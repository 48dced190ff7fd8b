import { CircuitState, ConsecutiveBreaker, circuitBreaker, handleWhen, isBrokenCircuitError } from 'cockatiel';
import { ServiceError, UnavailableError } from './errors';

export interface BreakerSettings {
  /** Consecutive failed attempts that open the circuit. */
  consecutiveFailures: number;
  /** How long the circuit stays open before one trial call is let through. */
  halfOpenAfterMs: number;
}

export type CircuitStatus = 'closed' | 'open' | 'halfOpen' | 'isolated';

export interface ApiCircuitBreaker {
  /** Runs the attempt, or fails at once with `whenOpen()` while the circuit is open. */
  execute<T>(attempt: () => Promise<T>, whenOpen: () => ServiceError): Promise<T>;
  status(): CircuitStatus;
}

/**
 * One breaker per API: when the portal is down, the bot answers "try again later" at once instead of
 * making every user wait for a timeout, and the portal gets room to recover. Only "unavailable"
 * failures count — a 404 or a rule violation is a healthy API saying no.
 */
export function createApiCircuitBreaker(settings: BreakerSettings): ApiCircuitBreaker {
  const countsAsFailure = (error: Error) =>
    error instanceof UnavailableError && error.reason !== 'cancelled' && error.reason !== 'circuitOpen';
  const policy = circuitBreaker(handleWhen(countsAsFailure), {
    halfOpenAfter: settings.halfOpenAfterMs,
    breaker: new ConsecutiveBreaker(settings.consecutiveFailures),
  });

  return {
    async execute<T>(attempt: () => Promise<T>, whenOpen: () => ServiceError): Promise<T> {
      try {
        return await policy.execute(() => attempt());
      } catch (error) {
        if (isBrokenCircuitError(error)) throw whenOpen();
        throw error;
      }
    },
    status(): CircuitStatus {
      switch (policy.state) {
        case CircuitState.Closed:
          return 'closed';
        case CircuitState.Open:
          return 'open';
        case CircuitState.HalfOpen:
          return 'halfOpen';
        case CircuitState.Isolated:
          return 'isolated';
      }
    },
  };
}
