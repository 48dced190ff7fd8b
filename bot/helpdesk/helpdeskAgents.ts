import type { TurnContext } from 'botbuilder';
import type { Config } from '../config';

/**
 * A helpdesk agent is a Teams user named in HELPDESK_AGENTS (Entra object id or Teams user id). Outside
 * production any channel counts, so the local channel and the Emulator can play the agent.
 */
export function isHelpdeskAgent(context: TurnContext, config: Pick<Config, 'environment' | 'helpdesk'>): boolean {
  const from = context.activity.from;
  if (!from) return false;
  if (config.environment === 'production' && context.activity.channelId !== 'msteams') return false;
  return config.helpdesk.agents.some((agent) => agent === from.aadObjectId || agent === from.id);
}

export function agentNameOf(context: TurnContext): string {
  return context.activity.from?.name?.trim() || context.activity.from?.id || 'agent';
}
