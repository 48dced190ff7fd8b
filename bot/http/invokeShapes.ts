import { z } from 'zod';

/**
 * The invokes the bot answers, by name, with the shape of their `value`. An invoke is checked here,
 * before the SDK reads it: the SDK assigns fields on `value` (a string or a number there threw, 500) and
 * an invoke nobody answers would otherwise take the conversation's lock and read its state for nothing.
 */
const INVOKE_VALUES: Record<string, z.ZodType> = {
  // Universal Actions (Teams, Outlook): the action pressed on an Adaptive Card.
  'adaptiveCard/action': z.looseObject({
    action: z.looseObject({ type: z.string().min(1).max(64), verb: z.string().max(256).nullish(), data: z.unknown().optional() }),
  }),
  // Teams' own 👍 👎 under a bot message sent with feedbackLoopEnabled.
  'message/submitAction': z.looseObject({
    actionName: z.literal('feedback'),
    actionValue: z.looseObject({ reaction: z.enum(['like', 'dislike']), feedback: z.string().max(10_000).optional() }),
  }),
};

export type InvokeRefusal = { status: 400 | 501; code: string; message: string };

/** Why an invoke activity cannot be run (400: a known invoke of the wrong shape; 501: an invoke the bot does not answer), or undefined. */
export function invokeRefusal(activity: { type: string; name?: string | null; value?: unknown }): InvokeRefusal | undefined {
  if (activity.type !== 'invoke') return undefined;
  const schema = activity.name ? INVOKE_VALUES[activity.name] : undefined;
  if (!schema) return { status: 501, code: 'NotImplemented', message: 'This invoke is not handled by the bot.' };
  const parsed = schema.safeParse(activity.value);
  if (parsed.success) return undefined;
  const fields = parsed.error.issues.slice(0, 3).map((issue) => `${['value', ...issue.path.map(String)].join('.')}: ${issue.message}`);
  return { status: 400, code: 'BadRequest', message: `Not a valid ${activity.name} invoke: ${fields.join('; ')}` };
}
