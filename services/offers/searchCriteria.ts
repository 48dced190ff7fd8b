import { z } from 'zod';
import { FinancingSchema, type OfferSearchCriteria } from '../portal/schemas';

/**
 * What the user is looking for, as the conversation built it (one sentence or step by step, then
 * refined). Kept in conversation state so "moins cher" or "et à Villeurbanne ?" can change one part.
 */
export const SearchPlaceSchema = z.object({
  kind: z.enum(['commune', 'department']),
  /** INSEE code of the commune, or the department code. */
  code: z.string(),
  name: z.string(),
});
export type SearchPlace = z.infer<typeof SearchPlaceSchema>;

export const SearchCriteriaSchema = z.object({
  place: SearchPlaceSchema.optional(),
  typologies: z.array(z.enum(['T1', 'T2', 'T3', 'T4', 'T5'])).optional(),
  /** What the household pays each month, rent plus charges, € (the portal compares this total). */
  maxRent: z.number().positive().optional(),
  /** The user gave the amount "hors charges": said back so they know what was compared. */
  rentWithoutCharges: z.boolean().optional(),
  minSurface: z.number().positive().optional(),
  accessible: z.boolean().optional(),
  /** "un T2 en PLUS", "PLI only": the kinds of financing asked for. */
  financings: z.array(FinancingSchema).optional(),
});
export type SearchCriteria = z.infer<typeof SearchCriteriaSchema>;

export const PAGE_SIZE = 5;

/** The portal query for one page of results. */
export function portalQuery(criteria: SearchCriteria, page: number): OfferSearchCriteria {
  return {
    ...(criteria.place?.kind === 'commune' ? { commune: criteria.place.code } : {}),
    ...(criteria.place?.kind === 'department' ? { department: criteria.place.code } : {}),
    ...(criteria.typologies?.length ? { typology: criteria.typologies } : {}),
    ...(criteria.maxRent ? { maxRent: criteria.maxRent } : {}),
    ...(criteria.minSurface ? { minSurface: criteria.minSurface } : {}),
    ...(criteria.accessible ? { accessible: true } : {}),
    ...(criteria.financings?.length ? { financing: criteria.financings } : {}),
    page,
    pageSize: PAGE_SIZE,
  };
}

/** A new sentence changes only what it names; the rest of the last search stays (refinement). */
export function refine(previous: SearchCriteria, change: SearchCriteria): SearchCriteria {
  return { ...previous, ...Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)) };
}

/** "Moins cher": a tenth below the budget, or below the average of what was shown. */
export function cheaper(criteria: SearchCriteria, shownTotals: number[]): SearchCriteria {
  const reference = criteria.maxRent ?? (shownTotals.length > 0 ? shownTotals.reduce((sum, total) => sum + total, 0) / shownTotals.length : undefined);
  return reference ? { ...criteria, maxRent: Math.floor((reference * 0.9) / 10) * 10 } : criteria;
}

export type Relaxation = 'maxRent' | 'typologies' | 'minSurface' | 'accessible' | 'financings' | 'wholeDepartment';

/** Ways to widen a search that found nothing, most helpful first. */
export function relaxations(criteria: SearchCriteria, departmentOfCommune?: { code: string; name: string }): { relaxation: Relaxation; criteria: SearchCriteria }[] {
  const options: { relaxation: Relaxation; criteria: SearchCriteria }[] = [];
  if (criteria.maxRent) options.push({ relaxation: 'maxRent', criteria: { ...criteria, maxRent: undefined, rentWithoutCharges: undefined } });
  if (criteria.typologies?.length) options.push({ relaxation: 'typologies', criteria: { ...criteria, typologies: undefined } });
  if (criteria.minSurface) options.push({ relaxation: 'minSurface', criteria: { ...criteria, minSurface: undefined } });
  if (criteria.accessible) options.push({ relaxation: 'accessible', criteria: { ...criteria, accessible: undefined } });
  if (criteria.financings?.length) options.push({ relaxation: 'financings', criteria: { ...criteria, financings: undefined } });
  if (criteria.place?.kind === 'commune' && departmentOfCommune) {
    options.push({ relaxation: 'wholeDepartment', criteria: { ...criteria, place: { kind: 'department', ...departmentOfCommune } } });
  }
  return options;
}
