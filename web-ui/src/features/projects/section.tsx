import type { Section } from '../../app/section';
import { ProjectDetailPage } from './ProjectDetailPage';
import { ProjectsPage } from './ProjectsPage';

export const projectsSection: Section = {
  id: 'projects',
  label: 'Projects',
  path: 'projects',
  pages: [
    { path: '', element: <ProjectsPage /> },
    { path: ':projectSlug', element: <ProjectDetailPage /> },
  ],
};
