import { searchPlaceTold } from './householdTold';
import { MessageFactory, type TurnContext } from 'botbuilder';
import { isClosedRequest } from '../services/sne/schemas';
import { ComponentDialog, ListStyle, WaterfallDialog, type FoundChoice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { listFor } from './i18n';
import { languageOf, translatorOf, turnStateOf } from './turn/turnAccess';
import { readLinkedDossier, type LinkedDossier } from '../services/dossier/readLinkedDossier';
import { isServiceError } from '../services/http/errors';
import { cheaper, portalQuery, refine, relaxations, PAGE_SIZE, type Relaxation, type SearchCriteria } from '../services/offers/searchCriteria';
import { zoneForDepartment, zoneForPlace } from '../services/eligibility/zone';
import { financingsForHousehold } from '../services/offers/financingsForHousehold';
import type { PortalApi } from '../services/portal/portalApi';
import type { SneApi } from '../services/sne/sneApi';
import { offerDetailsCard, offerListCard, relaxCard, type OfferFactKey } from './cards/offerCards';
import { OFFER_IN_FOCUS_MS, offerFactsAnswer, offerFactsAsked } from './offers/offerQuestion';
import { LIST_AGAIN } from './offers/searchFollowUp';
import { criteriaFromRecognition, departmentName, departmentOfSearchPlace, searchPlaceOf } from './offers/criteriaFromRecognition';
import { describeCriteria } from './offers/describeCriteria';
import { extractEntities } from './recognizer/entities/extractEntities';
import type { CommuneCandidate } from './recognizer/entities/schemas';
import { readEntities } from './recognizer/entities/schemas';
import type { Recognition } from './recognizer/intents';
import { normalizeForMatching } from '../services/shared/normalizeForMatching';
import { valuesOf } from './stepAccess';
import { ChoiceAnswerPrompt } from './prompts/answerPrompts';
import { PlacePrompt } from './prompts/placePrompt';
import { quotedUserText } from './quotedText';
import { misspeltPlaceAlone, unknownPlaceNamed } from './recognizer/entities/place';
import { formatDate, formatEuros } from './format';
import { PatientTextPrompt } from './prompts/patientTextPrompt';
import { rememberTopic, type AnswersFollowUps, type FollowUpAnswer, type Topic } from './followUps/lastTopic';
import type { FollowUpKind } from './recognizer/followUpQuestion';

const STEPS = 'offerSearch.steps';
const WHICH_PLACE = 'offerSearch.whichPlace';
const PLACE = 'offerSearch.place';
const TYPOLOGY = 'offerSearch.typology';
const BUDGET = 'offerSearch.budget';
/** Where a turn keeps the linked dossier it read (the SDK's per-turn bag). */
const LINKED_DOSSIER_OF_TURN = 'offerSearch.linkedDossier';

/** What the result cards' buttons send back (card submissions are user input: checked). */
const SearchButtonSchema = z.object({
  action: z.enum(['more', 'details', 'relax']),
  offerId: z.string().optional(),
  relaxation: z.enum(['maxRent', 'typologies', 'minSurface', 'accessible', 'financings', 'wholeDepartment']).optional(),
});

interface SearchValues {
  criteria: SearchCriteria;
  stepByStep: boolean;
  candidates?: CommuneCandidate[];
  /** A misspelt town ("toulouze") searched as the town it is one typo from, and said so after the results. */
  corrected?: { typed: string; name: string };
  /** A postal code said that no commune has: the place question names it. */
  unknownPostalCode?: string;
  /** A place named that no commune has ("à trifouilly les oies"): the place question names it too. */
  unknownPlace?: string;
}

/**
 * Offer search, in one sentence ("un T3 à Lyon à moins de 750 €") or step by step (place, type,
 * budget), refined by the next sentence ("moins cher", "plutôt T2", "et à Villeurbanne ?"), five
 * offers a page, with details, and a way to widen a search that found nothing.
 */
export class OfferSearchDialog extends ComponentDialog implements AnswersFollowUps {
  constructor(
    private readonly portal: PortalApi,
    private readonly sne: SneApi,
  ) {
    super('offerSearchDialog');
    // "en fait plutôt Levallois" at "which Clichy?": another town named is an answer too.
    this.addDialog(new ChoiceAnswerPrompt(WHICH_PLACE, async (prompt) => prompt.recognized.succeeded || placeIn(prompt.context.activity.text) !== undefined, ListStyle.heroCard));
    this.addDialog(new PlacePrompt(PLACE, (text) => placeIn(text) !== undefined, 'offers:retryPlace', 'offers:unknownPostalCode'));
    this.addDialog(new PatientTextPrompt(TYPOLOGY, async (prompt) => isAnything(prompt.context, prompt.recognized.value) || typologiesIn(prompt.recognized.value).length > 0));
    this.addDialog(new PatientTextPrompt(BUDGET, async (prompt) => isAnything(prompt.context, prompt.recognized.value) || budgetIn(prompt.recognized.value) !== undefined));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.readRequestStep.bind(this),
        this.askPlaceStep.bind(this),
        this.askTypologyStep.bind(this),
        this.askBudgetStep.bind(this),
        this.searchStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async readRequestStep(step: WaterfallStepContext<Recognition>) {
    const last = turnStateOf(step.context).conversation.lastSearch;
    const button = SearchButtonSchema.safeParse(step.options.entities);
    if (button.success) {
      await this.followButton(step.context, button.data);
      return step.endDialog();
    }
    await this.warnIfRequestClosed(step.context);
    const said = criteriaFromRecognition(readEntities(step.options.entities), step.options.text);
    const saidSomething = Object.values(said.criteria).some((value) => value !== undefined) || said.place.kind !== 'none' || said.cheaper || said.anyBudget;
    // A sentence refines the last search; the menu button starts afresh, step by step. "reprends la liste": that search again.
    const listAgain = step.options.entities[LIST_AGAIN] === true && last !== undefined;
    let criteria = refine(saidSomething || listAgain ? (last?.criteria ?? {}) : {}, said.criteria);
    // "moins cher, 400 max": the amount said is the new maximum; "moins cher" alone goes below what was shown.
    if (said.cheaper && said.criteria.maxRent === undefined) criteria = cheaper(criteria, last?.shownTotals ?? []);
    if (said.anyBudget && said.criteria.maxRent === undefined) {
      const { maxRent: _dropped, rentWithoutCharges: _alsoDropped, ...withoutBudget } = criteria;
      criteria = withoutBudget;
    }
    if (said.place.kind === 'place') criteria = { ...criteria, place: said.place.place };
    const values = valuesOf<SearchValues>(step);
    Object.assign(values, { criteria, stepByStep: !saidSomething && !listAgain });
    if (said.place.kind === 'unknownPostalCode') {
      values.unknownPostalCode = said.place.postalCode;
      delete values.criteria.place;
    }
    if (said.place.kind === 'none' && !values.criteria.place) values.unknownPlace = unknownPlaceNamed(step.options.text);
    // "seul, à Strasbourg" told for eligibility, then "y a quoi comme apparts là-bas ?": that place, shown with the results.
    if (said.place.kind === 'none' && !values.criteria.place && !values.unknownPlace) {
      const told = searchPlaceTold(step.context);
      if (told) values.criteria = { ...values.criteria, place: told };
    }
    // "à aix" after a search in the Bouches-du-Rhône: the homonym in the department searched.
    const inTheSameDepartment = said.place.kind === 'ambiguous' && last?.criteria.place ? said.place.candidates.filter((candidate) => candidate.department === departmentOfSearchPlace(last.criteria.place!)) : [];
    if (inTheSameDepartment.length === 1) {
      values.criteria = { ...values.criteria, place: searchPlaceOf(inTheSameDepartment[0]!) };
    } else if (said.place.kind === 'misspelt') {
      const place = searchPlaceOf(said.place.candidate, said.place.nearby);
      values.criteria = { ...values.criteria, place };
      values.corrected = { typed: said.place.typed, name: place.name };
    } else if (said.place.kind === 'ambiguous') {
      values.candidates = said.place.candidates;
      const t = translatorOf(step.context);
      return step.prompt(WHICH_PLACE, {
        prompt: t('offers:whichPlace'),
        choices: said.place.candidates.map((candidate) => ({ value: `${candidate.name} (${candidate.department})` })),
      });
    }
    return step.next();
  }

  private async askPlaceStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<SearchValues>(step);
    const chosen = step.result as FoundChoice | undefined;
    if (chosen && values.candidates) values.criteria = { ...values.criteria, place: searchPlaceOf(values.candidates[chosen.index]!) };
    else if (values.candidates) {
      const named = placeIn(step.context.activity.text);
      if (named) values.criteria = { ...values.criteria, place: named };
    }
    if (values.criteria.place) return step.next();
    const t = translatorOf(step.context);
    const { unknownPostalCode: postalCode, unknownPlace: name } = values;
    const prompt = postalCode ? t('offers:unknownPostalCode', { postalCode }) : name ? t('offers:unknownPlace', { name: quotedUserText(name, 60) }) : t('offers:askPlace');
    return step.prompt(PLACE, { prompt, retryPrompt: t('offers:retryPlace') });
  }

  private async askTypologyStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<SearchValues>(step);
    if (typeof step.result === 'string') {
      const place = placeIn(step.result);
      if (place) values.criteria = { ...values.criteria, place };
    }
    if (!values.stepByStep) return step.next();
    const t = translatorOf(step.context);
    return step.prompt(TYPOLOGY, {
      // The place just understood is said back: "Nantes : quel type de logement ?"
      prompt: MessageFactory.suggestedActions(['T1', 'T2', 'T3', 'T4', 'T5', t('offers:anything')], t('offers:askTypology', { place: values.criteria.place?.name ?? '' })),
      retryPrompt: MessageFactory.suggestedActions(['T1', 'T2', 'T3', 'T4', 'T5', t('offers:anything')], t('offers:askTypology', { place: values.criteria.place?.name ?? '' })),
    });
  }

  private async askBudgetStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<SearchValues>(step);
    if (!values.stepByStep) return step.next();
    const typologies = typologiesIn(String(step.result ?? ''));
    if (typologies.length > 0) values.criteria = { ...values.criteria, typologies };
    const t = translatorOf(step.context);
    return step.prompt(BUDGET, {
      prompt: MessageFactory.suggestedActions([t('offers:anything')], t('offers:askBudget')),
      retryPrompt: MessageFactory.suggestedActions([t('offers:anything')], t('offers:retryBudget')),
    });
  }

  private async searchStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<SearchValues>(step);
    if (values.stepByStep) {
      const budget = budgetIn(String(step.result ?? ''));
      if (budget) values.criteria = { ...values.criteria, maxRent: budget.value, rentWithoutCharges: budget.withoutCharges || undefined };
    }
    await this.showPage(step.context, values.criteria, 1);
    await offerTheOtherPlace(step.context, step.options, values.criteria);
    // "t2 sur toulouze": searched in Toulouse, and said, so a wrong guess is caught at once.
    if (values.corrected) await step.context.sendActivity(translatorOf(step.context)('offers:correctedPlace', { typed: quotedUserText(values.corrected.typed, 40), name: values.corrected.name }));
    return step.endDialog();
  }

  /**
   * "c dispo quand ?", "c'est quel étage ?" right after an offer was shown in detail or while applying to
   * it: the facts asked about it (none when the message is not such a question). Reads no service.
   */
  factsAskedAboutOfferInFocus(context: TurnContext, recognition: Recognition): OfferFactKey[] {
    const focus = turnStateOf(context).conversation.offerInFocus;
    if (!focus || Date.now() - Date.parse(focus.at) > OFFER_IN_FOCUS_MS || context.activity.value !== undefined) return [];
    const { places, typologies, offerId } = readEntities(recognition.entities);
    if (places || typologies || (offerId && offerId !== focus.id)) return [];
    return offerFactsAsked(recognition.text);
  }

  /** Those facts, from the portal. */
  async answerAboutOfferInFocus(context: TurnContext, asked: OfferFactKey[]): Promise<void> {
    const t = translatorOf(context);
    try {
      await context.sendActivity(offerFactsAnswer(t, languageOf(context), await this.portal.getOffer(turnStateOf(context).conversation.offerInFocus!.id), asked));
    } catch (error) {
      if (!isServiceError(error)) throw error;
      await context.sendActivity(t(error.kind === 'NotFound' ? 'offers:notFound' : 'offers:portalUnavailable'));
    }
  }

  private async followButton(context: TurnContext, button: z.infer<typeof SearchButtonSchema>): Promise<void> {
    const t = translatorOf(context);
    const last = turnStateOf(context).conversation.lastSearch;
    if (button.action === 'details' && button.offerId) {
      try {
        const offer = await this.portal.getOffer(button.offerId);
        await context.sendActivity(MessageFactory.attachment(offerDetailsCard(t, languageOf(context), offer, !(await this.requestIsClosed(context)))));
        turnStateOf(context).conversation.offerInFocus = { id: button.offerId, at: new Date().toISOString() };
      } catch (error) {
        if (!isServiceError(error)) throw error;
        await context.sendActivity(t(error.kind === 'NotFound' ? 'offers:notFound' : 'offers:portalUnavailable'));
      }
      return;
    }
    if (!last) {
      await context.sendActivity(t('offers:searchFirst'));
      return;
    }
    if (button.action === 'more') return this.showPage(context, last.criteria, last.page + 1);
    const relaxed = relaxations(last.criteria, departmentOf(last.criteria)).find((option) => option.relaxation === button.relaxation);
    await this.showPage(context, relaxed?.criteria ?? last.criteria, 1);
  }

  /** One page of results, remembered for "more" and refinements; nothing found → ways to widen. */
  private async showPage(context: TurnContext, criteria: SearchCriteria, page: number): Promise<void> {
    const t = translatorOf(context);
    const language = languageOf(context);
    const conversation = turnStateOf(context).conversation;
    conversation.lastSearch = { criteria, page, shownTotals: conversation.lastSearch?.shownTotals ?? [], shownIds: conversation.lastSearch?.shownIds ?? [] };
    // A short reply now ("oui", "et à Paris ?") is about these offers, not an eligibility answer given before.
    delete conversation.lastEligibility;
    try {
      const household = await this.householdFilter(context, criteria);
      // The financings asked for ("un T2 en PLUS") that the household's income allows; none left: said so, with the ceilings.
      const allowed = household && criteria.financings?.length ? criteria.financings.filter((financing) => household.allowed.includes(financing)) : household?.allowed;
      if (household && allowed?.length === 0) {
        const above = household.excluded.filter(({ financing }) => criteria.financings?.includes(financing));
        const ceilings = above.length === 1 ? formatEuros(above[0]!.ceiling, language) : above.map(({ financing, ceiling }) => `${financing} ${formatEuros(ceiling, language)}`).join(', ');
        const still = household.allowed.length > 0 ? ` ${t('offers:stillAllowed', { allowed: household.allowed.join(', ') })}` : '';
        await context.sendActivity(`${t('offers:askedAboveCeiling', { financings: above.map(({ financing }) => financing).join(', '), ceilings })}${still}`);
        return this.suggestRelaxations(context, criteria, describeCriteria(t, language, criteria));
      }
      const results = await this.portal.searchOffers({ ...portalQuery(criteria, page), ...(allowed ? { financing: allowed } : {}) });
      const described = describeCriteria(t, language, criteria);
      if (page === 1 && household && household.excluded.length > 0) {
        const unfiltered = (await this.portal.searchOffers({ ...portalQuery(criteria, 1), pageSize: 1 })).total;
        const leftOut = unfiltered - results.total;
        if (leftOut > 0) {
          await context.sendActivity(t('offers:leftOut', { count: leftOut, financings: household.excluded.map(({ financing }) => financing).join(', ') }));
          const ceilings = household.excluded.map(({ financing, ceiling }) => `${financing}:${ceiling}`).join(',');
          rememberTopic(context, { owner: this.id, name: 'leftOut', facts: { ceilings } });
        }
      }
      if (results.total === 0) return this.suggestRelaxations(context, criteria, described);
      if (results.items.length === 0) {
        await context.sendActivity(t('offers:noMore'));
        return;
      }
      conversation.lastSearch.shownTotals = results.items.map((offer) => offer.rent + offer.charges);
      conversation.lastSearch.shownIds = results.items.map((offer) => offer.id);
      const from = (page - 1) * PAGE_SIZE + 1;
      const heading = `${t('offers:summary', { count: results.total, criteria: described })} ${t('offers:page', { from, to: from + results.items.length - 1, total: results.total })}`;
      const more = from + results.items.length - 1 < results.total;
      const canApply = !(await this.requestIsClosed(context));
      // Offers shown without an income to weigh them: once, how to learn which ones the household may have,
      // said before the list so that the list stays the last message (keyboard users land on it).
      // Not when a financing was asked for ("juste du PLS, on dépasse pour le reste"): its band is known.
      if (page === 1 && !household && !criteria.financings?.length && !turnStateOf(context).user.link && !conversation.eligibilityHinted) {
        await context.sendActivity(t('offers:eligibilityHint'));
        conversation.eligibilityHinted = true;
      }
      await context.sendActivity(MessageFactory.attachment(offerListCard(t, language, heading, results.items, { more, watch: true, canApply })));
      // "oui c'est ça" next agrees with these results; "pourquoi vous enlevez le PLAI ?" asks about those left out.
      if (conversation.lastTopic?.name !== 'leftOut') rememberTopic(context, { owner: this.id, name: 'results', facts: {} });
    } catch (error) {
      if (!isServiceError(error)) throw error;
      await context.sendActivity(t('offers:portalUnavailable'));
    }
  }

  /**
   * "oui c'est ça" after results: the search is kept, and what can be done with it; "pourquoi vous
   * enlevez le PLAI ?" after offers were left out: the ceiling of each, for this household.
   */
  async answerFollowUp(context: TurnContext, topic: Topic, kind: FollowUpKind): Promise<FollowUpAnswer> {
    const t = translatorOf(context);
    const language = languageOf(context);
    const last = turnStateOf(context).conversation.lastSearch;
    if (kind === 'agreed' && last) {
      await context.sendActivity(t('offers:followUp.agreed', { criteria: describeCriteria(t, language, last.criteria) }));
      return 'answered';
    }
    if (topic.name !== 'leftOut' || kind !== 'why') return undefined;
    const lines = String(topic.facts.ceilings ?? '')
      .split(',')
      .filter(Boolean)
      .map((pair) => {
        const [financing, ceiling] = pair.split(':');
        return t('offers:followUp.leftOutWhy', { financing, ceiling: formatEuros(Number(ceiling), language) });
      });
    if (lines.length === 0) return undefined;
    await context.sendActivity(lines.join('\n\n'));
    return 'answered';
  }

  /**
   * For a linked user, the financing types their household may apply to where they search (from the
   * request on the national file); undefined when unlinked or when the zone cannot be told.
   */
  private async householdFilter(context: TurnContext, criteria: SearchCriteria) {
    const link = turnStateOf(context).user.link;
    const zone = criteria.place?.kind === 'commune' ? zoneForPlace(criteria.place.code) : criteria.place ? zoneForDepartment(criteria.place.code) : undefined;
    if (!link || zone?.kind !== 'zone') return undefined;
    const { request } = await this.linkedDossierOfTurn(context, link.applicantId);
    return financingsForHousehold(request.household, request.referenceIncome.amount, zone.zone, new Date());
  }

  /** The linked dossier, read once per turn: the closed-request warning and the household filter both need it. */
  private linkedDossierOfTurn(context: TurnContext, applicantId: string): Promise<LinkedDossier> {
    const key = `${LINKED_DOSSIER_OF_TURN}:${applicantId}`;
    let dossier = context.turnState.get(key) as Promise<LinkedDossier> | undefined;
    if (!dossier) {
      dossier = readLinkedDossier({ portal: this.portal, sne: this.sne }, applicantId);
      context.turnState.set(key, dossier);
    }
    return dossier;
  }

  /**
   * A linked request that expired, was cancelled or is closed cannot be used to apply: said before the
   * search (offers may still be browsed), with the way to file a new request.
   */
  private async warnIfRequestClosed(context: TurnContext): Promise<void> {
    const request = await this.linkedRequestOfTurn(context);
    if (request && isClosedRequest(request.state)) {
      await context.sendActivity(translatorOf(context)(`status:warnings.${request.state}`, { date: formatDate(request.renewalDueDate, languageOf(context)) }));
    }
  }

  /** The linked request is closed: offers may be browsed, no Apply button leads to a refusal. */
  private async requestIsClosed(context: TurnContext): Promise<boolean> {
    const request = await this.linkedRequestOfTurn(context);
    return request !== undefined && isClosedRequest(request.state);
  }

  /** The linked user's request, read once per turn; undefined before a link, or when the portal fails (the search says so itself). */
  private async linkedRequestOfTurn(context: TurnContext): Promise<LinkedDossier['request'] | undefined> {
    const link = turnStateOf(context).user.link;
    if (!link) return undefined;
    try {
      return (await this.linkedDossierOfTurn(context, link.applicantId)).request;
    } catch (error) {
      if (!isServiceError(error)) throw error;
      return undefined;
    }
  }

  private async suggestRelaxations(context: TurnContext, criteria: SearchCriteria, described: string): Promise<void> {
    const t = translatorOf(context);
    const department = departmentOf(criteria);
    const options = relaxations(criteria, department);
    const counts = await Promise.all(options.map(async (option) => (await this.portal.searchOffers({ ...portalQuery(option.criteria, 1), pageSize: 1 })).total));
    const useful = options.map((option, index) => ({ ...option, count: counts[index]! })).filter((option) => option.count > 0);
    const text = `${t('offers:none', { criteria: described })} ${useful.length > 0 ? t('offers:relaxIntro') : t('offers:relaxNothing')}`;
    if (useful.length === 0) {
      await context.sendActivity(text);
      return;
    }
    const label = (relaxation: Relaxation, count: number) => t(`offers:relax.${relaxation}`, { count, name: department?.name ?? '' });
    await context.sendActivity(MessageFactory.attachment(relaxCard(text, useful.map((option) => ({ relaxation: option.relaxation, label: label(option.relaxation, option.count) })))));
  }
}

function departmentOf(criteria: SearchCriteria): { code: string; name: string } | undefined {
  if (criteria.place?.kind !== 'commune') return undefined;
  const code = criteria.place.code.startsWith('97') ? criteria.place.code.slice(0, 3) : criteria.place.code.slice(0, 2);
  return { code, name: departmentName(code) };
}

function placeIn(text: string | undefined) {
  const entities = extractEntities(text ?? '', new Date()).entities;
  // At "where?", a misspelt town typed alone is the town ("villeurbane").
  const alone = entities.places ? undefined : misspeltPlaceAlone(text ?? '');
  const reading = criteriaFromRecognition(alone ? { ...entities, places: [alone] } : entities, text ?? '').place;
  if (reading.kind === 'place') return reading.place;
  // At "where?", a typo is the town it is one edit from; the results name it.
  if (reading.kind === 'misspelt') return searchPlaceOf(reading.candidate, reading.nearby);
  // Step by step, homonyms take the most populated commune (listed first); the summary names it.
  return reading.kind === 'ambiguous' ? searchPlaceOf(reading.candidates[0]!) : undefined;
}

function typologiesIn(text: string | undefined) {
  return criteriaFromRecognition(extractEntities(text ?? '', new Date()).entities, text ?? '').criteria.typologies ?? [];
}

function budgetIn(text: string | undefined): { value: number; withoutCharges: boolean } | undefined {
  const criteria = criteriaFromRecognition(extractEntities(text ?? '', new Date()).entities, text ?? '').criteria;
  if (criteria.maxRent) return { value: criteria.maxRent, withoutCharges: Boolean(criteria.rentWithoutCharges) };
  // A bare number answers "what maximum rent?".
  const bare = /^\s*(\d{3,4})\s*$/.exec(text ?? '');
  return bare ? { value: Number(bare[1]), withoutCharges: false } : undefined;
}

function isAnything(context: TurnContext, text: string | undefined): boolean {
  const said = ` ${normalizeForMatching(text ?? '')} `;
  return listFor(languageOf(context), 'anythingWords', 'offers').some((word) => said.includes(` ${normalizeForMatching(word)} `));
}

/** A home lived in, a correction or "near": the second place named is no second search. */
const NOT_A_SECOND_SEARCH = /(?<![a-z])(?:habite|habitons|vis|vivons|live|living|plutot|rather|en fait|actually|pas a|not in|pres de|autour de|near|around)(?![a-z])/;

/**
 * "j'hésite entre Rennes et Grenoble, montrez-moi les deux": the first town searched, the second offered
 * as a button that asks the same search there.
 */
async function offerTheOtherPlace(context: TurnContext, recognition: Recognition, criteria: SearchCriteria): Promise<void> {
  if (NOT_A_SECOND_SEARCH.test(normalizeForMatching(recognition.text ?? ''))) return;
  const searched = criteria.place?.kind === 'commune' ? criteria.place : undefined;
  // "paris 11", "dans le 11e": an arrondissement is searched as its city, not offered as another town.
  const other = (readEntities(recognition.entities).places ?? [])
    .flatMap((place) => (place.kind === 'commune' && place.candidates.length > 0 ? [place.candidates[0]!] : []))
    .find((candidate) => searched !== undefined && candidate.name !== searched.name && candidate.city !== searched.code)?.name;
  if (!other) return;
  const t = translatorOf(context);
  await context.sendActivity(MessageFactory.suggestedActions([{ type: 'imBack', title: t('offers:otherPlace.button', { name: other }), value: t('offers:otherPlace.value', { name: other }) }], t('offers:otherPlace.text', { name: other })));
}
