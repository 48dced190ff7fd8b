import type { DocumentState, RequestDocument } from '../sne/schemas';
import type { Checklist, ChecklistItem } from './checklist';

/**
 * The checklist against the documents of the linked request on the national file, with the next step
 * there for each one to fix. The assistant never takes a document itself: documents are uploaded on
 * demande-logement-social.gouv.fr, and AL-in imports them from it.
 */

/** `notOnFile`: the national file lists no document of this kind for the request. */
export type ComparisonStatus = DocumentState | 'notOnFile';

export interface ItemComparison {
  item: ChecklistItem;
  status: ComparisonStatus;
  /** Whose documents are in that status (empty when provided or not on file). */
  concerns: RequestDocument['concerns'][];
  /** The request's documents this item was matched with. */
  documents: RequestDocument[];
  /** What to do on the national file, as a locale key taking `{{document}}`; null when nothing is to do. */
  nextStepKey: string | null;
}

export interface OtherDocumentComparison {
  document: RequestDocument;
  status: DocumentState;
  nextStepKey: string | null;
}

export interface RequestComparison {
  items: ItemComparison[];
  /** On the file but not in this checklist (another situation on file): still to fix when not provided. */
  otherDocuments: OtherDocumentComparison[];
  /** True when every required item is provided and nothing on file is to fix (an absent conditional item does not count). */
  complete: boolean;
  /** Said once after the steps: AL-in takes the documents from the national file; never send one to the assistant. */
  afterStepsKey: string;
  /** Said when something is missing: a commission may attribute "under condition" of a missing document (CCH R441-3). */
  underConditionKey: string | null;
}

// A document counts by its best version (a new upload after a refusal); an item by its worst person.
const STATE_RANK: Record<DocumentState, number> = { provided: 0, missing: 1, expired: 2, rejected: 3 };

const NEXT_STEP: Record<DocumentState, string | null> = {
  provided: null,
  missing: 'documents:nextStep.missing',
  expired: 'documents:nextStep.expired',
  rejected: 'documents:nextStep.rejected',
};

export function compareWithRequest(checklist: Checklist, requestDocuments: readonly RequestDocument[]): RequestComparison {
  const items = checklist.items.map((item) => compareItem(item, requestDocuments));
  const covered = new Set(checklist.items.flatMap((item) => item.documentTypes));
  const otherDocuments = requestDocuments
    .filter((document) => !covered.has(document.type))
    .map((document) => ({ document, status: document.state, nextStepKey: NEXT_STEP[document.state] }));
  // A conditional item may be absent, but a version on file that is missing, expired or rejected blocks like any other.
  const complete =
    items.every((comparison) => comparison.status === 'provided' || (comparison.item.requirement === 'conditional' && comparison.status === 'notOnFile')) &&
    otherDocuments.every((other) => other.status === 'provided');
  return {
    items,
    otherDocuments,
    complete,
    afterStepsKey: 'documents:nextStep.afterUpload',
    underConditionKey: complete ? null : 'documents:underCondition',
  };
}

function compareItem(item: ChecklistItem, requestDocuments: readonly RequestDocument[]): ItemComparison {
  const documents = requestDocuments.filter((document) => item.documentTypes.includes(document.type));
  if (documents.length === 0) {
    const nextStepKey = item.requirement === 'conditional' ? 'documents:nextStep.conditional' : 'documents:nextStep.notOnFile';
    return { item, status: 'notOnFile', concerns: [], documents, nextStepKey };
  }
  const bestByPerson = new Map<RequestDocument['concerns'], DocumentState>();
  for (const document of documents) {
    const best = bestByPerson.get(document.concerns);
    if (best === undefined || STATE_RANK[document.state] < STATE_RANK[best]) bestByPerson.set(document.concerns, document.state);
  }
  const status = [...bestByPerson.values()].reduce((worst, state) => (STATE_RANK[state] > STATE_RANK[worst] ? state : worst), 'provided' as DocumentState);
  const concerns = status === 'provided' ? [] : [...bestByPerson].filter(([, state]) => state === status).map(([person]) => person);
  return { item, status, concerns, documents, nextStepKey: NEXT_STEP[status] };
}
