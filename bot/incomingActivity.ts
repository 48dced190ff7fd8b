import { z } from 'zod';

/**
 * The fields of an incoming activity that the SDK and the bot read without checking. Anything else a
 * channel sends passes through untouched; optional fields may be null (some channels send them so).
 * Without this check a missing `type` or a numeric `serviceUrl` became a 500 inside CloudAdapter, a
 * missing `serviceUrl` made the SDK post replies to the public Bot Framework endpoint, and a missing
 * `from.id` filed every such user under one shared state key.
 */
const ChannelAccountSchema = z.looseObject({
  id: z.string().min(1).max(512),
  name: z.string().nullish(),
  aadObjectId: z.string().nullish(),
  role: z.string().nullish(),
});

/** What Node lets through in an HTTP header value (tab, printable ASCII, Latin-1). */
const HEADER_SAFE = /^[\t\x20-\x7e\x80-\xff]+$/;

const isMention = (entity: { type: string }) => entity.type.toLowerCase() === 'mention';

// TurnContext.removeRecipientMention reads `mentioned.id`, and replaces the mention's text in the activity's text.
const EntitySchema = z
  .looseObject({ type: z.string(), mentioned: z.looseObject({ id: z.string() }).optional(), text: z.string().optional() })
  .refine((entity) => !isMention(entity) || (entity.mentioned !== undefined && entity.text !== undefined), {
    error: 'a mention needs mentioned.id and text',
  });

const IncomingActivitySchema = z.looseObject({
  type: z.string().min(1).max(64),
  id: z.string().max(512).nullish(),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }),
  conversation: z.looseObject({
    // Sent back in a header of every reply (x-ms-conversation-id): a character a header cannot carry failed the turn silently.
    id: z.string().min(1).max(1024).regex(HEADER_SAFE, { error: 'characters a header cannot carry' }),
    isGroup: z.boolean().nullish(),
    conversationType: z.string().nullish(),
    tenantId: z.string().nullish(),
  }),
  from: ChannelAccountSchema,
  recipient: ChannelAccountSchema,
  text: z.string().nullish(),
  locale: z.string().max(64).nullish(),
  name: z.string().max(256).nullish(),
  replyToId: z.string().max(512).nullish(),
  membersAdded: z.array(ChannelAccountSchema).nullish(),
  membersRemoved: z.array(ChannelAccountSchema).nullish(),
  // Not null: the SDK looks for mentions in any `entities` that is not undefined.
  entities: z.array(EntitySchema).optional(),
  attachments: z.array(z.looseObject({ contentType: z.string() })).nullish(),
}).refine((activity) => typeof activity.text === 'string' || !activity.entities?.some(isMention), {
  error: 'an activity with a mention needs a text',
  path: ['text'],
});

/** Cards nest a few levels; recursive code (JSON.stringify, zod) overflows its stack on thousands. */
const MAX_NESTING = 64;

/** What is wrong with a request body meant as an activity (field paths and rules, never the values), or undefined. */
export function activityProblems(body: unknown): string | undefined {
  if (nestingDepth(body, MAX_NESTING) > MAX_NESTING) return `(body): nested more than ${MAX_NESTING} levels`;
  const parsed = IncomingActivitySchema.safeParse(body);
  if (parsed.success) return undefined;
  return parsed.error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(body)'}: ${issue.message}`)
    .join('; ');
}

/** How deeply objects and arrays nest in `value`, counted without recursion and up to `limit + 1`. */
function nestingDepth(value: unknown, limit: number): number {
  let deepest = 0;
  const pending: { node: unknown; depth: number }[] = [{ node: value, depth: 0 }];
  while (pending.length > 0) {
    const { node, depth } = pending.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    deepest = Math.max(deepest, depth + 1);
    if (deepest > limit) return deepest;
    for (const child of Object.values(node)) pending.push({ node: child, depth: depth + 1 });
  }
  return deepest;
}
