import type { TurnContext } from 'botbuilder';
import { languageOfTurn, translatorFor, type Language, type Translate } from '../i18n';
import type { Recognition } from '../recognizer/intents';
import type { TurnState } from './turnState';

/** Typed access to what the turn runner puts in the SDK's per-turn bag. */
const TURN_STATE = Symbol('alin.turnState');
/** What the main dialog recognised in this turn's message, once, for every dialog and prompt to read. */
const RECOGNITION = Symbol('alin.recognition');

export function attachTurnState(context: TurnContext, state: TurnState): void {
  context.turnState.set(TURN_STATE, state);
}

export function detachTurnState(context: TurnContext): void {
  context.turnState.delete(TURN_STATE);
}

export function turnStateOf(context: TurnContext): TurnState {
  const state = context.turnState.get(TURN_STATE) as TurnState | undefined;
  if (!state) throw new Error('turn state not loaded: the turn did not go through the TurnRunner');
  return state;
}

export function optionalTurnStateOf(context: TurnContext): TurnState | undefined {
  return context.turnState.get(TURN_STATE) as TurnState | undefined;
}

export function languageOf(context: TurnContext): Language {
  return languageOfTurn(context.activity.locale, optionalTurnStateOf(context)?.user.language);
}

export function translatorOf(context: TurnContext): Translate {
  return translatorFor(languageOf(context));
}

export function rememberRecognition(context: TurnContext, recognition: Recognition): void {
  context.turnState.set(RECOGNITION, recognition);
}

/** What was recognised in this turn's message (undefined before the main dialog ran the recognizer). */
export function recognitionOf(context: TurnContext): Recognition | undefined {
  return context.turnState.get(RECOGNITION) as Recognition | undefined;
}
