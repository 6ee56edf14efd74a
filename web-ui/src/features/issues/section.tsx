import type { Section } from '../../app/section';
import { IssueDetailPage } from './detail/IssueDetailPage';
import { IssuesPage } from './list/IssuesPage';

export const issuesSection: Section = {
  id: 'issues',
  label: 'Issues',
  path: 'issues',
  pages: [
    { path: '', element: <IssuesPage /> },
    { path: ':issueId', element: <IssueDetailPage /> },
  ],
};
