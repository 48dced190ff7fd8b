import type { Language, Translate } from '../i18n';
import type { SearchCriteria } from '../../services/offers/searchCriteria';
import { formatEuros } from '../format';

/** "à Lyon, en T2 ou T3, jusqu'à 750 € par mois charges comprises". */
export function describeCriteria(t: Translate, language: Language, criteria: SearchCriteria): string {
  const parts: string[] = [];
  if (criteria.place) parts.push(t(criteria.place.kind === 'commune' ? 'offers:criteria.place' : 'offers:criteria.department', { name: criteria.place.name }));
  if (criteria.typologies?.length) parts.push(t('offers:criteria.typologies', { list: criteria.typologies.join(` ${t('offers:criteria.or')} `) }));
  if (criteria.maxRent) parts.push(t(criteria.rentWithoutCharges ? 'offers:criteria.maxRentWithout' : 'offers:criteria.maxRent', { amount: formatEuros(criteria.maxRent, language) }));
  if (criteria.minSurface) parts.push(t('offers:criteria.minSurface', { surface: criteria.minSurface }));
  if (criteria.accessible) parts.push(t('offers:criteria.accessible'));
  if (criteria.financings?.length) parts.push(t('offers:criteria.financings', { list: criteria.financings.join(` ${t('offers:criteria.or')} `) }));
  return parts.join(', ');
}

