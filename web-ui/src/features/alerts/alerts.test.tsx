import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Route } from 'react-router';
import { afterEach, expect, test, vi } from 'vitest';
import { json, mockApi, renderAt } from '../../test/render';
import { AlertRulesPage } from './AlertRulesPage';
import type { Incident, IncidentActivity, Integration, IssueRule } from './api';
import { IncidentPage } from './IncidentsPage';
import { IntegrationsPage } from './IntegrationsPage';
import { IssueRuleEditor } from './IssueRuleEditor';
import { MetricRuleEditor } from './MetricRuleEditor';

afterEach(() => vi.unstubAllGlobals());

const ORGS = { 'GET /api/0/organizations/': [{ id: '1', slug: 'acme', name: 'Acme' }] };
const PROJECTS = { 'GET /api/0/organizations/acme/projects/': [{ id: '3', slug: 'shop', name: 'Shop' }] };
const MEMBERS = { 'GET /api/0/organizations/acme/members/': [{ id: '7', email: 'ann@example.com', name: 'Ann' }] };

const SLACK: Integration = {
  id: '11',
  provider: 'slack',
  name: '#ops',
  dateCreated: '2026-12-07T10:00:00.000Z',
  config: { url: 'https://hooks.slack.com/…', channel: '#ops' },
  status: { lastStatus: null, lastError: null, lastDelivery: null },
};

const RULE: IssueRule = {
  id: '5',
  name: 'New checkout errors',
  conditions: [{ id: 'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition' }],
  filters: [],
  actions: [{ id: 'sentry.rules.actions.notify_event_service.NotifyEventServiceAction', service: 'webhooks' }],
  actionMatch: 'any',
  filterMatch: 'all',
  frequency: 30,
  environment: null,
  status: 'active',
  snooze: false,
  projects: ['shop'],
  dateCreated: '2026-12-07T10:00:00.000Z',
  lastTriggered: null,
};

test('lists the issue alerts of the chosen project and the metric alerts, and mutes a rule', async () => {
  const calls = mockApi({
    ...ORGS,
    ...PROJECTS,
    'GET /api/0/projects/acme/shop/rules/': [RULE],
    'POST /api/0/projects/acme/shop/rules/5/snooze/': () => json({ ruleId: '5' }, 201),
    'GET /api/0/organizations/acme/alert-rules/': [
      {
        id: '9',
        name: 'Error burst',
        dataset: 'events',
        aggregate: 'count()',
        query: 'level:error',
        timeWindow: 5,
        thresholdType: 0,
        resolveThreshold: null,
        environment: null,
        projects: ['shop'],
        triggers: [{ label: 'critical', alertThreshold: 100, actions: [] }],
        status: 0,
        dateCreated: '2026-12-07T10:00:00.000Z',
      },
    ],
  });
  renderAt('/alerts', '/alerts', <AlertRulesPage />);
  const issueAlerts = await screen.findByRole('table', { name: 'Issue alerts' });
  expect(within(issueAlerts).getByText('New checkout errors')).toBeInTheDocument();
  expect(within(issueAlerts).getByText('A new issue is created')).toBeInTheDocument();
  expect(within(issueAlerts).getByText('WebHooks plugin')).toBeInTheDocument();
  const metricAlerts = await screen.findByRole('table', { name: 'Metric alerts' });
  expect(within(metricAlerts).getByText('critical > 100')).toBeInTheDocument();
  await userEvent.click(within(issueAlerts).getByRole('button', { name: 'Mute' }));
  await waitFor(() => expect(calls.some((call) => call.method === 'POST' && call.url.pathname.endsWith('/snooze/'))).toBe(true));
});

test('the issue rule builder sends Sentry rule JSON with the chosen triggers, frequency and actions', async () => {
  let sent: Record<string, unknown> | null = null;
  let plugin: Record<string, unknown> | null = null;
  mockApi({
    ...ORGS,
    ...MEMBERS,
    'GET /api/0/organizations/acme/alert-integrations/': [SLACK],
    'GET /api/0/projects/acme/shop/plugins/webhooks/': { enabled: false, config: [{ name: 'urls', value: '' }] },
    'PUT /api/0/projects/acme/shop/plugins/webhooks/': (_url: URL, init: RequestInit) => {
      plugin = JSON.parse(String(init.body));
      return json({ enabled: true, config: [] });
    },
    'POST /api/0/projects/acme/shop/rules/': (_url: URL, init: RequestInit) => {
      sent = JSON.parse(String(init.body));
      return json({ ...RULE, id: '6' }, 201);
    },
    'GET /api/0/projects/acme/shop/rules/': [],
  });
  renderAt('/alerts/issue/new?project=shop', '/alerts/issue/new', <IssueRuleEditor />, [<Route key="a" path="/alerts" element={<p>alerts</p>} />]);
  const form = await screen.findByRole('form', { name: 'Issue alert' });
  await userEvent.type(within(form).getByLabelText('Name'), 'Busy issues');
  await userEvent.click(within(form).getByLabelText('A resolved issue regresses'));
  await userEvent.click(within(form).getByRole('checkbox', { name: /The issue is seen by more than/ }));
  await userEvent.clear(within(form).getByLabelText('Frequency threshold'));
  await userEvent.type(within(form).getByLabelText('Frequency threshold'), '50');
  await userEvent.click(within(form).getByLabelText("Post to the project's webhooks"));
  await userEvent.type(await within(form).findByLabelText('Webhook URLs, one per line'), 'https://hooks.example/a');
  await userEvent.selectOptions(within(form).getByLabelText('Mail'), '7');
  await userEvent.click(await within(form).findByLabelText('Notify #ops (slack)'));
  await userEvent.selectOptions(within(form).getByLabelText('Level'), '40');
  await userEvent.click(within(form).getByRole('button', { name: 'Create alert' }));
  await waitFor(() => expect(sent).not.toBeNull());
  expect(plugin).toEqual({ urls: 'https://hooks.example/a' });
  expect(sent).toMatchObject({
    name: 'Busy issues',
    actionMatch: 'any',
    frequency: 30,
    conditions: [
      { id: 'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition' },
      { id: 'sentry.rules.conditions.regression_event.RegressionEventCondition' },
      { id: 'sentry.rules.conditions.event_frequency.EventFrequencyCondition', value: 50, interval: '1h' },
    ],
    filters: [{ id: 'sentry.rules.filters.level.LevelFilter', match: 'gte', level: '40' }],
    actions: [
      { id: 'sentry.rules.actions.notify_event_service.NotifyEventServiceAction', service: 'webhooks' },
      { id: 'sentry.mail.actions.NotifyEmailAction', targetType: 'Member', targetIdentifier: '7' },
      { id: 'sentry.integrations.slack.notify_action.SlackNotifyServiceAction', workspace: '11', channel: '#ops' },
    ],
  });
});

test('a rule the server refuses shows its reason', async () => {
  mockApi({
    ...ORGS,
    ...MEMBERS,
    'GET /api/0/organizations/acme/alert-integrations/': [],
    'GET /api/0/projects/acme/shop/plugins/webhooks/': { enabled: false, config: [] },
    'POST /api/0/projects/acme/shop/rules/': () => json({ detail: 'unknown condition sentry.rules.conditions.x' }, 400),
  });
  renderAt('/alerts/issue/new?project=shop', '/alerts/issue/new', <IssueRuleEditor />);
  const form = await screen.findByRole('form', { name: 'Issue alert' });
  await userEvent.type(within(form).getByLabelText('Name'), 'No actions');
  await userEvent.click(within(form).getByRole('button', { name: 'Create alert' }));
  expect(await within(form).findByRole('alert')).toHaveTextContent('Choose at least one action.');
  await userEvent.selectOptions(within(form).getByLabelText('Mail'), '7');
  await userEvent.click(within(form).getByRole('button', { name: 'Create alert' }));
  await waitFor(() => expect(within(form).getByRole('alert')).toHaveTextContent('unknown condition sentry.rules.conditions.x'));
});

test('the metric alert builder sends the aggregate, window, thresholds and action', async () => {
  let sent: Record<string, unknown> | null = null;
  mockApi({
    ...ORGS,
    ...PROJECTS,
    ...MEMBERS,
    'GET /api/0/organizations/acme/alert-integrations/': [SLACK],
    'POST /api/0/organizations/acme/alert-rules/': (_url: URL, init: RequestInit) => {
      sent = JSON.parse(String(init.body));
      return json({ id: '9' }, 201);
    },
  });
  renderAt('/alerts/metric/new', '/alerts/metric/new', <MetricRuleEditor />, [<Route key="a" path="/alerts" element={<p>alerts</p>} />]);
  const form = await screen.findByRole('form', { name: 'Metric alert' });
  await userEvent.type(within(form).getByLabelText('Name'), 'Slow checkout');
  await userEvent.selectOptions(within(form).getByLabelText('Dataset'), 'transactions');
  await userEvent.selectOptions(within(form).getByLabelText('Aggregate'), 'p95(transaction.duration)');
  await userEvent.clear(within(form).getByLabelText('Critical threshold'));
  await userEvent.type(within(form).getByLabelText('Critical threshold'), '2000');
  await userEvent.type(within(form).getByLabelText('Warning threshold'), '1500');
  await userEvent.selectOptions(within(form).getByLabelText('Notify'), 'integration:11');
  await userEvent.click(within(form).getByRole('button', { name: 'Create alert' }));
  await waitFor(() => expect(sent).not.toBeNull());
  expect(sent).toMatchObject({
    name: 'Slow checkout',
    dataset: 'transactions',
    aggregate: 'p95(transaction.duration)',
    timeWindow: 5,
    thresholdType: 0,
    projects: ['shop'],
    triggers: [
      { label: 'critical', alertThreshold: 2000, actions: [{ type: 'slack', integrationId: '11', targetIdentifier: '#ops' }] },
      { label: 'warning', alertThreshold: 1500 },
    ],
  });
});

test('an incident shows its rule and its timeline', async () => {
  const incident: Incident = {
    id: '1',
    identifier: '4',
    title: 'Error burst',
    status: 2,
    alertRule: null,
    projects: ['shop'],
    dateStarted: '2026-12-07T10:00:00.000Z',
    dateDetected: '2026-12-07T10:00:00.000Z',
    dateClosed: '2026-12-07T10:05:00.000Z',
  };
  const activity: IncidentActivity[] = [
    { id: '1', type: 4, value: null, previousValue: null, dateCreated: '2026-12-07T10:00:00.000Z' },
    { id: '2', type: 1, value: '120', previousValue: null, dateCreated: '2026-12-07T10:00:00.000Z' },
    { id: '3', type: 2, value: '20', previousValue: '1', dateCreated: '2026-12-07T10:00:00.000Z' },
    { id: '4', type: 2, value: '2', previousValue: '20', dateCreated: '2026-12-07T10:05:00.000Z' },
  ];
  mockApi({
    ...ORGS,
    'GET /api/0/organizations/acme/incidents/4/': incident,
    'GET /api/0/organizations/acme/incidents/4/activity/': activity,
  });
  renderAt('/alerts/incidents/4', '/alerts/incidents/:identifier', <IncidentPage />);
  const timeline = await screen.findByRole('list', { name: 'Timeline' });
  const entries = within(timeline).getAllByRole('listitem');
  expect(entries).toHaveLength(4);
  expect(entries[1]).toHaveTextContent('value 120');
  expect(entries[2]).toHaveTextContent('open → critical');
  expect(entries[3]).toHaveTextContent('critical → resolved');
});

test('integrations are added without echoing secrets and the test button says how it went', async () => {
  let created: Record<string, unknown> | null = null;
  mockApi({
    ...ORGS,
    'GET /api/0/organizations/acme/alert-integrations/': [SLACK],
    'POST /api/0/organizations/acme/alert-integrations/': (_url: URL, init: RequestInit) => {
      created = JSON.parse(String(init.body));
      return json({ ...SLACK, id: '12', provider: 'pagerduty', name: 'On call' }, 201);
    },
    'POST /api/0/organizations/acme/alert-integrations/11/test/': { success: false, detail: 'HTTP 404: no_service' },
  });
  renderAt('/alerts/integrations', '/alerts/integrations', <IntegrationsPage />);
  await userEvent.click(await screen.findByRole('button', { name: 'Send test notification' }));
  expect(await screen.findByRole('status')).toHaveTextContent('Not delivered: HTTP 404: no_service');

  const form = screen.getByRole('form', { name: 'Add integration' });
  await userEvent.selectOptions(within(form).getByLabelText('Provider'), 'pagerduty');
  await userEvent.type(within(form).getByLabelText('Name'), 'On call');
  await userEvent.type(within(form).getByLabelText('Integration key'), 'R0UTING');
  await userEvent.click(within(form).getByRole('button', { name: 'Add integration' }));
  await waitFor(() => expect(created).toEqual({ provider: 'pagerduty', name: 'On call', config: { integrationKey: 'R0UTING' } }));
});
