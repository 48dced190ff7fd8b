import { ACTIVE_CANDIDATURE_STATUSES, type Candidature, type CandidatureStatus } from '../portal/schemas';
import type { DocumentState, DocumentType, HousingRequest, RequestState } from '../sne/schemas';

/** What the status card shows, computed from the national file and AL-in, with no I/O. */
export interface DossierSummary {
  state: RequestState;
  registeredAt: string;
  seniority: { years: number; months: number };
  renewalDueDate: string;
  daysToRenewal: number;
  /** Less than a month before the renewal date (CCH R441-2-7: warned at least one month before). */
  renewalDueSoon: boolean;
  documentsToFix: { type: DocumentType; state: Exclude<DocumentState, 'provided'> }[];
  applications: ApplicationLine[];
  offerAwaitingAnswer?: ApplicationLine;
  nextAction: NextAction;
}

export interface ApplicationLine {
  id: string;
  typology: string;
  commune: string;
  status: CandidatureStatus;
  rank?: number;
  underCondition?: boolean;
  answerDueDate?: string;
  daysToAnswer?: number;
  /** When the landlord's commission examines it, once known. */
  commissionDate?: string;
  /** What the landlord asked to complete the file. */
  documentsRequested?: string[];
}

/** The single most useful thing for the user to do now, in order of urgency. */
export type NextAction = 'refile' | 'closed' | 'answerOffer' | 'renew' | 'fixDocuments' | 'search' | 'wait';

const DAY_MS = 24 * 3600 * 1000;
const RENEWAL_WARNING_DAYS = 31;

export function summarizeDossier(request: HousingRequest, candidatures: Candidature[], today: Date): DossierSummary {
  const daysToRenewal = daysBetween(today, request.renewalDueDate);
  const documentsToFix = request.documents
    .filter((document): document is typeof document & { state: Exclude<DocumentState, 'provided'> } => document.state !== 'provided')
    .map(({ type, state }) => ({ type, state }));
  const applications = candidatures.map((candidature) => applicationLine(candidature, today));
  const offerAwaitingAnswer = applications.find((line) => line.status === 'attributed' && line.daysToAnswer !== undefined && line.daysToAnswer >= 0);
  const renewalDueSoon = request.state === 'to_renew' || (request.state === 'active' && daysToRenewal <= RENEWAL_WARNING_DAYS);
  return {
    state: request.state,
    registeredAt: request.registeredAt,
    seniority: seniorityOf(request.registeredAt, today),
    renewalDueDate: request.renewalDueDate,
    daysToRenewal,
    renewalDueSoon,
    documentsToFix,
    applications,
    offerAwaitingAnswer,
    nextAction: nextActionOf(request.state, Boolean(offerAwaitingAnswer), renewalDueSoon, documentsToFix.length > 0, applications),
  };
}

function nextActionOf(state: RequestState, offerWaiting: boolean, renewalDueSoon: boolean, documentsMissing: boolean, applications: ApplicationLine[]): NextAction {
  // Struck off, by expiry or by renunciation: applying again takes a new request (CCH R441-2-8).
  if (state === 'expired' || state === 'cancelled') return 'refile';
  if (state === 'attributed') return 'closed';
  // At least 10 days to answer, silence counts as refusal (CCH R441-10): the most urgent.
  if (offerWaiting) return 'answerOffer';
  if (renewalDueSoon) return 'renew';
  if (documentsMissing) return 'fixDocuments';
  const active = applications.filter((line) => ACTIVE_CANDIDATURE_STATUSES.includes(line.status));
  return active.length === 0 ? 'search' : 'wait';
}

export function applicationLine(candidature: Candidature, today: Date): ApplicationLine {
  const decision = candidature.decision;
  return {
    id: candidature.id,
    typology: candidature.offer.typology,
    commune: candidature.offer.commune.name,
    status: candidature.status,
    ...(candidature.commissionDate ? { commissionDate: candidature.commissionDate } : {}),
    ...(candidature.documentsRequested?.length ? { documentsRequested: candidature.documentsRequested } : {}),
    ...(decision
      ? { rank: decision.rank, underCondition: decision.underCondition, answerDueDate: decision.answerDueDate, daysToAnswer: daysBetween(today, decision.answerDueDate) }
      : {}),
  };
}

/** Whole days from today to a calendar date (negative when past), in Paris time. */
export function daysBetween(today: Date, date: string): number {
  const start = Date.parse(parisCalendarDate(today));
  return Math.round((Date.parse(date) - start) / DAY_MS);
}

// en-CA writes YYYY-MM-DD. Built once: a formatter is costly to build, cheap to use.
const PARIS_CALENDAR_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in France of an instant, `YYYY-MM-DD` (at 23:30 UTC in winter, already tomorrow). */
export function parisCalendarDate(instant: Date): string {
  return PARIS_CALENDAR_DATE.format(instant);
}

/** Seniority counts from the filing date (CCH L441-2-1): whole years and months. */
export function seniorityOf(registeredAt: string, today: Date): { years: number; months: number } {
  const [year, month, day] = registeredAt.split('-').map(Number) as [number, number, number];
  const [nowYear, nowMonth, nowDay] = parisCalendarDate(today).split('-').map(Number) as [number, number, number];
  let months = (nowYear - year) * 12 + (nowMonth - month) - (nowDay < day ? 1 : 0);
  months = Math.max(0, months);
  return { years: Math.floor(months / 12), months: months % 12 };
}
