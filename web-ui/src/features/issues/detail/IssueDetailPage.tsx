import { useEffect, useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useIssue, useUpdateIssue } from '../api';
import { useIssueEvent, useIssueEvents } from './api';
import { useOrganization } from '../../organization/api';
import { neighbourIssues } from '../issueNavigation';
import { DETAIL_SHORTCUTS, ShortcutsHelp } from '../../../ui/shortcuts/ShortcutsHelp';
import { focusSearch, useShortcuts } from '../../../ui/shortcuts/useShortcuts';
import { IGNORE, RESOLVE } from '../triage/changes';
import { ActivitySection } from './ActivitySection';
import { EventsTab } from './EventsTab';
import { IssueActions } from './IssueActions';
import { MergedHashes } from './MergedHashes';
import { TagsSidebar } from './TagsSidebar';
import { ErrorState, Loading } from '../../../ui/states/StateViews';
import { RelativeTime } from '../../../ui/RelativeTime';
import { TimeSeriesChart } from '../../../ui/chart/TimeSeriesChart';
import { compactNumber } from '../../../ui/format';
import { EventDetails } from './EventDetails';

const TABS = [
  { id: 'details', label: 'Details' },
  { id: 'activity', label: 'Activity' },
  { id: 'events', label: 'Events' },
  { id: 'merged', label: 'Merged issues' },
] as const;
type TabId = (typeof TABS)[number]['id'];

export function IssueDetailPage() {
  const { issueId } = useParams();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const eventId = params.get('event') ?? 'latest';
  const tab = (TABS.find((t) => t.id === params.get('tab'))?.id ?? 'details') as TabId;
  const issue = useIssue(issueId);
  const event = useIssueEvent(issueId, eventId);
  const org = useOrganization().data?.slug;
  const update = useUpdateIssue(issue.data?.id ?? issueId ?? '');

  // A merged-away id answers with its parent (fetch follows the 302): show the parent's address.
  const shownId = issue.data?.id;
  useEffect(() => {
    if (shownId && issueId && shownId !== issueId) {
      navigate(`/issues/${shownId}${window.location.search}`, { replace: true });
    }
  }, [shownId, issueId, navigate]);

  const setParam = (changes: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, value] of Object.entries(changes)) {
      if (value) {
        next.set(key, value);
      } else {
        next.delete(key);
      }
    }
    setParams(next);
  };
  const goIssueOrEvent = (direction: 'next' | 'previous') => {
    const neighbours = neighbourIssues(issue.data?.id ?? issueId ?? '');
    if (neighbours.known) {
      const target = neighbours[direction];
      if (target) {
        navigate(`/issues/${target}`);
      }
      return;
    }
    const target = direction === 'next' ? event.data?.nextEventID : event.data?.previousEventID;
    if (target) {
      setParam({ event: target, tab: undefined });
    }
  };
  useShortcuts({
    r: () => issue.data?.status === 'unresolved' && update.mutate(RESOLVE),
    i: () => issue.data?.status === 'unresolved' && update.mutate(IGNORE),
    n: () => goIssueOrEvent('next'),
    p: () => goIssueOrEvent('previous'),
    '/': () => {
      setParam({ tab: 'events' });
      requestAnimationFrame(focusSearch);
    },
  });

  if (issue.isPending) {
    return <Loading label="Loading the issue…" />;
  }
  if (issue.isError) {
    return <ErrorState error={issue.error} onRetry={() => issue.refetch()} />;
  }
  const data = issue.data;
  return (
    <section className="page">
      <ShortcutsHelp shortcuts={DETAIL_SHORTCUTS} />
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
        <IssueActions issue={data} org={org} />
      </div>
      <div className="stats-row">
        <Stat label="Status" value={<span className={`badge status-${data.status}`}>{data.status}</span>} />
        <Stat label="Events" value={compactNumber(data.count)} />
        <Stat label="Users" value={compactNumber(data.userCount)} />
        <Stat label="First seen" value={<RelativeTime date={data.firstSeen} />} />
        <Stat label="Last seen" value={<RelativeTime date={data.lastSeen} />} />
        <Stat label="Level" value={data.level} />
      </div>
      <div className="issue-body">
        <div className="issue-main">
          <IssueChart stats={data.stats} />
          <div className="tabs" role="tablist" aria-label="Issue sections">
            {TABS.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                aria-selected={t.id === tab}
                className={t.id === tab ? 'tab tab-active' : 'tab'}
                onClick={() => setParam({ tab: t.id === 'details' ? undefined : t.id })}
              >
                {t.label}
                {t.id === 'activity' && !!data.numComments && ` (${data.numComments})`}
              </button>
            ))}
          </div>
          {tab === 'activity' ? (
            <ActivitySection issueId={data.id} />
          ) : tab === 'events' ? (
            <EventsTab issue={data} query={params.get('query') ?? ''} onQuery={(query) => setParam({ query: query || undefined })} />
          ) : tab === 'merged' ? (
            <MergedHashes issueId={data.id} />
          ) : (
            <>
              <div className="event-nav-bar">
                <h2>{eventId === 'latest' ? 'Latest event' : eventId === 'oldest' ? 'Oldest event' : 'Event'}</h2>
                {event.data && (
                  <EventNavigation
                    issueId={data.id}
                    eventId={event.data.eventID}
                    previous={event.data.previousEventID}
                    next={event.data.nextEventID}
                    go={(target) => setParam({ event: target === 'latest' ? undefined : target })}
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
            </>
          )}
        </div>
        <TagsSidebar issueId={data.id} />
      </div>
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
