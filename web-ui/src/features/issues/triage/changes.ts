// The status changes the list's bulk actions and the detail page offer, as API bodies.
import type { Issue, IssueChange } from '../../../api/models';

export const RESOLVE: IssueChange = { status: 'resolved' };
export const RESOLVE_IN_NEXT_RELEASE: IssueChange = { status: 'resolved', statusDetails: { inNextRelease: true } };
export const UNRESOLVE: IssueChange = { status: 'unresolved' };
export const IGNORE: IssueChange = { status: 'ignored' };

export function resolveInRelease(version: string): IssueChange {
  return { status: 'resolved', statusDetails: { inRelease: version } };
}

export const IGNORE_OPTIONS: Array<{ label: string; change: IssueChange }> = [
  { label: 'Ignore forever', change: IGNORE },
  { label: 'Ignore for 30 minutes', change: { status: 'ignored', statusDetails: { ignoreDuration: 30 } } },
  { label: 'Ignore for 2 hours', change: { status: 'ignored', statusDetails: { ignoreDuration: 120 } } },
  { label: 'Ignore for 24 hours', change: { status: 'ignored', statusDetails: { ignoreDuration: 1440 } } },
  { label: 'Ignore until 10 more events', change: { status: 'ignored', statusDetails: { ignoreCount: 10 } } },
  { label: 'Ignore until 100 more events', change: { status: 'ignored', statusDetails: { ignoreCount: 100 } } },
];

function minutes(value: number): string {
  return value % 60 === 0 ? `${value / 60} h` : `${value} min`;
}

/** A sentence for the issue's status and its details, e.g. "Resolved in 1.2.0 by Ada". */
export function describeStatus(issue: Pick<Issue, 'status' | 'statusDetails'>): string {
  const details = issue.statusDetails ?? {};
  const by = details.actor ? ` by ${details.actor.name || details.actor.email}` : '';
  if (issue.status === 'resolved') {
    if (details.inRelease) {
      return `Resolved in release ${details.inRelease}${by}`;
    }
    if (details.inNextRelease) {
      return `Resolved in the next release${by}`;
    }
    return `Resolved${by}`;
  }
  if (issue.status === 'ignored') {
    const parts: string[] = [];
    if (details.ignoreUntil) {
      parts.push(`until ${new Date(details.ignoreUntil).toLocaleString()}`);
    }
    if (details.ignoreCount) {
      parts.push(`until ${details.ignoreCount} more events${details.ignoreWindow ? ` in ${minutes(details.ignoreWindow)}` : ''}`);
    }
    if (details.ignoreUserCount) {
      parts.push(
        `until ${details.ignoreUserCount} more users${details.ignoreUserWindow ? ` in ${minutes(details.ignoreUserWindow)}` : ''}`,
      );
    }
    return `Ignored ${parts.length > 0 ? parts.join(' or ') : 'forever'}${by}`;
  }
  return 'Unresolved';
}
