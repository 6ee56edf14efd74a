import { useState } from 'react';
import type { Issue, IssueChange } from '../../../api/models';
import { useBulkDelete, useBulkUpdate } from '../api';
import { useMembers, useTeams } from '../../organization/api';
import { AssigneeSelect } from '../triage/AssigneeSelect';
import { IGNORE_OPTIONS, RESOLVE, RESOLVE_IN_NEXT_RELEASE, UNRESOLVE } from '../triage/changes';
import { Menu } from '../triage/Menu';

type Confirming = 'merge' | 'delete' | 'discard' | null;

const CONFIRM_TEXT: Record<Exclude<Confirming, null>, (n: number) => string> = {
  merge: (n) => `Merge ${n} issues into one? Their events and hashes move to the issue with the most events.`,
  delete: (n) => `Delete ${n} issues and their events? A new event with the same fingerprint creates a new issue.`,
  discard: (n) => `Delete ${n} issues and discard their future events?`,
};

/** What can be done to the selected issues of the list, all through one bulk request each. */
export function BulkActions({ org, selected, onDone }: { org: string; selected: Issue[]; onDone: () => void }) {
  const update = useBulkUpdate(org);
  const remove = useBulkDelete(org);
  const members = useMembers(org);
  const teams = useTeams(org);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const ids = selected.map((issue) => issue.id);
  const none = ids.length === 0;
  const busy = update.isPending || remove.isPending;
  const error = update.error ?? remove.error;

  const change = (body: IssueChange) => update.mutate({ ids, change: body }, { onSuccess: onDone });
  const confirm = () => {
    const done = { onSuccess: () => { setConfirming(null); onDone(); } };
    if (confirming === 'merge') {
      update.mutate({ ids, change: { merge: 1 } }, done);
    } else if (confirming === 'discard') {
      update.mutate({ ids, change: { discard: true } }, done);
    } else if (confirming === 'delete') {
      remove.mutate(selected, done);
    }
  };
  const allBookmarked = selected.length > 0 && selected.every((issue) => issue.isBookmarked);

  return (
    <div className="bulk-actions" role="toolbar" aria-label="Bulk actions">
      <span className="muted small">{none ? 'Select issues to act on them' : `${ids.length} selected`}</span>
      <button type="button" className="button" disabled={none || busy} onClick={() => change(RESOLVE)}>
        Resolve
      </button>
      <Menu
        label="More resolve"
        disabled={none || busy}
        items={[{ label: 'Resolve in the next release', onSelect: () => change(RESOLVE_IN_NEXT_RELEASE) }]}
      />
      <button type="button" className="button" disabled={none || busy} onClick={() => change(UNRESOLVE)}>
        Unresolve
      </button>
      <Menu
        label="Ignore"
        disabled={none || busy}
        items={IGNORE_OPTIONS.map((option) => ({ label: option.label, onSelect: () => change(option.change) }))}
      />
      <AssigneeSelect
        label="Assign selected issues"
        placeholder="Assign to…"
        members={members.data ?? []}
        teams={teams.data ?? []}
        disabled={none || busy}
        onAssign={(assignedTo) => change({ assignedTo })}
      />
      <button type="button" className="button" disabled={none || busy} onClick={() => change({ isBookmarked: !allBookmarked })}>
        {allBookmarked ? 'Remove bookmark' : 'Bookmark'}
      </button>
      <button type="button" className="button" disabled={ids.length < 2 || busy} onClick={() => setConfirming('merge')}>
        Merge
      </button>
      <button type="button" className="button button-danger" disabled={none || busy} onClick={() => setConfirming('delete')}>
        Delete
      </button>
      <button type="button" className="button button-danger" disabled={none || busy} onClick={() => setConfirming('discard')}>
        Delete &amp; discard
      </button>
      {confirming && !none && (
        <div className="confirm-bar" role="alertdialog" aria-label="Confirm">
          <span>{CONFIRM_TEXT[confirming](ids.length)}</span>
          <button type="button" className="button button-primary" disabled={busy} onClick={confirm}>
            Confirm {confirming === 'discard' ? 'delete & discard' : confirming}
          </button>
          <button type="button" className="button" onClick={() => setConfirming(null)}>
            Cancel
          </button>
        </div>
      )}
      {error && (
        <p className="form-error" role="alert">
          Could not change the issues: {error.message}
        </p>
      )}
    </div>
  );
}
