import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BackgroundWork } from './ports';
import { languageOf, translatorOf, turnStateOf } from './turn/turnAccess';
import type { Link } from './turn/stateSchemas';
import { daysBetween, summarizeDossier, type DossierSummary, type NextAction } from '../services/dossier/dossierSummary';
import { daysFromNow, documentList } from './cards/applicationText';
import { formatDate } from './format';
import { readLinkedDossier } from '../services/dossier/readLinkedDossier';
import { isServiceError } from '../services/http/errors';
import type { PortalApi } from '../services/portal/portalApi';
import type { SneApi } from '../services/sne/sneApi';
import { STATUS_ANSWER, statusCard } from './cards/statusCard';
import { sendAnswer } from './feedback/answerFeedback';
import { isLinked, linkFirst } from './linkFirst';
import type { Recognition } from './recognizer/intents';
import type { FollowUpKind } from './recognizer/followUpQuestion';
import { documentNames } from './cards/documentState';
import { rememberTopic, type AnswersFollowUps, type FollowUpAnswer, type Topic } from './followUps/lastTopic';

/**
 * After a status, what the knowledge base says of the next thing to do: "et si je le fais pas ?" and
 * "je fais comment ?" about renewing, the documents to upload, a proposal to answer, a request to file again.
 */
const RENEWAL: Partial<Record<FollowUpKind, string>> = { whatIfNot: 'renewal-forgotten', how: 'renewal-how', why: 'validity-duration' };
const FOLLOW_UPS: Partial<Record<NextAction, Partial<Record<FollowUpKind, string>>>> = {
  renew: RENEWAL,
  fixDocuments: { how: 'docs-where-upload', whatIfNot: 'renewal-forgotten' },
  answerOffer: { whatIfNot: 'proposal-silence', why: 'proposal-deadline' },
  refile: { how: 'expired-meaning', why: 'expired-meaning', another: 'expired-meaning' },
  closed: { another: 'lease-request-closed', how: 'lease-request-closed' },
  // Nothing urgent: what a status says next is its renewal date.
  search: RENEWAL,
  wait: RENEWAL,
};

const STEPS = 'status.steps';

export interface StatusDependencies {
  portal: PortalApi;
  sne: SneApi;
  backgroundWork: BackgroundWork;
}

/**
 * "Où en est mon dossier ?": links first when needed, then one summary card from the national file
 * (request, documents) and AL-in (applications, decisions). A slow portal answers later, proactively.
 */
export class StatusDialog extends ComponentDialog implements AnswersFollowUps {
  constructor(
    private readonly deps: StatusDependencies,
    linkNumber: Dialog,
  ) {
    super('statusDialog');
    this.addDialog(linkNumber);
    this.addDialog(new WaterfallDialog(STEPS, [this.ensureLinkedStep.bind(this), this.showStatusStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async ensureLinkedStep(step: WaterfallStepContext<Recognition>) {
    return linkFirst(step, 'status:needLink');
  }

  private async showStatusStep(step: WaterfallStepContext<Recognition>) {
    const link = turnStateOf(step.context).user.link;
    if (!link || !isLinked(step)) return step.endDialog();
    await this.deps.backgroundWork.answerWithinBudget(
      step.context,
      () => this.loadDossier(link),
      (context, summary) => sendStatus(context, link, summary),
      (context, error) => sendFailure(context, error),
    );
    return step.endDialog();
  }

  async answerFollowUp(context: TurnContext, topic: Topic, kind: FollowUpKind): Promise<FollowUpAnswer> {
    if (kind === 'more' || kind === 'which') {
      await context.sendActivity(documentsOfTheStatus(context, topic.facts));
      return 'answered';
    }
    if (kind === 'when') {
      const dates = datesOfTheStatus(context, topic.facts);
      if (!dates) return undefined;
      await context.sendActivity(dates);
      return 'answered';
    }
    // "je les envoie où ?" while a landlord waits for documents: to the landlord, not the national file.
    if (kind === 'how' && topic.facts.requestedDocuments && (topic.facts.nextAction === 'wait' || topic.facts.nextAction === 'search')) {
      await context.sendActivity(translatorOf(context)('status:followUp.sendToLandlord'));
      return 'answered';
    }
    const entry = FOLLOW_UPS[topic.facts.nextAction as NextAction]?.[kind];
    return entry ? { knowledgeEntry: entry } : undefined;
  }

  private async loadDossier(link: Link): Promise<DossierSummary> {
    const { request, alongside: candidatures } = await readLinkedDossier(this.deps, link.applicantId, () => this.deps.portal.listCandidatures(link.applicantId));
    return summarizeDossier(request, candidatures, new Date());
  }
}

async function sendStatus(context: TurnContext, link: Link, summary: DossierSummary): Promise<void> {
  await sendAnswer(context, statusCard(translatorOf(context), languageOf(context), link.maskedNur, summary, context.activity.channelId), STATUS_ANSWER);
  const documentsToFix = summary.documentsToFix.map((document) => document.type).join(',');
  rememberTopic(context, { owner: 'statusDialog', name: 'status', facts: { nextAction: summary.nextAction, documentsToFix, ...datesAndRequests(summary) } });
}

/** What "avant quand ?" and "c'est quoi les papiers demandés ?" need of the status just shown (no personal data). */
function datesAndRequests(summary: DossierSummary): Topic['facts'] {
  const facts: Topic['facts'] = { renewalDueDate: summary.renewalDueDate };
  if (summary.offerAwaitingAnswer?.answerDueDate) facts.answerDueDate = summary.offerAwaitingAnswer.answerDueDate;
  const requesting = summary.applications.find((line) => (line.documentsRequested ?? []).length > 0);
  if (requesting) {
    facts.requestedTypology = requesting.typology;
    facts.requestedCommune = requesting.commune.slice(0, 200);
    facts.requestedDocuments = (requesting.documentsRequested ?? []).join('\n').slice(0, 200);
    if (requesting.commissionDate) facts.requestedBefore = requesting.commissionDate;
  }
  return facts;
}

/** "il manque autre chose ?", "c'est quoi les 2 papiers demandés ?": the documents the status listed, and nothing else. */
function documentsOfTheStatus(context: TurnContext, facts: Topic['facts']): string {
  const t = translatorOf(context);
  const language = languageOf(context);
  const lines: string[] = [];
  if (facts.requestedDocuments) {
    const before = facts.requestedBefore ? t('status:followUp.requestedBefore', { date: formatDate(String(facts.requestedBefore), language) }) : '';
    const documents = documentList(language, String(facts.requestedDocuments).split('\n'));
    lines.push(t('status:followUp.requested', { typology: facts.requestedTypology, commune: facts.requestedCommune, documents, before }));
  }
  const missing = documentNames(t, facts.documentsToFix);
  if (missing) lines.push(t('status:followUp.onlyThese', { documents: missing }));
  else lines.push(t(facts.requestedDocuments ? 'status:followUp.requestUpToDate' : 'status:followUp.nothingMissing'));
  return lines.join('\n\n');
}

/** "avant quand ?": the date the status's next step is due by; undefined for a request expired or closed. */
function datesOfTheStatus(context: TurnContext, facts: Topic['facts']): string | undefined {
  const t = translatorOf(context);
  const language = languageOf(context);
  const when = (date: string) => ({ date: formatDate(date, language), when: daysFromNow(t)(Math.max(0, daysBetween(new Date(), date))) });
  if (facts.nextAction === 'refile' || facts.nextAction === 'closed' || !facts.renewalDueDate) return undefined;
  if (facts.nextAction === 'answerOffer' && facts.answerDueDate) return t('status:followUp.answerBy', when(String(facts.answerDueDate)));
  const lines: string[] = [];
  if (facts.requestedBefore) lines.push(t('status:followUp.commissionOn', when(String(facts.requestedBefore))));
  lines.push(t('status:followUp.renewBy', when(String(facts.renewalDueDate))));
  return lines.join('\n\n');
}

async function sendFailure(context: TurnContext, error: unknown): Promise<void> {
  if (!isServiceError(error)) throw error;
  const t = translatorOf(context);
  await context.sendActivity(error.kind === 'NotFound' ? t('status:linkBroken') : t('status:portalUnavailable'));
}
