import { alertsSection } from '../features/alerts/section';
import { issuesSection } from '../features/issues/section';
import { performanceSection } from '../features/performance/section';
import { projectsSection } from '../features/projects/section';
import { releasesSection } from '../features/releases/section';
import { settingsSection } from '../features/settings/section';
import { systemSection } from '../features/system/section';
import type { Section } from './section';

/** The app's areas in navigation order; the first one is the home page. */
export const SECTIONS: Section[] = [
  issuesSection,
  performanceSection,
  releasesSection,
  projectsSection,
  alertsSection,
  systemSection,
  settingsSection,
];
