import { useState, type FormEvent } from 'react';
import type { Issue, IssueChange } from '../../../api/models';
import { useMembers, useTeams } from '../../organization/api';
import { useUpdateIssue } from '../api';
import { AssigneeSelect } from '../triage/AssigneeSelect';
import { IGNORE_OPTIONS, RESOLVE, RESOLVE_IN_NEXT_RELEASE, UNRESOLVE, describeStatus, resolveInRelease } from '../triage/changes';
import { Menu } from '../triage/Menu';

/** Status, assignee, bookmark and subscription of one issue. */
export function IssueActions({ issue, org }: { issue: Issue; org?: string }) {
  const update = useUpdateIssue(issue.id);
  const members = useMembers(org);
  const teams = useTeams(org);
  const [askingRelease, setAskingRelease] = useState(false);
  const [version, setVersion] = useState('');
  const change = (body: IssueChange) => update.mutate(body);
  const busy = update.isPending;

  const submitRelease = (event: FormEvent) => {
    event.preventDefault();
    if (version.trim()) {
      update.mutate(resolveInRelease(version.trim()), { onSuccess: () => setAskingRelease(false) });
    }
  };

  return (
    <div className="issue-actions">
      <div className="actions">
        {issue.status === 'unresolved' ? (
          <>
            <button type="button" className="button button-primary" disabled={busy} onClick={() => change(RESOLVE)}>
              Resolve
            </button>
            <Menu
              label="Resolve in…"
              disabled={busy}
              items={[
                { label: 'The next release', onSelect: () => change(RESOLVE_IN_NEXT_RELEASE) },
                { label: 'A release…', onSelect: () => setAskingRelease(true) },
              ]}
            />
            <Menu
              label="Ignore"
              disabled={busy}
              items={IGNORE_OPTIONS.map((option) => ({ label: option.label, onSelect: () => change(option.change) }))}
            />
          </>
        ) : (
          <button type="button" className="button button-primary" disabled={busy} onClick={() => change(UNRESOLVE)}>
            {issue.status === 'resolved' ? 'Unresolve' : 'Stop ignoring'}
          </button>
        )}
        <AssigneeSelect
          members={members.data ?? []}
          teams={teams.data ?? []}
          current={issue.assignedTo}
          disabled={busy}
          onAssign={(assignedTo) => change({ assignedTo })}
        />
        <button
          type="button"
          className="button"
          aria-pressed={!!issue.isBookmarked}
          disabled={busy}
          onClick={() => change({ isBookmarked: !issue.isBookmarked })}
        >
          {issue.isBookmarked ? '★ Bookmarked' : '☆ Bookmark'}
        </button>
        <button
          type="button"
          className="button"
          aria-pressed={!!issue.isSubscribed}
          disabled={busy}
          onClick={() => change({ isSubscribed: !issue.isSubscribed })}
        >
          {issue.isSubscribed ? 'Subscribed' : 'Subscribe'}
        </button>
      </div>
      {askingRelease && (
        <form className="inline-form" onSubmit={submitRelease}>
          <input aria-label="Release version" placeholder="1.2.0" value={version} autoFocus onChange={(e) => setVersion(e.target.value)} />
          <button type="submit" className="button button-small" disabled={busy || !version.trim()}>
            Resolve in this release
          </button>
          <button type="button" className="button button-small" onClick={() => setAskingRelease(false)}>
            Cancel
          </button>
        </form>
      )}
      <p className="muted small" data-testid="status-details">
        {describeStatus(issue)}
      </p>
      {update.error && (
        <p className="form-error" role="alert">
          Could not change the issue: {update.error.message}
        </p>
      )}
    </div>
  );
}
