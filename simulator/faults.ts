import { z } from 'zod';

/**
 * Faults injected through `POST /dev/faults`, so tests can prove each failure of the portal ends in a
 * typed error. A fault applies to requests whose path matches `route` (`*` matches any characters,
 * slashes included) and, when given, whose method matches; the first matching fault wins.
 */
export const FaultSpecSchema = z
  .object({
    route: z.string().min(1).startsWith('/'),
    method: z.enum(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']).optional(),
    /**
     * latency: answer normally after `latencyMs` · error: answer `status` (5xx or 429) ·
     * timeout: never answer, until the client gives up · malformed: answer 200 with a body that is
     * not JSON (`truncated`) or not the documented shape (`wrongShape`) · disconnect: drop the connection.
     */
    kind: z.enum(['latency', 'error', 'timeout', 'malformed', 'disconnect']),
    latencyMs: z.number().int().min(1).max(60_000).optional(),
    status: z.number().int().min(429).max(599).optional(),
    body: z.enum(['truncated', 'wrongShape']).optional(),
    /** How many matching requests it affects; until `DELETE /dev/faults` when omitted. */
    count: z.number().int().min(1).optional(),
  })
  .refine((fault) => fault.kind !== 'latency' || fault.latencyMs !== undefined, { error: 'latency needs latencyMs', path: ['latencyMs'] })
  .refine((fault) => fault.status === undefined || fault.status === 429 || fault.status >= 500, {
    error: 'status must be 429 or 5xx',
    path: ['status'],
  });
export type FaultSpec = z.infer<typeof FaultSpecSchema>;

export interface ActiveFault extends FaultSpec {
  id: string;
  /** Left to apply; null means until cleared. */
  remaining: number | null;
}

export class FaultRegistry {
  private faults: { fault: ActiveFault; pattern: RegExp }[] = [];
  private sequence = 0;

  add(spec: FaultSpec): ActiveFault {
    this.sequence += 1;
    const fault: ActiveFault = { ...spec, id: `FLT-${this.sequence}`, remaining: spec.count ?? null };
    this.faults.push({ fault, pattern: globToRegExp(spec.route) });
    return fault;
  }

  clear(): void {
    this.faults = [];
  }

  list(): ActiveFault[] {
    return this.faults.map(({ fault }) => ({ ...fault }));
  }

  /** The fault to apply to this request, if any; counts it as used. */
  take(method: string, path: string): ActiveFault | undefined {
    const entry = this.faults.find(({ fault, pattern }) => (!fault.method || fault.method === method) && pattern.test(path));
    if (!entry) return undefined;
    if (entry.fault.remaining !== null) {
      entry.fault.remaining -= 1;
      if (entry.fault.remaining === 0) this.faults = this.faults.filter((candidate) => candidate !== entry);
    }
    return { ...entry.fault };
  }
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${escaped.join('.*')}$`);
}
