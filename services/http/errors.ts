/**
 * The ways a call to a portal API can fail, as values a dialog can switch on (`error.kind`) and turn
 * into one precise sentence. Messages name the API and the operation, never the URL or the body: paths
 * and bodies may carry a NUR, an e-mail or an income, which must not reach a log.
 */

export type ServiceErrorKind =
  | 'NotFound'
  | 'Conflict'
  | 'RuleViolation'
  | 'Unavailable'
  | 'Locked'
  | 'Gone'
  | 'BadRequest'
  | 'Unauthorized'
  | 'InvalidResponse';

/** Where a failure happened, safe to log. */
export interface ServiceErrorContext {
  /** Short API name: `alin`, `sne`, `helpdesk`. */
  api: string;
  /** Logical operation (`getOffer`), never a URL. */
  operation: string;
  requestId: string;
  /** HTTP status, when the API answered. */
  status?: number;
  /** The `code` of the API's `{code, message}` error body, when it sent one. */
  code?: string;
}

abstract class ServiceErrorBase extends Error {
  abstract readonly kind: ServiceErrorKind;
  readonly api: string;
  readonly operation: string;
  readonly requestId: string;
  readonly status: number | undefined;
  readonly code: string | undefined;

  protected constructor(context: ServiceErrorContext, kind: ServiceErrorKind, detail?: string) {
    const status = context.status === undefined ? '' : ` HTTP ${context.status}`;
    const code = context.code === undefined ? '' : ` ${context.code}`;
    super(`${context.api}.${context.operation}: ${kind}${status}${code}${detail ? ` (${detail})` : ''}`);
    this.name = `${kind}Error`;
    this.api = context.api;
    this.operation = context.operation;
    this.requestId = context.requestId;
    this.status = context.status;
    this.code = context.code;
  }
}

export class NotFoundError extends ServiceErrorBase {
  readonly kind = 'NotFound' as const;
  constructor(context: ServiceErrorContext) {
    super(context, 'NotFound');
  }
}

/** 409: the action clashes with the current state (already applied, not withdrawable). */
export class ConflictError extends ServiceErrorBase {
  readonly kind = 'Conflict' as const;
  constructor(context: ServiceErrorContext) {
    super(context, 'Conflict');
  }
}

export interface Violation {
  code: string;
  message: string;
  params?: Record<string, string | number>;
}

/** 422: business rules refused the action; every broken rule is named so the user hears all of them. */
export class RuleViolationError extends ServiceErrorBase {
  readonly kind = 'RuleViolation' as const;
  constructor(
    context: ServiceErrorContext,
    readonly violations: Violation[],
  ) {
    super(context, 'RuleViolation', violations.map((violation) => violation.code).join(', '));
  }
}

export type UnavailableReason = 'timeout' | 'network' | 'server' | 'rateLimited' | 'circuitOpen' | 'cancelled';

/** The API could not answer now: the user may try again later. */
export class UnavailableError extends ServiceErrorBase {
  readonly kind = 'Unavailable' as const;
  constructor(
    context: ServiceErrorContext,
    readonly reason: UnavailableReason,
    /** From `Retry-After`, when the API asked the caller to wait. */
    readonly retryAfterMs?: number,
  ) {
    super(context, 'Unavailable', reason);
  }
}

/** 423: too many wrong attempts locked the resource (a linking challenge). */
export class LockedError extends ServiceErrorBase {
  readonly kind = 'Locked' as const;
  constructor(context: ServiceErrorContext) {
    super(context, 'Locked');
  }
}

/** 410: the resource existed but is no longer usable (an expired or used challenge). */
export class GoneError extends ServiceErrorBase {
  readonly kind = 'Gone' as const;
  constructor(context: ServiceErrorContext) {
    super(context, 'Gone');
  }
}

/** 400 (and other 4xx without a kind of their own): the input was refused. */
export class BadRequestError extends ServiceErrorBase {
  readonly kind = 'BadRequest' as const;
  constructor(
    context: ServiceErrorContext,
    /** Sent with a wrong one-time code: how many tries remain before the challenge locks. */
    readonly attemptsLeft?: number,
  ) {
    super(context, 'BadRequest', attemptsLeft === undefined ? undefined : `${attemptsLeft} attempts left`);
  }
}

/** 401/403: the bot's token was refused — a configuration problem, not the user's. */
export class UnauthorizedError extends ServiceErrorBase {
  readonly kind = 'Unauthorized' as const;
  constructor(context: ServiceErrorContext) {
    super(context, 'Unauthorized');
  }
}

/** The API answered something we cannot trust (not JSON, or not the documented shape). */
export class InvalidResponseError extends ServiceErrorBase {
  readonly kind = 'InvalidResponse' as const;
  constructor(
    context: ServiceErrorContext,
    /** Where the body differed from the contract (paths and expectations, never values). */
    readonly issues: string[],
  ) {
    super(context, 'InvalidResponse', issues.slice(0, 3).join('; '));
  }
}

export type ServiceError =
  | NotFoundError
  | ConflictError
  | RuleViolationError
  | UnavailableError
  | LockedError
  | GoneError
  | BadRequestError
  | UnauthorizedError
  | InvalidResponseError;

export function isServiceError(value: unknown): value is ServiceError {
  return value instanceof ServiceErrorBase;
}

/** A write that timed out may have been done all the same: say so rather than "nothing was sent". */
export function mayHaveGoneThrough(error: unknown): boolean {
  return isServiceError(error) && error.kind === 'Unavailable' && error.reason === 'timeout';
}
