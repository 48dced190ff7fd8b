import { randomUUID } from 'node:crypto';

// A request id travels in headers and logs: keep it short and free of anything a header or a log
// line could misread. Anything else is replaced, not trusted.
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;

export const REQUEST_ID_HEADER = 'x-request-id';

/** The caller's request id when it is well-formed, else a new one. */
export function requestIdOrNew(candidate?: string | null): string {
  return candidate && REQUEST_ID_PATTERN.test(candidate) ? candidate : randomUUID();
}
