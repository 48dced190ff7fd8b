import { z } from 'zod';
import { SearchCriteriaSchema } from './searchCriteria';

/** A search the user asked to watch ("préviens-moi s'il y a un T3 à Lyon"). */
export const SavedSearchSchema = z.object({
  id: z.string().min(1),
  /** The chat user it belongs to (user:<channel>:<id>). */
  userKey: z.string().min(1),
  criteria: SearchCriteriaSchema,
  /** How the user will recognise it ("à Lyon, en T3"). */
  label: z.string(),
  language: z.enum(['fr', 'en']),
  /** Where to write when a new offer matches (a Bot Framework conversation reference). */
  reference: z.looseObject({}),
  createdAt: z.string(),
  /** Offers published from this instant on are new to the user. */
  checkedSince: z.string(),
});
export type SavedSearch = z.infer<typeof SavedSearchSchema>;

export const MAX_SAVED_SEARCHES_PER_USER = 5;

/** Saved searches, shared by every replica; `claimNewOffers` tells each offer to one caller only. */
export interface SavedSearchStore {
  save(search: SavedSearch): Promise<void>;
  listForUser(userKey: string): Promise<SavedSearch[]>;
  all(): Promise<SavedSearch[]>;
  delete(userKey: string, id: string): Promise<boolean>;
  deleteAllForUser(userKey: string): Promise<void>;
  /** The offers among `offerIds` never notified for this search, marked notified in the same step. */
  claimNewOffers(searchId: string, offerIds: string[]): Promise<string[]>;
  updateCheckedSince(searchId: string, checkedSince: string): Promise<void>;
}
