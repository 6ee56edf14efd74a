import type { ReactNode } from 'react';

/**
 * One area of the app (issues, projects; later performance, releases, alerts, Discover,
 * dashboards, crons, feedback, logs, replays, settings): a top-level path, its entry in the main
 * navigation and its pages. A feature declares its section beside its pages (`features/<name>/section.tsx`)
 * and `app/sections.ts` lists them: that is all a new area needs to be routed and navigable.
 */
export interface Section {
  id: string;
  /** The navigation label. */
  label: string;
  /** The first path segment, without slashes: `issues` serves `/issues` and below. */
  path: string;
  /** Pages below the section path: `''` is the section's own page, `':issueId'` a detail page. */
  pages: Array<{ path: string; element: ReactNode }>;
}
