/**
 * The names of the insights counters, one vocabulary for the recorder that writes them and the summary
 * that reads them. Every part comes from a closed set (channel buckets, intents, outcomes) or from the
 * portal clients' own code (api and operation names): nothing a user typed, nobody's id.
 */

/** A turn that counts: a message typed (or a suggested action sent as text), or a card button pressed. */
export type TurnKind = 'message' | 'cardSubmit';

/** Upper bounds (ms) of the portal calls' duration buckets; slower calls go to `inf`. */
export const PORTAL_BUCKETS_MS = [50, 100, 250, 500, 1000, 2000, 4000, 8000] as const;

export const SEPARATOR = '|';

/** A portal api or operation as a field part: the clients' own names, anything odd becomes `other`. */
export const portalPart = (name: string): string => (/^[A-Za-z0-9_.-]{1,64}$/.test(name) ? name : 'other');

export const fields = {
  turn: (channel: string, kind: TurnKind) => ['turn', channel, kind].join(SEPARATOR),
  intent: (intent: string) => ['intent', intent].join(SEPARATOR),
  outcome: (outcome: string) => ['outcome', outcome].join(SEPARATOR),
  /** `portal|<api>|<operation>|count|failed|totalMs|le|<bound>`; the maxima use `portal|<api>|<operation>`. */
  portal: (api: string, operation: string, ...rest: string[]) => ['portal', portalPart(api), portalPart(operation), ...rest].join(SEPARATOR),
};

/** The bucket a duration falls in (`inf` past the last bound). */
export function bucketOf(durationMs: number): string {
  const bound = PORTAL_BUCKETS_MS.find((upper) => durationMs <= upper);
  return bound === undefined ? 'inf' : String(bound);
}
