import { Link } from 'react-router';
import type { Project } from '../../api/models';
import { RelativeTime } from '../../ui/RelativeTime';
import { useFirstIssue } from './api';

/**
 * The setup page's answer to "did it work?": until the project has received an event it says it
 * is waiting (the project is polled, see useProject); then when the first event arrived and a
 * link to the issue it opened.
 */
export function FirstEventPanel({ org, project }: { org: string; project: Project }) {
  const first = useFirstIssue(org, project.firstEvent ? project.slug : undefined);
  return (
    <div className="card first-event" data-testid="first-event" role="status" aria-live="polite">
      {project.firstEvent ? (
        <>
          <h2>First event received</h2>
          <p>
            The first event arrived <RelativeTime date={project.firstEvent} />.{' '}
            {first.data ? (
              <Link to={`/issues/${first.data.id}`} data-testid="first-event-issue">
                Open {first.data.shortId}: {first.data.title}
              </Link>
            ) : (
              <Link to={`/issues?project=${encodeURIComponent(project.slug)}`}>See its issues</Link>
            )}
          </p>
        </>
      ) : (
        <>
          <h2>Waiting for the first event…</h2>
          <p className="muted">
            Send an event with the snippet below; this page checks every few seconds and says when it
            arrived.
          </p>
        </>
      )}
    </div>
  );
}
