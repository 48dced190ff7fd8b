import { MessageFactory, type CardAction, type TurnContext } from 'botbuilder';
import {
  ComponentDialog,
  WaterfallDialog,
  type Dialog,
  type DialogContext,
  type DialogInstance,
  type DialogTurnResult,
  type PromptValidatorContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { z } from 'zod';
import type { Language, Translate } from './i18n';
import { languageOf, recognitionOf, translatorOf, turnStateOf } from './turn/turnAccess';
import { readLinkedDossier } from '../services/dossier/readLinkedDossier';
import { assessEligibility, PLAUSIBLE_MAX_PERSONS } from '../services/eligibility/assessEligibility';
import type { Household } from '../services/sne/schemas';
import { disabilityMatters, householdIssues, isYoungHousehold, youngHouseholdMatters, type HouseholdIssue } from '../services/eligibility/householdCategory';
import { incomeYearRule, type IncomeYearRule } from '../services/eligibility/incomeYear';
import type { IncomeZone } from '../services/eligibility/ceilings';
import { departmentByCode } from '../services/geo/resolvePlace';
import { isServiceError } from '../services/http/errors';
import type { PortalApi } from '../services/portal/portalApi';
import type { Employer } from '../services/portal/schemas';
import type { SneApi } from '../services/sne/sneApi';
import { adaptiveCard, intentButton } from './cards/adaptiveCard';
import { financingsNamed } from './recognizer/entities/financing';
import { ELIGIBILITY_ANSWER, eligibilityCard, financingsListed, type UnaskedCondition } from './cards/eligibilityCard';
import { sendAnswer } from './feedback/answerFeedback';
import { agesCorrected, corrected, personJoining, correctionAt, factsFromMessage, FactsSchema, factsToKeep, keptFacts, placeFacts, slotsChanged, YES_NO_CONDITIONS, type Facts, type Slot } from './eligibilityFacts';
import { formatEuros } from './format';
import { ChoiceAnswerPrompt } from './prompts/answerPrompts';
import { PlacePrompt } from './prompts/placePrompt';
import { answeredYes, yesNoOptions, yesNoPrompt } from './prompts/yesNoPrompt';
import { chosenValue, validationsOf, valuesOf } from './stepAccess';
import { readYesNo } from './recognizer/answers/answerReader';
import { extractEntities } from './recognizer/entities/extractEntities';
import { CompositionSchema, readAges, readPersons, staffCountSaid } from './recognizer/entities/household';
import { readIncome, type IncomeReading } from './recognizer/entities/income';
import { chosenPlace, isZoned, dominantOfHomonyms, homonymNearby, placeZoneOfDepartment, proposedPlaceKept, readPlaceZone, PendingPlaceSchema, type PendingPlace, type PlaceZoneReading, type ZonedPlace } from './recognizer/entities/placeZone';
import { readEntities, type RecognizedEntities } from './recognizer/entities/schemas';
import { tellsOfSeparation } from './recognizer/entities/amount';
import { readEligibilityMessage } from './recognizer/eligibilityMessage';
import { CEILINGS_ASKED } from './recognizer/eligibilityQuestion';
import type { Recognition } from './recognizer/intents';
import { keptRecognition } from './recognizer/keptRecognition';
import { PatientTextPrompt } from './prompts/patientTextPrompt';
import { householdTold, rememberHouseholdAnswered } from './householdTold';
import type { EmployerCheckOptions } from './employerDialog';
import { normalizeForMatching } from '../services/shared/normalizeForMatching';

const ROUTER = 'eligibility.router';
const STEPS = 'eligibility.steps';
const PLACE_STEPS = 'eligibility.placeSteps';
const EMPLOYER_CHECK = 'eligibility.employerCheck';
const PLACE = 'eligibility.place';
const WHICH_PLACE = 'eligibility.whichPlace';
const COMMUNE = 'eligibility.commune';
const PERSONS = 'eligibility.persons';
const INCOME = 'eligibility.income';
const COMPOSITION = 'eligibility.composition';
const AGES = 'eligibility.ages';
const DISABILITY = 'eligibility.disability';
const EMPLOYER_DIALOG = 'employerDialog';
const LINK_DIALOG = 'linkNumberDialog';

/** What the "check my employer" button sends back (card submissions are user input: checked). */
const EmployerButtonSchema = z.object({ action: z.literal('checkEmployer') });

/** A company's size said ("une boite de 30 salariés"): the Action Logement rule depends on it. */
const COMPANY_SIZE = /(?<![a-z])\d+ (?:salaries|employes|personnes|employees|staff|people)(?![a-z])/;
/** Words of a question about the employer's contribution rather than the household's eligibility. */
const ABOUT_THE_EMPLOYER = /(?<![a-z])(?:cotis\w*|contribut\w*|employeur|employer|siret|entreprise|boite|societe|company|salaries|employes|employees|al ?in)(?![a-z])/;

/**
 * "mon siret c 842…, on cotise ?", "je bosse dans une boite de 30 salariés, je peux utiliser AL-in ?":
 * the employer's side of eligibility, when the message says nothing of the household, income or place.
 */
function asksAboutTheEmployer(recognition: Recognition): boolean {
  const entities = readEntities(recognition.entities);
  const said = readEligibilityMessage(recognition).said;
  // "mon mari bosse chez Rhône Logistique, siret 842…, on peut passer par lui ?": a SIRET with a spouse named is the employer's side still.
  // "si jchange pr Rhône Logistique ? leur siret c 842…": beside a SIRET, a place named is as likely the company's name.
  const countsSaid = said.persons !== undefined || said.income !== undefined || (said.place !== undefined && entities.siret === undefined);
  if (countsSaid) return false;
  if (entities.siret !== undefined) return true;
  if (said.composition !== undefined) return false;
  return (ABOUT_THE_EMPLOYER.test(normalizeForMatching(recognition.text)) && COMPANY_SIZE.test(normalizeForMatching(recognition.text))) || /(?<![a-z])(?:cotis\w*|siret)(?![a-z])/.test(normalizeForMatching(recognition.text));
}

/** How many homonyms are offered as buttons; the others are reached by typing their department. */
const PLACE_BUTTONS = 5;

type PersonsIssue = HouseholdIssue | 'tooManyPersons';


/** The years the income question names, handed to its validator to name them again. */
const IncomeQuestionParamsSchema = z.object({ referenceYear: z.number(), taxNoticeYear: z.number() });
type IncomeQuestionParams = z.infer<typeof IncomeQuestionParamsSchema>;

/** How the dialog starts: the message, and facts carried from before (a correction, a follow-up). */
type EligibilityOptions = Recognition & { carried?: Facts };

/** The slot each question of the form fills. */
const SLOT_OF_PROMPT: Record<string, Slot> = {
  [PLACE]: 'place',
  [WHICH_PLACE]: 'place',
  [COMMUNE]: 'place',
  [PERSONS]: 'persons',
  [INCOME]: 'income',
  [COMPOSITION]: 'composition',
  [AGES]: 'ages',
  [DISABILITY]: 'disability',
};

interface EligibilityValues {
  facts: Facts;
  /** The category questions are asked only step by step: a household told in the first message is answered at once. */
  stepByStep: boolean;
  /** When household and income come from the linked request. */
  maskedNur?: string;
  employer?: Employer;
  priority: boolean;
  pregnancy: boolean;
  /** "c'est quoi le plafond pour nous ?" with no income said: the ceilings are the answer, the income is not asked. */
  ceilingsAsked?: boolean;
  /** "on cherche sur bordeau": the town the misspelt name was taken for, said with the answer. */
  placeAssumed?: string;
}

interface PlaceStepValues {
  /** The place that needed a question, for the answer to settle. */
  pending?: PendingPlace;
}

export interface EligibilityDependencies {
  portal: PortalApi;
  sne: SneApi;
}

/**
 * "Suis-je éligible ?": the household category, the zone and each financing type's ceiling for the
 * user's own situation. Collects only what is missing — a linked user's household and income come from
 * the request on the national file; "on est 3 à Lyon avec 40 000 € de revenu fiscal" fills everything
 * at once; otherwise place, persons, income, then only the questions that change the category. Then
 * who may use AL-in (the employer), and, when the message names one, what a priority situation means.
 */
export class EligibilityDialog extends ComponentDialog {
  constructor(
    private readonly deps: EligibilityDependencies,
    linkNumber?: Dialog,
    employerCheck?: Dialog,
  ) {
    super('eligibilityDialog');
    // A component registers the dialogs it starts: the SDK's reprompt does not look in the parent's.
    if (linkNumber) this.addDialog(linkNumber);
    if (employerCheck) this.addDialog(employerCheck);
    this.addDialog(new PlacePrompt(PLACE, (text) => readPlaceZone(text).kind !== 'unknown', 'eligibility:ask.placeRetry', 'eligibility:ask.unknownPostalCode'));
    this.addDialog(new PatientTextPrompt(WHICH_PLACE, async (prompt) => chosenPlace(validationsOf(prompt, PendingPlaceSchema), prompt.recognized.value ?? '') !== undefined));
    this.addDialog(new PatientTextPrompt(COMMUNE, async (prompt) => chosenPlace(validationsOf(prompt, PendingPlaceSchema), prompt.recognized.value ?? '') !== undefined, 'answers.placeHelp'));
    this.addDialog(new PatientTextPrompt(PERSONS, (prompt) => validatePersons(prompt), 'answers.personsHelp'));
    this.addDialog(new PatientTextPrompt(INCOME, (prompt) => validateIncome(prompt), 'answers.incomeHelp'));
    this.addDialog(new ChoiceAnswerPrompt(COMPOSITION));
    this.addDialog(new PatientTextPrompt(AGES, async (prompt) => readAges(prompt.recognized.value ?? '') !== undefined));
    this.addDialog(yesNoPrompt(DISABILITY));
    this.addDialog(new WaterfallDialog(ROUTER, [this.routeStep.bind(this)]));
    this.addDialog(new WaterfallDialog(EMPLOYER_CHECK, [this.checkEmployerStep.bind(this)]));
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.linkIfNumberGivenStep.bind(this),
        this.readStep.bind(this),
        this.placeStep.bind(this),
        this.askPersonsStep.bind(this),
        this.askIncomeStep.bind(this),
        this.askCompositionStep.bind(this),
        this.askAgesStep.bind(this),
        this.askDisabilityStep.bind(this),
        this.answerStep.bind(this),
      ]),
    );
    this.addDialog(new WaterfallDialog(PLACE_STEPS, [this.askPlaceStep.bind(this), this.askWhichPlaceStep.bind(this), this.placeChosenStep.bind(this)]));
    this.initialDialogId = ROUTER;
  }

  /**
   * A correction at any question ("en fait on est 4", "ah non, plutôt à Paris", "plutôt 35 000"): the
   * facts are corrected and the form goes on from them — the questions still missing are asked, the
   * answer given — instead of the message being taken for an answer to the question on screen.
   */
  protected override async onContinueDialog(innerDc: DialogContext): Promise<DialogTurnResult> {
    const recognition = recognitionOf(innerDc.context);
    const asked = askedSlot(innerDc);
    const known = factsOfForm(innerDc);
    if (!recognition || !asked || !known) return super.onContinueDialog(innerDc);
    const carried = correctionAt(asked, known, recognition);
    if (!carried) return super.onContinueDialog(innerDc);
    // "en fait plutôt Grenoble" at the household question: the change is said, then the question again.
    const noted = notedChanges(innerDc.context, slotsChanged(known, carried), carried);
    if (noted) await innerDc.context.sendActivity(noted);
    await innerDc.cancelAllDialogs();
    return innerDc.beginDialog(STEPS, { ...keptRecognition(recognition), carried } satisfies EligibilityOptions);
  }

  private async routeStep(step: WaterfallStepContext<Recognition>) {
    const target = EmployerButtonSchema.safeParse(step.options.entities).success || asksAboutTheEmployer(step.options) ? EMPLOYER_CHECK : STEPS;
    return step.replaceDialog(target, step.options);
  }

  // The employer (Action Logement) ------------------------------------------------------------------

  private async checkEmployerStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    if (step.findDialog(EMPLOYER_DIALOG)) {
      // "une boite de 30 salariés, je peux ?": the rule that depends on the size, then the check.
      // "vendeuse dans une boulangerie (on est 12)": the staff counted is the size too.
      const sizeSaid = COMPANY_SIZE.test(normalizeForMatching(step.options.text ?? '')) || staffCountSaid(step.options.text ?? '') !== undefined;
      if (sizeSaid) await step.context.sendActivity(t('eligibility:al.rule'));
      const options: EmployerCheckOptions = { siret: readEntities(step.options.entities).siret?.siret, explained: sizeSaid };
      return step.beginDialog(EMPLOYER_DIALOG, options);
    }
    await step.context.sendActivity(`${t('eligibility:al.rule')} ${t('eligibility:al.notConfirmed')} ${t('eligibility:al.askHr')}`);
    return step.endDialog();
  }

  // Eligibility -------------------------------------------------------------------------------------

  /** "Suis-je éligible ? mon numéro est 069…": link first, then answer from the request. */
  private async linkIfNumberGivenStep(step: WaterfallStepContext<Recognition>) {
    const numberGiven = readEntities(step.options.entities).uniqueNumber !== undefined;
    // The link reads only that a number was given: the message, kept in this dialog's options, is not copied.
    if (numberGiven && !turnStateOf(step.context).user.link && step.findDialog(LINK_DIALOG)) return step.beginDialog(LINK_DIALOG, { ...step.options, text: '' });
    return step.next();
  }

  private async readStep(step: WaterfallStepContext<EligibilityOptions>) {
    const values = valuesOf<EligibilityValues>(step);
    const fromRequest = await this.readLinkedRequest(step.context);
    const message = readEligibilityMessage(step.options);
    const said = factsFromMessage(message.said);
    // What the message says replaces what was known: the request's facts ("and if we were four?"),
    // or those of a question just answered or being asked ("en fait plutôt à Paris").
    const carried = step.options.carried ?? followedUpFacts(step.context, step.options);
    // "je suis seule avec 1 enfant, on cherche sur Lille", said to the search, is not asked again.
    const toldBefore = fromRequest || Object.keys(carried).length > 0 ? undefined : householdTold(step.context);
    // A misspelt town of an earlier search, not denied since, is the town proposed; one said now is answered and said (placeAssumed).
    const told = said.place === undefined && said.pendingPlace === undefined ? searchedPlaceKept(toldBefore) : toldBefore;
    const known = corrected({ ...fromRequest?.facts }, told ?? carried);
    // "et si je me mets en coloc avec ma sœur ? elle a 15 000 de revenu fiscal": one more person, her income added.
    values.facts = corrected(known, personJoining(known, said, step.options.text ?? '') ?? said);
    if (told) await sayReused(step.context, told, said, values.facts);
    // "and Bagneux, right next to it?" after Malakoff: the homonym in Île-de-France.
    const nearby = values.facts.pendingPlace && said.pendingPlace ? homonymNearby(values.facts.pendingPlace, known.place) : undefined;
    if (nearby?.kind === 'zone') values.facts = withZonedPlace(values.facts, nearby);
    // "on cherche sur bordeau": answered for Bordeaux, said so, rather than one more question.
    // "in Évry": Évry-Courcouronnes, far larger than its homonyms, said so too.
    const assumed = values.facts.pendingPlace ? [proposedPlaceKept, dominantOfHomonyms].map((read) => read(values.facts.pendingPlace!)).find(isZoned) : undefined;
    if (assumed?.kind === 'zone') {
      const { pendingPlace } = values.facts;
      values.facts = withZonedPlace(values.facts, assumed);
      // "Montreuil (Seine-Saint-Denis)": the department says which of the homonyms was taken.
      const taken = pendingPlace?.kind === 'needsChoice' ? pendingPlace.candidates.find((candidate) => candidate.name === assumed.name) : undefined;
      const department = taken ? departmentByCode(taken.department)?.name : undefined;
      values.placeAssumed = department ? `${assumed.name} (${department})` : assumed.name;
    }
    const { facts } = values;
    // A whole first sentence, or a household described in it ("on est 3, moi ma femme et notre fille", "je
    // vis seul"), is answered at once: the rarer cases are assumed absent and said, not asked — even when
    // the income or the place is asked next. A bare count ("on est 3") leaves who they are to ask.
    const toldWhole = facts.persons !== undefined && facts.income !== undefined && (facts.place ?? facts.pendingPlace) !== undefined;
    const householdDescribed = facts.persons !== undefined && (facts.persons === 1 || facts.composition !== undefined);
    values.stepByStep = !fromRequest && !toldWhole && !householdDescribed;
    // The ceilings asked, or asked again of another place or household ("et à Montreuil-sur-Mer ? c pareil ?").
    const ceilingsBefore = step.options.entities.eligibilityFollowUp === true && turnStateOf(step.context).conversation.lastEligibility?.ceilingsOnly === true;
    values.ceilingsAsked = facts.income === undefined && (CEILINGS_ASKED.test(normalizeForMatching(step.options.text ?? '')) || ceilingsBefore);
    // The ceilings of a household told are its answer, the rarer cases said as assumed.
    if (values.ceilingsAsked && facts.persons !== undefined) values.stepByStep = false;
    values.priority = message.mentionsPriority;
    values.pregnancy = message.mentionsPregnancy;
    if (fromRequest) Object.assign(values, { maskedNur: fromRequest.maskedNur, employer: fromRequest.employer });
    return step.next();
  }

  private async placeStep(step: WaterfallStepContext<EligibilityOptions>) {
    const { facts } = valuesOf<EligibilityValues>(step);
    if (facts.place) return step.next(facts.place);
    return step.beginDialog(PLACE_STEPS, facts.pendingPlace ?? { kind: 'unknown' });
  }

  private async askPersonsStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<EligibilityValues>(step);
    const place = step.result as ZonedPlace | undefined;
    const t = translatorOf(step.context);
    if (!place) return step.endDialog();
    if (place.kind === 'outOfScope') {
      await step.context.sendActivity(t('eligibility:overseas'));
      // "ok et saint denis 93 alors ?": the household told is asked again of another place.
      const { place: _overseas, ...household } = values.facts;
      turnStateOf(step.context).conversation.lastEligibility = { facts: factsToKeep(household), at: new Date().toISOString(), unasked: [], ...(values.ceilingsAsked ? { ceilingsOnly: true } : {}) };
      return step.endDialog();
    }
    values.facts.place = place;
    const issue = values.facts.persons === undefined ? undefined : personsIssue(values.facts.persons);
    if (values.facts.persons !== undefined && !issue) return step.next();
    const prompt = issue ? personsQuestion(t, issue, values.facts.persons!) : t('eligibility:ask.persons');
    return step.prompt(PERSONS, { prompt, retryPrompt: t('eligibility:ask.personsRetry') });
  }

  private async askIncomeStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<EligibilityValues>(step);
    if (typeof step.result === 'string') values.facts.persons = readPersons(step.result, entitiesOf(step.result), true);
    const income = values.facts.income;
    if (income?.kind === 'yearly' || (values.ceilingsAsked && income === undefined)) return step.next();
    const t = translatorOf(step.context);
    const rule = incomeYearRule(new Date());
    const params: IncomeQuestionParams = { referenceYear: rule.referenceYear, taxNoticeYear: rule.taxNoticeYear };
    const prompt = income ? incomeQuestion(t, languageOf(step.context), income, params) : t('eligibility:ask.income', params);
    return step.prompt(INCOME, { prompt, retryPrompt: t('eligibility:ask.incomeRetry', params), validations: params });
  }

  private async askCompositionStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<EligibilityValues>(step);
    const { facts } = values;
    if (typeof step.result === 'string') {
      facts.income = readIncome(step.result, entitiesOf(step.result), true);
      delete facts.incomeYear;
    }
    if (facts.persons === 1) facts.composition ??= 'adults';
    // Step by step, who the household is is asked. After a whole sentence ("on est 4, 60 000, à Versailles"),
    // the verdict is given for the household as counted, and says the case it assumed absent (one adult
    // alone with the others in their care moves up a category): people who counted themselves expect an
    // answer, not a question about who they are.
    const asks = values.stepByStep;
    if (facts.composition || facts.dependants !== undefined || !asks) return step.next();
    const t = translatorOf(step.context);
    const choices = CompositionSchema.options.map((value) => {
      const title = t(`eligibility:ask.compositionChoices.${value}`);
      return { value, action: { type: 'imBack', title, value: title }, synonyms: [title] };
    });
    return step.prompt(COMPOSITION, { prompt: t('eligibility:ask.composition'), retryPrompt: t('eligibility:ask.compositionRetry'), choices });
  }

  private async askAgesStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<EligibilityValues>(step);
    const { facts } = values;
    const chosen = chosenValue(step.result);
    if (chosen) facts.composition = CompositionSchema.parse(chosen);
    const couple = facts.composition === 'couple' && facts.persons === 2;
    const matters = youngHouseholdMatters({ persons: facts.persons!, dependants: dependantsOf(facts), disabledPersons: facts.disabledPersons });
    const asks = values.stepByStep || (!values.ceilingsAsked && verdictDependsOn(facts, [{ youngHousehold: true }]));
    if (!couple || !matters || facts.youngHousehold !== undefined || !asks) return step.next();
    const t = translatorOf(step.context);
    return step.prompt(AGES, { prompt: t('eligibility:ask.ages'), retryPrompt: t('eligibility:ask.agesRetry') });
  }

  private async askDisabilityStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<EligibilityValues>(step);
    const { facts } = values;
    if (typeof step.result === 'string') {
      const ages = readAges(step.result);
      facts.youngHousehold = isYoungHousehold({ persons: facts.persons!, dependants: dependantsOf(facts), ages: ages ?? [] });
      if (ages?.length === 2) facts.ages = ages;
    }
    const matters = disabilityMatters({ persons: facts.persons!, dependants: dependantsOf(facts), youngHousehold: facts.youngHousehold });
    // Rarer than the household itself: asked step by step when it changes the verdict; otherwise (and
    // after a whole sentence) the answer says it assumed no card, and a "oui" then settles it.
    if (!values.stepByStep || !matters || facts.disabledPersons !== undefined || !verdictDependsOn(facts, [{ disabledPersons: 1 }])) return step.next();
    const t = translatorOf(step.context);
    return step.prompt(DISABILITY, yesNoOptions(t, t('eligibility:ask.disability')));
  }

  private async answerStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<EligibilityValues>(step);
    const { facts } = values;
    if (step.result !== undefined && facts.disabledPersons === undefined) facts.disabledPersons = answeredYes(step.result) ? 1 : 0;
    const t = translatorOf(step.context);
    const language = languageOf(step.context);
    const place = facts.place;
    const ceilingsOnly = values.ceilingsAsked === true && facts.income === undefined;
    if (place?.kind !== 'zone' || facts.persons === undefined || (facts.income?.kind !== 'yearly' && !ceilingsOnly)) return step.endDialog();
    const household = householdOf(facts);
    // The ceilings alone: assessed against no income, of which only the ceilings are shown.
    const income = facts.income?.kind === 'yearly' ? facts.income.value : 0;
    const assessment = assessEligibility({ household, income, incomeYear: facts.incomeYear, zone: place.zone, date: new Date() });
    if (assessment.kind === 'invalidInput') {
      await step.context.sendActivity(t('eligibility:invalid'));
      return step.endDialog();
    }
    const unaskedConditions = assessment.household.movedUpBy.length > 0 ? [] : unaskedConditionsOf(facts);
    const conversation = turnStateOf(step.context).conversation;
    // The Action Logement condition is said with the first answer, not again with each "et si on était 5 ?".
    const conditionSaid = conversation.lastEligibility !== undefined && values.employer === undefined;
    conversation.lastEligibility = {
      facts: factsToKeep(facts),
      at: new Date().toISOString(),
      unasked: unaskedConditions,
      ...(ceilingsOnly ? { ceilingsOnly } : {}),
      ...(values.placeAssumed ? { placeAssumed: true } : {}),
    };
    rememberHouseholdAnswered(step.context, facts);
    // A short reply now ("oui", "et à Paris ?") is about this answer, not offers shown before.
    delete conversation.lastSearch;
    // "et pr un PLAI jsuis dedans aussi ?": the one financing asked about is answered first.
    const named = financingsNamed(step.options.text ?? '');
    const askedFinancing = named?.length === 1 ? named[0] : undefined;
    // "en instance de divorce… 52 000 sur l'avis du couple, mais moi 21 000": the couple's income set aside, said why.
    const ownIncomeOnly = tellsOfSeparation(step.options.text ?? '') && readEntities(step.options.entities).amounts?.some((amount) => amount.former) === true;
    const answer = { assessment, placeName: place.name, incomeYear: facts.incomeYear, maskedNur: values.maskedNur, unaskedConditions, ceilingsOnly, askedFinancing, ownIncomeOnly };
    if (values.placeAssumed) await step.context.sendActivity(t('eligibility:placeAssumed', { name: values.placeAssumed }));
    await sendAnswer(step.context, eligibilityCard(t, language, answer, step.context.activity.channelId), ELIGIBILITY_ANSWER);
    if (!conditionSaid) await sendActionLogement(step.context, values.employer, step.findDialog(EMPLOYER_DIALOG) !== undefined);
    const recent = readEntities(step.options.entities).amounts?.find((amount) => amount.recent && amount.income);
    // Only beside another income counted: "avant 40000, maintenant 30000" counts the recent one itself.
    if (recent && !ceilingsOnly && recent.value !== income) await step.context.sendActivity(recentIncomeNote(t, language, recent.value, { ...assessment, household }, place.zone));
    if (values.pregnancy) await step.context.sendActivity(t('eligibility:pregnancyNote'));
    if (values.priority) await sendPriority(step.context);
    return step.endDialog();
  }

  // The place, asked until its zone is known ---------------------------------------------------------

  private async askPlaceStep(step: WaterfallStepContext<PendingPlace>) {
    if (step.options.kind !== 'unknown') return step.next(step.options);
    const t = translatorOf(step.context);
    const { postalCode } = step.options;
    const prompt = postalCode ? t('eligibility:ask.unknownPostalCode', { postalCode }) : t('eligibility:ask.place');
    return step.prompt(PLACE, { prompt, retryPrompt: t('eligibility:ask.placeRetry') });
  }

  private async askWhichPlaceStep(step: WaterfallStepContext<PendingPlace>) {
    const reading = typeof step.result === 'string' ? readPlaceZone(step.result) : (step.result as PlaceZoneReading);
    if (isZoned(reading)) return step.endDialog(reading);
    if (reading.kind === 'unknown') return step.endDialog();
    valuesOf<PlaceStepValues>(step).pending = reading;
    const t = translatorOf(step.context);
    if (reading.kind === 'needsCommune') {
      const params = { department: reading.departmentName };
      return step.prompt(COMMUNE, { prompt: t('eligibility:ask.commune', params), retryPrompt: t('eligibility:ask.communeRetry', params), validations: reading });
    }
    const buttons: CardAction[] = reading.candidates.slice(0, PLACE_BUTTONS).map((candidate) => ({
      type: 'imBack',
      title: `${candidate.name} (${departmentByCode(candidate.department)?.name ?? candidate.department})`,
      value: `${candidate.name} ${candidate.department}`,
    }));
    return step.prompt(WHICH_PLACE, {
      prompt: MessageFactory.suggestedActions(buttons, reading.candidates.length === 1 ? t('eligibility:ask.didYouMean', { name: buttons[0]!.title }) : t('eligibility:ask.whichPlace', { name: reading.name })),
      retryPrompt: MessageFactory.suggestedActions(buttons, t('eligibility:ask.whichPlaceRetry')),
      validations: reading,
    });
  }

  private async placeChosenStep(step: WaterfallStepContext<PendingPlace>) {
    const { pending } = valuesOf<PlaceStepValues>(step);
    return step.endDialog(pending ? chosenPlace(pending, String(step.result ?? '')) : undefined);
  }

  // The linked request ------------------------------------------------------------------------------

  /** The household, income and department of the linked request; undefined when not linked or unreadable. */
  private async readLinkedRequest(context: TurnContext): Promise<{ facts: Facts; maskedNur: string; employer: Employer } | undefined> {
    const link = turnStateOf(context).user.link;
    if (!link) return undefined;
    try {
      const { applicant, request } = await readLinkedDossier(this.deps, link.applicantId);
      const { household, referenceIncome } = request;
      const facts: Facts = {
        ...placeFacts(placeZoneOfDepartment(request.department)),
        persons: household.persons,
        dependants: household.dependants,
        youngHousehold: household.youngHousehold,
        disabledPersons: household.disabledPersons,
        income: { kind: 'yearly', value: referenceIncome.amount },
        incomeYear: referenceIncome.year,
      };
      return { facts, maskedNur: link.maskedNur, employer: applicant.employer };
    } catch (error) {
      if (!isServiceError(error)) throw error;
      await context.sendActivity(translatorOf(context)('eligibility:requestUnavailable'));
      return undefined;
    }
  }
}

// The facts ----------------------------------------------------------------------------------------

/** The message's facts, a place whose zone is known kept apart from one that needs a question. */
/**
 * The facts of the last answer, when this message follows it up: "en fait on est 4" changes one; "oui"
 * or "29 et 31" settles a case the answer assumed absent (a disability card, a young couple).
 */
function followedUpFacts(context: TurnContext, options: EligibilityOptions): Facts {
  const last = turnStateOf(context).conversation.lastEligibility;
  // The recognizer marks a follow-up only while the last answer is recent (asEligibilityFollowUp).
  if (!last || options.entities.eligibilityFollowUp !== true) return {};
  const facts = keptFacts(last.facts);
  if (!facts) return {};
  const saysOtherFacts = slotsChanged(facts, factsFromMessage(readEligibilityMessage(options).said)).length > 0;
  // "oui" right after « J'ai compris Bordeaux » confirms the town, not a case the answer assumed absent.
  const settled = saysOtherFacts || last.placeAssumed ? undefined : settledCondition(options.text, last.unasked);
  if (settled?.condition === 'disability') facts.disabledPersons = settled.yes ? 1 : 0;
  if (settled?.condition === 'singleAdult' && settled.yes) facts.composition = 'single';
  const ageCorrected = agesCorrected(facts, options.text);
  if (ageCorrected) Object.assign(facts, ageCorrected);
  const ages = !ageCorrected && last.unasked.includes('youngHousehold') ? readAges(options.text) : undefined;
  if (ages && facts.persons !== undefined) facts.youngHousehold = isYoungHousehold({ persons: facts.persons, dependants: dependantsOf(facts), ages });
  return facts;
}

/** The household told, a misspelt town searched and not denied since taken as the town proposed (and said reused). */
function searchedPlaceKept(told: Facts | undefined): Facts | undefined {
  if (!told?.pendingPlace || told.place) return told;
  const reading = proposedPlaceKept(told.pendingPlace);
  return isZoned(reading) ? withZonedPlace(told, reading) : told;
}

/** The facts with a place whose zone is known, in place of the question it needed. */
function withZonedPlace(facts: Facts, place: ZonedPlace): Facts {
  const { pendingPlace: _pending, ...rest } = facts;
  return { ...rest, place };
}

/** A yes or a no settles the one yes-or-no case an answer assumed absent; with two, it is ambiguous. */
function settledCondition(text: string, unasked: string[]): { condition: string; yes: boolean } | undefined {
  const yesNo = readYesNo(text);
  const questions = unasked.filter((condition) => YES_NO_CONDITIONS.includes(condition));
  return yesNo && questions.length === 1 ? { condition: questions[0]!, yes: yesNo === 'yes' } : undefined;
}

/**
 * "RFR 30 000 en 2024, 16 000 sur les 12 derniers mois": the reference year's income counted, and what
 * the recent one would give if it may replace it (a fall of at least 10 %, with proof — FACTS.md).
 */
function recentIncomeNote(t: Translate, language: Language, recent: number, assessed: { income: number; incomeRule: IncomeYearRule; household: Household }, zone: IncomeZone): string {
  const { minimumDropPercent: percent } = assessed.incomeRule.dropException;
  const params = { recent: formatEuros(recent, language), percent, referenceYear: assessed.incomeRule.referenceYear };
  if (recent > assessed.income * (1 - percent / 100)) return t('eligibility:recentIncome.notDropped', params);
  const withRecent = assessEligibility({ household: assessed.household, income: recent, zone, date: new Date() });
  const under = withRecent.kind === 'assessed' ? withRecent.results.filter((result) => result.eligible === true).map((result) => result.financing) : [];
  const verdict = under.length > 0 ? t('eligibility:recentIncome.under', { list: financingsListed(t, under) }) : t('eligibility:recentIncome.above');
  return t('eligibility:recentIncome.dropped', { ...params, verdict });
}

/** "C'est noté : à Grenoble, 4 personnes.": what a correction changed, in words; undefined for other slots. */
function notedChanges(context: TurnContext, slots: Slot[], facts: Facts): string | undefined {
  const said = describedSlots(context, slots, facts);
  return said.length > 0 ? translatorOf(context)('eligibility:noted', { what: said.join(', ') }) : undefined;
}

/** « Je reprends ce que vous m'avez dit : à Lille, 2 personnes. »: the facts told before that this message did not say again. */
async function sayReused(context: TurnContext, told: Facts, said: Facts, facts: Facts): Promise<void> {
  const slots: Slot[] = [];
  if ((told.place ?? told.pendingPlace) && !(said.place ?? said.pendingPlace)) slots.push('place');
  if (told.persons !== undefined && said.persons === undefined) slots.push('persons');
  const what = describedSlots(context, slots, facts);
  if (what.length > 0) await context.sendActivity(translatorOf(context)('eligibility:remembered', { what: what.join(', ') }));
}

/** The place, persons or income of `facts`, in words, for the slots named. */
function describedSlots(context: TurnContext, slots: Slot[], facts: Facts): string[] {
  const t = translatorOf(context);
  const said: string[] = [];
  for (const slot of slots) {
    if (slot === 'place' && facts.place?.kind === 'zone') said.push(t('eligibility:notedWhat.place', { name: facts.place.name }));
    else if (slot === 'place' && facts.pendingPlace?.kind === 'needsChoice') said.push(t('eligibility:notedWhat.place', { name: facts.pendingPlace.name }));
    else if (slot === 'persons' && facts.persons !== undefined) said.push(t('eligibility:notedWhat.persons', { count: facts.persons }));
    else if (slot === 'income' && facts.income?.kind === 'yearly') said.push(t('eligibility:notedWhat.income', { amount: formatEuros(facts.income.value, languageOf(context)) }));
  }
  return said;
}

/** The slot the question on screen fills: the innermost active dialog of the form. */
function askedSlot(innerDc: DialogContext): Slot | undefined {
  let dc: DialogContext | undefined = innerDc;
  let slot: Slot | undefined;
  while (dc?.activeDialog) {
    slot = SLOT_OF_PROMPT[dc.activeDialog.id] ?? slot;
    dc = dc.child;
  }
  return slot;
}

/** The facts the form holds now (the waterfall keeps them in its values). */
function factsOfForm(innerDc: DialogContext): Facts | undefined {
  const steps = innerDc.stack.find((instance: DialogInstance) => instance.id === STEPS);
  const facts = FactsSchema.safeParse((steps?.state as { values?: { facts?: unknown } } | undefined)?.values?.facts);
  return facts.success ? facts.data : undefined;
}

function dependantsOf(facts: Facts): number {
  if (facts.dependants !== undefined) return facts.dependants;
  const persons = facts.persons ?? 1;
  if (facts.composition === 'single') return persons - 1;
  if (facts.composition === 'couple') return Math.max(0, persons - 2);
  return 0;
}

/**
 * Whether a case not yet known (a single parent, a young couple, a disability card) would change a
 * verdict for this income and place: the form asks about it only then — otherwise the answer is the
 * same either way, and says which cases it assumed absent.
 */
function verdictDependsOn(facts: Facts, variants: Partial<Household>[]): boolean {
  if (facts.place?.kind !== 'zone' || facts.income?.kind !== 'yearly' || facts.persons === undefined) return true;
  const { zone } = facts.place;
  const income = facts.income.value;
  const verdicts = (household: Household) => {
    const assessment = assessEligibility({ household, income, incomeYear: facts.incomeYear, zone, date: new Date() });
    return assessment.kind === 'assessed' ? assessment.results.map((result) => `${result.financing}:${result.eligible}`).join() : assessment.kind;
  };
  const base = householdOf(facts);
  const known = verdicts(base);
  return variants.some((variant) => verdicts({ ...base, ...variant }) !== known);
}

/** The household the facts describe, with what is still unknown taken as absent. */
function householdOf(facts: Facts): Household {
  return {
    persons: facts.persons ?? 1,
    dependants: dependantsOf(facts),
    youngHousehold: facts.youngHousehold ?? false,
    disabledPersons: facts.disabledPersons ?? 0,
  };
}

/** The cases that would move the household up and were neither said nor asked (a full first sentence). */
function unaskedConditionsOf(facts: Facts): UnaskedCondition[] {
  const persons = facts.persons ?? 1;
  const dependants = dependantsOf(facts);
  const conditions: UnaskedCondition[] = [];
  if (!facts.composition && facts.dependants === undefined && persons >= 2) conditions.push('singleAdult');
  const couple = facts.composition === undefined || facts.composition === 'couple';
  if (couple && facts.youngHousehold === undefined && youngHouseholdMatters({ persons, dependants, disabledPersons: facts.disabledPersons })) conditions.push('youngHousehold');
  if (facts.disabledPersons === undefined && disabilityMatters({ persons, dependants, youngHousehold: facts.youngHousehold })) conditions.push('disability');
  return conditions;
}

// Persons and income, asked ------------------------------------------------------------------------

function personsIssue(persons: number): PersonsIssue | undefined {
  if (persons > PLAUSIBLE_MAX_PERSONS) return 'tooManyPersons';
  return householdIssues({ persons, dependants: 0, youngHousehold: false, disabledPersons: 0 })[0];
}

function personsQuestion(t: Translate, issue: PersonsIssue, persons: number): string {
  return t(`eligibility:ask.${issue === 'dependantsOutOfRange' || issue === 'disabledPersonsOutOfRange' ? 'persons' : issue}`, { count: persons });
}

async function validatePersons(prompt: PromptValidatorContext<string>): Promise<boolean> {
  const text = prompt.recognized.value ?? '';
  const persons = readPersons(text, entitiesOf(text), true);
  if (persons === undefined) return false;
  const issue = personsIssue(persons);
  if (!issue) return true;
  // A question that says what is wrong, instead of the generic retry.
  await prompt.context.sendActivity(personsQuestion(translatorOf(prompt.context), issue, persons));
  return false;
}

function incomeQuestion(t: Translate, language: ReturnType<typeof languageOf>, income: IncomeReading, params: IncomeQuestionParams): string {
  if (income.kind === 'negative') return t('eligibility:ask.negativeIncome', params);
  if (income.kind === 'monthly') return t('eligibility:ask.monthlyIncome', { ...params, amount: formatEuros(income.value, language) });
  return t('eligibility:ask.income', params);
}

/** "c'est quoi le RFR ?", "où je le trouve ?": a question about the figure asked, at its question. */
const QUESTION_ABOUT_INCOME = / (?:c est quoi|c quoi|c koi|quoi|koi|ou|comment|what|where|how) /;

async function validateIncome(prompt: PromptValidatorContext<string>): Promise<boolean> {
  const text = prompt.recognized.value ?? '';
  const income = readIncome(text, entitiesOf(text), true);
  if (income?.kind === 'yearly') return true;
  const t = translatorOf(prompt.context);
  const params = validationsOf(prompt, IncomeQuestionParamsSchema);
  const asks = !income && (text.includes('?') || QUESTION_ABOUT_INCOME.test(` ${normalizeForMatching(text)} `));
  prompt.options.retryPrompt = asks ? `${t('eligibility:ask.whatIsIncome', params)} ${t('eligibility:ask.income', params)}` : t('eligibility:ask.incomeRetry', params);
  // A monthly or negative amount: what is wrong with it, then the question again.
  if (income) await prompt.context.sendActivity(incomeQuestion(t, languageOf(prompt.context), income, params));
  return false;
}

/** A prompt gets the text typed, not the recognition: its entities, read the same way. */
function entitiesOf(answer: string): RecognizedEntities {
  return extractEntities(answer, new Date()).entities;
}

// After the answer ---------------------------------------------------------------------------------

/** Who may use AL-in: the employer decides, not the income. The SIRET check when it is available. */
async function sendActionLogement(context: TurnContext, employer: Employer | undefined, canCheck: boolean): Promise<void> {
  const t = translatorOf(context);
  if (employer?.eligible) {
    await context.sendActivity(t('eligibility:al.employerEligible', { name: employer.name }));
    return;
  }
  const lines = [
    ...(employer ? [t('eligibility:al.employerNotEligible', { name: employer.name })] : [t('eligibility:al.rule'), t('eligibility:al.notConfirmed')]),
    canCheck ? t('eligibility:al.checkOffer') : t('eligibility:al.askHr'),
  ];
  if (!canCheck) {
    await context.sendActivity(lines.join(' '));
    return;
  }
  const button = t('eligibility:al.checkButton');
  await context.sendActivity(
    MessageFactory.attachment(
      adaptiveCard({
        body: lines.map((text) => ({ type: 'TextBlock', text, wrap: true })),
        actions: [intentButton(button, 'eligibility', { action: 'checkEmployer' })],
        fallbackText: `${lines.join(' ')} ${button}`,
      }),
    ),
  );
}

/** Priority households (CCH L441-1): what it means, and a person to talk to at once. */
async function sendPriority(context: TurnContext): Promise<void> {
  const t = translatorOf(context);
  const texts = [t('eligibility:priority.text'), t('eligibility:priority.offer')];
  await context.sendActivity(
    MessageFactory.attachment(
      adaptiveCard({
        body: [{ type: 'TextBlock', text: t('eligibility:priority.title'), weight: 'Bolder', wrap: true }, ...texts.map((text) => ({ type: 'TextBlock', text, wrap: true }))],
        actions: [intentButton(t('eligibility:priority.button'), 'helpdesk')],
        fallbackText: [t('eligibility:priority.title'), ...texts, t('eligibility:priority.button')].join('\n'),
      }),
    ),
  );
}
