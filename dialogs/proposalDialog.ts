import { MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { z } from 'zod';
import { applicationLine } from '../services/dossier/dossierSummary';
import { isServiceError, mayHaveGoneThrough } from '../services/http/errors';
import type { PortalApi } from '../services/portal/portalApi';
import { DeclineReasonSchema, type Candidature, type DeclineReason, type ProposalAnswer } from '../services/portal/schemas';
import { adaptiveCard, intentButton } from './cards/adaptiveCard';
import { offerTitle } from './cards/offerCards';
import { daysFromNow } from './cards/applicationText';
import { formatDate } from './format';
import { isLinked, linkFirst } from './linkFirst';
import { ChoiceAnswerPrompt } from './prompts/answerPrompts';
import { answeredYes, yesNoOptions, yesNoPrompt } from './prompts/yesNoPrompt';
import type { Recognition } from './recognizer/intents';
import type { ConversationData } from './turn/stateSchemas';
import type { FollowUpKind } from './recognizer/followUpQuestion';
import { rememberTopic, type AnswersFollowUps, type FollowUpAnswer, type Topic } from './followUps/lastTopic';
import { foldText } from './recognizer/entities/foldText';
import { chosenValue, valuesOf } from './stepAccess';
import { languageOf, translatorOf, turnStateOf } from './turn/turnAccess';

const STEPS = 'proposal.steps';
const CONFIRM = 'proposal.confirm';
const REASON = 'proposal.reason';

/** What the proposal card's buttons send (user input: checked). */
const ProposalButtonSchema = z.object({ candidatureId: z.string().min(1).max(60), answer: z.enum(['accept', 'decline']).optional() });

interface ProposalValues {
  candidature?: Candidature;
  answer?: 'accept' | 'decline';
  reason?: DeclineReason;
}

/**
 * A housing proposal (an application the commission attributed): what it is, the rank, the days left
 * and what follows; then, if the user wants, accepting it or declining it with a reason — each
 * confirmed, sent once (a double press or a repeated answer changes nothing), refused after the date.
 */
export class ProposalDialog extends ComponentDialog implements AnswersFollowUps {
  constructor(
    private readonly portal: PortalApi,
    linkNumber: Dialog,
  ) {
    super('proposalDialog');
    this.addDialog(linkNumber);
    this.addDialog(yesNoPrompt(CONFIRM));
    this.addDialog(new ChoiceAnswerPrompt(REASON));
    this.addDialog(
      new WaterfallDialog(STEPS, [this.linkStep.bind(this), this.proposalStep.bind(this), this.reasonStep.bind(this), this.confirmStep.bind(this), this.sendStep.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async linkStep(step: WaterfallStepContext<Recognition>) {
    return linkFirst(step, 'proposal:needLink');
  }

  /**
   * After the proposal: "pk que 6 jours ? on m'avait dit 10" (the rule and where the date comes from),
   * "et si je réponds pas ?" (silence is a refusal), "je fais comment pour dire oui ?" (the buttons).
   */
  async answerFollowUp(context: TurnContext, topic: Topic, kind: FollowUpKind): Promise<FollowUpAnswer> {
    if (topic.name !== 'proposal') return undefined;
    if (kind === 'why') return { knowledgeEntry: 'proposal-deadline' };
    if (kind === 'whatIfNot') return { knowledgeEntry: 'proposal-silence' };
    if (kind === 'when' && typeof topic.facts.answerDueDate === 'string') {
      const t = translatorOf(context);
      const days = Math.max(0, Number(topic.facts.daysToAnswer ?? 0));
      await context.sendActivity(t('proposal:card.deadline', { date: formatDate(topic.facts.answerDueDate, languageOf(context)), when: daysFromNow(t)(days) }));
      return 'answered';
    }
    if (kind !== 'how') return undefined;
    await context.sendActivity(translatorOf(context)('proposal:howToAnswer'));
    return 'answered';
  }

  /** The proposal shown; or, when the user already said what they want, straight to that answer. */
  private async proposalStep(step: WaterfallStepContext<Recognition>) {
    if (!isLinked(step)) return step.endDialog();
    const context = step.context;
    const t = translatorOf(context);
    const pressed = ProposalButtonSchema.safeParse(step.options.entities).data;
    let candidatures: Candidature[];
    try {
      candidatures = await this.portal.listCandidatures(turnStateOf(context).user.link!.applicantId);
    } catch (error) {
      if (!isServiceError(error)) throw error;
      await context.sendActivity(t('proposal:portalUnavailable'));
      return step.endDialog();
    }
    const candidature = pressed ? candidatures.find((one) => one.id === pressed.candidatureId) : proposalAmong(candidatures);
    const wanted = pressed?.answer ?? answerIn(step.options.text);
    if (!candidature) {
      await context.sendActivity(t('proposal:none'));
      return step.endDialog();
    }
    const title = offerTitle(t, candidature.offer);
    // Pressed twice, or answered on al-in.fr already: what was answered, once.
    if (candidature.status === 'accepted' || candidature.status === 'declined' || candidature.status === 'lease_signed') {
      const same = (wanted === 'accept') === (candidature.status !== 'declined');
      await context.sendActivity(t(same || !wanted ? `proposal:already.${candidature.status === 'declined' ? 'declined' : 'accepted'}` : 'proposal:alreadyOther', { offer: title }));
      return step.endDialog();
    }
    if (candidature.status !== 'attributed' || !candidature.decision) {
      await context.sendActivity(t('proposal:notProposed', { offer: title }));
      return step.endDialog();
    }
    const line = applicationLine(candidature, new Date());
    if ((line.daysToAnswer ?? 0) < 0) {
      await context.sendActivity(t('proposal:deadlinePassed', { date: formatDate(candidature.decision.answerDueDate, languageOf(context)) }));
      return step.endDialog();
    }
    if (!wanted) {
      await context.sendActivity(MessageFactory.attachment(proposalCard(context, candidature)));
      // "on a jusqu'à quand ?" next: the date and the days left, no personal data.
      rememberTopic(context, { owner: this.id, name: 'proposal', facts: { answerDueDate: candidature.decision.answerDueDate, daysToAnswer: line.daysToAnswer ?? 0 } });
      return step.endDialog();
    }
    Object.assign(valuesOf<ProposalValues>(step), { candidature, answer: wanted });
    if (wanted === 'accept') return step.next();
    const choices = DeclineReasonSchema.options.map((reason) => ({ value: reason, action: { type: 'imBack', title: t(`proposal:reasons.${reason}`), value: t(`proposal:reasons.${reason}`) }, synonyms: t(`proposal:reasonWords.${reason}`).split('|') }));
    return step.prompt(REASON, { prompt: t('proposal:whyDecline'), retryPrompt: t('proposal:whyDeclineRetry'), choices });
  }

  private async reasonStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<ProposalValues>(step);
    const t = translatorOf(step.context);
    const reason = DeclineReasonSchema.safeParse(chosenValue(step.result)).data;
    if (values.answer === 'decline') values.reason = reason ?? 'other';
    const candidature = values.candidature!;
    const offer = offerTitle(t, candidature.offer);
    const question =
      values.answer === 'accept'
        ? t('proposal:confirmAccept', { offer, date: formatDate(candidature.decision!.answerDueDate, languageOf(step.context)) })
        : t('proposal:confirmDecline', { offer, reason: t(`proposal:reasons.${values.reason}`).toLowerCase() });
    return step.prompt(CONFIRM, yesNoOptions(t, question));
  }

  private async confirmStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<ProposalValues>(step);
    const context = step.context;
    const t = translatorOf(context);
    const candidature = values.candidature!;
    if (!answeredYes(step.result)) {
      await context.sendActivity(t('proposal:notSent', { date: formatDate(candidature.decision!.answerDueDate, languageOf(context)) }));
      return step.endDialog();
    }
    return step.next();
  }

  private async sendStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<ProposalValues>(step);
    const context = step.context;
    const t = translatorOf(context);
    const candidature = values.candidature!;
    const offer = offerTitle(t, candidature.offer);
    const answer: ProposalAnswer = values.answer === 'accept' ? { answer: 'accept' } : { answer: 'decline', reason: values.reason ?? 'other' };
    try {
      await this.portal.answerProposal(candidature.applicantId, candidature.id, answer);
      await context.sendActivity(t(values.answer === 'accept' ? 'proposal:accepted' : 'proposal:declined', { offer }));
    } catch (error) {
      await explainRefusal(context, error, candidature);
    }
    return step.endDialog();
  }
}

/** The proposal awaiting an answer: the one whose date comes first. */
function proposalAmong(candidatures: Candidature[]): Candidature | undefined {
  const proposals = candidatures.filter((one) => one.status === 'attributed' && one.decision);
  if (proposals.length > 0) return proposals.sort((a, b) => a.decision!.answerDueDate.localeCompare(b.decision!.answerDueDate))[0];
  // No answer awaited: the one answered last, so "je l'ai acceptée ?" is answered.
  return candidatures.find((one) => one.status === 'accepted' || one.status === 'lease_signed');
}

/**
 * "je l'accepte", "je la refuse" typed right after the proposal card: the answer to it, whatever the
 * classifier guessed ("je l'accepte" was read as documents and showed the request's documents).
 */
export function asProposalAnswer(recognition: Recognition, conversation: ConversationData, now = new Date()): Recognition {
  const topic = conversation.lastTopic;
  if (topic?.owner !== 'proposalDialog' || now.getTime() - Date.parse(topic.at) > PROPOSAL_ANSWER_MS) return recognition;
  if (recognition.intent === 'proposal' || answerIn(recognition.text) === undefined || recognition.text.split(/\s+/).length > MOST_WORDS_OF_AN_ANSWER) return recognition;
  // "je fais comment pour dire oui ?" asks how, it does not answer.
  if (/\?|(?<![a-z])(?:comment|how)(?![a-z])/.test(foldText(recognition.text))) return recognition;
  return { ...recognition, intent: 'proposal', score: Math.max(recognition.score, 0.9) };
}

/** How long after the card a typed "je l'accepte" answers it. */
const PROPOSAL_ANSWER_MS = 30 * 60 * 1000;
/** Past this, a message is more than an answer to the proposal. */
const MOST_WORDS_OF_AN_ANSWER = 10;

/** "je veux l'accepter", "je le refuse", "I'll take it", "turn it down". */
function answerIn(text: string): 'accept' | 'decline' | undefined {
  const folded = foldText(text);
  if (/\b(refus|decline|dire non|n'en veux pas|turn (it )?down|say no|reject)|accepte pas|(don'?t|do not|won'?t) (want|accept|take)/.test(folded)) return 'decline';
  if (/\b(accept|je (le |la )?prends|i'?ll take it|dire oui|say yes)/.test(folded)) return 'accept';
  return undefined;
}


function proposalCard(context: TurnContext, candidature: Candidature) {
  const t = translatorOf(context);
  const language = languageOf(context);
  const decision = candidature.decision!;
  const line = applicationLine(candidature, new Date());
  const title = t('proposal:card.heading', { offer: offerTitle(t, candidature.offer) });
  const lines = [
    decision.rank === 1 ? t('proposal:card.rankFirst') : t('proposal:card.rankLater', { rank: decision.rank }),
    ...(decision.underCondition ? [t('proposal:card.underCondition')] : []),
    t('proposal:card.deadline', { date: formatDate(decision.answerDueDate, language), when: daysFromNow(t)(Math.max(0, line.daysToAnswer ?? 0)) }),
    t('proposal:card.next'),
  ];
  return adaptiveCard({
    body: [{ type: 'TextBlock', text: title, weight: 'Bolder', wrap: true }, ...lines.map((text) => ({ type: 'TextBlock', text, wrap: true }))],
    actions: [
      intentButton(t('proposal:buttons.accept'), 'proposal', { candidatureId: candidature.id, answer: 'accept' }),
      intentButton(t('proposal:buttons.decline'), 'proposal', { candidatureId: candidature.id, answer: 'decline' }),
    ],
    fallbackText: [title, ...lines].join('\n'),
  });
}

async function explainRefusal(context: TurnContext, error: unknown, candidature: Candidature): Promise<void> {
  if (!isServiceError(error)) throw error;
  const t = translatorOf(context);
  const offer = offerTitle(t, candidature.offer);
  const date = formatDate(candidature.decision?.answerDueDate ?? '', languageOf(context));
  if (error.kind === 'Conflict' && error.code === 'DEADLINE_PASSED') return void (await context.sendActivity(t('proposal:deadlinePassed', { date })));
  if (error.kind === 'Conflict' && error.code === 'ALREADY_ANSWERED') return void (await context.sendActivity(t('proposal:alreadyOther', { offer })));
  if (error.kind === 'Conflict' || error.kind === 'NotFound') return void (await context.sendActivity(t('proposal:notProposed', { offer })));
  if (mayHaveGoneThrough(error)) return void (await context.sendActivity(t('proposal:unsure')));
  await context.sendActivity(t('proposal:portalUnavailable'));
}
