import type { Attachment } from 'botbuilder';
import { translatorFor, type Language } from '../../dialogs/i18n';
import { applicationsCard } from '../../dialogs/cards/applicationsCard';
import { checklistCard, requestDocumentsCard } from '../../dialogs/cards/checklistCard';
import { eligibilityCard } from '../../dialogs/cards/eligibilityCard';
import { checklistFor } from '../../services/documents/checklist';
import { compareWithRequest } from '../../services/documents/requestComparison';
import { assessEligibility } from '../../services/eligibility/assessEligibility';
import { menuCard } from '../../dialogs/cards/menuCard';
import { offerDetailsCard, offerListCard, relaxCard } from '../../dialogs/cards/offerCards';
import { notificationCard, subscribeOfferCard } from '../../dialogs/cards/notificationCard';
import { offerPersonCard } from '../../dialogs/cards/offerPersonCard';
import { privacyNoticeCard } from '../../dialogs/cards/privacyNoticeCard';
import { statusCard } from '../../dialogs/cards/statusCard';
import { submittedCard } from '../../dialogs/cards/submittedCard';
import { agentNoticeCard, agentTicketCard, ticketQueueCard } from '../../dialogs/cards/agentTicketCard';
import type { Ticket } from '../../services/helpdesk/schemas';
import { MAX_MESSAGE_BYTES } from '../../bot/middleware/outgoingDelivery';
import { summarizeDossier } from '../../services/dossier/dossierSummary';
import { createPortalHttpClient } from '../../services/portal/httpClient';
import type { Candidature, Offer } from '../../services/portal/schemas';
import { createSneHttpClient } from '../../services/sne/httpClient';
import type { HousingRequest } from '../../services/sne/schemas';
import type { DossierNotification } from '../../services/notifications/portalEvents';
import { startSimulator } from '../../simulator/startSimulator';

// The adaptivecards SDK's browser bundle runs in Node for parsing and validation (no rendering).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const AdaptiveCards = require('adaptivecards/dist/adaptivecards.js') as {
  AdaptiveCard: new () => { parse(json: unknown, context: unknown): void; validateProperties(): { validationEvents: unknown[] } };
  SerializationContext: new (version: unknown) => { eventCount: number; getEventAt(index: number): unknown };
  Versions: { v1_5: unknown };
};

const checklist = checklistFor({ workStatuses: ['employee'], familySituation: 'married', children: true, reasons: ['eviction'] }, new Date());

function assessed(request: HousingRequest) {
  const assessment = assessEligibility({ household: request.household, income: request.referenceIncome.amount, zone: 'otherRegions', date: new Date() });
  if (assessment.kind !== 'assessed') throw new Error('demo request not assessable');
  return assessment;
}

/** A helpdesk ticket as the helpdesk API returns it (summary already redacted). */
function ticket(status: Ticket['status'], assignee: string | null): Ticket {
  const summary = 'URGENT · situation urgente\nMotifs : violences\nAucune demande liée\nDerniers messages :\n- usager : mon conjoint me frappe';
  return { id: 'HD-00042', category: 'urgent_situation', urgency: 'urgent', summary, language: 'fr', transcript: [], applicantRef: null, status, assignee, createdAt: '2026-12-07T08:00:00Z', updatedAt: '2026-12-07T08:10:00Z' };
}

/** Every card of the assistant, built from real simulator data, in one language. */
async function everyCard(language: Language, data: { offers: Offer[]; candidatures: Candidature[]; request: HousingRequest }): Promise<[string, Attachment][]> {
  const t = translatorFor(language);
  const summary = summarizeDossier(data.request, data.candidatures, new Date());
  return [
    ['menu', menuCard(t)],
    ['submitted', submittedCard(t, 'Pièces à fournir')],
    ['privacy notice', privacyNoticeCard(t, language, true)],
    ['offer a person', offerPersonCard(t)],
    ['status', statusCard(t, language, '069********01GDPUB', summary, 'webchat')],
    ['offer list', offerListCard(t, language, 'Offres', data.offers.slice(0, 5), { more: true, watch: true })],
    ['offer details', offerDetailsCard(t, language, data.offers[0]!)],
    ['relax', relaxCard('Aucune offre.', [{ relaxation: 'maxRent', label: 'Sans limite de loyer (3)' }])],
    ['applications', applicationsCard(t, language, data.candidatures, 'Vos candidatures')],
    ['eligibility', eligibilityCard(t, language, { assessment: assessed(data.request), placeName: 'Marseille', unaskedConditions: [] }, 'webchat')],
    ['checklist', checklistCard(t, checklist, [], 'webchat')],
    ['request documents', requestDocumentsCard(t, '013********03GDPUB', compareWithRequest(checklist, data.request.documents))],
    ['subscribe offer', subscribeOfferCard(t)],
    ...(['open', 'in_progress', 'resolved'] as const).map((status): [string, Attachment] => [
      `agent ticket ${status}`,
      agentTicketCard(t, ticket(status, status === 'open' ? null : 'Anne'), { now: new Date('2026-12-07T09:25:00Z'), refreshUserIds: ['29:1-anne'], notice: status === 'resolved' ? 'Ticket HD-00042 clos.' : undefined }),
    ]),
    ['agent queue', ticketQueueCard(t, language, [ticket('open', null), { ...ticket('in_progress', 'Anne'), id: 'HD-00043', urgency: 'normal' }], 'Vous avez le ticket HD-00041.')],
    ['agent queue empty', ticketQueueCard(t, language, [])],
    ['agent notice', agentNoticeCard(t('helpdesk:agent.unavailable'), { title: t('helpdesk:agentCard.buttons.retry'), ticketId: 'HD-00042' })],
    ...(
      [
        { type: 'application.stage_changed', data: { applicationId: 'c', offerLabel: 'T3 à Lyon', stage: 'in_commission' } },
        { type: 'offer.received', data: { applicationId: 'c', offerLabel: 'T3 à Lyon', rank: 1, answerDueDate: '2026-12-03' } },
        { type: 'document.rejected', data: { documentType: 'tax_notice', reason: 'illisible' } },
        { type: 'request.renewal_due', date: '2026-12-13' },
        { type: 'request.expired', date: '2026-10-29' },
      ] as const
    ).map((event): [string, Attachment] => [
      `notification ${event.type}`,
      notificationCard(t, language, { eventId: 'e', applicantId: 'A', occurredAt: '2026-11-23T10:00:00Z', ...event } as DossierNotification),
    ]),
  ];
}

describe('every card', () => {
  let cards: [string, Attachment][] = [];

  beforeAll(async () => {
    const simulator = await startSimulator({ port: 0, token: 't', maxActiveApplications: 5 });
    try {
      const settings = { baseUrl: simulator.url, token: 't' };
      const portal = createPortalHttpClient(settings);
      const offers = (await portal.searchOffers({ department: '75', pageSize: 10 })).items;
      // Nadia's five active applications: the longest list of the demo accounts.
      const challenge = await portal.startLinkChallenge('0131025000303GDPUB');
      const outbox = (await (await fetch(`${simulator.url}/dev/outbox`, { headers: { authorization: 'Bearer t' } })).json()) as { items: { code: string }[] };
      const { applicantId } = await portal.verifyLinkChallenge(challenge.challengeId, outbox.items[0]!.code);
      const candidatures = await portal.listCandidatures(applicantId);
      const request = await createSneHttpClient(settings).getRequest('0131025000303GDPUB');
      cards = [...(await everyCard('fr', { offers, candidatures, request })), ...(await everyCard('en', { offers, candidatures, request }))];
    } finally {
      await simulator.close();
    }
  });

  it('parses and validates with the Adaptive Cards SDK at version 1.5 (what Teams renders)', () => {
    expect(cards.length).toBeGreaterThanOrEqual(24);
    for (const [name, attachment] of cards) {
      expect(attachment.contentType).toBe('application/vnd.microsoft.card.adaptive');
      const json = attachment.content as { version: string };
      expect({ name, version: json.version }).toEqual({ name, version: '1.5' });
      const card = new AdaptiveCards.AdaptiveCard();
      const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
      card.parse(json, context);
      const parseEvents = Array.from({ length: context.eventCount }, (_, index) => context.getEventAt(index));
      expect({ name, parseEvents }).toEqual({ name, parseEvents: [] });
      expect({ name, validation: card.validateProperties().validationEvents }).toEqual({ name, validation: [] });
    }
  });

  it('stays under the 28 KB Teams message limit', () => {
    for (const [name, attachment] of cards) {
      expect({ name, small: Buffer.byteLength(JSON.stringify(attachment)) < MAX_MESSAGE_BYTES }).toEqual({ name, small: true });
    }
  });

  it('has a text fallback for channels without cards', () => {
    for (const [name, attachment] of cards) {
      const fallback = (attachment.content as { fallbackText?: string }).fallbackText ?? '';
      expect({ name, hasFallback: fallback.trim().length > 10 }).toEqual({ name, hasFallback: true });
    }
  });

  it('detects a card the SDK would refuse (the check can fail)', () => {
    const context = new AdaptiveCards.SerializationContext(AdaptiveCards.Versions.v1_5);
    new AdaptiveCards.AdaptiveCard().parse({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Carousel' }] }, context);
    expect(context.eventCount).toBeGreaterThan(0);
  });
});
