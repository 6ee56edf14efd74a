import type { Section } from '../../app/section';
import { ReleaseDetailPage } from './ReleaseDetailPage';
import { ReleasesPage } from './ReleasesPage';
import './releases.css';

export const releasesSection: Section = {
  id: 'releases',
  label: 'Releases',
  path: 'releases',
  pages: [
    { path: '', element: <ReleasesPage /> },
    { path: ':version', element: <ReleaseDetailPage /> },
  ],
};
