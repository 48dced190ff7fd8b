import { MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Choice, type WaterfallStepContext } from 'botbuilder-dialogs';
import { LANGUAGES, translatorFor } from './i18n';
import { languageOf, translatorOf, turnStateOf } from './turn/turnAccess';
import { applicationText } from './cards/applicationText';
import { applicationLine } from '../services/dossier/dossierSummary';
import {
  checklistFor,
  FamilySituationSchema,
  RequestReasonSchema,
  WorkStatusSchema,
  type ChecklistItem,
  type DocumentSituationInput,
  type FamilySituation,
  type RequestReason,
  type WorkStatus,
} from '../services/documents/checklist';
import { compareWithRequest } from '../services/documents/requestComparison';
import { readLinkedDossier } from '../services/dossier/readLinkedDossier';
import { isServiceError } from '../services/http/errors';
import type { PortalApi } from '../services/portal/portalApi';
import type { DocumentType, HousingRequest } from '../services/sne/schemas';
import type { SneApi } from '../services/sne/sneApi';
import { checklistCard, DOCUMENTS_ANSWER, requestDocumentsCard } from './cards/checklistCard';
import { sendAnswer } from './feedback/answerFeedback';
import type { Recognition } from './recognizer/intents';
import { tellsTheirSituation } from './recognizer/documentsQuestion';
import { affirmsPhrase } from '../services/shared/affirmedPhrase';
import { normalizeForMatching } from '../services/shared/normalizeForMatching';
import { chosenValue, valuesOf } from './stepAccess';
import { ChoiceAnswerPrompt } from './prompts/answerPrompts';
import { rememberTheme } from './followUps/lastTheme';
import { rememberTopic, type AnswersFollowUps, type FollowUpAnswer, type Topic } from './followUps/lastTopic';
import type { FollowUpKind } from './recognizer/followUpQuestion';

const STEPS = 'documents.steps';
const FAMILY = 'documents.family';
const WORK = 'documents.work';
const REASON = 'documents.reason';

/** The knowledge base's theme of the documents (locales/<language>/knowledge/documents.json): a question going on from the list is answered within it. */
const DOCUMENTS_THEME = 'documents';

/** "Several of these": every kind of income proof is listed (the checklist's default). */
const WORK_CHOICES = [...WorkStatusSchema.options, 'several'] as const;
const REASON_CHOICES = ['none', ...RequestReasonSchema.options] as const;

export interface DocumentsDependencies {
  portal: PortalApi;
  sne: SneApi;
}

interface DocumentsValues {
  familySituation?: FamilySituation;
  /** Empty: not said yet; `several` is stored as every status. */
  workStatuses?: WorkStatus[];
  reasons?: RequestReason[];
  children: boolean;
  pregnancy: boolean;
  foreignNational: boolean;
  /** The first message told the situation: no question, the rest is listed "if it applies". */
  atOnce?: boolean;
  /** The family situation and the children (or their absence) were both told. */
  householdTold?: boolean;
}

/**
 * "Quelles pièces fournir ?": for a linked user, the request on the national file against the checklist
 * (provided, missing, expired, rejected) with the exact next step there; otherwise the checklist for the
 * user's situation, asking family situation, income and reason only when the message did not say them.
 * Documents go to the national file: the assistant never asks for one, and says so.
 */
export class DocumentsDialog extends ComponentDialog implements AnswersFollowUps {
  constructor(private readonly deps: DocumentsDependencies) {
    super('documentsDialog');
    for (const id of [FAMILY, WORK, REASON]) {
      this.addDialog(new ChoiceAnswerPrompt(id));
    }
    this.addDialog(
      new WaterfallDialog(STEPS, [
        this.linkedRequestStep.bind(this),
        this.askFamilyStep.bind(this),
        this.askWorkStep.bind(this),
        this.askReasonStep.bind(this),
        this.checklistStep.bind(this),
      ]),
    );
    this.initialDialogId = STEPS;
  }

  private async linkedRequestStep(step: WaterfallStepContext<Recognition>) {
    const link = turnStateOf(step.context).user.link;
    if (link && (await this.sentRequestComparison(step.context, link.applicantId, link.maskedNur))) return step.endDialog();
    const said = situationFromMessage(step.options.text);
    Object.assign(step.values, said);
    // A message that tells the situation gets the list at once: what it did not say is listed "if it applies".
    valuesOf<DocumentsValues>(step).atOnce = saysSomething(said) || tellsTheirSituation(step.options.text);
    return step.next();
  }

  private async askFamilyStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<DocumentsValues>(step);
    if (values.familySituation || values.atOnce) return step.next();
    // "c koi les papiers a fournir ?": what everyone provides is said at once; the questions are for the rest.
    await step.context.sendActivity(translatorOf(step.context)('documents:ask.alwaysNeeded'));
    // "et je les dépose où ?" right after: a question within the documents' theme.
    rememberTheme(step.context, { theme: DOCUMENTS_THEME });
    return step.prompt(FAMILY, choiceOptions(step.context, 'family', FamilySituationSchema.options));
  }

  private async askWorkStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<DocumentsValues>(step);
    const family = chosenValue(step.result);
    if (family) values.familySituation = FamilySituationSchema.parse(family);
    if (values.workStatuses?.length || values.atOnce) return step.next();
    return step.prompt(WORK, choiceOptions(step.context, 'work', WORK_CHOICES));
  }

  private async askReasonStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<DocumentsValues>(step);
    const work = chosenValue(step.result);
    if (work) values.workStatuses = work === 'several' ? [...WorkStatusSchema.options] : [WorkStatusSchema.parse(work)];
    if (values.reasons?.length || values.atOnce) return step.next();
    return step.prompt(REASON, choiceOptions(step.context, 'reason', REASON_CHOICES));
  }

  private async checklistStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<DocumentsValues>(step);
    const reason = chosenValue(step.result);
    if (reason) values.reasons = reason === 'none' ? [] : [RequestReasonSchema.parse(reason)];
    const situation: DocumentSituationInput = {
      residence: values.foreignNational ? 'foreignNational' : 'national',
      workStatuses: values.workStatuses ?? [],
      familySituation: values.familySituation ?? 'single',
      children: values.children,
      pregnancy: values.pregnancy,
      reasons: values.reasons ?? [],
    };
    const today = new Date();
    const checklist = checklistFor(situation, today);
    // The cases not asked (the family situation, the income, the reason when the first message told the
    // rest; children, pregnancy, a foreign national): their documents, listed "if it applies".
    const unknownFamily: FamilySituation[] = values.familySituation ? [] : ['married', 'pacs', 'divorceOrSeparation'];
    const unknownWork = values.workStatuses?.length ? [] : WorkStatusSchema.options;
    const unknownReasons = values.atOnce && !values.reasons?.length ? RequestReasonSchema.options : [];
    const variants: DocumentSituationInput[] = [
      ...unknownFamily.map((familySituation) => ({ ...situation, familySituation })),
      ...unknownWork.map((status) => ({ ...situation, workStatuses: [status] })),
      ...unknownReasons.map((reason) => ({ ...situation, reasons: [reason] })),
      // The whole household was told ("mariés avec 2 enfants", "pacsés, pas d'enfants"): no child or
      // pregnancy is guessed on top of it.
      ...(values.children || values.householdTold ? [] : [{ ...situation, children: true }]),
      ...(values.pregnancy || values.householdTold ? [] : [{ ...situation, pregnancy: true }]),
      ...(values.foreignNational ? [] : [{ ...situation, residence: 'foreignNational' as const }]),
    ];
    const listed = new Set(checklist.items.map((item) => item.id));
    const also = new Map<string, ChecklistItem>();
    for (const item of variants.flatMap((variant) => checklistFor(variant, today).items)) if (!listed.has(item.id)) also.set(item.id, item);
    const card = checklistCard(translatorOf(step.context), checklist, [...also.values()], step.context.activity.channelId);
    await sendAnswer(step.context, card, DOCUMENTS_ANSWER);
    rememberTopic(step.context, { owner: this.id, name: 'checklist', facts: {} });
    rememberTheme(step.context, { theme: DOCUMENTS_THEME });
    return step.endDialog();
  }

  /** After the list: "et le livret de famille je le mets où ?", "je les envoie comment ?" — where they are uploaded. */
  async answerFollowUp(_context: TurnContext, topic: Topic, kind: FollowUpKind): Promise<FollowUpAnswer> {
    return topic.name === 'checklist' && kind === 'how' ? { knowledgeEntry: 'docs-where-upload' } : undefined;
  }

  /** False when the request could not be read: the user then gets the checklist by questions. */
  private async sentRequestComparison(context: TurnContext, applicantId: string, maskedNur: string): Promise<boolean> {
    const t = translatorOf(context);
    try {
      const { request, alongside: candidatures } = await readLinkedDossier(this.deps, applicantId, () => this.deps.portal.listCandidatures(applicantId));
      const today = new Date();
      const comparison = compareWithRequest(checklistFor(situationOfRequest(request), today), request.documents);
      // What a landlord asked for an application comes first: it has a commission date.
      const askedByLandlords = candidatures
        .filter((candidature) => candidature.status === 'documents_requested' && candidature.documentsRequested?.length)
        .map((candidature) => applicationText(t, languageOf(context), applicationLine(candidature, today)));
      await context.sendActivity(MessageFactory.attachment(requestDocumentsCard(t, maskedNur, comparison, askedByLandlords)));
      return true;
    } catch (error) {
      if (!isServiceError(error)) throw error;
      await context.sendActivity(t('documents:requestUnavailable'));
      return false;
    }
  }
}

function choiceOptions(context: TurnContext, question: 'family' | 'work' | 'reason', values: readonly string[]) {
  const t = translatorOf(context);
  const choices: Choice[] = values.map((value) => {
    const title = t(`documents:ask.${question}Choices.${value}`);
    // How people say it, in either language ("salariée", "CDI", "mariés"), from the words the first message is read with.
    return { value, action: { type: 'imBack', title, value: title }, synonyms: [title, ...wordsFor(value)] };
  });
  return { prompt: t(`documents:ask.${question}`), retryPrompt: t(`documents:ask.${question}Retry`), choices };
}

// Reading the situation --------------------------------------------------------------------------

/** "pas d'enfant", "sans enfants", "no kids": the absence of children, told. */
const NO_CHILDREN = / (?:pas|sans|aucun|no|without) (?:d )?(?:enfants?|gosses?|kids?|children|child) /;

/** Whether the message told anything of the situation the checklist depends on. */
function saysSomething(said: DocumentsValues): boolean {
  return Boolean(said.familySituation || said.workStatuses?.length || said.reasons?.length || said.children || said.pregnancy || said.foreignNational);
}

function situationFromMessage(text: string): DocumentsValues {
  // The more specific first: "divorcé" before "seul", "pacsé" before "en couple".
  const familyOrder: FamilySituation[] = ['divorceOrSeparation', 'pacs', 'married', 'cohabiting', 'single'];
  const familySituation = familyOrder.find((situation) => mentions(text, situation));
  const childrenTold = mentions(text, 'children') || NO_CHILDREN.test(` ${normalizeForMatching(text)} `);
  return {
    familySituation,
    householdTold: familySituation !== undefined && childrenTold,
    workStatuses: WorkStatusSchema.options.filter((status) => mentions(text, status)),
    reasons: RequestReasonSchema.options.filter((reason) => mentions(text, reason)),
    children: mentions(text, 'children'),
    pregnancy: mentions(text, 'pregnancy'),
    foreignNational: mentions(text, 'foreignNational'),
  };
}

/**
 * The situation a request on the national file describes, read from its household and the documents
 * it lists (a family record book means married, a protection order means violence…), so the checklist
 * compared with it asks for nothing the request does not need.
 */
function situationOfRequest(request: HousingRequest): DocumentSituationInput {
  const has = (type: DocumentType) => request.documents.some((document) => document.type === type);
  const familySituation: FamilySituation = has('separation_proof') ? 'divorceOrSeparation' : has('pacs_certificate') ? 'pacs' : has('family_record_book') ? 'married' : 'single';
  const reasonDocuments: Record<RequestReason, DocumentType> = {
    disability: 'disability_card',
    homeless: 'domiciliation_certificate',
    unfitHousing: 'unfit_housing_proof',
    noticeToLeave: 'notice_to_leave',
    eviction: 'eviction_proof',
    domesticViolence: 'protection_order',
  };
  return {
    residence: has('residence_permit') ? 'foreignNational' : 'national',
    familySituation,
    ...(familySituation === 'divorceOrSeparation' ? { excludeSpouseIncome: true } : {}),
    children: request.household.dependants > 0 || has('birth_certificates'),
    pregnancy: has('pregnancy_certificate'),
    reasons: RequestReasonSchema.options.filter((reason) => has(reasonDocuments[reason]) || (reason === 'disability' && request.household.disabledPersons > 0)),
  };
}

/**
 * Whether the message uses one of the words of `documents:words.<key>`, in either language (people switch
 * without saying so). The words are one comma-separated string per key: the locale test compares the
 * French and English files leaf by leaf, and word lists do not have the same length in both languages.
 */
function mentions(text: string, key: string): boolean {
  const said = ` ${normalizeForMatching(text)} `;
  return wordsFor(key).some((word) => word.length > 0 && affirmsPhrase(said, word));
}

/** The words of `documents:words.<key>` in both languages, normalised; none for a key without words. */
function wordsFor(key: string): string[] {
  return LANGUAGES.flatMap((language) => {
    const words = translatorFor(language)(`documents:words.${key}`, { defaultValue: '' });
    return words ? words.split(',').map(normalizeForMatching) : [];
  });
}
