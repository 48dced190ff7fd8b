import { ComponentDialog, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import { translatorOf, turnStateOf } from './turn/turnAccess';
import { isServiceError } from '../services/http/errors';
import type { PortalApi } from '../services/portal/portalApi';
import { isValidSiret, normaliseSiret } from '../services/portal/siret';
import { findSirets } from '../services/privacy/detectors/siret';
import { PatientTextPrompt } from './prompts/patientTextPrompt';

const STEPS = 'employer.steps';

/**
 * Right after a link, the employer on file is what did not contribute; from elsewhere, nothing is known
 * yet. A SIRET typed with the question ("mon siret c 842…, on cotise ?") is checked without asking it;
 * `explained` when the rule was just said.
 */
export interface EmployerCheckOptions {
  afterLink?: boolean;
  siret?: string;
  explained?: boolean;
}
const SIRET_PROMPT = 'employer.siret';

/**
 * Checks that the user's employer contributes to Action Logement, from its SIRET (14 digits, Luhn
 * check, La Poste exception), explaining first why it matters. Never decides a rule the portal does not
 * confirm: a non-contributing answer sends the user to HR or Action Logement.
 */
export class EmployerDialog extends ComponentDialog {
  constructor(private readonly portal: PortalApi) {
    super('employerDialog');
    this.addDialog(new PatientTextPrompt(SIRET_PROMPT, async (prompt) => siretTyped(prompt.recognized.value ?? '') !== undefined, undefined, true));
    this.addDialog(new WaterfallDialog(STEPS, [this.askSiretStep.bind(this), this.checkSiretStep.bind(this)]));
    this.initialDialogId = STEPS;
  }

  private async askSiretStep(step: WaterfallStepContext<EmployerCheckOptions>) {
    const t = translatorOf(step.context);
    const typed = step.options?.siret === undefined ? undefined : normaliseSiret(step.options.siret);
    if (typed !== undefined && isValidSiret(typed)) return step.next(typed);
    if (!step.options?.explained && typed === undefined) await step.context.sendActivity(t(step.options?.afterLink ? 'employer:why' : 'employer:whyGeneral'));
    // A SIRET typed that fails its check is said so, rather than asked for as if none was given.
    return step.prompt(SIRET_PROMPT, { prompt: t(typed === undefined ? 'employer:ask' : 'employer:retry'), retryPrompt: t('employer:retry') });
  }

  private async checkSiretStep(step: WaterfallStepContext<EmployerCheckOptions>) {
    const t = translatorOf(step.context);
    try {
      const employer = await this.portal.getEmployer(siretTyped(String(step.result)) ?? normaliseSiret(String(step.result)));
      await step.context.sendActivity(t(employer.eligible ? 'employer:eligible' : 'employer:notEligible', { name: employer.name }));
      // The employer checked now is the user's: applying reads it rather than the request's.
      const user = turnStateOf(step.context).user;
      if (user.link) user.employerContributes = employer.eligible;
      return step.endDialog({ eligible: employer.eligible });
    } catch (error) {
      if (!isServiceError(error)) throw error;
      const unavailable = step.options?.afterLink ? 'employer:unavailable' : 'employer:unavailableGeneral';
      await step.context.sendActivity(t(error.kind === 'NotFound' ? 'employer:unknown' : unavailable));
      return step.endDialog({ eligible: undefined });
    }
  }
}

/** The valid SIRET of an answer: typed alone ("842 159 303 00010") or in a sentence ("oups c 84215930300010"). */
function siretTyped(text: string): string | undefined {
  const alone = normaliseSiret(text);
  if (isValidSiret(alone)) return alone;
  return findSirets(text).find((found) => found.value.valid)?.value.siret;
}
