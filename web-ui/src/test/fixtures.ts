import type { Issue, IssueEvent, Project } from '../api/models';

export const ORG = { id: '1', slug: 'faultline', name: 'Faultline' };
export const PROJECT: Project = { id: '1', slug: 'shop', name: 'Shop', platform: 'node' };

export function issue(overrides: Partial<Issue> = {}): Issue {
  return {
    id: '7',
    shortId: 'SHOP-1',
    title: 'Error: Checkout failed',
    culprit: 'checkout(app.js)',
    level: 'error',
    status: 'unresolved',
    project: { id: '1', name: 'Shop', slug: 'shop' },
    count: '3',
    userCount: 1,
    firstSeen: new Date(Date.now() - 3600_000).toISOString(),
    lastSeen: new Date().toISOString(),
    ...overrides,
  };
}

export function event(overrides: Partial<IssueEvent> = {}): IssueEvent {
  return {
    id: 'e1',
    eventID: 'e1',
    groupID: '7',
    title: 'Error: Checkout failed',
    dateCreated: new Date().toISOString(),
    release: { version: 'shop@1.0.0' },
    environment: 'production',
    user: { id: 'user-42', email: 'alice@example.com' },
    tags: [{ key: 'feature', value: 'checkout' }],
    contexts: { os: { name: 'Linux', version: '6.1', type: 'os' } },
    entries: [
      {
        type: 'exception',
        data: {
          values: [
            {
              type: 'Error',
              value: 'Connection reset by peer',
              stacktrace: {
                frames: [
                  { filename: 'node:internal/timers', function: 'listOnTimeout', lineNo: 569, inApp: false },
                  {
                    filename: 'app.js',
                    function: 'chargeCard',
                    lineNo: 12,
                    inApp: true,
                    context: [
                      [11, 'function chargeCard(order) {'],
                      [12, '  throw new Error(`Connection reset`);'],
                      [13, '}'],
                    ],
                  },
                ],
              },
            },
            {
              type: 'Error',
              value: 'Checkout failed',
              stacktrace: { frames: [{ filename: 'app.js', function: 'checkout', lineNo: 20, inApp: true }] },
            },
          ],
        },
      },
      {
        type: 'breadcrumbs',
        data: { values: [{ category: 'ui.click', message: 'Clicked checkout', level: 'info', timestamp: 1700000000 }] },
      },
      { type: 'request', data: { url: 'https://shop.example/checkout', method: 'POST', headers: [['Accept', 'text/html']] } },
    ],
    ...overrides,
  };
}
