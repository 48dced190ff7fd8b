import type { TriageCategory, TriageInput } from '../../services/triage/triage';
import type { Intent, Recognition } from './intents';
import { currentHomeOf } from './currentHome';

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

/**
 * What the recognized messages tell the helpdesk triage: the categories their intents point to, a person
 * asked for, and the home the writer says they live in (the last message that says it).
 */
export function triageHints(recognitions: Pick<Recognition, 'intent' | 'text' | 'entities'>[]): Pick<TriageInput, 'topics' | 'personAsked' | 'home'> {
  const intents = recognitions.map((recognition) => recognition.intent);
  const home = recognitions.map(currentHomeOf).filter((found) => found !== undefined).at(-1);
  return {
    topics: intents.flatMap((intent) => CATEGORY_OF_INTENT[intent] ?? []),
    personAsked: intents.includes('helpdesk'),
    ...(home ? { home } : {}),
  };
}
