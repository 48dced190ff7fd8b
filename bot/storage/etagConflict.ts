/**
 * The error a store raises when a write carries an eTag that is no longer current. The wording matches
 * the Bot Framework stores ("eTag conflict"), which SDK components such as Teams SSO dedupe look for.
 */
export class ETagConflictError extends Error {
  readonly kind = 'PreconditionFailed' as const;
  constructor(readonly key: string) {
    super(`Storage: error writing "${key}" due to eTag conflict.`);
    this.name = 'ETagConflictError';
  }
}

export function isETagConflict(error: unknown): boolean {
  return error instanceof Error && /etag conflict/i.test(error.message);
}

/** A write is unconditional when it carries no eTag or the wildcard. */
export function isUnconditional(eTag: unknown): boolean {
  return eTag === undefined || eTag === null || eTag === '' || eTag === '*';
}
