import { ComponentDialog, TextPrompt, WaterfallDialog, type WaterfallStepContext } from 'botbuilder-dialogs';
import type { DialogServices } from '../../dialogs/dialogServices';
import { turnStateOf } from '../../dialogs/turn/turnAccess';

/**
 * Small stand-ins for feature dialogs, registered under the route names of dialogs/routes.ts, so the
 * main dialog's routing, interruptions and error handling are tested before the real features exist.
 */

/** Two questions in a row: an interruption can land in the middle. */
export class TwoQuestionsDialog extends ComponentDialog {
  constructor(id = 'eligibilityDialog') {
    super(id);
    this.initialDialogId = 'steps';
    this.addDialog(new TextPrompt('text'));
    this.addDialog(
      new WaterfallDialog('steps', [
        (step) => step.prompt('text', 'Question 1 : combien êtes-vous ?'),
        (step) => {
          (step.values as Record<string, unknown>).persons = step.result;
          return step.prompt('text', 'Question 2 : dans quelle ville ?');
        },
        async (step: WaterfallStepContext) => {
          await step.context.sendActivity(`Réponses : ${(step.values as Record<string, unknown>).persons} à ${step.result}`);
          return step.endDialog();
        },
      ]),
    );
  }
}

/** Changes state, then fails: nothing of the turn may be saved. */
export class FailingDialog extends ComponentDialog {
  constructor(id = 'statusDialog') {
    super(id);
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step) => {
          turnStateOf(step.context).user.language = 'fr';
          (turnStateOf(step.context).conversation as Record<string, unknown>).halfWritten = true;
          await step.context.sendActivity('cette réponse ne doit jamais partir');
          throw new Error('portal exploded while reading NUR 0691124000101GDPUB');
        },
      ]),
    );
  }
}

/** Work slower than the turn budget: answered later, proactively. */
export class SlowWorkDialog extends ComponentDialog {
  constructor(
    private readonly services: DialogServices,
    private readonly delayMs: number,
    id = 'documentsDialog',
  ) {
    super(id);
    this.addDialog(
      new WaterfallDialog('steps', [
        async (step) => {
          await this.services.backgroundWork.answerWithinBudget(
            step.context,
            () => new Promise<string>((resolve) => setTimeout(() => resolve('résultat prêt'), this.delayMs)),
            async (context, result) => void (await context.sendActivity(result)),
            async (context) => void (await context.sendActivity('échec')),
          );
          return step.endDialog();
        },
      ]),
    );
  }
}
