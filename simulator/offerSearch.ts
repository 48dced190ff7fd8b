import { z } from 'zod';
import { FinancingSchema, Offer, OfferPage, OfferSearchCriteria, OfferSearchCriteriaSchema, TypologySchema } from '../services/portal/schemas';

const DEFAULT_PAGE_SIZE = 20;

const commaList = <T extends z.ZodType>(item: T) =>
  z.preprocess((value) => (typeof value === 'string' ? value.split(',').map((part) => part.trim()) : value), z.array(item).min(1));
const numberText = z.preprocess((value) => (typeof value === 'string' && value.trim() !== '' ? Number(value) : value), z.number());

/** The query string of `GET /offers`, read into the same criteria the client sends. */
const OfferQuerySchema = z.object({
  commune: z.string().optional(),
  department: z.string().optional(),
  typology: commaList(TypologySchema).optional(),
  maxRent: numberText.optional(),
  minSurface: numberText.optional(),
  accessible: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  financing: commaList(FinancingSchema).optional(),
  publishedSince: z.string().optional(),
  page: numberText.optional(),
  pageSize: numberText.optional(),
});

export type ParsedQuery = { ok: true; criteria: OfferSearchCriteria } | { ok: false; fields: string[] };

export function parseOfferQuery(query: URLSearchParams): ParsedQuery {
  const raw = Object.fromEntries([...query.entries()].filter(([name]) => name in OfferQuerySchema.shape));
  const read = OfferQuerySchema.safeParse(raw);
  const criteria = read.success ? OfferSearchCriteriaSchema.safeParse(read.data) : read;
  if (!criteria.success) return { ok: false, fields: [...new Set(criteria.error.issues.map((issue) => String(issue.path[0] ?? 'query')))] };
  return { ok: true, criteria: criteria.data };
}

/** Matching offers, newest first, one page of them. `accessible=false` means no constraint, not "inaccessible only". */
export function searchOffers(offers: Iterable<Offer>, criteria: OfferSearchCriteria): OfferPage {
  const since = criteria.publishedSince ? Date.parse(criteria.publishedSince) : undefined;
  const matching = [...offers]
    .filter(
      (offer) =>
        (!criteria.commune || offer.commune.inseeCode === criteria.commune) &&
        (!criteria.department || offer.commune.department === criteria.department) &&
        (!criteria.typology || criteria.typology.includes(offer.typology)) &&
        (criteria.maxRent === undefined || offer.rent + offer.charges <= criteria.maxRent) &&
        (criteria.minSurface === undefined || offer.surface >= criteria.minSurface) &&
        (criteria.accessible !== true || offer.accessible) &&
        (!criteria.financing || criteria.financing.includes(offer.financing)) &&
        (since === undefined || Date.parse(offer.publishedAt) >= since),
    )
    .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt) || a.id.localeCompare(b.id));
  const page = criteria.page ?? 1;
  const pageSize = criteria.pageSize ?? DEFAULT_PAGE_SIZE;
  return { items: matching.slice((page - 1) * pageSize, page * pageSize), total: matching.length, page, pageSize };
}
