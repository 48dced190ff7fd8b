import { ActivityTypes, Channels, MessageFactory, type TurnContext } from 'botbuilder';
import { normalizeForMatching } from '../services/shared/normalizeForMatching';
import { mentionsAny } from './recognizer/entities/eligibilityWords';
import {
  ComponentDialog,
  DialogSet,
  DialogTurnStatus,
  WaterfallDialog,
  type Dialog,
  type DialogContext,
  type WaterfallStepContext,
} from 'botbuilder-dialogs';
import { supportedLanguage } from './i18n';
import { languageOf, rememberRecognition, translatorOf, turnStateOf } from './turn/turnAccess';
import { rememberHouseholdTold } from './householdTold';
import { redactText } from '../services/privacy/redact';
import { inSpan } from '../services/shared/tracing';
import { menuFor } from './cards/menuCard';
import type { QuestionAnswerer } from './knowledge/questionAnswerer';
import { OfferSearchDialog } from './offerSearchDialog';
import { asProposalAnswer } from './proposalDialog';
import type { OfferFactKey } from './cards/offerCards';
import { entryOfTheSituation, exceptionInTheSituation, generalQuestionAnswer, isQuestion, knowledgeReply, namesATask, sendKnowledgeReply, withoutTheHousehold, type KnowledgeReply } from './knowledge/knowledgeReply';
import { offerPersonCard } from './cards/offerPersonCard';
import { quotedUserText } from './quotedText';
import { asMeaningQuestion, asOfferDetails, asSearchFollowUp, asSearchRequest } from './offers/searchFollowUp';
import { readEntities } from './recognizer/entities/schemas';
import { asInterruption, asUrgentHandoff, isUrgentHandoff, urgentAsideOf } from './urgentHandoff';
import { asResumedTask } from './resumedTask';
import { asPersonAsked, asQuestionNotForAPerson } from './recognizer/personAsked';
import { asDocumentsQuestion } from './recognizer/documentsQuestion';
import { asInsultHandled, isInsultHandled } from './recognizer/insult';
import { emergencyNumbersText, urgentAsideCard } from './cards/emergencyNumbers';
import { asksForAPerson, asksTheStepsOwnHelp, readYesNo, saysNoAccessToAddress, saysNoNumberYet } from './recognizer/answers/answerReader';
import { asEligibilityFollowUp, asEligibilityQuestion } from './recognizer/eligibilityQuestion';
import { asWithdrawalSaid } from './recognizer/withdrawalSaid';
import { hadDataCutOut, screenMessage } from './screening/screenMessage';
import type { LanguageService } from '../services/language/languageService';
import { dialogStateAccessor } from './dialogStateAccessor';
import type { Intent, IntentRecognizer, Recognition } from './recognizer/intents';
import { keptRecognition } from './recognizer/keptRecognition';
import { asNumberAttempt } from './recognizer/numberAttempt';
import { asPrivacyQuestion } from './recognizer/privacyQuestion';
import { asPersonalQuestion } from './recognizer/personalQuestion';
import { ROUTES } from './routes';
import { answersTheChoiceOnScreen, waitsForButtonAnswer, waitsForClosedAnswer, waitsForYesOrNo } from './prompts/closedAnswer';
import { helpdeskWasAsked } from './helpdeskDialog';
import { receivedFeedback, receivedTeamsFeedback } from './feedback/answerFeedback';
import { keepMissedMessages } from './review/missedMessages';
import type { AnswerFeedback, MissLog } from './ports';
import { reportDialog, reportOutcome, reportRecognition } from './turn/turnReport';
import { answersFollowUps, rememberTopic, takeTopic, type Topic } from './followUps/lastTopic';
import { rememberTheme, takeTheme, type AnswerTheme } from './followUps/lastTheme';
import { requestBesidesLanguageOf } from './recognizer/requestedLanguage';
import { languageAnnounced } from './screening/screenMessage';
import { zoneAsked } from './recognizer/zoneQuestion';
import { namesSomeoneElsesRequest } from './recognizer/someoneElsesRequest';
import { followUpKindOf, isBareFollowUp } from './recognizer/followUpQuestion';

/** Below this score a command is not taken as an interruption of the current step. */
const INTERRUPTION_THRESHOLD = 0.75;
/** The terms of social housing a side question may be about, whatever the step asks (its own help is about its own subject). */
const NAMES_A_TERM = /(?<![a-z])(?:plai|plus|pls|pli|dalo|caleol|apl|caf|cmi|siret|peec|hlm|bailleur|commission|radiation|radie)(?![a-z])/;
/** What is read of one message (locales' `tooLong` names it): an answer, a question or a story fits. */
const LONGEST_MESSAGE_READ = 2000;
/** Requests that are never an answer to another task's question, and how sure the recognizer must be. */
const TAKEOVER_INTENTS: readonly Intent[] = ['status', 'renewal', 'myApplications', 'withdraw', 'proposal', 'privacy', 'deleteMyData', 'unlink', 'notifications', 'savedSearches'];
const TAKEOVER_THRESHOLD = 0.85;
/** The tasks a place is said for: named at another task's buttons, it asks for one of them. */
const PLACE_TASKS: readonly Intent[] = ['eligibility', 'searchOffers'];
/** Below this, a task the classifier guessed for a question gives way to a confident answer of the knowledge base. */
const WEAK_TASK_GUESS = 0.7;

const ROUTE_WATERFALL = 'mainDialog.route';
/** Facts of an offer asked with words that also ask general questions ("combien", "quand", "le bailleur"). */
const VAGUE_OFFER_FACTS: readonly OfferFactKey[] = ['total', 'available', 'landlord', 'financing'];
/** What a message that held a social security number (cut out) is mistaken for. */
const ABOUT_THE_CUT_OUT_DATA: readonly Intent[] = ['unlink', 'deleteMyData', 'linkNumber'];
/** A message this short around data cut out says little more than the data ("ma sécu c'est …, il vous le faut ?"). */
const SHORT_MESSAGE_WORDS = 14;
/** How much of a statement (not a question) the knowledge base's question must cover for its answer to be given. */
const STATEMENT_COVERAGE = 0.9;
/** From this many words, a question naming places is a question of its own, its closest answers worth offering. */
const WHOLE_QUESTION_WORDS = 10;
/** A message that goes on from the answer before it: "et …", "mais …", "du coup …", "and …", "what about …". */
const GOES_ON = /^(?:(?:ok|okay|d accord|merci|ah|oh|oui|bon|ben|thanks|right) )*(?:et|mais|du coup|alors|and|but|so|what about|how about)(?: |$)/;
/** "tell me that again", "redis-le", "répète": the last answer asked again. */
const REPEAT_ASKED = /(?<![a-z])(?:again|repeat|say that|tell me that|redis|redire|redites|repete|repeter|repetez|reexpliqu\w*|re expliqu\w*)(?![a-z])/;
/** The theme remembered after the zone of a commune's ceilings ("et st ouen l'aumone ?" asks it again). */
const ZONE_THEME = 'zoneOfPlace';
/** The share of its words a question going on from an answer must match in an entry of that answer's theme. */
const WITHIN_THEME_COVERAGE = 0.5;

export interface UserInput {
  text: string;
  value?: unknown;
}

/** Where what people think of the answers goes: their 👍 👎, and the messages the assistant missed. */
export interface AnswerReview {
  feedback: AnswerFeedback;
  misses: MissLog;
}

/**
 * The conversation's entry point. Each turn: recognise once (and trace it for the Emulator), handle the
 * global intents that work in any step (cancel, help, menu, change language), otherwise continue the
 * active dialog, otherwise route the message to a feature dialog through the routes table.
 */
export class MainDialog extends ComponentDialog {
  /** The set holding this dialog: it keeps nothing of a turn (the stack lives in the conversation state). */
  private readonly dialogSet = new DialogSet(dialogStateAccessor);

  constructor(
    private readonly recognizer: IntentRecognizer,
    featureDialogs: Dialog[] = [],
    private readonly language?: LanguageService,
    private readonly knowledge?: QuestionAnswerer,
    private readonly review?: AnswerReview,
  ) {
    super('mainDialog');
    for (const dialog of featureDialogs) this.addDialog(dialog);
    this.addDialog(new WaterfallDialog(ROUTE_WATERFALL, [this.routeStep.bind(this), this.doneStep.bind(this)]));
    this.initialDialogId = ROUTE_WATERFALL;
    this.dialogSet.add(this);
  }

  /**
   * Runs one message turn. The input is the typed text (mentions removed) and, for a card button, the
   * values it submitted; a Universal Action passes its data the same way.
   */
  async run(context: TurnContext, input: UserInput = { text: context.activity.text ?? '', value: context.activity.value }): Promise<void> {
    await this.respond(context, input);
    if (this.review) await keepMissedMessages(context, this.review.misses);
  }

  /** Teams' own 👍 👎 under an answer. */
  async receivedTeamsFeedback(context: TurnContext, reaction: 'like' | 'dislike'): Promise<void> {
    if (this.review) await receivedTeamsFeedback(context, reaction, this.review.feedback);
  }

  private async respond(context: TurnContext, input: UserInput): Promise<void> {
    if (input.text.length > LONGEST_MESSAGE_READ) {
      // The work one message causes is bounded: its beginning is read, the user is told.
      input = { ...input, text: beginningOf(input.text) };
      context.activity.text = input.text;
      await context.sendActivity(translatorOf(context)('tooLong'));
    }
    if (this.language && input.text) {
      const text = await screenMessage(context, input.text, this.language);
      // Prompts and the transcript read the activity: they must only ever see the screened text.
      context.activity.text = text;
      input = { ...input, text };
    }
    const conversation = turnStateOf(context).conversation;
    const recognized = asProposalAnswer(asPrivacyQuestion(asNumberAttempt(asSearchRequest(asOfferDetails(asSearchFollowUp(asMeaningQuestion(asResumedTask(asWithdrawalSaid(await this.recognize(context, input)), conversation)), conversation), conversation), Boolean(turnStateOf(context).user.link)))), conversation);
    const recognition = asUrgentHandoff(
      asInsultHandled(asPersonAsked(asQuestionNotForAPerson(asDocumentsQuestion(asEligibilityQuestion(asPersonalQuestion(asEligibilityFollowUp(recognized, conversation.lastEligibility, conversation.lastSearch !== undefined), Boolean(turnStateOf(context).user.link))))))),
    );
    rememberRecognition(context, recognition);
    reportRecognition(context, recognition.intent, recognition.score);
    // A question asked to be answered in another language: the language first, then the question.
    if (recognition.intent !== 'changeLanguage' && recognition.entities.language !== undefined) await answerLanguageRequest(context, recognition);
    // "le voilà 2 92 03 75…, faut le mettre à la place de l'autre numéro ?": the number was cut out and
    // the user told why; it is not a request to unlink or link a request.
    // "mon numéro de sécu c'est …, vous en avez besoin ?": the notice answered it; no ticket unless a person is asked for.
    const forAPersonGuessed = ['helpdesk', 'complaint', 'faq'].includes(recognition.intent) && !asksForAPerson(recognition.text) && recognition.text.split(/\s+/).length <= SHORT_MESSAGE_WORDS;
    const aboutTheCutOutData = ABOUT_THE_CUT_OUT_DATA.includes(recognition.intent) || forAPersonGuessed;
    if (hadDataCutOut(input.text) && aboutTheCutOutData && input.value === undefined) return;
    if (recognition.intent !== 'none' && conversation.misses) delete conversation.misses;
    const dc = await this.dialogSet.createContext(context);
    // A request's household and place are kept for the next task; an answer to a step is its step's to read.
    if (!dc.activeDialog) rememberHouseholdTold(context, recognition);

    if (await this.answeredFeedback(dc, recognition)) return;
    if (await this.answeredAboutSomeoneElsesRequest(dc, recognition)) return;
    const now = new Date();
    const topic = takeTopic(conversation, now);
    if (await this.answeredFollowUp(dc, recognition, topic)) return;
    const lastTheme = takeTheme(conversation, now);
    // "and in English please?": the answer just given, again in that language (answerAgainIn).
    if (lastTheme && recognition.intent === 'changeLanguage') rememberTheme(context, lastTheme, now);
    if (await this.answeredWithinTheme(dc, recognition, lastTheme)) return;
    if (await this.answeredZoneQuestion(dc, recognition, lastTheme)) return;
    if (await this.handledAsInterruption(dc, recognition)) return;
    if (await this.answeredAboutTheOffer(dc, recognition)) return;
    if (await this.answeredAside(dc, recognition, topic)) return;
    if (await this.calmedAtTheOffer(dc, recognition)) return;
    if (await this.interruptedForUrgentHelp(dc, recognition)) return;
    await this.offerUrgentHelp(dc.context, recognition);
    // What starts a dialog stays in its options, saved with the conversation: the kept form, without
    // personal data in clear (the turn's own recognition, `recognitionOf`, has it for this turn).
    if (this.takesOver(dc, recognition)) {
      await dc.cancelAllDialogs();
      await dc.beginDialog(this.id, keptRecognition(recognition));
      return;
    }
    const result = await dc.continueDialog();
    if (result.status === DialogTurnStatus.empty) await dc.beginDialog(this.id, keptRecognition(recognition));
    const feature = this.activeFeature(dc);
    if (feature) reportDialog(context, feature);
  }

  /** 👍, 👎 or what was wrong, pressed under an answer: kept and thanked; the step in progress goes on. */
  private async answeredFeedback(dc: DialogContext, recognition: Recognition): Promise<boolean> {
    if (!this.review || !(await receivedFeedback(dc.context, recognition, this.review.feedback))) return false;
    if (dc.activeDialog) await dc.repromptDialog();
    return true;
  }

  /** "le dossier de mon pote, c'est 0590…": only its holder sees a request; the step in progress goes on. */
  private async answeredAboutSomeoneElsesRequest(dc: DialogContext, recognition: Recognition): Promise<boolean> {
    if (dc.context.activity.value !== undefined || !namesSomeoneElsesRequest(recognition)) return false;
    await dc.context.sendActivity(translatorOf(dc.context)('privacy:someoneElsesRequest'));
    reportOutcome(dc.context, 'answered');
    if (dc.activeDialog) await dc.repromptDialog();
    return true;
  }

  /**
   * A short question about the answer just given ("pk ?" after a refusal, "et si je le fais pas ?" after
   * the renewal date, "je peux en faire une autre ?" after the applications): answered by the dialog
   * that gave it, rather than taken for a new request.
   */
  private async answeredFollowUp(dc: DialogContext, recognition: Recognition, topic: Topic | undefined): Promise<boolean> {
    if (!topic || dc.context.activity.value !== undefined) return false;
    // A clear request of its own ("pourquoi mon dossier n'avance pas ?") or one naming a place, an amount or
    // a dwelling is not about the answer before.
    // "what if I don't?" is no request of its own, whatever the classifier makes of five words.
    if (isClearRequest(recognition) && !isBareFollowUp(recognition.text)) return false;
    const kind = followUpKindOf(recognition.text);
    // "et celle de lyon alors ?" names a place, but only to point at one of the answer's lines; "je dois en
    // parler avec ma femme, on a jusqu'à quand ?" names a household, but only to say who decides.
    if (namesATask(withoutTheHousehold(recognition)) && kind !== 'thatOne') return false;
    // "oui" to a question on screen answers that question.
    if (kind === 'agreed' && dc.activeDialog) return false;
    const owner = kind ? this.findDialog(topic.owner) : undefined;
    if (!kind || !answersFollowUps(owner)) return false;
    const answer = await owner.answerFollowUp(dc.context, topic, kind);
    // Still about that answer, though not one it has more to say on: the next question may be.
    rememberTopic(dc.context, topic);
    if (!answer) return false;
    if (answer !== 'answered') {
      const entry = this.knowledge?.entry(answer.knowledgeEntry, languageOf(dc.context));
      if (!entry) return false;
      await sendKnowledgeReply(dc.context, { kind: 'answer', entry });
    }
    reportOutcome(dc.context, 'answered');
    if (dc.activeDialog) await dc.repromptDialog();
    return true;
  }

  /**
   * A question that goes on from the answer just given, within its theme ("et si je suis classé 2e ?"
   * after who the commission examines, "et je peux en avoir deux ? un à Paris, un à Lyon" after NUR and
   * NUD, "et mon avis d'imposition c'est lequel ?" after the documents list): the base's closest entry
   * of that theme, when it is among the closest and matches enough of the words, rather than the task
   * its place or amount points to, or the closest questions of every theme.
   */
  private async answeredWithinTheme(dc: DialogContext, recognition: Recognition, last: AnswerTheme | undefined): Promise<boolean> {
    if (!last || !this.knowledge || dc.context.activity.value !== undefined) return false;
    // "ok et comment je vérifie ? mon siret c'est 897…": a number given is for its task to check, not a question.
    const { siret, uniqueNumber, offerId } = readEntities(recognition.entities);
    if (siret || uniqueNumber || offerId) return false;
    const text = recognition.text;
    if (!GOES_ON.test(normalizeForMatching(text)) || !(isQuestion(text) || text.includes('?'))) return false;
    const match = await this.knowledge.find(dc.context, text, languageOf(dc.context));
    const closest = match.kind === 'answer' ? [match.hit] : match.kind === 'choices' ? match.hits : [];
    const within = closest.find((hit) => hit.entry.theme === last.theme && hit.entry.id !== last.entry && hit.exactCoverage >= WITHIN_THEME_COVERAGE);
    if (!within) return false;
    await sendKnowledgeReply(dc.context, { kind: 'answer', entry: within.entry });
    reportOutcome(dc.context, 'answered');
    if (dc.activeDialog) {
      await dc.context.sendActivity(translatorOf(dc.context)('help.resume'));
      await dc.repromptDialog();
    }
    return true;
  }

  /**
   * What a request for a language also asked: a new request when no task is in progress; within a task,
   * the knowledge base's confident answer, then the step again (else the step alone is asked again).
   */
  private async answeredBesidesLanguage(dc: DialogContext, besides: string): Promise<boolean> {
    const asked = await this.recognize(dc.context, { text: besides });
    if (!dc.activeDialog) {
      await dc.beginDialog(this.id, keptRecognition(asked));
      return true;
    }
    const known = await this.confidentAnswer(dc.context, asked);
    if (!known) return false;
    await sendKnowledgeReply(dc.context, known);
    await dc.repromptDialog();
    return true;
  }

  /**
   * "bobigny c limitrophe de paris ?": the zone of that commune's ceilings, then the step in progress
   * again; "et st ouen l'aumone ?" right after asks it of another commune.
   */
  private async answeredZoneQuestion(dc: DialogContext, recognition: Recognition, last: AnswerTheme | undefined): Promise<boolean> {
    if (dc.context.activity.value !== undefined || !isQuestion(recognition.text)) return false;
    // "Montreuil, the one next to Paris (93). Couple + 1 kid, what's the income limit?": a household's ceilings, not the zone.
    const { persons, amounts } = readEntities(recognition.entities);
    if (persons !== undefined || amounts?.length) return false;
    const again = last?.theme === ZONE_THEME && GOES_ON.test(normalizeForMatching(recognition.text));
    const asked = zoneAsked(recognition.text, again);
    if (!asked) return false;
    await dc.context.sendActivity(translatorOf(dc.context)(`eligibility:zoneOfPlace.${asked.zone}`, { name: asked.name }));
    // "ah mince. et Gentilly c limitrophe ?" right after a verdict: the zone, then the verdict for that town.
    if (recognition.entities.eligibilityFollowUp === true) return false;
    rememberTheme(dc.context, { theme: ZONE_THEME });
    reportOutcome(dc.context, 'answered');
    if (dc.activeDialog) await dc.repromptDialog();
    return true;
  }

  private async recognize(context: TurnContext, input: UserInput): Promise<Recognition> {
    // A child of the turn's span: the intent and how sure, never the text.
    const recognition = await inSpan('alin.recognize', {}, async (span) => {
      const recognized = await this.recognizer.recognize({ text: input.text, value: input.value, language: languageOf(context) });
      span.setAttributes({ 'alin.intent': recognized.intent, 'alin.intent.score': Math.round(recognized.score * 1000) / 1000 });
      return recognized;
    });
    // Bot Framework delivers traces to the Emulator only (other channels' are dropped by the adapter, so
    // they are not even built); the text is redacted all the same.
    if (context.activity.channelId !== Channels.Emulator) return recognition;
    await context.sendActivity({
      type: ActivityTypes.Trace,
      name: 'Recognizer',
      label: 'Recognizer',
      valueType: 'RecognizerResult',
      value: { text: redactText(recognition.text), intent: recognition.intent, score: recognition.score, entities: recognition.entities },
    });
    return recognition;
  }

  /** The feature dialog in progress (the main dialog runs its features as children). */
  private activeFeature(dc: DialogContext): string | undefined {
    return dc.child?.activeDialog?.id;
  }

  /**
   * Angry again while a person is being offered: heard, and the offer made again — never "Répondez par
   * oui ou par non", nor "je n'ai pas compris" a third time.
   */
  private async calmedAtTheOffer(dc: DialogContext, recognition: Recognition): Promise<boolean> {
    if (!isInsultHandled(recognition) || this.activeFeature(dc) !== 'helpdeskDialog' || !waitsForClosedAnswer(dc)) return false;
    await dc.context.sendActivity(translatorOf(dc.context)('helpdesk:heardYou'));
    await dc.repromptDialog();
    return true;
  }

  /**
   * A side question in the middle of a step ("c'est quoi ce numéro ?" at the number prompt): answered,
   * then the step asks again where it was.
   */
  private async answeredAside(dc: DialogContext, recognition: Recognition, topic: Topic | undefined): Promise<boolean> {
    const feature = this.activeFeature(dc);
    if (!this.knowledge || !feature || feature === 'faqDialog') return false;
    // "je l'ai pas sous la main" at the number question: the step's own help says where to find it.
    if (asksTheStepsOwnHelp(recognition.text) || saysNoNumberYet(recognition.text) || saysNoAccessToAddress(recognition.text)) return false;
    const asked = recognition.intent === 'faq' && recognition.score >= INTERRUPTION_THRESHOLD;
    // A question the classifier could not place ("c koi la caf ?" at the income question) is answered
    // aside only when the knowledge base is sure of its answer and it answers nothing on screen.
    // So is one the classifier only half placed ("c'est quoi la cmi ?" as an FAQ at 0.74), when it names nothing of the task.
    // And one the classifier put, without taking over, on another task ("c koi un avis N-2 ?" as documents
    // at 0.77, typed at the number prompt; "c koi les papiers qu'il faut ?" as documents at 0.86, at "where?").
    const route = ROUTES[recognition.intent];
    const ofThisTask = 'dialog' in route && route.dialog === feature;
    const askedOnItsTerms = ofThisTask && (waitsForButtonAnswer(dc) || /\?\s*$/.test(recognition.text));
    const ofAnotherFeature = 'dialog' in route && route.dialog !== 'faqDialog' && !ofThisTask && !isClearRequest(recognition);
    const ofAnotherTask = ofAnotherFeature || (!ofThisTask && recognition.score < TAKEOVER_THRESHOLD);
    // And a question on the task's own terms at one of its choices ("c koi un avis N-2 ?" at "quelle est votre
    // situation familiale ?"), or asked as such at any of its steps ("does my wife's income count too?" at "where?").
    const unsure = recognition.intent === 'none' || ((recognition.intent === 'faq' || recognition.score < INTERRUPTION_THRESHOLD || ofAnotherTask || askedOnItsTerms) && !namesATask(recognition));
    const unplaced = unsure && isQuestion(recognition.text) && !answersTheChoiceOnScreen(dc, recognition.text);
    if (!asked && !unplaced) return false;
    const found = await knowledgeReply(this.knowledge, dc.context, unplaced ? { ...recognition, entities: {} } : recognition);
    // "will they count my partner's income?" while an urgent situation of violence waits for its yes: of the
    // closest questions, the one of that situation.
    const reasons = topic?.name === 'situation' ? String(topic.facts.reasons ?? '').split(',') : [];
    const exception = found.kind === 'answer' ? exceptionInTheSituation(reasons, found.entry.id) : undefined;
    const ofTheSituation =
      found.kind === 'choices' ? entryOfTheSituation(reasons, found.entries) : exception ? this.knowledge.entry(exception, languageOf(dc.context)) : undefined;
    const reply: KnowledgeReply = ofTheSituation ? { kind: 'answer', entry: ofTheSituation } : found;
    if (ofTheSituation && topic) rememberTopic(dc.context, topic);
    // "attends c'est quoi un PLS deja ?" at the income question: when the base hesitates, its closest
    // questions, rather than the step's own help on something else (the reference income).
    // So does a question of another task ("ah au fait c koi les papiers qu'il faut ?" at "where?"), which
    // the step would otherwise take for a wrong answer.
    const offersChoices = reply.kind === 'choices' && unplaced && (NAMES_A_TERM.test(normalizeForMatching(recognition.text)) || ofAnotherFeature);
    if (reply.kind !== 'answer' && !offersChoices) return false;
    const t = translatorOf(dc.context);
    await sendKnowledgeReply(dc.context, reply);
    await dc.context.sendActivity(t('help.resume'));
    await dc.repromptDialog();
    return true;
  }

  /**
   * "c dispo quand ?" after an offer's details, "c'est quel étage ?" at "Je confirme votre candidature ?":
   * the facts asked, then the step in progress asked again.
   */
  private async answeredAboutTheOffer(dc: DialogContext, recognition: Recognition): Promise<boolean> {
    const offers = this.findDialog('offerSearchDialog');
    if (!(offers instanceof OfferSearchDialog)) return false;
    // A clear request of another kind is not a question about the offer ("où en est mon dossier ?").
    if (isClearRequest(recognition)) return false;
    const asked = offers.factsAskedAboutOfferInFocus(dc.context, recognition);
    if (asked.length === 0) return false;
    // "combien de temps pour répondre à une proposition ?" is a general question the base answers; "ya un
    // ascenseur ?" names a fact of the offer itself, whatever the base knows of lifts.
    const onlyVagueFacts = asked.every((fact) => VAGUE_OFFER_FACTS.includes(fact));
    const general = this.knowledge && onlyVagueFacts && isQuestion(recognition.text) ? await this.knowledge.find(dc.context, recognition.text, languageOf(dc.context)) : undefined;
    if (general?.kind === 'answer') return false;
    await offers.answerAboutOfferInFocus(dc.context, asked);
    if (dc.activeDialog) await dc.repromptDialog();
    return true;
  }

  /**
   * "je dors dans ma voiture, quels papiers pour ma demande ?": the numbers that apply and the helpdesk
   * offered first, then the answer to what was asked.
   */
  private async offerUrgentHelp(context: TurnContext, recognition: Recognition): Promise<void> {
    const numbers = urgentAsideOf(recognition);
    if (!numbers) return;
    const t = translatorOf(context);
    const text = emergencyNumbersText(t, numbers);
    if (text) await context.sendActivity(text);
    // The eligibility answer ends with what a priority situation it names means and the same offer; one it
    // does not name ("notre proprio reprend l'appart, faut partir dans 2 mois") gets the offer here.
    if (recognition.intent !== 'eligibility' || !mentionsAny(recognition.text, 'priority')) await context.sendActivity(MessageFactory.attachment(urgentAsideCard(t)));
  }

  /**
   * An urgent situation told in the middle of a task: the helpdesk is put on top of the task rather than
   * in its place. Once the ticket is sent or declined, the step in progress is asked again, with what was
   * already given ("mon mari me frappe" at the household question). An urgent story the classifier also
   * read as another task is not taken for a new request in the middle of this one.
   */
  private async interruptedForUrgentHelp(dc: DialogContext, recognition: Recognition): Promise<boolean> {
    const feature = this.activeFeature(dc);
    if (!feature || feature === 'helpdeskDialog' || !dc.child || !this.findDialog('helpdeskDialog')) return false;
    // "expulsion" at "which reason?", typed or pressed, is the answer the step asked for.
    if (dc.context.activity.value !== undefined || answersTheChoiceOnScreen(dc, recognition.text)) return false;
    const route = ROUTES[recognition.intent];
    const asideOfAnotherTask = urgentAsideOf(recognition) !== undefined && !('dialog' in route && route.dialog === feature);
    if (!isUrgentHandoff(recognition) && !asideOfAnotherTask) return false;
    await dc.child.beginDialog('helpdeskDialog', keptRecognition(asInterruption({ ...recognition, intent: 'helpdesk' })));
    return true;
  }

  /**
   * A confident new request in the middle of another task takes over ("attends, où en est mon dossier ?"
   * at the place question, "conseiller" at the number prompt, a button of another task): the task in
   * progress is left, the new one starts. Requests that could be an answer to the step (a town, a type
   * of dwelling) never take over when typed.
   */
  private takesOver(dc: DialogContext, recognition: Recognition): boolean {
    const feature = this.activeFeature(dc);
    const route = ROUTES[recognition.intent];
    if (!feature || !('dialog' in route)) return false;
    const pressed = recognition.score >= 1 && dc.context.activity.value !== undefined;
    // One of the choices on screen, typed or sent by its button ("expulsion" at "which reason?").
    if (!pressed && answersTheChoiceOnScreen(dc, recognition.text)) return false;
    // A card's button of the same task ("Vérifier mon employeur" under an answer, "Candidater" under
    // another offer) starts that action afresh, unless the question on screen reads buttons itself.
    if (route.dialog === feature) return pressed && !waitsForButtonAnswer(dc);
    // Asked whether to pass on a story the helpdesk was not asked for, a clear new request ("je cherche
    // un T3 à Nantes") is not an answer; when a person was asked for, what follows is the subject.
    // At its yes or no, a request naming what it is about ("ok show me T3 flats in Lyon") is no answer either.
    if (feature === 'helpdeskDialog') {
      const clearRequest = recognition.score >= TAKEOVER_THRESHOLD && readYesNo(recognition.text) === undefined && recognition.intent !== 'none';
      return pressed || (clearRequest && (!helpdeskWasAsked(dc) || (waitsForClosedAnswer(dc) && namesATask(recognition))));
    }
    // An urgent situation told in the middle of a step is what matters now; so is anger at the step.
    if (isUrgentHandoff(recognition) || isInsultHandled(recognition)) return true;
    // A number, a code, yes or no was asked: a clear request of another kind is not an answer ("j'ai pas
    // encore de numéro" at the number question is one: the step says how to get one).
    const otherRequest =
      recognition.intent !== 'helpdesk' && recognition.intent !== 'complaint' && readYesNo(recognition.text) === undefined && isSentence(recognition.text) && !saysNoNumberYet(recognition.text);
    if (otherRequest && recognition.score >= TAKEOVER_THRESHOLD && waitsForClosedAnswer(dc)) return true;
    // "can I get a flat in Lyon with my wife and 2 kids?" at the documents' "where does your income come
    // from?": a place named at another task's buttons asks for the task that takes places.
    const entities = readEntities(recognition.entities);
    const placeNamed = (entities.places?.length ?? 0) > 0;
    if (otherRequest && placeNamed && PLACE_TASKS.includes(recognition.intent) && recognition.score >= WEAK_TASK_GUESS && waitsForButtonAnswer(dc)) return true;
    // "en fait non laisse tomber, montre moi plutôt les T2 à Pantin" at an eligibility question: a kind of
    // dwelling is what a search asks for, never an answer to who, where or what income.
    const dwellingAskedFor = (entities.typologies?.length ?? 0) > 0;
    if (feature === 'eligibilityDialog' && recognition.intent === 'searchOffers' && dwellingAskedFor && recognition.score >= TAKEOVER_THRESHOLD && isSentence(recognition.text)) return true;
    // A person is asked for in words ("conseiller"), not guessed from an answer the classifier misread.
    const personAsked = recognition.intent === 'helpdesk' && asksForAPerson(recognition.text);
    return pressed || personAsked || isClearRequest(recognition);
  }

  private async handledAsInterruption(dc: DialogContext, recognition: Recognition): Promise<boolean> {
    if (recognition.score < INTERRUPTION_THRESHOLD) return false;
    const context = dc.context;
    switch (recognition.intent) {
      case 'cancel': {
        // "non, plutôt à Paris", "ah non on est 4": a correction carries what to change, a cancel nothing.
        if (Object.keys(readEntities(recognition.entities)).length > 0) return false;
        // "nan finalement" at « Je confirme votre candidature ? »: the no it answers, not a cancel of everything.
        if (waitsForYesOrNo(dc) && readYesNo(recognition.text) === 'no') return false;
        const t = translatorOf(context);
        // "annule" right after results or a verdict: that search or answer is what is called off.
        const conversation = turnStateOf(context).conversation;
        const wasActive = dc.activeDialog !== undefined || conversation.lastSearch !== undefined || conversation.lastEligibility !== undefined;
        delete conversation.lastSearch;
        delete conversation.lastEligibility;
        delete conversation.householdTold;
        await dc.cancelAllDialogs();
        await context.sendActivity(wasActive ? t('cancel.done') : t('cancel.nothing'));
        await context.sendActivity(MessageFactory.attachment(menuFor(context)));
        return true;
      }
      case 'menu':
        await dc.cancelAllDialogs();
        await context.sendActivity(MessageFactory.attachment(menuFor(context)));
        return true;
      case 'thanks':
      case 'goodbye': {
        // "merci", "bonne journée" while an open question waits (a place, a number, an amount): the person
        // is done for now, and is not asked again. At a yes/no or a choice a bare "merci" may mean either:
        // the question stays.
        // Nor is "j'ai 24 ans il en a 29": a goodbye or thanks says no number.
        if (!dc.activeDialog || waitsForButtonAnswer(dc) || Object.keys(readEntities(recognition.entities)).length > 0 || /\d/.test(recognition.text)) return false;
        const t = translatorOf(context);
        await dc.cancelAllDialogs();
        await context.sendActivity(recognition.intent === 'thanks' ? `${t('thanks')} ${t('questionLeft')}` : t('goodbye'));
        return true;
      }
      case 'help': {
        // "je sais pas" at a question is an answer the question itself helps with (where to find it, a person).
        // So is "j'ai rien reçu" at the code question: where to look is that question's own help.
        if (dc.activeDialog && asksTheStepsOwnHelp(recognition.text)) return false;
        // "oui c ca" at « Vous voulez dire Marseille ? » (read as help, "c ça" as "c'est quoi ça"): the yes it says.
        if (dc.activeDialog && readYesNo(recognition.text) !== undefined && !isQuestion(recognition.text)) return false;
        const t = translatorOf(context);
        // "mais j'ai renoncé par erreur, je fais comment ?" asks for help with something the knowledge base
        // answers with confidence: that answer, rather than how to talk to the assistant.
        const known = this.knowledge && isQuestion(recognition.text) && !namesATask(recognition) ? await knowledgeReply(this.knowledge, context, recognition) : undefined;
        if (known?.kind === 'answer') await sendKnowledgeReply(context, known);
        else await context.sendActivity(t('help.text'));
        if (dc.activeDialog) {
          await context.sendActivity(t('help.resume'));
          await dc.repromptDialog();
        }
        return true;
      }
      case 'changeLanguage': {
        if (!(await answerLanguageRequest(context, recognition))) return false;
        // "sorry, can you answer in English? where do I upload it?": the question too, in the language asked.
        const besides = requestBesidesLanguageOf(recognition.entities);
        if (besides && (await this.answeredBesidesLanguage(dc, besides))) return true;
        if (dc.activeDialog) await dc.repromptDialog();
        // "can you tell me that again in english?" after a verdict: the verdict again, in the language asked.
        else if (REPEAT_ASKED.test(normalizeForMatching(recognition.text)) && turnStateOf(context).conversation.lastEligibility) {
          const again: Recognition = { text: '', intent: 'eligibility', score: 1, entities: { eligibilityFollowUp: true } };
          await dc.beginDialog(this.id, keptRecognition(again));
        } else await this.answerAgainIn(context);
        return true;
      }
      default:
        return false;
    }
  }

  private async routeStep(step: WaterfallStepContext<Recognition>) {
    const recognition = step.options;
    const route = ROUTES[recognition.intent];
    const t = translatorOf(step.context);
    if ('dialog' in route) {
      // "elle est valable combien de temps ma demande ?": a general question, not the task.
      const { user, conversation } = turnStateOf(step.context);
      const situation = { linked: Boolean(user.link), followsAnAnswer: conversation.lastSearch !== undefined || conversation.lastEligibility !== undefined };
      const general = this.knowledge ? ((await generalQuestionAnswer(this.knowledge, step.context, recognition, situation)) ?? (await this.answerToAWeakGuess(step.context, recognition))) : undefined;
      if (general) {
        await sendKnowledgeReply(step.context, general);
        return step.endDialog();
      }
      // "je dors à droite à gauche, pas d'adresse pour le dossier, comment je fais": the question on the
      // paperwork answered, then the urgent offer.
      const paperworkAsked = isUrgentHandoff(recognition) && PAPERWORK.test(normalizeForMatching(recognition.text)) ? await this.confidentAnswer(step.context, recognition) : undefined;
      if (paperworkAsked) await sendKnowledgeReply(step.context, paperworkAsked);
      if (this.findDialog(route.dialog)) {
        reportDialog(step.context, route.dialog);
        return step.beginDialog(route.dialog, recognition);
      }
      await step.context.sendActivity(t('featureComingSoon'));
      await step.context.sendActivity(MessageFactory.attachment(menuFor(step.context)));
    } else if ('reply' in route) {
      // "bjr c koi le nur ?": the greeting, and the question answered.
      const known = this.knowledge && isQuestion(recognition.text) ? await knowledgeReply(this.knowledge, step.context, recognition) : undefined;
      if (known && known.kind !== 'none') {
        await sendKnowledgeReply(step.context, known);
        return step.endDialog();
      }
      await step.context.sendActivity(t(route.reply));
    } else if ('notUnderstood' in route) {
      // A question the classifier could not place may still be one the knowledge base answers; one that
      // names a place, an amount or a dwelling is about a task, not a general question.
      const askedWithPlaces = namesATask(recognition) && isQuestionNamingOnlyPlaces(recognition);
      const found = this.knowledge && (!namesATask(recognition) || askedWithPlaces) ? await knowledgeReply(this.knowledge, step.context, recognition) : { kind: 'none' as const };
      // Choices on a few words naming a place are noise ("et à Lyon ?"); on a whole question ("je peux faire une
      // demande dans le 69 et une autre dans le 38 ?") they beat not understanding it.
      const fewWords = recognition.text.split(/\s+/).length < WHOLE_QUESTION_WORDS;
      // A statement, no question ("elle est à côté de moi, elle a son tel"), gets an answer only on most of its words.
      const looselyMatchedStatement = found.kind === 'answer' && !isQuestion(recognition.text) && (found.coverage ?? 1) < STATEMENT_COVERAGE;
      const known = (askedWithPlaces && found.kind === 'choices' && fewWords) || looselyMatchedStatement ? { kind: 'none' as const } : found;
      if (known.kind !== 'none') {
        await sendKnowledgeReply(step.context, known);
        return step.endDialog();
      }
      const conversation = turnStateOf(step.context).conversation;
      conversation.misses = (conversation.misses ?? 0) + 1;
      reportOutcome(step.context, 'notUnderstood');
      await step.context.sendActivity(t('notUnderstood', { text: quotedUserText(recognition.text, 80) }));
      // After two misses in a row, a person is the better help: a third rephrasing rarely goes further.
      if (conversation.misses >= 2) await step.context.sendActivity(MessageFactory.attachment(offerPersonCard(t)));
      await step.context.sendActivity(MessageFactory.attachment(menuFor(step.context)));
    } else {
      // "le dalo c quoi exactement" guessed as the menu at 0.63, "mais j'ai renoncé par erreur, je fais
      // comment ?" asking for help: the question the knowledge base answers with confidence.
      const general = recognition.intent === 'help' ? await this.confidentAnswer(step.context, recognition) : await this.answerToAWeakGuess(step.context, recognition);
      if (general) {
        await sendKnowledgeReply(step.context, general);
        return step.endDialog();
      }
      // "hello, do you speak english?", said too loosely to interrupt a step: answered, then the menu.
      if (recognition.intent === 'changeLanguage') await answerLanguageRequest(step.context, recognition);
      await step.context.sendActivity(MessageFactory.attachment(menuFor(step.context)));
    }
    return step.endDialog();
  }

  /**
   * "et si mes revenus ont baissé cette année ?" guessed as "my alerts" at 0.64: a question the classifier
   * barely placed on a task, naming nothing of it, that the knowledge base answers with confidence.
   */
  private async answerToAWeakGuess(context: TurnContext, recognition: Recognition): Promise<KnowledgeReply | undefined> {
    return recognition.score >= WEAK_TASK_GUESS ? undefined : this.confidentAnswer(context, recognition);
  }

  /**
   * "and in English please? my husband doesn't read French", right after an answer of the knowledge base:
   * that answer again, in the language asked.
   */
  private async answerAgainIn(context: TurnContext): Promise<void> {
    // Kept again this turn only when the message before was such an answer (takeTheme, then rememberTheme).
    const kept = turnStateOf(context).conversation.lastTheme;
    if (!this.knowledge || !kept?.entry) return;
    const entry = this.knowledge.entry(kept.entry, languageOf(context));
    if (entry) await sendKnowledgeReply(context, { kind: 'answer', entry });
  }

  /** The knowledge base's answer to a typed question naming nothing of a task, when it is sure of it. */
  private async confidentAnswer(context: TurnContext, recognition: Recognition): Promise<KnowledgeReply | undefined> {
    // "je suis en cours de divorce, je dois fournir le jugement ?": a household told says who asks, not a task.
    const asked = withoutTheHousehold(recognition);
    const namesTask = namesATask(asked) && !isQuestionNamingOnlyPlaces(asked);
    if (!this.knowledge || context.activity.value !== undefined || !isQuestion(recognition.text) || namesTask) return undefined;
    const reply = await knowledgeReply(this.knowledge, context, { ...recognition, entities: {} });
    return reply.kind === 'answer' ? reply : undefined;
  }

  private async doneStep(step: WaterfallStepContext<Recognition>) {
    return step.endDialog(step.result);
  }
}

/** Words of the request's paperwork: a question on them is answered even beside an urgent situation. */
const PAPERWORK = /(?<![a-z])(?:dossier|papiers?|documents?|justificatifs?|pieces?|demande|formulaire|paperwork|file|request|proof|adresse|address)(?![a-z])/;

/** Guesses that name no task: the places a question names do not make it one. */
const NO_TASK_GUESSES: readonly Intent[] = ['none', 'cancel', 'menu', 'greeting', 'thanks', 'help', 'faq'];

/**
 * "je suis à Tours mais je vais être muté à Limoges, je dois refaire une demande ?": towns named in a
 * question ask nothing of a search; the base's confident answer may be given (never its hesitations).
 */
function isQuestionNamingOnlyPlaces(recognition: Recognition): boolean {
  // A search guessed, however weakly, is about the places it names ("any PLI apartments in Paris?").
  if (!NO_TASK_GUESSES.includes(recognition.intent)) return false;
  return isQuestion(recognition.text) && Object.keys(readEntities(recognition.entities)).every((name) => name === 'topic' || name === 'places');
}

/** A request of the kind that is never an answer to another task's question, said surely enough to take over. */
function isClearRequest(recognition: Recognition): boolean {
  return TAKEOVER_INTENTS.includes(recognition.intent) && recognition.score >= TAKEOVER_THRESHOLD;
}

/** Words, not a number or a code: a request is said in at least three words ("je cherche un T2 à Lyon"). */
function isSentence(text: string): boolean {
  return (text.match(/\p{L}{2,}/gu) ?? []).length >= 3;
}

/** The first characters of a message, never half of an emoji. */
function beginningOf(text: string): string {
  const cut = text.slice(0, LONGEST_MESSAGE_READ);
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** "english please", "vous parlez anglais ?": the language chosen, and said — once (the screening may have said it). */
async function answerLanguageRequest(context: TurnContext, recognition: Recognition): Promise<boolean> {
  const language = supportedLanguage(String(recognition.entities.language ?? ''));
  if (!language) return false;
  const already = languageOf(context) === language;
  turnStateOf(context).user.language = language;
  // "do you speak English?": answered yes, then the switch.
  const key = ASKS_IF_SPOKEN.test(normalizeForMatching(recognition.text)) ? 'language.spoken' : 'language.switched';
  if (!(already && (context.responded || languageAnnounced(context)))) await context.sendActivity(translatorOf(context)(key));
  return true;
}

/** "do you speak English?", "vous parlez anglais ?", "tu parles français ?": whether the language is spoken. */
const ASKS_IF_SPOKEN = /(?<![a-z])(?:do you speak|can you speak|can you talk|do you understand|parlez vous|vous parlez|tu parles|parles tu|est ce que vous parlez|est ce que tu parles)(?![a-z])/;
