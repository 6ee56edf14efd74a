import { useTombstones, useUndiscard } from './api';
import { RelativeTime } from '../../ui/RelativeTime';
import { ErrorState, Loading } from '../../ui/states/StateViews';

/**
 * The project's discarded issues (tombstones): events with their grouping are dropped at
 * processing and counted as filtered until the tombstone is removed ("Undiscard").
 */
export function DiscardedIssues({ org, project }: { org: string; project: string }) {
  const tombstones = useTombstones(org, project);
  const undiscard = useUndiscard(org, project);
  if (tombstones.isPending) {
    return <Loading label="Loading discarded issues…" />;
  }
  if (tombstones.isError) {
    return <ErrorState error={tombstones.error} onRetry={() => tombstones.refetch()} />;
  }
  return (
    <div className="card">
      <h2>Discarded issues</h2>
      {tombstones.data.length === 0 ? (
        <p className="muted">No discarded issues. "Delete &amp; discard" on the issue list drops an issue's future events.</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th>Issue</th>
                <th>Discarded</th>
                <th>By</th>
                <th aria-label="Actions" />
              </tr>
            </thead>
            <tbody>
              {tombstones.data.map((tombstone) => (
                <tr key={tombstone.id}>
                  <td>
                    <div>{tombstone.metadata.title ?? tombstone.message}</div>
                    <div className="muted mono">{tombstone.culprit}</div>
                  </td>
                  <td>
                    <RelativeTime date={tombstone.dateAdded} />
                  </td>
                  <td>{tombstone.actor?.email ?? '—'}</td>
                  <td>
                    <button
                      type="button"
                      className="button button-small"
                      disabled={undiscard.isPending}
                      onClick={() => undiscard.mutate(tombstone.id)}
                    >
                      Undiscard
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {undiscard.error && (
        <p className="form-error" role="alert">
          Could not undiscard: {undiscard.error.message}
        </p>
      )}
    </div>
  );
}
