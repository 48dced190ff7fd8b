import { SpanKind } from '@opentelemetry/api';
import { inSpan } from '../../services/shared/tracing';

/**
 * Background work as the root of a trace of its own (`alin.job`, a request in Application Insights): a
 * queued notification, the daily dossier check, a pass over the saved searches. Its portal calls and
 * proactive messages are its children. `name` is the job's name in code, never its payload.
 */
export function inJobSpan<T>(name: string, work: () => Promise<T>, attributes: Record<string, number> = {}): Promise<T> {
  return inSpan('alin.job', { kind: SpanKind.CONSUMER, root: true, attributes: { 'alin.job.name': name, ...attributes } }, work);
}
