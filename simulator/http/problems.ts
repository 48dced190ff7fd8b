import { z } from 'zod';
import { SimulatorResponse } from './router';

/** Every error the simulator sends is `{code, message}` plus, for some, a documented extra. */
export function problem(status: number, code: string, message: string, extra: Record<string, unknown> = {}): SimulatorResponse {
  return { status, body: { code, message, ...extra } };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; response: SimulatorResponse };

/** Validates a request body; the 400 names the fields at fault, never their values. */
export function parseBody<T>(schema: z.ZodType<T>, body: unknown): Parsed<T> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const fields = parsed.error.issues.map((issue) => issue.path.join('.') || '(body)').join(', ');
  return { ok: false, response: problem(400, 'INVALID_BODY', `invalid fields: ${fields}`) };
}

export function ok(body: unknown, status = 200): SimulatorResponse {
  return { status, body };
}
