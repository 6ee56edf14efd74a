import { Suspense, lazy, useState, type FormEvent } from 'react';
import type { Activity } from '../../../api/models';
import { useActivity, useCommentActions } from './api';
import { useMembers, useOrganization, useTeams } from '../../organization/api';
import { useSession } from '../../auth/api';
import { ErrorState, Loading } from '../../../ui/states/StateViews';
import { RelativeTime } from '../../../ui/RelativeTime';

// The markdown renderer loads with the first comment shown, not with the app.
const CommentText = lazy(() => import('./CommentText').then((module) => ({ default: module.CommentText })));

function str(value: unknown): string {
  return typeof value === 'string' || typeof value === 'number' ? String(value) : '';
}

/** A member's or team's display name by the assignee id and type an activity carries. */
export type AssigneeNames = (type: string, id: string) => string | undefined;

function mergedCount(issues: unknown): number {
  if (Array.isArray(issues)) {
    return issues.length;
  }
  // The API may send the merged ids as one comma-separated string.
  return typeof issues === 'string' || typeof issues === 'number' ? String(issues).split(',').filter(Boolean).length : 0;
}

/** What an activity record says, e.g. "resolved in release 1.2.0". */
export function describeActivity(activity: Activity, names: AssigneeNames = () => undefined): string {
  const data = activity.data ?? {};
  switch (activity.type) {
    case 'first_seen':
      return 'first saw this issue';
    case 'set_regression':
      return `marked this issue as a regression${str(data.version) ? ` in ${str(data.version)}` : ''}`;
    case 'set_resolved':
      return 'resolved this issue';
    case 'set_resolved_in_release':
      return str(data.version) ? `resolved this issue in release ${str(data.version)}` : 'resolved this issue in the next release';
    case 'set_unresolved':
      return 'unresolved this issue';
    case 'set_ignored':
      return 'ignored this issue';
    case 'assigned':
      return `assigned this issue to ${
        str(data.assigneeName) ||
        str(data.assigneeEmail) ||
        names(str(data.assigneeType) || 'user', str(data.assignee)) ||
        (str(data.assignee) ? `${str(data.assigneeType) || 'user'} ${str(data.assignee)}` : 'someone')
      }`;
    case 'unassigned':
      return 'unassigned this issue';
    case 'note':
      return 'commented';
    case 'merge': {
      const count = mergedCount(data.issues);
      return count > 0 ? `merged ${count} issue${count === 1 ? '' : 's'} into this issue` : 'merged issues into this issue';
    }
    case 'unmerge_source':
      return 'unmerged hashes to a new issue';
    case 'unmerge_destination':
      return 'created this issue by unmerging hashes';
    default:
      return activity.type.replace(/_/g, ' ');
  }
}

/** Comments (markdown) and the issue's history, newest first. */
export function ActivitySection({ issueId }: { issueId: string }) {
  const activity = useActivity(issueId);
  const session = useSession();
  const { add, edit, remove } = useCommentActions(issueId);
  const [text, setText] = useState('');
  const me = session.data?.user.id;
  const org = useOrganization().data?.slug;
  const members = useMembers(org).data ?? [];
  const teams = useTeams(org).data ?? [];
  const names: AssigneeNames = (type, id) => {
    if (type === 'team') {
      const team = teams.find((t) => t.id === id);
      return team && `#${team.slug}`;
    }
    const member = members.find((m) => (m.user?.id ?? m.id) === id);
    return member ? member.name || member.user?.name || member.email : undefined;
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) {
      add.mutate(text, { onSuccess: () => setText('') });
    }
  };

  return (
    <section className="card activity" aria-label="Activity">
      <form className="comment-form" onSubmit={submit}>
        <label htmlFor="new-comment">Add a comment (markdown)</label>
        <textarea id="new-comment" rows={3} maxLength={10000} value={text} onChange={(e) => setText(e.target.value)} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={add.isPending || !text.trim()}>
            Comment
          </button>
        </div>
        {add.error && (
          <p className="form-error" role="alert">
            Could not add the comment: {add.error.message}
          </p>
        )}
      </form>
      {activity.isPending ? (
        <Loading label="Loading the activity…" />
      ) : activity.isError ? (
        <ErrorState error={activity.error} onRetry={() => activity.refetch()} />
      ) : (
        <ol className="activity-list">
          {activity.data.map((item) => (
            <ActivityItem
              key={item.id}
              activity={item}
              mine={!!me && item.user?.id === me}
              names={names}
              onEdit={(newText) => edit.mutateAsync({ id: item.id, text: newText })}
              onDelete={() => remove.mutate(item.id)}
            />
          ))}
        </ol>
      )}
      {(edit.error ?? remove.error) && (
        <p className="form-error" role="alert">
          {(edit.error ?? remove.error)!.message}
        </p>
      )}
    </section>
  );
}

function ActivityItem({
  activity,
  mine,
  names,
  onEdit,
  onDelete,
}: {
  activity: Activity;
  mine: boolean;
  names: AssigneeNames;
  onEdit: (text: string) => Promise<unknown>;
  onDelete: () => void;
}) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(activity.data.text ?? '');
  const who = activity.user ? activity.user.name || activity.user.email : 'Faultline';
  const isNote = activity.type === 'note';
  return (
    <li className={isNote ? 'activity-item activity-note' : 'activity-item'} data-testid="activity-item">
      <div className="activity-head">
        <strong>{who}</strong> <span>{describeActivity(activity, names)}</span>{' '}
        <span className="muted small">
          <RelativeTime date={activity.dateCreated} />
        </span>
        {isNote && mine && !editing && (
          <span className="activity-tools">
            <button type="button" className="link-button" onClick={() => setEditing(true)}>
              Edit
            </button>
            <button type="button" className="link-button" onClick={onDelete}>
              Delete
            </button>
          </span>
        )}
      </div>
      {isNote &&
        (editing ? (
          <form
            className="comment-form"
            onSubmit={(e) => {
              e.preventDefault();
              onEdit(draft).then(() => setEditing(false), () => undefined);
            }}
          >
            <textarea aria-label="Edit comment" rows={3} value={draft} onChange={(e) => setDraft(e.target.value)} />
            <div className="form-actions">
              <button type="submit" className="button button-small" disabled={!draft.trim()}>
                Save
              </button>
              <button type="button" className="button button-small" onClick={() => setEditing(false)}>
                Cancel
              </button>
            </div>
          </form>
        ) : (
          <Suspense fallback={<p className="comment-text">{activity.data.text}</p>}>
            <CommentText text={activity.data.text ?? ''} />
          </Suspense>
        ))}
    </li>
  );
}
