import { TeamsInfo, type TeamsChannelAccount, type TurnContext } from 'botbuilder';
import type { HandoffStore } from '../../services/helpdesk/handoffs';
import { MAX_REFRESH_USERS } from '../../dialogs/cards/agentTicketCard';
import type { Config } from '../config';
import type { Logger } from '../logger';

/** Roster reads are cached this long: a member added to the team is an agent within five minutes. */
export const ROSTER_CACHE_MS = 5 * 60_000;
const ROSTER_PAGE_SIZE = 500;
/** A helpdesk team is a few dozen people; past this many pages the roster is cut short rather than read forever. */
const MAX_ROSTER_PAGES = 20;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface TeamRoster {
  teamId: string;
  aadGroupId?: string;
  members: Pick<TeamsChannelAccount, 'id' | 'aadObjectId' | 'name'>[];
}

/**
 * Who is a helpdesk agent:
 * - a Teams user named in HELPDESK_AGENTS (Entra object id or Teams user id); or
 * - when HELPDESK_AGENT_GROUP is set, a member of the helpdesk team (the team of the remembered
 *   helpdesk channel, else HELPDESK_TEAM_ID) whose Entra group (aadGroupId) is that group. Membership
 *   is read from the team's roster through Teams (TeamsInfo), cached five minutes; when the roster
 *   cannot be read the user is not an agent (logged), and the next command tries again.
 * In production only Teams counts; elsewhere any channel, so the local channel and the Emulator can
 * play the agent named in HELPDESK_AGENTS.
 */
export class HelpdeskAgents {
  private roster: { value: TeamRoster; until: number } | undefined;
  private loading: { teamId: string; roster: Promise<TeamRoster | undefined> } | undefined;

  constructor(
    private readonly config: Pick<Config, 'environment' | 'helpdesk'>,
    private readonly handoffs: HandoffStore,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Named in HELPDESK_AGENTS: no roster needed. */
  isNamedAgent(context: TurnContext): boolean {
    const from = context.activity.from;
    if (!from || !this.channelCounts(context)) return false;
    return this.config.helpdesk.agents.some((agent) => agent === from.aadObjectId || agent === from.id);
  }

  async isAgent(context: TurnContext): Promise<boolean> {
    if (this.isNamedAgent(context)) return true;
    const from = context.activity.from;
    if (!from || !this.config.helpdesk.agentGroup || context.activity.channelId !== 'msteams') return false;
    const roster = await this.groupRoster(context);
    return Boolean(roster?.members.some((member) => (from.aadObjectId && member.aadObjectId === from.aadObjectId) || member.id === from.id));
  }

  /**
   * The agents Teams refreshes an agent card for by itself (at most 60, by their Teams ids): those named
   * in HELPDESK_AGENTS, their Teams id read from the roster when they are named by Entra object id, and
   * the agent group's team. An Entra object id not found in the roster is left out (Teams wants user ids).
   */
  async refreshUserIds(context: TurnContext): Promise<string[]> {
    const roster = context.activity.channelId === 'msteams' ? await this.teamRoster(context) : undefined;
    const ids = new Set<string>();
    for (const agent of this.config.helpdesk.agents) {
      const member = roster?.members.find((candidate) => candidate.aadObjectId === agent || candidate.id === agent);
      if (member?.id) ids.add(member.id);
      else if (!GUID.test(agent)) ids.add(agent);
    }
    if (roster && this.isAgentGroup(roster.aadGroupId)) for (const member of roster.members) if (member.id) ids.add(member.id);
    return [...ids].slice(0, MAX_REFRESH_USERS);
  }

  /**
   * The Entra group id of a team the bot is in: from the activity when Teams put it there, else asked of
   * Teams — only when HELPDESK_AGENT_GROUP is set, since nothing else needs it. Undefined when unknown.
   */
  async groupIdOfTeam(context: TurnContext, team: { id: string; aadGroupId?: string }): Promise<string | undefined> {
    if (team.aadGroupId || !this.config.helpdesk.agentGroup) return team.aadGroupId;
    try {
      return (await TeamsInfo.getTeamDetails(context, team.id)).aadGroupId ?? undefined;
    } catch (error) {
      this.logger.warn({ teamId: team.id, status: statusOf(error), err: error }, 'team details not read');
      return undefined;
    }
  }

  /** Is this the agent group (HELPDESK_AGENT_GROUP)? */
  isAgentGroup(aadGroupId: string | undefined): boolean {
    return Boolean(this.config.helpdesk.agentGroup && aadGroupId?.toLowerCase() === this.config.helpdesk.agentGroup);
  }

  private channelCounts(context: TurnContext): boolean {
    return this.config.environment !== 'production' || context.activity.channelId === 'msteams';
  }

  /** The helpdesk team's roster when that team is the agent group's; undefined otherwise. */
  private async groupRoster(context: TurnContext): Promise<TeamRoster | undefined> {
    const roster = await this.teamRoster(context);
    if (!roster) return undefined;
    if (this.isAgentGroup(roster.aadGroupId)) return roster;
    this.logger.warn({ teamId: roster.teamId }, 'the helpdesk team is not the HELPDESK_AGENT_GROUP group; its members are not agents');
    return undefined;
  }

  /** The helpdesk team's members (cached), or undefined when there is no helpdesk team or Teams did not answer. */
  private async teamRoster(context: TurnContext): Promise<TeamRoster | undefined> {
    const channel = await this.handoffs.helpdeskChannel();
    const team = channel?.team ?? (this.config.helpdesk.teamId ? { id: this.config.helpdesk.teamId } : undefined);
    if (!team) return undefined;
    const cached = this.roster;
    if (cached && cached.value.teamId === team.id && cached.until > this.now().getTime()) return cached.value;
    // One read for the turns that ask at the same time.
    if (this.loading?.teamId !== team.id) {
      const loading = { teamId: team.id, roster: this.readRoster(context, team) };
      this.loading = loading;
      void loading.roster.finally(() => {
        if (this.loading === loading) this.loading = undefined;
      });
    }
    return this.loading.roster;
  }

  private async readRoster(context: TurnContext, team: { id: string; aadGroupId?: string }): Promise<TeamRoster | undefined> {
    try {
      const aadGroupId = await this.groupIdOfTeam(context, team);
      const members: TeamRoster['members'] = [];
      let continuationToken: string | undefined;
      for (let page = 0; page < MAX_ROSTER_PAGES; page++) {
        const result = await TeamsInfo.getPagedTeamMembers(context, team.id, ROSTER_PAGE_SIZE, continuationToken);
        members.push(...result.members.map(({ id, aadObjectId, name }) => ({ id, aadObjectId, name })));
        continuationToken = result.continuationToken || undefined;
        if (!continuationToken) break;
      }
      const value: TeamRoster = { teamId: team.id, ...(aadGroupId ? { aadGroupId } : {}), members };
      this.roster = { value, until: this.now().getTime() + ROSTER_CACHE_MS };
      return value;
    } catch (error) {
      this.logger.warn({ teamId: team.id, status: statusOf(error), err: error }, 'helpdesk team roster not read; its members are not taken for agents');
      return undefined;
    }
  }
}

export function agentNameOf(context: TurnContext): string {
  return context.activity.from?.name?.trim() || context.activity.from?.id || 'agent';
}

function statusOf(error: unknown): number | undefined {
  const status = typeof error === 'object' && error !== null ? (error as { statusCode?: unknown }).statusCode : undefined;
  return typeof status === 'number' ? status : undefined;
}
