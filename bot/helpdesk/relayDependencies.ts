import type { HelpdeskApi } from '../../services/helpdesk/helpdeskApi';
import type { HandoffStore } from '../../services/helpdesk/handoffs';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { ProactiveMessenger } from '../proactive/backgroundWork';
import type { HelpdeskAgents } from './helpdeskAgents';

export interface RelayDependencies {
  helpdesk: HelpdeskApi;
  handoffs: HandoffStore;
  messenger: ProactiveMessenger;
  config: Pick<Config, 'environment' | 'helpdesk'>;
  logger: Logger;
  /** Who is an agent (HELPDESK_AGENTS, or the agent group's team roster). */
  agents: HelpdeskAgents;
  now: () => Date;
}
