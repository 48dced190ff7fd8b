import type { TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { BackgroundWork } from './ports';
import { languageOf, translatorOf, turnStateOf } from './turn/turnAccess';
import type { Link } from './turn/stateSchemas';
import { summarizeDossier, type DossierSummary, type NextAction } from '../services/dossier/dossierSummary';
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
    if (kind === 'more') {
      // "is anything else missing?": the documents the status listed, and nothing else.
      const t = translatorOf(context);
      const missing = documentNames(t, topic.facts.documentsToFix);
      await context.sendActivity(missing ? t('status:followUp.onlyThese', { documents: missing }) : t('status:followUp.nothingMissing'));
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
  rememberTopic(context, { owner: 'statusDialog', name: 'status', facts: { nextAction: summary.nextAction, documentsToFix } });
}

async function sendFailure(context: TurnContext, error: unknown): Promise<void> {
  if (!isServiceError(error)) throw error;
  const t = translatorOf(context);
  await context.sendActivity(error.kind === 'NotFound' ? t('status:linkBroken') : t('status:portalUnavailable'));
}
