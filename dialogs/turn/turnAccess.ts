import type { TurnContext } from 'botbuilder';
import { languageOfTurn, translatorFor, type Language, type Translate } from '../i18n';
import type { TurnState } from './turnState';

/** Typed access to what the turn runner puts in the SDK's per-turn bag. */
const TURN_STATE = Symbol('alin.turnState');

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
