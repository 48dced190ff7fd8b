import type { Attachment } from 'botbuilder';
import type { Language, Translate } from '../i18n';
import type { Offer } from '../../services/portal/schemas';
import { formatDate, formatEuros } from '../format';
import { adaptiveCard, intentButton } from './adaptiveCard';

/**
 * One page of results: each offer with what decides a visit, and Details / Apply (no Apply when the
 * applicant's request is closed: the portal would refuse it); "more" when there is more; "tell me about
 * new offers" under a search (not under an alert, which already is one).
 */
export function offerListCard(
  t: Translate,
  language: Language,
  heading: string,
  offers: Offer[],
  options: { more: boolean; watch: boolean; canApply?: boolean },
): Attachment {
  const canApply = options.canApply ?? true;
  const lines = offers.map((offer) => offerLines(t, language, offer));
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: heading, weight: 'Bolder', wrap: true },
      ...offers.map((offer, index) => ({
        type: 'Container',
        separator: true,
        spacing: 'Medium',
        items: [
          { type: 'TextBlock', text: lines[index]![0], weight: 'Bolder', wrap: true },
          ...lines[index]!.slice(1).map((text) => ({ type: 'TextBlock', text, wrap: true, spacing: 'None' })),
          {
            type: 'ActionSet',
            actions: [
              intentButton(t('offers:offer.details'), 'searchOffers', { action: 'details', offerId: offer.id }),
              ...(canApply ? [intentButton(t('offers:offer.apply'), 'apply', { offerId: offer.id })] : []),
            ],
          },
        ],
      })),
    ],
    actions: [
      ...(options.more ? [intentButton(t('offers:more'), 'searchOffers', { action: 'more' })] : []),
      ...(options.watch ? [intentButton(t('offers:watch'), 'savedSearches', { action: 'save' })] : []),
    ],
    fallbackText: [heading, ...lines.map((offerText, index) => `${index + 1}. ${offerText.join(' — ')}`)].join('\n'),
  });
}

/** "T3 · 59,5 m² · Lyon" ("59.5" in English): how an offer is named everywhere. */
export function offerTitle(t: Translate, offer: Offer): string {
  return t('offers:offer.title', { typology: offer.typology, surface: offer.surface, commune: offer.commune.name });
}

/** What the portal gives about one offer, as labelled facts (`offers:offer.facts.<key>`). */
export type OfferFactKey = 'typology' | 'surface' | 'floor' | 'lift' | 'accessible' | 'rent' | 'charges' | 'total' | 'financing' | 'zone' | 'landlord' | 'available' | 'energy' | 'postalCode' | 'reference';

export function offerFacts(t: Translate, language: Language, offer: Offer): [OfferFactKey, string][] {
  const yesNo = (value: boolean) => t(value ? 'offers:offer.yes' : 'offers:offer.no');
  return [
    ['typology', offer.typology],
    ['surface', t('offers:offer.surfaceValue', { surface: offer.surface })],
    ['floor', offer.floor === 0 ? t('offers:offer.groundFloor') : String(offer.floor)],
    ['lift', yesNo(offer.lift)],
    ['accessible', yesNo(offer.accessible)],
    ['rent', formatEuros(offer.rent, language)],
    ['charges', formatEuros(offer.charges, language)],
    ['total', formatEuros(offer.rent + offer.charges, language)],
    ['financing', offer.financing],
    ['zone', offer.abcZone],
    ['landlord', offer.landlord],
    ['available', formatDate(offer.availableDate, language)],
    ['energy', offer.energyClass],
    ['postalCode', `${offer.commune.postalCode} ${offer.commune.name}`],
    ['reference', offer.id],
  ];
}

/** Everything the portal gives about one offer, and Apply unless the applicant's request is closed. */
export function offerDetailsCard(t: Translate, language: Language, offer: Offer, canApply = true): Attachment {
  const facts = offerFacts(t, language, offer);
  const title = offerTitle(t, offer);
  return adaptiveCard({
    body: [
      { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
      { type: 'FactSet', facts: facts.map(([key, value]) => ({ title: t(`offers:offer.facts.${key}`), value })) },
    ],
    actions: canApply ? [intentButton(t('offers:offer.apply'), 'apply', { offerId: offer.id })] : [],
    fallbackText: [title, ...facts.map(([key, value]) => `${t(`offers:offer.facts.${key}`)} : ${value}`)].join('\n'),
  });
}

/** Nothing found: the ways to widen the search, each with how many offers it would bring. */
export function relaxCard(text: string, options: { relaxation: string; label: string }[]): Attachment {
  return adaptiveCard({
    body: [{ type: 'TextBlock', text, wrap: true }],
    actions: options.map((option) => intentButton(option.label, 'searchOffers', { action: 'relax', relaxation: option.relaxation })),
    fallbackText: `${text} ${options.map((option) => option.label).join(' · ')}`,
  });
}

function offerLines(t: Translate, language: Language, offer: Offer): string[] {
  return [
    offerTitle(t, offer),
    t('offers:offer.rent', { total: formatEuros(offer.rent + offer.charges, language), rent: formatEuros(offer.rent, language), charges: formatEuros(offer.charges, language) }),
    `${t('offers:offer.financing', { financing: offer.financing })} · ${t('offers:offer.available', { date: formatDate(offer.availableDate, language) })}`,
  ];
}
