import type { TicketCategory } from '../helpdesk/schemas';
import type { Triage, TriageCategory } from './triage';

/**
 * The helpdesk contract's categories are coarser than triage's (docs/portal-api.yaml): an urgent
 * situation is its own queue; the rest maps by subject. The contract has no "high": it stays in the summary.
 */
const CATEGORY_IN_CONTRACT: Record<TriageCategory, TicketCategory> = {
  eligibility: 'eligibility',
  employer: 'eligibility',
  documents: 'documents',
  offers: 'offers',
  applicationFollowUp: 'applications',
  renewal: 'request',
  technical: 'other',
  complaint: 'other',
  other: 'other',
};

export function ticketCategoryOf(result: Triage): TicketCategory {
  return result.urgency === 'urgent' ? 'urgent_situation' : CATEGORY_IN_CONTRACT[result.category];
}
