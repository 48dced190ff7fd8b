import { EventFactory, MessageFactory, type Activity, type Transcript, type TurnContext } from 'botbuilder';
import { ComponentDialog, TextPrompt, WaterfallDialog, type DialogContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import { normalizeForMatching } from '../services/shared/normalizeForMatching';
import { asksForAPerson } from './recognizer/answers/answerReader';
import { reportOutcome } from './turn/turnReport';
import { translatorFor } from './i18n';
import { languageOf, translatorOf, turnStateOf } from './turn/turnAccess';
import type { HelpdeskApi } from '../services/helpdesk/helpdeskApi';
import { isServiceError } from '../services/http/errors';
import { redactText } from '../services/privacy/redact';
import { ticketCategoryOf } from '../services/triage/ticketFields';
import { triage, type Triage } from '../services/triage/triage';
import { PROOF_OF_SITUATION } from './knowledge/knowledgeReply';
import { rememberTopic, type AnswersFollowUps, type FollowUpAnswer, type Topic } from './followUps/lastTopic';
import type { FollowUpKind } from './recognizer/followUpQuestion';
import type { TicketAnnouncer } from './ports';
import { quotedUserText } from './quotedText';
import { emergencyNumbersText } from './cards/emergencyNumbers';
import { answeredYes, yesNoOptions, yesNoPrompt } from './prompts/yesNoPrompt';
import type { Recognition } from './recognizer/intents';
import { triageHints } from './recognizer/triageHints';
import { isInsultHandled } from './recognizer/insult';
import { valuesOf } from './stepAccess';
import { isInterruption, urgentTaskOf } from './urgentHandoff';
import { rememberTaskAfterHelp, resumeTaskCard } from './resumedTask';
import { audienceContext, whenSomeoneAnswers } from './helpdeskAvailability';

const STEPS = 'helpdesk.steps';
const CONFIRM = 'helpdesk.confirm';
const SUBJECT = 'helpdesk.subject';
/** What an agent reads first: the last few user messages, redacted and shortened. */
const SUMMARY_MESSAGES = 3;

interface HelpdeskValues {
  triage: Triage;
  /** A button, a person asked for in words, a complaint: not a guess from a story. */
  asked: boolean;
  /** Nothing said yet of what it is about: asked once before the ticket. */
  needsSubject: boolean;
  /** The person already said yes (after a calm answer to anger). */
  confirmed?: boolean;
}

/** What the user said in this conversation, oldest first, and the message being answered. */
function userMessages(context: TurnContext, latest: string): string[] {
  const said = turnStateOf(context).conversation.transcript.filter((line) => line.from === 'user').map((line) => line.text);
  return [...said, latest].filter(Boolean);
}

/** Words that tell what a request for a person is about (stems, whole-word starts). */
const SUBJECT_WORDS =
  /(?:^| )(?:dossier|demande|candidat|avis|impot|imposition|caf|apl|bail|enfant|bebe|divorce|separation|handicap|tax|logement|appart|offre|reponse|rappel|attend|attente|numero|nur|nud|eligib|plafond|papier|piece|document|justificatif|expuls|loyer|bailleur|proprio|commission|refus|compte|employeur|siret|salaire|revenu|renouvel|radi|expir|mois|semaine|annul|retir|alerte|notification|donnee|file|request|application|housing|flat|apartment|offer|answer|waiting|call|number|landlord|rent|renew|expired|account|employer|income|data|weeks?|months?)/;

/** "je veux parler à quelqu'un", "un conseiller svp", an insult: a person asked for, nothing said of why. */
function tellsNoSubject(text: string): boolean {
  return !SUBJECT_WORDS.test(normalizeForMatching(text));
}

/**
 * "Parler à un conseiller", a complaint, or an urgent story: triage, the emergency numbers first when
 * urgent, a confirmation, then a ticket with a summary an agent can act on, the redacted transcript and
 * the applicant reference (never the number), and the handoff event for a contact-centre hub.
 */
export class HelpdeskDialog extends ComponentDialog implements AnswersFollowUps {
  constructor(
    private readonly helpdesk: HelpdeskApi,
    private readonly announcer: TicketAnnouncer,
    private readonly now: () => Date = () => new Date(),
  ) {
    super('helpdeskDialog');
    this.addDialog(yesNoPrompt(CONFIRM));
    this.addDialog(new TextPrompt(SUBJECT));
    this.addDialog(new WaterfallDialog(STEPS, [this.triageStep.bind(this), this.subjectStep.bind(this), this.confirmStep.bind(this), this.ticketStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async triageStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    const result = triage({ messages: userMessages(step.context, step.options.text), ...triageHints([step.options]) });
    const pressed = step.context.activity.value !== undefined;
    const calm = isInsultHandled(step.options);
    const values = valuesOf<HelpdeskValues>(step);
    Object.assign(values, {
      triage: result,
      asked: pressed || step.options.intent === 'complaint' || asksForAPerson(step.options.text),
      // "Je veux parler à quelqu'un", the menu's button: what it is about is asked once, for the agent.
      needsSubject: result.urgency !== 'urgent' && (pressed || tellsNoSubject(step.options.text)),
    } satisfies Partial<HelpdeskValues>);
    const numbers = emergencyNumbersText(t, result.emergencyNumbers, result.reasons);
    if (numbers) await step.context.sendActivity(numbers);
    // Anger at the assistant: a calm sentence, the words never repeated, a person offered first.
    if (calm) return step.prompt(CONFIRM, yesNoOptions(t, t('helpdesk:confirmCalm')));
    return step.next();
  }

  private async subjectStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<HelpdeskValues>(step);
    const t = translatorOf(step.context);
    if (step.result !== undefined) {
      if (!answeredYes(step.result)) {
        await step.context.sendActivity(t('helpdesk:notSent'));
        return this.endTowardsTheTask(step);
      }
      values.confirmed = true;
    }
    if (!values.needsSubject) return step.next();
    return step.prompt(SUBJECT, { prompt: t('helpdesk:askSubject') });
  }

  private async confirmStep(step: WaterfallStepContext<Recognition>) {
    const values = valuesOf<HelpdeskValues>(step);
    const t = translatorOf(step.context);
    if (typeof step.result === 'string') {
      // The subject may tell what the first message did not (an eviction, a complaint): triaged again.
      values.triage = triage({ messages: userMessages(step.context, step.result), ...triageHints([step.options]) });
      const numbers = values.triage.urgency === 'urgent' ? emergencyNumbersText(t, values.triage.emergencyNumbers, values.triage.reasons) : undefined;
      if (numbers) await step.context.sendActivity(numbers);
    }
    if (values.confirmed) return step.next({ value: 'yes' });
    // "il faut quoi comme preuves ?" while the ticket waits for a yes: the proof of the situation told.
    rememberTopic(step.context, { owner: this.id, name: 'situation', facts: { reasons: values.triage.reasons.join(',') } });
    return step.prompt(CONFIRM, yesNoOptions(t, t(values.triage.urgency === 'urgent' ? 'helpdesk:confirmUrgent' : 'helpdesk:confirm', audienceContext(step.context))));
  }

  /** "il faut quoi comme preuves ?" after telling one's situation: the documents that prove it (FACTS.md § Documents). */
  async answerFollowUp(_context: TurnContext, topic: Topic, kind: FollowUpKind): Promise<FollowUpAnswer> {
    if (topic.name !== 'situation' || (kind !== 'proof' && kind !== 'which')) return undefined;
    const reasons = String(topic.facts.reasons ?? '').split(',');
    const entry = PROOF_OF_SITUATION.find(([reason]) => reasons.includes(reason))?.[1];
    return entry ? { knowledgeEntry: entry } : undefined;
  }

  /**
   * Sent or not, the person is brought back to what they came for: the step of the task this interrupted
   * (asked again by that task when this ends), or the task their urgent message also asked, as a button.
   */
  private async endTowardsTheTask(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    const task = urgentTaskOf(step.options);
    if (isInterruption(step.options)) await step.context.sendActivity(t('helpdesk:resume.step'));
    else if (task) {
      rememberTaskAfterHelp(turnStateOf(step.context).conversation, step.options, task);
      await step.context.sendActivity(MessageFactory.attachment(resumeTaskCard(t, task)));
    }
    return step.endDialog();
  }

  private async ticketStep(step: WaterfallStepContext<Recognition>) {
    const t = translatorOf(step.context);
    if (!answeredYes(step.result)) {
      await step.context.sendActivity(t('helpdesk:notSent'));
      return this.endTowardsTheTask(step);
    }
    const result = valuesOf<HelpdeskValues>(step).triage;
    const state = turnStateOf(step.context);
    const language = languageOf(step.context);
    const transcript = state.conversation.transcript.map((line) => ({ from: line.from, text: redactText(line.text).slice(0, 2000), at: line.at }));
    const urgency = result.urgency === 'urgent' ? 'urgent' : 'normal';
    const summary = summaryFor(step.context, result);
    try {
      const { ticketId } = await this.helpdesk.createTicket({
        category: ticketCategoryOf(result),
        urgency,
        summary,
        language,
        transcript,
        applicantRef: state.user.link?.applicantId ?? null,
      });
      state.conversation.handoff = { ticketId, since: new Date().toISOString() };
      reportOutcome(step.context, urgency === 'urgent' ? 'urgentTicket' : 'handoff');
      await step.context.sendActivity(t(result.urgency === 'urgent' ? 'helpdesk:sentUrgent' : 'helpdesk:sent', { ticketId, when: whenSomeoneAnswers(step.context, this.now(), urgency === 'urgent') }));
      await step.context.sendActivity(handoffEvent(step.context, ticketId, result, transcript));
      await this.announcer.ticketOpened(step.context, { ticketId, urgency, summary });
    } catch (error) {
      if (!isServiceError(error)) throw error;
      await step.context.sendActivity(t('helpdesk:unavailable', audienceContext(step.context)));
    }
    return this.endTowardsTheTask(step);
  }
}

/**
 * Whether the helpdesk conversation in progress was asked for — a button, a person asked in words, a
 * complaint — rather than guessed from a story: then what the person says next is the ticket's subject,
 * never a new request. `dc` is the dialog context whose child is this dialog.
 */
export function helpdeskWasAsked(dc: DialogContext): boolean {
  const steps = dc.child?.child?.stack.find((instance) => instance.id === STEPS);
  return (steps?.state as { values?: Partial<HelpdeskValues> } | undefined)?.values?.asked !== false;
}

/** Thirty seconds for an agent: priority and why, the linked request (masked), the last messages. */
function summaryFor(context: TurnContext, result: Triage): string {
  // The agent's language is French: the summary is written in French whatever the user's language.
  const t = translatorFor('fr');
  const state = turnStateOf(context);
  const lastMessages = state.conversation.transcript
    .filter((line) => line.from === 'user')
    .slice(-SUMMARY_MESSAGES)
    .map((line) => `« ${quotedUserText(line.text, 200)} »`);
  // Plain text only: the summary is posted to the helpdesk's Teams channel, where markdown would render.
  const current = context.activity.text ? [`« ${quotedUserText(context.activity.text, 200)} »`] : [];
  return [
    `${t(`helpdesk:summary.urgency.${result.urgency}`)} · ${result.category}`,
    result.reasons.length > 0 ? `${t('helpdesk:summary.reasons')} : ${result.reasons.join(', ')}` : '',
    t('helpdesk:summary.model', { label: result.model.label, score: result.model.score.toFixed(2) }),
    state.user.link ? t('helpdesk:summary.linked', { maskedNur: state.user.link.maskedNur }) : t('helpdesk:summary.notLinked'),
    `${t('helpdesk:summary.lastMessages')} : ${[...lastMessages, ...current].slice(-SUMMARY_MESSAGES).join(' ')}`,
  ]
    .filter(Boolean)
    .join('\n')
    .slice(0, 1000);
}

/** Bot Framework's handoff initiation, for a contact-centre hub; channels without one ignore it. */
function handoffEvent(context: TurnContext, ticketId: string, result: Triage, lines: { from: 'user' | 'bot'; text: string; at: string }[]): Partial<Activity> {
  const activities = lines.map((line) => MessageFactory.text(line.text) as Activity);
  return EventFactory.createHandoffInitiation(context, { ticketId, category: result.category, urgency: result.urgency, reasons: result.reasons }, { activities } satisfies Transcript);
}
