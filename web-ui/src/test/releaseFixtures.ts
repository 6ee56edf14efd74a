// Releases as the API answers them, for the releases pages' tests.
import type { HealthData, Release } from '../features/releases/api';

export function health(values: Partial<HealthData>): HealthData {
  return {
    crashFreeSessions: null,
    crashFreeUsers: null,
    adoption: null,
    sessionsAdoption: null,
    totalSessions: 0,
    totalUsers: 0,
    totalSessions24h: 0,
    totalUsers24h: 0,
    totalProjectSessions24h: 0,
    totalProjectUsers24h: 0,
    sessionsCrashed: 0,
    sessionsErrored: 0,
    hasHealthData: false,
    stats: {},
    ...values,
  };
}

export function release(version: string, values: Partial<Release> = {}, healthData?: Partial<HealthData>): Release {
  return {
    id: 1,
    version,
    shortVersion: version,
    status: 'open',
    ref: null,
    url: null,
    dateCreated: '2026-12-01T10:00:00.000Z',
    dateReleased: null,
    firstEvent: null,
    lastEvent: null,
    newGroups: 0,
    commitCount: 0,
    deployCount: 0,
    lastDeploy: null,
    authors: [],
    projects: [
      { id: '1', slug: 'shop', name: 'Shop', platform: 'node', newGroups: 0, hasHealthData: !!healthData, healthData: health(healthData ?? {}) },
    ],
    ...values,
  };
}

