import { useState } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../../../api/client';
import type { Issue } from '../../../api/models';
import { fetchProjectTagValues, useProjectTagKeys } from '../../projects/api';
import { useIssueEvents } from './api';
import { useOrganization } from '../../organization/api';
import { EmptyState, ErrorState, Loading } from '../../../ui/states/StateViews';
import { RelativeTime } from '../../../ui/RelativeTime';
import { SearchBar } from '../../../ui/search/SearchBar';

/** The issue's events, newest first, searchable with the same syntax as the issue list, 100 a page. */
export function EventsTab({ issue, query, onQuery }: { issue: Issue; query: string; onQuery: (query: string) => void }) {
  // The page belongs to the query it was found with: a new search starts at the newest events.
  const [page, setPage] = useState<{ query: string; cursor?: string }>({ query });
  const cursor = page.query === query ? page.cursor : undefined;
  const events = useIssueEvents(issue.id, query, cursor);
  const org = useOrganization().data?.slug;
  const tagKeys = useProjectTagKeys(org, issue.project.slug);
  const searchError = events.error instanceof ApiError && events.error.status === 400 ? events.error.message : null;
  return (
    <section className="card" aria-label="Events">
      <SearchBar
        label="Search events"
        placeholder="release:1.2.0 browser:Chrome"
        value={query}
        onSubmit={onQuery}
        tagKeys={tagKeys.data?.map((tag) => tag.key)}
        sourceId={`${org}/${issue.project.slug}`}
        values={
          org
            ? async (key, prefix, signal) =>
                (await fetchProjectTagValues(org, issue.project.slug, key, prefix, signal)).map((value) => value.value)
            : undefined
        }
        error={searchError}
      />
      {events.isPending ? (
        <Loading label="Loading events…" />
      ) : searchError ? null : events.isError ? (
        <ErrorState error={events.error} onRetry={() => events.refetch()} />
      ) : events.data.items.length === 0 ? (
        <EmptyState title="No events match." />
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th>Event</th>
              <th>Message</th>
              <th>Release</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {events.data.items.map((event) => (
              <tr key={event.eventID} data-testid="event-row">
                <td className="mono">
                  <Link to={`/issues/${issue.id}?event=${event.eventID}`}>{event.eventID.slice(0, 8)}</Link>
                </td>
                <td>{event.message || event.title}</td>
                <td>{event.release?.version ?? event.tags?.find((tag) => tag.key === 'release')?.value ?? ''}</td>
                <td>
                  <RelativeTime date={event.dateCreated} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {events.data && (events.data.previous?.results || events.data.next?.results) && (
        <div className="pagination">
          <button
            type="button"
            className="button"
            disabled={!events.data.previous?.results}
            onClick={() => setPage({ query, cursor: events.data.previous?.cursor })}
          >
            ← Newer
          </button>
          <button
            type="button"
            className="button"
            disabled={!events.data.next?.results}
            onClick={() => setPage({ query, cursor: events.data.next?.cursor })}
          >
            Older →
          </button>
        </div>
      )}
    </section>
  );
}
