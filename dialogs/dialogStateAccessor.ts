import type { StatePropertyAccessor, TurnContext } from 'botbuilder';
import type { DialogState } from 'botbuilder-dialogs';
import { turnStateOf } from './turn/turnAccess';

/** The dialog stack lives in the conversation document the turn runner loaded and will save. */
export const dialogStateAccessor: StatePropertyAccessor<DialogState> = {
  async get(context: TurnContext, defaultValue?: DialogState): Promise<DialogState> {
    const conversation = turnStateOf(context).conversation;
    if (conversation.dialogState === undefined && defaultValue !== undefined) conversation.dialogState = defaultValue;
    return conversation.dialogState as DialogState;
  },
  async set(context: TurnContext, value: DialogState): Promise<void> {
    turnStateOf(context).conversation.dialogState = value;
  },
  async delete(context: TurnContext): Promise<void> {
    delete turnStateOf(context).conversation.dialogState;
  },
};
