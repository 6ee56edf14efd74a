import { Link } from 'react-router';
import type { IssueEvent } from '../../../api/models';
import { useOrganization } from '../../organization/api';
import { useTraceEvents } from '../../performance/api';
import { ErrorState, Loading } from '../../../ui/states/StateViews';

/** The trace id an event carries in its trace context, if any. */
export function traceIdOf(event: IssueEvent): string | undefined {
  const trace = event.contexts?.trace;
  const id = trace?.trace_id;
  return typeof id === 'string' && id ? id : undefined;
}

function duration(ms: number): string {
  return ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`;
}

/**
 * The event's trace: a link to its waterfall and the trace's other events — the transactions of
 * every project in it and the other errors — each linked to where it is shown.
 */
export function TraceEvents({ event }: { event: IssueEvent }) {
  const traceId = traceIdOf(event);
  return traceId ? <TraceCard event={event} traceId={traceId} /> : null;
}

function TraceCard({ event, traceId }: { event: IssueEvent; traceId: string }) {
  const org = useOrganization().data?.slug;
  const trace = useTraceEvents(org, traceId);
  const traceLink = `/performance/trace/${traceId}?error=${encodeURIComponent(event.eventID)}`;
  const others = trace.data?.errors.filter((error) => error.event_id !== event.eventID && error.event_id !== event.id) ?? [];
  const transactions = trace.data?.transactions ?? [];
  return (
    <section className="card" aria-label="Trace">
      <div className="card-header">
        <h2>Trace</h2>
        <Link to={traceLink} className="button button-small">
          View trace <span className="mono">{traceId.slice(0, 8)}</span>
        </Link>
      </div>
      {trace.isPending ? (
        <Loading label="Loading the trace…" />
      ) : trace.isError ? (
        <ErrorState error={trace.error} onRetry={() => trace.refetch()} />
      ) : transactions.length === 0 && others.length === 0 ? (
        <p className="muted">
          No other events of this trace are stored: its transactions appear here when the SDKs have tracing on
          (tracesSampleRate above zero).
        </p>
      ) : (
        <ul className="trace-event-list" data-testid="trace-events">
          {transactions.map((span) => (
            <li key={`t-${span.event_id}`}>
              <span className="badge">transaction</span>{' '}
              <Link to={`/performance/trace/${traceId}?span=${encodeURIComponent(span.event_id)}`}>
                {span.transaction ?? span.description ?? span.op}
              </Link>{' '}
              <span className="muted small">
                {span.project_slug} · {span.op} · {duration(span.duration)}
              </span>
            </li>
          ))}
          {others.map((error) => (
            <li key={`e-${error.event_id}`}>
              <span className="badge badge-error">error</span>{' '}
              <Link to={`/issues/${error.issue_id}?event=${encodeURIComponent(error.event_id)}`}>
                {error.description || error.culprit || error.event_id}
              </Link>{' '}
              <span className="muted small">
                {error.project_slug}
                {error.short_id ? ` · ${error.short_id}` : ''}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
