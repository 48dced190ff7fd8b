import type { TriageCategory, TriageInput } from '../../services/triage/triage';
import type { Intent } from './intents';

const CATEGORY_OF_INTENT: Partial<Record<Intent, TriageCategory>> = {
  eligibility: 'eligibility',
  documents: 'documents',
  searchOffers: 'offers',
  apply: 'offers',
  savedSearches: 'offers',
  status: 'applicationFollowUp',
  myApplications: 'applicationFollowUp',
  withdraw: 'applicationFollowUp',
  renewal: 'renewal',
  complaint: 'complaint',
};

/** What the recognized intents tell the helpdesk triage: the categories they point to, a person asked for. */
export function triageHints(intents: Intent[]): Pick<TriageInput, 'topics' | 'personAsked'> {
  return {
    topics: intents.flatMap((intent) => CATEGORY_OF_INTENT[intent] ?? []),
    personAsked: intents.includes('helpdesk'),
  };
}
