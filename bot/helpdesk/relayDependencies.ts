import type { HelpdeskApi } from '../../services/helpdesk/helpdeskApi';
import type { HandoffStore } from '../../services/helpdesk/handoffs';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { ProactiveMessenger } from '../proactive/backgroundWork';

export interface RelayDependencies {
  helpdesk: HelpdeskApi;
  handoffs: HandoffStore;
  messenger: ProactiveMessenger;
  config: Pick<Config, 'environment' | 'helpdesk'>;
  logger: Logger;
}
