import { asksHowLongTheCodeLasts, asksWhereTheCodeGoes, saysNoAccessToAddress, saysNoNumberYet, saysNotReceived } from './recognizer/answers/answerReader';
import { MessageFactory, type TurnContext } from 'botbuilder';
import { ComponentDialog, WaterfallDialog, type Dialog, type PromptValidatorContext, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { AttemptLimiter } from './ports';
import { languageOf, recognitionOf, translatorOf, turnStateOf } from './turn/turnAccess';
import { isServiceError } from '../services/http/errors';
import { openSealed, seal } from '../services/privacy/sealed';
import type { PortalApi } from '../services/portal/portalApi';
import { subscribeOfferCard } from './cards/notificationCard';
import { formatDate } from './format';
import { answeredYes, yesNoOptions, yesNoPrompt } from './prompts/yesNoPrompt';
import { UniqueNumberPrompt } from './prompts/uniqueNumberPrompt';
import { readEntities } from './recognizer/entities/schemas';
import type { Recognition } from './recognizer/intents';
import { valuesOf } from './stepAccess';
import { PatientTextPrompt } from './prompts/patientTextPrompt';
import { normalizeForMatching } from '../services/shared/normalizeForMatching';
import { saysUnsure } from './recognizer/answers/answerReader';

const STEPS = 'linkNumber.steps';
const CODE_STEPS = 'linkNumber.code';
const CONFIRM = 'linkNumber.confirm';
const NUMBER_PROMPT = 'linkNumber.number';
const CODE_PROMPT = 'linkNumber.code.prompt';
const MAX_SHAPE_RETRIES = 3;
/** A question about the number, or not knowing it, typed at the number prompt. */
const QUESTION_ABOUT_IT = / (?:quoi|koi|ou|comment|pourquoi|sais pas|sait pas|trouve pas|retrouve pas|connais pas|what|where|how|why|don t know|dont know|can t find|cant find) /;

export interface LinkNumberDependencies {
  portal: PortalApi;
  /** Challenges started per chat user, and per number, across replicas. */
  attemptsPerUser: AttemptLimiter;
  attemptsPerNumber: AttemptLimiter;
}

/**
 * Saved with the conversation while the code is awaited: never the number in clear, which is sent to the
 * portal in the turn it was typed. A new code after an expired one needs it again: it is kept sealed
 * (`sealed.ts`); a replica that cannot open it (no shared STATE_SEAL_SECRET) asks the user to type it again.
 */
interface IssuedChallenge {
  challengeId: string;
  maskedDestination: string;
}

interface CodeLoopState {
  sealedNur: string;
  challengeId: string;
  /** Where the code went, masked ("j***@e***.fr"), for "je le reçois où ? par sms ?". */
  destination?: string;
}

function codeLoop(nur: string, challenge: IssuedChallenge): CodeLoopState {
  return { sealedNur: seal(nur), challengeId: challenge.challengeId, destination: challenge.maskedDestination };
}

/** Ends with `{ linked: true }` when the link was made. */
export class LinkNumberDialog extends ComponentDialog {
  constructor(
    private readonly deps: LinkNumberDependencies,
    employerCheck: Dialog,
  ) {
    super('linkNumberDialog');
    this.addDialog(employerCheck);
    this.addDialog(yesNoPrompt(CONFIRM));
    this.addDialog(new UniqueNumberPrompt(NUMBER_PROMPT, (prompt) => this.validateNumber(prompt)));
    this.addDialog(new PatientTextPrompt(CODE_PROMPT, async (prompt) => validateCode(prompt), 'answers.codeHelp', true));
    this.addDialog(
      new WaterfallDialog(STEPS, [this.checkExistingLinkStep.bind(this), this.askNumberStep.bind(this), this.sendCodeStep.bind(this), this.endStep.bind(this)]),
    );
    this.addDialog(
      new WaterfallDialog(CODE_STEPS, [this.askCodeStep.bind(this), this.verifyCodeStep.bind(this), this.newCodeStep.bind(this), this.numberAgainStep.bind(this)]),
    );
    this.initialDialogId = STEPS;
  }

  private async checkExistingLinkStep(step: WaterfallStepContext<Recognition>) {
    const link = turnStateOf(step.context).user.link;
    if (!link) return step.next();
    const t = translatorOf(step.context);
    const question = t('link:alreadyLinked', { maskedNur: link.maskedNur, date: formatDate(link.linkedAt, languageOf(step.context)) });
    return step.prompt(CONFIRM, yesNoOptions(t, question));
  }

  private async askNumberStep(step: WaterfallStepContext<Recognition>) {
    const link = turnStateOf(step.context).user.link;
    const t = translatorOf(step.context);
    if (link && !answeredYes(step.result)) {
      await step.context.sendActivity(t('link:notChanged', { maskedNur: link.maskedNur }));
      return step.endDialog({ linked: true });
    }
    // "mon numéro c'est 069 1124 000101 gdpub": the number may come with the request itself. The options
    // keep it masked; in clear it is only in this turn's recognition, in the turn it was typed.
    const said = step.options?.entities ? readEntities(step.options.entities).uniqueNumber : undefined;
    const given = said ? readEntities(recognitionOf(step.context)?.entities ?? {}).uniqueNumber : undefined;
    if (given) return step.next(given);
    await step.context.sendActivity(t('link:explain'));
    return step.prompt(NUMBER_PROMPT, { prompt: t('link:askNumber'), retryPrompt: t('link:badShape') });
  }

  private async sendCodeStep(step: WaterfallStepContext<Recognition>) {
    // The number, in canonical form: given with the request, or the number prompt's answer.
    const nur = typeof step.result === 'string' ? step.result : undefined;
    if (!nur) {
      const noNumberYet = saysNoNumberYet(step.context.activity.text ?? '');
      await step.context.sendActivity(translatorOf(step.context)(noNumberYet ? 'link:noNumberYet' : 'link:giveUpShape'));
      return step.endDialog({ linked: false });
    }
    const challenge = await this.startChallenge(step, nur);
    if (!challenge) return step.endDialog({ linked: false });
    return step.beginDialog(CODE_STEPS, codeLoop(nur, challenge));
  }

  private async endStep(step: WaterfallStepContext<Recognition>) {
    return step.endDialog(step.result ?? { linked: false });
  }

  private async askCodeStep(step: WaterfallStepContext<CodeLoopState>) {
    const t = translatorOf(step.context);
    return step.prompt(CODE_PROMPT, { prompt: t('link:askCode'), retryPrompt: t('link:badCode'), validations: { destination: step.options.destination } });
  }

  private async verifyCodeStep(step: WaterfallStepContext<CodeLoopState>) {
    const t = translatorOf(step.context);
    const code = sixDigits(String(step.result))!;
    try {
      const { applicantId } = await this.deps.portal.verifyLinkChallenge(step.options.challengeId, code);
      const applicant = await this.deps.portal.getApplicant(applicantId);
      const from = step.context.activity.from;
      const tenantId = (step.context.activity.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
      const user = turnStateOf(step.context).user;
      // Notifications were about the request linked before, if any: they are offered again for this one.
      if (user.link?.applicantId !== applicantId) delete user.notifications;
      user.link = {
        applicantId,
        maskedNur: applicant.maskedNur,
        linkedAt: new Date().toISOString(),
        // A Teams employee's Entra identity stays with the link (ARCHITECTURE.md "Identity").
        employee: from?.aadObjectId ? { aadObjectId: from.aadObjectId, tenantId } : undefined,
      };
      await step.context.sendActivity(t('link:linked', { firstName: applicant.firstName, maskedNur: applicant.maskedNur }));
      // AL-in is for employees of contributing companies: when the employer on file is not one, check the current one.
      user.employerContributes = applicant.employer.eligible;
      if (!applicant.employer.eligible) {
        valuesOf<{ linked?: boolean }>(step).linked = true;
        return step.beginDialog('employerDialog', { afterLink: true });
      }
      await offerNotifications(step.context);
      return step.endDialog({ linked: true });
    } catch (error) {
      if (!isServiceError(error)) throw error;
      switch (error.kind) {
        case 'BadRequest':
          if (error.attemptsLeft !== undefined && error.attemptsLeft > 0) {
            await step.context.sendActivity(t('link:wrongCode', { count: error.attemptsLeft }));
            return step.replaceDialog(CODE_STEPS, step.options);
          }
          await step.context.sendActivity(t('link:locked'));
          return step.endDialog({ linked: false });
        case 'Locked':
          await step.context.sendActivity(t('link:locked'));
          return step.endDialog({ linked: false });
        case 'Gone':
        case 'NotFound':
          return step.prompt(CONFIRM, yesNoOptions(t, t('link:expired')));
        default:
          await step.context.sendActivity(t('link:portalUnavailable'));
          return step.endDialog({ linked: false });
      }
    }
  }

  /** After an expired code: a new one on request. (After the employer check, the link is already made.) */
  private async newCodeStep(step: WaterfallStepContext<CodeLoopState>) {
    if (valuesOf<{ linked?: boolean }>(step).linked) {
      await offerNotifications(step.context);
      return step.endDialog({ linked: true });
    }
    if (!answeredYes(step.result)) {
      await step.context.sendActivity(translatorOf(step.context)('link:notLinked'));
      return step.endDialog({ linked: false });
    }
    const nur = openSealed(step.options.sealedNur);
    if (!nur) {
      const t = translatorOf(step.context);
      return step.prompt(NUMBER_PROMPT, { prompt: t('link:askNumberAgain'), retryPrompt: t('link:badShape') });
    }
    return this.sendNewCode(step, nur);
  }

  /** The number typed again, when this process had not sealed it. */
  private async numberAgainStep(step: WaterfallStepContext<CodeLoopState>) {
    const nur = typeof step.result === 'string' ? step.result : undefined;
    if (nur) return this.sendNewCode(step, nur);
    await step.context.sendActivity(translatorOf(step.context)('link:giveUpShape'));
    return step.endDialog({ linked: false });
  }

  private async sendNewCode(step: WaterfallStepContext<CodeLoopState>, nur: string) {
    const challenge = await this.startChallenge(step, nur);
    if (!challenge) return step.endDialog({ linked: false });
    return step.replaceDialog(CODE_STEPS, codeLoop(nur, challenge));
  }

  /** Asks the portal to send a code; the same words whether the number exists or not. */
  private async startChallenge(step: WaterfallStepContext<object>, nur: string): Promise<IssuedChallenge | undefined> {
    const t = translatorOf(step.context);
    const { channelId, from } = step.context.activity;
    for (const verdict of [
      await this.deps.attemptsPerUser.consume(`${channelId}:${from?.aadObjectId ?? from?.id}`),
      await this.deps.attemptsPerNumber.consume(nur),
    ]) {
      if (!verdict.allowed) {
        await step.context.sendActivity(t('link:tooManyAttempts', { count: verdict.retryAfterMinutes }));
        return undefined;
      }
    }
    try {
      const challenge = await this.deps.portal.startLinkChallenge(nur);
      await step.context.sendActivity(t('link:codeSent', { destination: challenge.maskedDestination }));
      return { challengeId: challenge.challengeId, maskedDestination: challenge.maskedDestination };
    } catch (error) {
      if (!isServiceError(error)) throw error;
      await step.context.sendActivity(t(error.kind === 'BadRequest' ? 'link:badShape' : 'link:portalUnavailable'));
      return undefined;
    }
  }

  private async validateNumber(prompt: PromptValidatorContext<string>): Promise<boolean> {
    if (prompt.recognized.succeeded) return true;
    // "j'ai pas encore de numéro", "I don't have a number yet": nothing to ask again; the next step says how to get one.
    if (saysNoNumberYet(prompt.context.activity.text ?? '')) return true;
    // "c'est quoi ce numéro ?", "où je le trouve ?", "jsais pas", "je l'ai pas sous la main": what it is and
    // where it is, then the question.
    const t = translatorOf(prompt.context);
    const text = prompt.context.activity.text ?? '';
    prompt.options.retryPrompt = QUESTION_ABOUT_IT.test(` ${normalizeForMatching(text)} `) || text.includes('?') || saysUnsure(text) ? `${t('link:explain')}\n\n${t('link:askNumber')}` : t('link:badShape');
    // After a few tries, let the dialog explain where to find the number instead of asking forever.
    return prompt.attemptCount >= MAX_SHAPE_RETRIES;
  }
}


async function validateCode(prompt: PromptValidatorContext<string>): Promise<boolean> {
  const text = prompt.recognized.value ?? '';
  if (sixDigits(text) !== undefined) return true;
  const t = translatorOf(prompt.context);
  const destination = (prompt.options.validations as { destination?: string } | undefined)?.destination;
  // "j'ai rien reçu", "where do I get the code?": where to look, instead of "the code has 6 digits".
  // "j'ai plus accès à cette adresse, c'est quoi l'adresse complète ?": never shown in full; where to change it.
  // "je le reçois où le code ? par sms ?": where it was sent, and where to look.
  prompt.options.retryPrompt = saysNoAccessToAddress(text)
    ? t('link:noAccessToAddress')
    : asksWhereTheCodeGoes(text) && destination
      ? `${t(destination.includes('@') ? 'link:codeSentToEmail' : 'link:codeSentTo', { destination })} ${t('link:codeNotReceived')}`
      : saysNotReceived(text) || asksHowLongTheCodeLasts(text)
        ? t('link:codeNotReceived')
        : t('link:badCode');
  return false;
}

/** Once linked, notifications are offered with two buttons; the user may just carry on. */
async function offerNotifications(context: TurnContext): Promise<void> {
  if (turnStateOf(context).user.notifications?.enabled) return;
  await context.sendActivity(MessageFactory.attachment(subscribeOfferCard(translatorOf(context))));
}

/** The code: six digits typed alone ("123 456"), or the one run of six digits in a sentence ("ok le code c'est 999999"). */
function sixDigits(text: string | undefined): string | undefined {
  const digits = (text ?? '').replace(/[\s.-]/g, '');
  if (/^\d{6}$/.test(digits)) return digits;
  const runs = (text ?? '').match(/\d+(?:[ .]\d+)*/g) ?? [];
  const [only] = runs;
  const inSentence = runs.length === 1 && only ? only.replace(/[ .]/g, '') : '';
  return /^\d{6}$/.test(inSentence) ? inSentence : undefined;
}

