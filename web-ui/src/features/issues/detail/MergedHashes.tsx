import { useState } from 'react';
import { useIssueHashes, useUnmerge } from './api';
import { EmptyState, ErrorState, Loading } from '../../../ui/states/StateViews';

/** The fingerprint hashes grouped into this issue; chosen ones can be unmerged into a new issue. */
export function MergedHashes({ issueId }: { issueId: string }) {
  const hashes = useIssueHashes(issueId);
  const unmerge = useUnmerge(issueId);
  const [chosen, setChosen] = useState<Set<string>>(new Set());
  if (hashes.isPending) {
    return <Loading label="Loading hashes…" />;
  }
  if (hashes.isError) {
    return <ErrorState error={hashes.error} onRetry={() => hashes.refetch()} />;
  }
  if (hashes.data.length === 0) {
    return <EmptyState title="No hashes." />;
  }
  const toggle = (id: string) =>
    setChosen((current) => {
      const next = new Set(current);
      if (next.has(id)) {
        next.delete(id);
      } else {
        next.add(id);
      }
      return next;
    });
  return (
    <section className="card" aria-label="Merged hashes">
      <p className="muted small">
        Each hash is one fingerprint. Unmerging moves the chosen hashes and their events to a new issue.
      </p>
      <ul className="hash-list">
        {hashes.data.map((hash) => (
          <li key={hash.id}>
            <label>
              <input type="checkbox" checked={chosen.has(hash.id)} onChange={() => toggle(hash.id)} />{' '}
              <span className="mono">{hash.id}</span>{' '}
              <span className="muted small">{hash.eventCount ?? 0} events</span>
            </label>
          </li>
        ))}
      </ul>
      <button
        type="button"
        className="button"
        disabled={chosen.size === 0 || chosen.size === hashes.data.length || unmerge.isPending}
        onClick={() => unmerge.mutate([...chosen], { onSuccess: () => setChosen(new Set()) })}
      >
        Unmerge {chosen.size || ''}
      </button>
      {unmerge.isSuccess && <p role="status">The hashes are moving to a new issue.</p>}
      {unmerge.error && (
        <p className="form-error" role="alert">
          Could not unmerge: {unmerge.error.message}
        </p>
      )}
    </section>
  );
}
