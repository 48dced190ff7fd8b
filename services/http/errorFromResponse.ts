import { z } from 'zod';
import {
  BadRequestError,
  ConflictError,
  GoneError,
  InvalidResponseError,
  LockedError,
  NotFoundError,
  RuleViolationError,
  ServiceError,
  ServiceErrorContext,
  UnauthorizedError,
  UnavailableError,
} from './errors';

/** The error body every portal API sends: `{code, message}` plus the extras some statuses carry. */
const ErrorBodySchema = z.object({
  code: z.string().min(1),
  message: z.string(),
  attemptsLeft: z.number().int().min(0).optional(),
  violations: z
    .array(
      z.object({
        code: z.string().min(1),
        message: z.string(),
        params: z.record(z.string(), z.union([z.string(), z.number()])).optional(),
      }),
    )
    .optional(),
});

export interface ErrorResponse {
  status: number;
  bodyText: string;
  retryAfterHeader: string | null;
}

/** Turns a non-2xx answer into the typed error a dialog can explain. */
export function errorFromResponse(response: ErrorResponse, where: Omit<ServiceErrorContext, 'status' | 'code'>): ServiceError {
  const body = parseErrorBody(response.bodyText);
  const context: ServiceErrorContext = { ...where, status: response.status, code: body?.code };
  const status = response.status;

  if (status === 429) return new UnavailableError(context, 'rateLimited', retryAfterMs(response.retryAfterHeader));
  if (status >= 500) return new UnavailableError(context, 'server', retryAfterMs(response.retryAfterHeader));
  if (status === 401 || status === 403) return new UnauthorizedError(context);
  if (status === 404) return new NotFoundError(context);
  if (status === 409) return new ConflictError(context);
  if (status === 410) return new GoneError(context);
  if (status === 423) return new LockedError(context);
  if (status === 422) {
    // A 422 without its list of violations cannot be explained to the user: treat it as a broken answer.
    if (!body?.violations || body.violations.length === 0) {
      return new InvalidResponseError(context, ['422 without violations']);
    }
    return new RuleViolationError(context, body.violations);
  }
  return new BadRequestError(context, body?.attemptsLeft);
}

function parseErrorBody(text: string): z.infer<typeof ErrorBodySchema> | undefined {
  try {
    const parsed = ErrorBodySchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Proxies answer 502/504 with HTML: the status alone still tells us what happened.
    return undefined;
  }
}

/** `Retry-After` in seconds (the HTTP-date form is not used by these APIs). */
function retryAfterMs(header: string | null): number | undefined {
  if (header === null || !/^\d+$/.test(header.trim())) return undefined;
  return Number(header.trim()) * 1000;
}
