/**
 * What a helpdesk agent types to the bot in Teams (English words as the issue names them, French too):
 * `queue` · `take <ticket>` · `reply <ticket> <text>` · `close <ticket>`.
 */
export type AgentCommand =
  | { kind: 'queue' }
  | { kind: 'take'; ticketId: string }
  | { kind: 'reply'; ticketId: string; text: string }
  | { kind: 'close'; ticketId: string }
  | { kind: 'usage' };

const TICKET = '([A-Za-z0-9][A-Za-z0-9_-]{0,63})';
const PATTERNS: { pattern: RegExp; command: (match: RegExpMatchArray) => AgentCommand }[] = [
  { pattern: /^(?:queue|file|tickets)$/i, command: () => ({ kind: 'queue' }) },
  { pattern: new RegExp(`^(?:take|prendre)\\s+${TICKET}$`, 'i'), command: (match) => ({ kind: 'take', ticketId: match[1]! }) },
  { pattern: new RegExp(`^(?:reply|r[ée]pondre)\\s+${TICKET}\\s+([\\s\\S]+)$`, 'i'), command: (match) => ({ kind: 'reply', ticketId: match[1]!, text: match[2]!.trim() }) },
  { pattern: new RegExp(`^(?:close|clore|fermer)\\s+${TICKET}$`, 'i'), command: (match) => ({ kind: 'close', ticketId: match[1]! }) },
  // A command word without what it needs ("take", "reply T-1"): the agent gets the usage line.
  { pattern: /^(?:take|prendre|reply|r[ée]pondre|close|clore|fermer)(?:\s+\S+)?$/i, command: () => ({ kind: 'usage' }) },
];

/** The command in an agent's message, or undefined when it is an ordinary message for the assistant. */
export function parseAgentCommand(text: string): AgentCommand | undefined {
  const trimmed = text.trim();
  for (const { pattern, command } of PATTERNS) {
    const match = trimmed.match(pattern);
    if (match) return command(match);
  }
  return undefined;
}
