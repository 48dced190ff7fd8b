import { Household, RequestDocument } from '../services/sne/schemas';
import { AttributionDecision, CandidatureStatus, DeclineReason, Employer, Offer } from '../services/portal/schemas';
import { Ticket } from '../services/helpdesk/schemas';

/** Everything the simulator knows, in memory. Views (views.ts) turn it into API answers. */

export interface StoredRequest {
  nur: string;
  department: string;
  registeredAt: string;
  lastRenewedAt: string | null;
  renewalDueDate: string;
  /** Set when the request was closed for a reason other than time: the state no longer follows the dates. */
  closedAs: 'cancelled' | 'attributed' | null;
  household: Household;
  referenceIncome: { amount: number; year: number };
  documents: RequestDocument[];
}

export interface StoredApplicant {
  id: string;
  nur: string;
  firstName: string;
  email: string;
  employerSiret: string;
}

export interface StoredCandidature {
  id: string;
  applicantId: string;
  offerId: string;
  status: CandidatureStatus;
  submittedAt: string;
  decision: AttributionDecision | null;
  commissionDate?: string | null;
  documentsRequested?: string[];
  /** Kept when a proposal is declined. */
  declineReason?: DeclineReason;
  history: { status: CandidatureStatus; at: string }[];
}

export interface SimulatorWorld {
  offers: Map<string, Offer>;
  requests: Map<string, StoredRequest>;
  applicants: Map<string, StoredApplicant>;
  employers: Map<string, Employer>;
  candidatures: Map<string, StoredCandidature>;
  tickets: Map<string, Ticket>;
  /** Last number given, per kind of id. */
  sequences: { offer: number; candidature: number; ticket: number };
}

export function nextId(world: SimulatorWorld, kind: keyof SimulatorWorld['sequences'], prefix: string): string {
  world.sequences[kind] += 1;
  return `${prefix}-${String(world.sequences[kind]).padStart(5, '0')}`;
}
