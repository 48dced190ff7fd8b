import { MessageFactory, type TurnContext } from 'botbuilder';
import { isClosedRequest } from '../services/sne/schemas';
import { ComponentDialog, WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { languageOf, recognitionOf, translatorOf, turnStateOf } from './turn/turnAccess';
import { applicationLine } from '../services/dossier/dossierSummary';
import { applicationText } from './cards/applicationText';
import { readLinkedDossier } from '../services/dossier/readLinkedDossier';
import { ceilingYearFor, zoneOfCommune } from '../services/eligibility/ceilings';
import { isServiceError, mayHaveGoneThrough, type Violation } from '../services/http/errors';
import { applicationViolations, requestViolations } from '../services/offers/applicationRules';
import type { PortalApi } from '../services/portal/portalApi';
import { ACTIVE_CANDIDATURE_STATUSES, FinancingSchema, type Candidature, type Financing, type Offer } from '../services/portal/schemas';
import type { HousingRequest } from '../services/sne/schemas';
import { financingsForHousehold } from '../services/offers/financingsForHousehold';
import type { SneApi } from '../services/sne/sneApi';
import { applicationsCard } from './cards/applicationsCard';
import { offerTitle } from './cards/offerCards';
import { formatEuros } from './format';
import { isLinked, linkFirst } from './linkFirst';
import { answeredYes, yesNoOptions, yesNoPrompt } from './prompts/yesNoPrompt';
import { ChoiceAnswerPrompt } from './prompts/answerPrompts';
import type { Recognition } from './recognizer/intents';
import { valuesOf } from './stepAccess';
import { readEntities, type Place } from './recognizer/entities/schemas';
import { saysApplyingInstead } from './recognizer/withdrawalSaid';
import { appliesToNoOfferYet, offerShownAt } from './offers/searchFollowUp';
import { documentNames } from './cards/documentState';
import { rememberTopic, type AnswersFollowUps, type FollowUpAnswer, type Topic } from './followUps/lastTopic';
import type { FollowUpKind } from './recognizer/followUpQuestion';

const STEPS_ROUTER = 'apply.router';
const APPLY = 'apply.steps';
const LIST = 'apply.list';
const WITHDRAW = 'apply.withdraw';
const CONFIRM = 'apply.confirm';
const WHICH_CANDIDATURE = 'apply.whichCandidature';
const EMPLOYER_DIALOG = 'employerDialog';

/** What "Candidater" and "Retirer" buttons send (user input: checked). */
/** The offer search (routes.ts), for an application said with a kind of dwelling and a place but no offer. */
const OFFER_SEARCH_DIALOG = 'offerSearchDialog';
const OfferButtonSchema = z.object({ offerId: z.string().min(1).max(40) });
const WithdrawButtonSchema = z.object({ candidatureId: z.string().min(1).max(60) });

export interface ApplyDependencies {
  portal: PortalApi;
  sne: SneApi;
  /** The portal's limit of applications in progress (not published by AL-in: configuration). */
  maxActiveApplications: number;
}

interface ApplyValues {
  offer?: Offer;
  candidature?: Candidature;
  /** The applications in progress offered to withdraw. */
  candidatures?: Candidature[];
}

/**
 * Applying to an offer (preconditions checked first, with the same rules as the portal, then a
 * confirmation), "my applications", and withdrawing one (with confirmation).
 */
export class ApplyDialog extends ComponentDialog implements AnswersFollowUps {
  constructor(
    private readonly deps: ApplyDependencies,
    linkNumber: Dialog,
  ) {
    super('applyDialog');
    this.addDialog(linkNumber);
    this.addDialog(yesNoPrompt(CONFIRM));
    this.addDialog(new WaterfallDialog(STEPS_ROUTER, [this.routeStep.bind(this)]));
    this.addDialog(new WaterfallDialog(APPLY, [this.linkStep.bind(this), this.checkStep.bind(this), this.sendStep.bind(this)]));
    this.addDialog(new WaterfallDialog(LIST, [this.linkForListStep.bind(this), this.listStep.bind(this)]));
    this.addDialog(new ChoiceAnswerPrompt(WHICH_CANDIDATURE));
    this.addDialog(
      new WaterfallDialog(WITHDRAW, [this.linkForListStep.bind(this), this.chooseWithdrawalStep.bind(this), this.confirmWithdrawalStep.bind(this), this.withdrawStep.bind(this)]),
    );
    this.initialDialogId = STEPS_ROUTER;
  }

  private async routeStep(step: WaterfallStepContext<Recognition>) {
    const target = step.options.intent === 'myApplications' ? LIST : step.options.intent === 'withdraw' ? WITHDRAW : APPLY;
    return step.replaceDialog(target, step.options);
  }

  // Applying --------------------------------------------------------------------------------------

  private async linkStep(step: WaterfallStepContext<Recognition>) {
    return linkFirst(step, 'apply:needLink');
  }

  private async checkStep(step: WaterfallStepContext<Recognition>) {
    if (!isLinked(step)) return step.endDialog();
    // AL-in is for employees of contributing companies: the employer on the request does not contribute,
    // and no current one was checked — that first ("I'd like to apply for a T2 in Lyon").
    if ((await this.employerToCheck(step.context)) && step.findDialog(EMPLOYER_DIALOG)) return step.replaceDialog(EMPLOYER_DIALOG, { afterLink: true });
    const t = translatorOf(step.context);
    const offerId = offerIdOf(step.options, turnStateOf(step.context).conversation.lastSearch?.shownIds ?? []);
    if (!offerId) {
      const searchFirst = appliesToNoOfferYet(step.options);
      const open = await this.sayWhetherApplicationsAreOpen(step.context, !searchFirst);
      // "je veux postuler à un T2 à Lyon": nothing stands in the way, so the offers there, to pick one.
      if (open && searchFirst && step.findDialog(OFFER_SEARCH_DIALOG)) return step.replaceDialog(OFFER_SEARCH_DIALOG, { ...step.options, intent: 'searchOffers' } satisfies Recognition);
      return step.endDialog();
    }
    try {
      const applicantId = turnStateOf(step.context).user.link!.applicantId;
      const candidaturesAndOffer = () => Promise.all([this.deps.portal.listCandidatures(applicantId), this.deps.portal.getOffer(offerId)]);
      const { request, alongside: [candidatures, offer] } = await readLinkedDossier(this.deps, applicantId, candidaturesAndOffer);
      const existing = candidatures.find((candidature) => candidature.offer.id === offer.id && candidature.status !== 'withdrawn');
      if (existing) {
        await step.context.sendActivity(t('apply:alreadyApplied', { stage: t(`status:applications.stage.${existing.status}`, { rank: existing.decision?.rank, date: '', when: '' }) }));
        return step.endDialog();
      }
      const violations = applicationViolations({
        request,
        offer,
        activeCandidatures: candidatures.filter((candidature) => ACTIVE_CANDIDATURE_STATUSES.includes(candidature.status)).length,
        maxActiveApplications: this.deps.maxActiveApplications,
        ceilingYear: ceilingYearFor(new Date()),
      }).map((violation) => (violation.code === 'INCOME_ABOVE_CEILING' ? { ...violation, params: { ...violation.params, alternatives: higherCeilingsWithin(request, offer).join(', ') } } : violation));
      if (violations.length > 0) {
        await explainViolations(step.context, violations);
        return step.endDialog();
      }
      valuesOf<ApplyValues>(step).offer = offer;
      turnStateOf(step.context).conversation.offerInFocus = { id: offer.id, at: new Date().toISOString() };
      const language = languageOf(step.context);
      return step.prompt(CONFIRM, yesNoOptions(t, t('apply:confirm', { offer: offerTitle(t, offer), total: formatEuros(offer.rent + offer.charges, language) })));
    } catch (error) {
      await explainFailure(step.context, error);
      return step.endDialog();
    }
  }

  /**
   * "Je peux candidater ?" without an offer: what stands in the way whatever the offer, or (when asked to)
   * which offer. True when nothing stands in the way.
   */
  private async sayWhetherApplicationsAreOpen(context: TurnContext, askWhichOffer = true): Promise<boolean> {
    const t = translatorOf(context);
    try {
      const applicantId = turnStateOf(context).user.link!.applicantId;
      const { request, alongside: candidatures } = await readLinkedDossier(this.deps, applicantId, () => this.deps.portal.listCandidatures(applicantId));
      const violations = requestViolations({
        request,
        activeCandidatures: candidatures.filter((candidature) => ACTIVE_CANDIDATURE_STATUSES.includes(candidature.status)).length,
        maxActiveApplications: this.deps.maxActiveApplications,
      });
      if (violations.length > 0) {
        await explainViolations(context, violations, 'apply:cannotApplyYet');
        return false;
      }
    } catch (error) {
      if (!isServiceError(error)) throw error;
    }
    if (askWhichOffer) await context.sendActivity(t('apply:whichOffer'));
    return true;
  }

  /** Whether the user's employer does not contribute: as known since the link, else as the portal says (links made before it was kept). */
  private async employerToCheck(context: TurnContext): Promise<boolean> {
    const user = turnStateOf(context).user;
    if (user.employerContributes !== undefined) return !user.employerContributes;
    try {
      const applicant = await this.deps.portal.getApplicant(user.link!.applicantId);
      return !applicant.employer.eligible;
    } catch (error) {
      if (!isServiceError(error)) throw error;
      return false;
    }
  }

  private async sendStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    const offer = valuesOf<ApplyValues>(step).offer!;
    if (!answeredYes(step.result)) {
      await step.context.sendActivity(t('apply:notSent'));
      return step.endDialog();
    }
    try {
      await this.deps.portal.applyToOffer(turnStateOf(step.context).user.link!.applicantId, offer.id);
      await step.context.sendActivity(t('apply:sent', { offer: offerTitle(t, offer) }));
    } catch (error) {
      // A POST that timed out may have gone through: say so rather than "nothing was sent".
      if (mayHaveGoneThrough(error)) {
        await step.context.sendActivity(t('apply:unsure'));
      } else {
        await explainFailure(step.context, error);
      }
    }
    return step.endDialog();
  }

  // Questions that follow an answer ---------------------------------------------------------------

  /**
   * "pk ?", "je le dépose où ?" after a refusal: each rule broken, explained with what to do;
   * "je peux en faire une autre ?" after the list of applications: the limit, and where they stand.
   */
  async answerFollowUp(context: TurnContext, topic: Topic, kind: FollowUpKind): Promise<FollowUpAnswer> {
    const t = translatorOf(context);
    if (topic.name === 'applications' && kind === 'thatOne') return this.applicationsOfThePlace(context);
    if (topic.name === 'applications' && kind === 'another') {
      // "je peux en refaire une ?" with a request cancelled or expired: what stands in the way, not "oui".
      if (turnStateOf(context).user.link && !(await this.sayWhetherApplicationsAreOpen(context, false))) return 'answered';
      const active = Number(topic.facts.active);
      const limit = Number(topic.facts.limit);
      await context.sendActivity(active >= limit ? t('apply:followUp.atLimit', { active }) : t('apply:followUp.belowLimit', { count: active, limit }));
      return 'answered';
    }
    // "avant quand ?", "lesquels ?" say nothing more of a refusal.
    if (topic.name !== 'refused' || kind === 'when' || kind === 'which') return undefined;
    const codes = String(topic.facts.codes ?? '').split(',');
    // "la 1ere", "oui celui-là" right after being told no application can go: nothing to pick from, why again.
    if (kind === 'pick') {
      await explainViolations(context, codes.map((code) => ({ code, params: topic.facts }) as Violation), 'apply:cannotApplyYet');
      return 'answered';
    }
    const lines: string[] = [];
    for (const code of codes) {
      const line = await this.followUpOfViolation(context, code, topic.facts, kind);
      if (line) lines.push(line);
    }
    if (lines.length === 0) return undefined;
    await context.sendActivity(lines.join('\n\n'));
    return 'answered';
  }

  /** "et celle de lyon alors ?" after the list: that application's stage again, on its own; undefined when none is there. */
  private async applicationsOfThePlace(context: TurnContext): Promise<FollowUpAnswer> {
    const link = turnStateOf(context).user.link;
    const places = readEntities(recognitionOf(context)?.entities ?? {}).places ?? [];
    if (!link || places.length === 0) return undefined;
    const candidatures = await this.deps.portal.listCandidatures(link.applicantId).catch((error: unknown) => {
      if (!isServiceError(error)) throw error;
      return [];
    });
    const inThePlace = inPlacesNamed(candidatures, places);
    if (inThePlace.length === 0) return undefined;
    const t = translatorOf(context);
    const today = new Date();
    await context.sendActivity(inThePlace.map((candidature) => applicationText(t, languageOf(context), applicationLine(candidature, today))).join('\n\n'));
    return 'answered';
  }

  private async followUpOfViolation(context: TurnContext, code: string, facts: Topic['facts'], kind: FollowUpKind): Promise<string | undefined> {
    const t = translatorOf(context);
    const language = languageOf(context);
    switch (code) {
      case 'ACTIVE_LIMIT_REACHED':
        return t(kind === 'whatIfNot' ? 'apply:followUp.ACTIVE_LIMIT_REACHED_ifNot' : 'apply:followUp.ACTIVE_LIMIT_REACHED', { limit: facts.limit });
      case 'REQUEST_NOT_ACTIVE': {
        const state = String(facts.state);
        if (!isClosedRequest(state) || state === 'attributed' || kind === 'whatIfNot') return undefined;
        return kind === 'why' ? t(`apply:followUp.REQUEST_NOT_ACTIVE_why.${state}`) : t('apply:followUp.REQUEST_NOT_ACTIVE');
      }
      case 'REQUEST_INCOMPLETE': {
        const documents = documentNames(t, facts.documents);
        if (kind === 'why') return t('apply:followUp.REQUEST_INCOMPLETE_why', { documents });
        return t(kind === 'whatIfNot' ? 'apply:followUp.REQUEST_INCOMPLETE_ifNot' : 'apply:followUp.REQUEST_INCOMPLETE', { documents });
      }
      case 'INCOME_ABOVE_CEILING': {
        if (kind === 'whatIfNot') return undefined;
        // "je fais comment ?": the two ways forward, without the figures again.
        if (kind === 'how') return t(facts.alternatives ? 'apply:followUp.INCOME_ABOVE_CEILING_how' : 'apply:followUp.INCOME_ABOVE_HIGHEST_CEILING_how', { alternatives: facts.alternatives });
        // The income is the applicant's own figure, read again from the request rather than kept.
        const link = turnStateOf(context).user.link;
        if (!link) return undefined;
        try {
          const { request } = await readLinkedDossier(this.deps, link.applicantId);
          return t('apply:followUp.INCOME_ABOVE_CEILING', {
            financing: facts.financing,
            ceiling: formatEuros(Number(facts.ceiling), language),
            income: formatEuros(request.referenceIncome.amount, language),
            year: request.referenceIncome.year,
          });
        } catch (error) {
          if (!isServiceError(error)) throw error;
          return undefined;
        }
      }
      default:
        return undefined;
    }
  }

  // My applications and withdrawing ----------------------------------------------------------------

  private async linkForListStep(step: WaterfallStepContext<Recognition>) {
    return linkFirst(step, 'apply:needLinkForList');
  }

  private async listStep(step: WaterfallStepContext<Recognition>) {
    if (!isLinked(step)) return step.endDialog();
    try {
      const candidatures = await this.deps.portal.listCandidatures(turnStateOf(step.context).user.link!.applicantId);
      // "on me dit que je peux plus postuler ??" with none yet: what stands in the way (an expired request), if anything.
      const nothingInTheWay = candidatures.length > 0 || (await this.sayWhetherApplicationsAreOpen(step.context, false));
      if (nothingInTheWay) await step.context.sendActivity(applicationsMessage(step.context, candidatures));
      const active = candidatures.filter((candidature) => ACTIVE_CANDIDATURE_STATUSES.includes(candidature.status)).length;
      rememberTopic(step.context, { owner: this.id, name: 'applications', facts: { active, limit: this.deps.maxActiveApplications } });
    } catch (error) {
      await explainFailure(step.context, error);
    }
    return step.endDialog();
  }

  private async chooseWithdrawalStep(step: WaterfallStepContext<Recognition>) {
    if (!isLinked(step)) return step.endDialog();
    const t = translatorOf(step.context);
    try {
      const candidatures = await this.deps.portal.listCandidatures(turnStateOf(step.context).user.link!.applicantId);
      const chosenId = WithdrawButtonSchema.safeParse(step.options.entities).data?.candidatureId;
      const active = candidatures.filter((candidature) => ACTIVE_CANDIDATURE_STATUSES.includes(candidature.status));
      // "je retire celle d'aix": the one active application in the place named.
      const named = inPlacesNamed(active, readEntities(step.options.entities).places ?? []);
      const chosen = chosenId ? candidatures.find((candidature) => candidature.id === chosenId) : active.length === 1 ? active[0] : named.length === 1 ? named[0] : undefined;
      if (!chosen && active.length === 0) {
        await step.context.sendActivity(t('apply:withdraw.noneActive'));
        return step.endDialog();
      }
      if (!chosen) {
        // "la première", "celle de Lyon", or its "Retirer" button: the applications in progress, as a question.
        valuesOf<ApplyValues>(step).candidatures = active;
        const choices = active.map((candidature) => ({
          value: candidature.id,
          action: { type: 'imBack', title: offerTitle(t, candidature.offer), value: offerTitle(t, candidature.offer) },
          synonyms: [candidature.offer.id, candidature.offer.commune.name],
        }));
        return step.prompt(WHICH_CANDIDATURE, { prompt: applicationsMessage(step.context, active, t('apply:withdraw.which')), retryPrompt: t('apply:withdraw.whichRetry'), choices });
      }
      return step.next({ value: chosen.id, chosen });
    } catch (error) {
      await explainFailure(step.context, error);
      return step.endDialog();
    }
  }

  private async confirmWithdrawalStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    const values = valuesOf<ApplyValues>(step);
    const result = step.result as { value?: string; chosen?: Candidature } | undefined;
    const chosen = result?.chosen ?? values.candidatures?.find((candidature) => candidature.id === result?.value);
    if (!chosen) return step.endDialog();
    if (!ACTIVE_CANDIDATURE_STATUSES.includes(chosen.status)) {
      await step.context.sendActivity(t('apply:withdraw.tooLate'));
      return step.endDialog();
    }
    values.candidature = chosen;
    return step.prompt(CONFIRM, yesNoOptions(t, t('apply:withdraw.confirm', { offer: offerTitle(t, chosen.offer) })));
  }

  private async withdrawStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    const candidature = valuesOf<ApplyValues>(step).candidature!;
    if (!answeredYes(step.result) || saysApplyingInstead(step.context.activity.text ?? '')) {
      await step.context.sendActivity(t('apply:withdraw.notDone'));
      return step.endDialog();
    }
    try {
      await this.deps.portal.withdrawCandidature(candidature.applicantId, candidature.id);
      await step.context.sendActivity(t('apply:withdraw.done', { offer: offerTitle(t, candidature.offer) }));
    } catch (error) {
      if (isServiceError(error) && error.kind === 'Conflict') await step.context.sendActivity(t('apply:withdraw.tooLate'));
      else await explainFailure(step.context, error);
    }
    return step.endDialog();
  }
}


/** The offer named: its button, its reference, or its place in the list just shown ("je candidate au deuxième"). */
function offerIdOf(recognition: Recognition, shownIds: readonly string[]): string | undefined {
  const named = OfferButtonSchema.safeParse(recognition.entities).data?.offerId ?? readEntities(recognition.entities).offerId;
  if (named) return named;
  return offerShownAt(recognition.text, shownIds);
}


/** Every broken rule, each with its way forward. */
async function explainViolations(context: TurnContext, violations: Violation[], headingKey = 'apply:cannotApply'): Promise<void> {
  const t = translatorOf(context);
  const language = languageOf(context);
  const lines = violations.map((violation) => {
    const params = violation.params ?? {};
    switch (violation.code) {
      case 'ACTIVE_LIMIT_REACHED':
        return t('apply:violation.ACTIVE_LIMIT_REACHED', { limit: params.limit });
      case 'REQUEST_NOT_ACTIVE': {
        const state = String(params.state ?? '');
        return t(`apply:violation.REQUEST_NOT_ACTIVE.${isClosedRequest(state) ? state : 'other'}`);
      }
      case 'REQUEST_INCOMPLETE':
        return t('apply:violation.REQUEST_INCOMPLETE', { documents: documentNames(t, params.documents) });
      case 'INCOME_ABOVE_CEILING':
        return t(params.alternatives ? 'apply:violation.INCOME_ABOVE_CEILING' : 'apply:violation.INCOME_ABOVE_HIGHEST_CEILING', {
          financing: params.financing,
          ceiling: formatEuros(Number(params.ceiling), language),
          alternatives: params.alternatives,
        });
      default:
        return t('apply:violation.other', { code: violation.code });
    }
  });
  await context.sendActivity(`${t(headingKey)}\n\n${lines.map((line) => `- ${line}`).join('\n')}`);
  // "pk ?", "je fais comment ?" next: what each rule means and what to do.
  const facts: Topic['facts'] = { codes: violations.map((violation) => violation.code).join(',') };
  for (const violation of violations) {
    for (const [name, value] of Object.entries(violation.params ?? {})) if (typeof value === 'string' || typeof value === 'number') facts[name] = value;
  }
  rememberTopic(context, { owner: 'applyDialog', name: 'refused', facts });
}

/**
 * The kinds of dwelling with a higher ceiling than the offer's that this household is not above, where
 * the offer is: "Cherchez plutôt des logements financés en PLI" — never PLS to a household above it too.
 * PLI counts while its ceiling depends on each dwelling's ABC zone.
 */
function higherCeilingsWithin(request: HousingRequest, offer: Offer): Financing[] {
  const household = financingsForHousehold(request.household, request.referenceIncome.amount, zoneOfCommune(offer.commune.inseeCode), new Date());
  const higher = FinancingSchema.options.slice(FinancingSchema.options.indexOf(offer.financing) + 1);
  return (household?.allowed ?? []).filter((financing) => higher.includes(financing));
}

async function explainFailure(context: TurnContext, error: unknown): Promise<void> {
  if (!isServiceError(error)) throw error;
  const t = translatorOf(context);
  if (error.kind === 'RuleViolation') return explainViolations(context, (error as { violations: Violation[] }).violations);
  if (error.kind === 'Conflict') return void (await context.sendActivity(t('apply:alreadyApplied', { stage: '' })));
  if (error.kind === 'NotFound') return void (await context.sendActivity(t('apply:offerGone')));
  await context.sendActivity(t('apply:portalUnavailable'));
}

/** The applications whose offer is in one of the places named (a commune, or a department). */
function inPlacesNamed(candidatures: Candidature[], places: readonly Place[]): Candidature[] {
  return candidatures.filter(({ offer }) =>
    places.some((place) => (place.kind === 'commune' ? place.candidates.some((commune) => commune.code === offer.commune.inseeCode) : place.code === offer.commune.department)),
  );
}

function applicationsMessage(context: TurnContext, candidatures: Candidature[], heading?: string) {
  const t = translatorOf(context);
  if (candidatures.length === 0) return MessageFactory.text(t('apply:list.none'));
  const active = candidatures.filter((candidature) => ACTIVE_CANDIDATURE_STATUSES.includes(candidature.status)).length;
  const defaultHeading = active > 0 ? t('apply:list.headingActive', { count: active }) : t('apply:list.heading');
  return MessageFactory.attachment(applicationsCard(t, languageOf(context), candidatures, heading ?? defaultHeading));
}
