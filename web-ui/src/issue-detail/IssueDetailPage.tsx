import { useState, type ReactNode } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import type { IssueStatus } from '../api/models';
import { useIssue, useIssueEvent, useIssueEvents, useUpdateIssueStatus } from '../api/queries';
import { ErrorState, Loading } from '../components/StateViews';
import { RelativeTime } from '../components/RelativeTime';
import { TimeSeriesChart } from '../components/TimeSeriesChart';
import { compactNumber } from '../components/format';
import { EventDetails } from './EventDetails';

export function IssueDetailPage() {
  const { issueId } = useParams();
  const [params, setParams] = useSearchParams();
  const eventId = params.get('event') ?? 'latest';
  const issue = useIssue(issueId);
  const event = useIssueEvent(issueId, eventId);

  if (issue.isPending) {
    return <Loading label="Loading the issue…" />;
  }
  if (issue.isError) {
    return <ErrorState error={issue.error} onRetry={() => issue.refetch()} />;
  }
  const data = issue.data;
  return (
    <section className="page">
      <p className="breadcrumb-nav">
        <Link to={`/issues?project=${data.project.slug}`}>{data.project.name}</Link> / <span className="mono">{data.shortId}</span>
      </p>
      <div className="page-header issue-header">
        <div className="issue-heading">
          <h1>
            <span className={`level level-${data.level}`} aria-hidden="true" /> {data.title}
          </h1>
          {data.culprit && <p className="culprit mono">{data.culprit}</p>}
        </div>
        <StatusActions issueId={data.id} status={data.status as IssueStatus} />
      </div>
      <div className="stats-row">
        <Stat label="Status" value={<span className={`badge status-${data.status}`}>{data.status}</span>} />
        <Stat label="Events" value={compactNumber(data.count)} />
        <Stat label="Users" value={compactNumber(data.userCount)} />
        <Stat label="First seen" value={<RelativeTime date={data.firstSeen} />} />
        <Stat label="Last seen" value={<RelativeTime date={data.lastSeen} />} />
        <Stat label="Level" value={data.level} />
      </div>
      <IssueChart stats={data.stats} />
      <div className="event-nav-bar">
        <h2>{eventId === 'latest' ? 'Latest event' : eventId === 'oldest' ? 'Oldest event' : 'Event'}</h2>
        {event.data && (
          <EventNavigation
            issueId={data.id}
            eventId={event.data.eventID}
            previous={event.data.previousEventID}
            next={event.data.nextEventID}
            go={(target) => setParams(target === 'latest' ? {} : { event: target })}
          />
        )}
      </div>
      {event.isPending ? (
        <Loading label="Loading the event…" />
      ) : event.isError ? (
        <ErrorState error={event.error} onRetry={() => event.refetch()} />
      ) : (
        <EventDetails event={event.data} />
      )}
    </section>
  );
}

function Stat({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="stat">
      <div className="stat-label muted small">{label}</div>
      <div className="stat-value">{value}</div>
    </div>
  );
}

function IssueChart({ stats }: { stats?: Record<string, Array<[number, number]>> }) {
  const order = ['24h', '14d', '30d'];
  const rank = (key: string) => (order.includes(key) ? order.indexOf(key) : order.length);
  const periods = Object.keys(stats ?? {})
    .filter((key) => (stats![key]?.length ?? 0) > 0)
    .sort((a, b) => rank(a) - rank(b));
  const [period, setPeriod] = useState(periods.includes('24h') ? '24h' : periods[0]);
  if (!stats || periods.length === 0) {
    return null;
  }
  const current = periods.includes(period) ? period : periods[0];
  return (
    <section className="card" aria-label="Events over time">
      <div className="card-header">
        <h2>Events over time</h2>
        <div className="segmented" role="group" aria-label="Period">
          {periods.map((p) => (
            <button key={p} type="button" className={p === current ? 'tab tab-active' : 'tab'} onClick={() => setPeriod(p)}>
              {p}
            </button>
          ))}
        </div>
      </div>
      <TimeSeriesChart series={stats[current]} height={140} />
    </section>
  );
}

export function StatusActions({ issueId, status }: { issueId: string; status: IssueStatus }) {
  const update = useUpdateIssueStatus(issueId);
  const button = (target: IssueStatus, label: string, primary = false) => (
    <button
      type="button"
      className={primary ? 'button button-primary' : 'button'}
      disabled={update.isPending}
      onClick={() => update.mutate(target)}
    >
      {label}
    </button>
  );
  return (
    <div className="actions">
      {status === 'unresolved' ? (
        <>
          {button('resolved', 'Resolve', true)}
          {button('ignored', 'Ignore')}
        </>
      ) : (
        button('unresolved', status === 'resolved' ? 'Unresolve' : 'Stop ignoring', true)
      )}
      {update.error && (
        <p className="form-error" role="alert">
          Could not change the status: {update.error.message}
        </p>
      )}
    </div>
  );
}

/**
 * Older / newer event links. Uses the event's previousEventID/nextEventID when the server sends
 * them, otherwise the issue's event list (newest first).
 */
function EventNavigation(props: {
  issueId: string;
  eventId: string;
  previous?: string | null;
  next?: string | null;
  go: (target: string) => void;
}) {
  const linked = !!props.previous || !!props.next;
  const events = useIssueEvents(linked ? undefined : props.issueId);
  let previous = props.previous ?? null;
  let next = props.next ?? null;
  if (!linked && events.data) {
    const ids = events.data.items.map((e) => e.eventID ?? e.id);
    const index = ids.indexOf(props.eventId);
    if (index >= 0) {
      next = index > 0 ? ids[index - 1] : null;
      previous = index < ids.length - 1 ? ids[index + 1] : null;
    }
  }
  return (
    <div className="actions" role="group" aria-label="Event navigation">
      <button type="button" className="button button-small" onClick={() => props.go('oldest')}>
        Oldest
      </button>
      <button type="button" className="button button-small" disabled={!previous} onClick={() => previous && props.go(previous)}>
        ← Older
      </button>
      <button type="button" className="button button-small" disabled={!next} onClick={() => next && props.go(next)}>
        Newer →
      </button>
      <button type="button" className="button button-small" onClick={() => props.go('latest')}>
        Latest
      </button>
    </div>
  );
}
