import { SpanKind, trace, type Attributes } from '@opentelemetry/api';
import type { TurnContext } from 'botbuilder';
import { isIntent } from '../../dialogs/recognizer/intents';
import { recognitionOf } from '../../dialogs/turn/turnAccess';
import { turnReportOf } from '../../dialogs/turn/turnReport';
import { inSpan } from '../../services/shared/tracing';
import { channelLabel } from '../metrics/botMetrics';
import type { TurnRefusal } from '../turn/turnLimits';

type Turn = (context: TurnContext) => Promise<void>;

/** Activity types a label may take; anyone can post any type, the others are `other`. */
const KNOWN_ACTIVITY_TYPES = new Set(['message', 'conversationUpdate', 'invoke', 'event', 'installationUpdate', 'messageReaction', 'typing', 'endOfConversation']);

/**
 * The turn as one span (`alin.turn`, a request in Application Insights), around everything the turn
 * does: the rate limit, the conversation lock, the state, the dialogs (the recognizer and the portal
 * calls are its children). Its attributes say what the turn was and how it ended, from the turn report
 * the dialogs fill: channel, activity type, intent and score, dialog, outcome — not a word of the message.
 */
export function traceTurns(turn: Turn): Turn {
  return (context) =>
    inSpan('alin.turn', { kind: SpanKind.SERVER, attributes: { 'alin.channel': channelLabel(context.activity.channelId), 'alin.activity.type': activityTypeLabel(context.activity.type) } }, async (span) => {
      try {
        await turn(context);
      } finally {
        if (span.isRecording()) span.setAttributes(reportAttributes(context));
      }
    });
}

/** For the rate limiter's hook: the turn's span says it was refused (and by which limit). */
export function markTurnRefused(refusal: TurnRefusal): void {
  trace.getActiveSpan()?.setAttribute('alin.rate_limited', refusal);
}

function reportAttributes(context: TurnContext): Attributes {
  const report = turnReportOf(context);
  // Before every dialog reports, the recognition the main dialog kept says the intent all the same.
  const recognition = recognitionOf(context);
  const intent = report.intent ?? recognition?.intent;
  const score = report.score ?? recognition?.score;
  const attributes: Attributes = {};
  if (isIntent(intent)) attributes['alin.intent'] = intent;
  if (typeof score === 'number') attributes['alin.intent.score'] = Math.round(score * 1000) / 1000;
  if (report.dialog && /^[A-Za-z][\w.-]{0,63}$/.test(report.dialog)) attributes['alin.dialog'] = report.dialog;
  if (report.outcome) attributes['alin.outcome'] = report.outcome;
  return attributes;
}

function activityTypeLabel(type: string | undefined): string {
  return type && KNOWN_ACTIVITY_TYPES.has(type) ? type : 'other';
}
