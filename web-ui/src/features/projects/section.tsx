import type { Section } from '../../app/section';
import { ProjectDetailPage } from './ProjectDetailPage';
import { InboundFiltersPage } from './filters/InboundFiltersPage';
import { PerformanceIssuesPage } from './performance/PerformanceIssuesPage';
import { ProjectsPage } from './ProjectsPage';

export const projectsSection: Section = {
  id: 'projects',
  label: 'Projects',
  path: 'projects',
  pages: [
    { path: '', element: <ProjectsPage /> },
    { path: ':projectSlug', element: <ProjectDetailPage /> },
    { path: ':projectSlug/filters', element: <InboundFiltersPage /> },
    { path: ':projectSlug/performance-issues', element: <PerformanceIssuesPage /> },
  ],
};
