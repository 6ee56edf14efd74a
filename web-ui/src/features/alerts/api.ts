// Alerts: issue alert rules of projects, metric alert rules and their incidents, the
// organization's notification integrations and the alert history (the outbox).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiJson } from '../../api/client';

const enc = encodeURIComponent;

/** One condition, filter or action of an issue rule: Sentry's id and its fields. */
export interface RulePart {
  id: string;
  [field: string]: unknown;
}

export interface IssueRule {
  id: string;
  name: string;
  conditions: RulePart[];
  filters: RulePart[];
  actions: RulePart[];
  actionMatch: 'all' | 'any' | 'none';
  filterMatch: 'all' | 'any' | 'none';
  frequency: number;
  environment: string | null;
  status: 'active' | 'disabled';
  snooze: boolean;
  projects: string[];
  dateCreated: string;
  lastTriggered: string | null;
}

export type IssueRuleBody = Pick<
  IssueRule,
  'name' | 'conditions' | 'filters' | 'actions' | 'actionMatch' | 'filterMatch' | 'frequency' | 'environment'
>;

export interface TriggerAction {
  type: string;
  targetType: string;
  targetIdentifier?: string | null;
  integrationId?: string | null;
  sentryAppId?: string | null;
}

export interface Trigger {
  label: 'critical' | 'warning';
  alertThreshold: number;
  actions: TriggerAction[];
}

export interface MetricRule {
  id: string;
  name: string;
  dataset: string;
  aggregate: string;
  query: string;
  timeWindow: number;
  thresholdType: 0 | 1;
  resolveThreshold: number | null;
  environment: string | null;
  projects: string[];
  triggers: Trigger[];
  status: number;
  dateCreated: string;
}

export type MetricRuleBody = Omit<MetricRule, 'id' | 'status' | 'dateCreated'>;

/** Sentry's incident statuses. */
export const INCIDENT_STATUS: Record<number, string> = { 1: 'open', 2: 'resolved', 10: 'warning', 20: 'critical' };

/** Sentry's incident activity types. */
export const ACTIVITY_TYPE: Record<number, string> = { 1: 'Detected', 2: 'Status changed', 3: 'Comment', 4: 'Started' };

export interface Incident {
  id: string;
  identifier: string;
  title: string;
  status: number;
  alertRule: MetricRule | null;
  projects: string[];
  dateStarted: string;
  dateDetected: string;
  dateClosed: string | null;
}

export interface IncidentActivity {
  id: string;
  type: number;
  value: string | null;
  previousValue: string | null;
  dateCreated: string;
}

export interface Integration {
  id: string;
  provider: string;
  name: string;
  dateCreated: string;
  config: Record<string, string>;
  status: { lastStatus: 'ok' | 'error' | null; lastError: string | null; lastDelivery: string | null };
}

export interface SentNotification {
  id: string;
  channel: string;
  integrationId: string | null;
  ruleId: string | null;
  metricRuleId: string | null;
  issueId: string | null;
  destination: string;
  state: 'pending' | 'sent' | 'failed';
  attempts: number;
  lastError: string | null;
  dateCreated: string;
  dateSent: string | null;
  nextAttempt: string | null;
}

const rulesPath = (org: string, project: string) => `/api/0/projects/${enc(org)}/${enc(project)}/rules/`;

export function useIssueRules(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['issue-rules', org, project],
    queryFn: () => apiJson<IssueRule[]>(rulesPath(org!, project!)),
    enabled: !!org && !!project,
  });
}

export function useIssueRule(org: string | undefined, project: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: ['issue-rules', org, project, id],
    queryFn: () => apiJson<IssueRule>(`${rulesPath(org!, project!)}${enc(id!)}/`),
    enabled: !!org && !!project && !!id,
  });
}

/** Creates a rule, or replaces one when `id` is given. */
export function useSaveIssueRule(org: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: IssueRuleBody }) =>
      apiJson<IssueRule>(id ? `${rulesPath(org, project)}${enc(id)}/` : rulesPath(org, project), {
        method: id ? 'PUT' : 'POST',
        body,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['issue-rules', org, project] }),
  });
}

/** Deletes, snoozes or unsnoozes a rule. */
export function useIssueRuleAction(org: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: string; action: 'delete' | 'snooze' | 'unsnooze' }) =>
      apiJson<unknown>(`${rulesPath(org, project)}${enc(id)}/${action === 'delete' ? '' : 'snooze/'}`, {
        method: action === 'snooze' ? 'POST' : 'DELETE',
        body: action === 'snooze' ? { target: 'everyone' } : undefined,
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['issue-rules', org, project] }),
  });
}

export function useWebhookPlugin(org: string | undefined, project: string | undefined) {
  return useQuery({
    queryKey: ['webhook-plugin', org, project],
    queryFn: () =>
      apiJson<{ enabled: boolean; config: Array<{ name: string; value: string }> }>(
        `/api/0/projects/${enc(org!)}/${enc(project!)}/plugins/webhooks/`,
      ),
    enabled: !!org && !!project,
  });
}

export function useSaveWebhookPlugin(org: string, project: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (urls: string) =>
      apiJson<unknown>(`/api/0/projects/${enc(org)}/${enc(project)}/plugins/webhooks/`, { method: 'PUT', body: { urls } }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['webhook-plugin', org, project] }),
  });
}

const metricPath = (org: string) => `/api/0/organizations/${enc(org)}/alert-rules/`;

export function useMetricRules(org: string | undefined) {
  return useQuery({
    queryKey: ['metric-rules', org],
    queryFn: () => apiJson<MetricRule[]>(metricPath(org!)),
    enabled: !!org,
  });
}

export function useMetricRule(org: string | undefined, id: string | undefined) {
  return useQuery({
    queryKey: ['metric-rules', org, id],
    queryFn: () => apiJson<MetricRule>(`${metricPath(org!)}${enc(id!)}/`),
    enabled: !!org && !!id,
  });
}

export function useSaveMetricRule(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id?: string; body: MetricRuleBody }) =>
      apiJson<MetricRule>(id ? `${metricPath(org)}${enc(id)}/` : metricPath(org), { method: id ? 'PUT' : 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['metric-rules', org] }),
  });
}

export function useDeleteMetricRule(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiJson<unknown>(`${metricPath(org)}${enc(id)}/`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['metric-rules', org] }),
  });
}

export function useIncidents(org: string | undefined) {
  return useQuery({
    queryKey: ['incidents', org],
    queryFn: () => apiJson<Incident[]>(`/api/0/organizations/${enc(org!)}/incidents/`),
    enabled: !!org,
    refetchInterval: 30_000,
  });
}

export function useIncident(org: string | undefined, identifier: string | undefined) {
  return useQuery({
    queryKey: ['incidents', org, identifier],
    queryFn: async () => {
      const base = `/api/0/organizations/${enc(org!)}/incidents/${enc(identifier!)}/`;
      const [incident, activity] = await Promise.all([
        apiJson<Incident>(base),
        apiJson<IncidentActivity[]>(`${base}activity/`),
      ]);
      return { incident, activity };
    },
    enabled: !!org && !!identifier,
  });
}

const integrationsPath = (org: string) => `/api/0/organizations/${enc(org)}/alert-integrations/`;

export function useIntegrations(org: string | undefined) {
  return useQuery({
    queryKey: ['alert-integrations', org],
    queryFn: () => apiJson<Integration[]>(integrationsPath(org!)),
    enabled: !!org,
  });
}

export function useCreateIntegration(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { provider: string; name: string; config: Record<string, string> }) =>
      apiJson<Integration>(integrationsPath(org), { method: 'POST', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['alert-integrations', org] }),
  });
}

export function useDeleteIntegration(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiJson<unknown>(`${integrationsPath(org)}${enc(id)}/`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['alert-integrations', org] }),
  });
}

/** The "send test notification" button: answers whether the destination took it. */
export function useTestIntegration(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiJson<{ success: boolean; detail?: string }>(`${integrationsPath(org)}${enc(id)}/test/`, { method: 'POST' }),
    onSettled: () => client.invalidateQueries({ queryKey: ['alert-integrations', org] }),
  });
}

export function useNotifications(org: string | undefined) {
  return useQuery({
    queryKey: ['notifications', org],
    queryFn: () => apiJson<SentNotification[]>(`/api/0/organizations/${enc(org!)}/notifications/`),
    enabled: !!org,
    refetchInterval: 15_000,
  });
}

/** Ids of the trigger conditions the rule builder offers, with their labels. */
export const TRIGGERS: Array<{ id: string; label: string }> = [
  { id: 'sentry.rules.conditions.first_seen_event.FirstSeenEventCondition', label: 'A new issue is created' },
  { id: 'sentry.rules.conditions.regression_event.RegressionEventCondition', label: 'A resolved issue regresses' },
  { id: 'sentry.rules.conditions.reappeared_event.ReappearedEventCondition', label: 'An archived issue reappears' },
];

export const FREQUENCY_ID = 'sentry.rules.conditions.event_frequency.EventFrequencyCondition';
export const UNIQUE_USERS_ID = 'sentry.rules.conditions.event_frequency.EventUniqueUserFrequencyCondition';
export const LEVEL_FILTER_ID = 'sentry.rules.filters.level.LevelFilter';
export const WEBHOOKS_ACTION_ID = 'sentry.rules.actions.notify_event_service.NotifyEventServiceAction';
export const EMAIL_ACTION_ID = 'sentry.mail.actions.NotifyEmailAction';

/** The rule action of an integration, by its provider. */
export function integrationAction(integration: Integration): RulePart {
  switch (integration.provider) {
    case 'slack':
      return { id: 'sentry.integrations.slack.notify_action.SlackNotifyServiceAction', workspace: integration.id, channel: integration.config.channel ?? '' };
    case 'msteams':
      return { id: 'sentry.integrations.msteams.notify_action.MsTeamsNotifyServiceAction', team: integration.id, channel: '' };
    case 'discord':
      return { id: 'sentry.integrations.discord.notify_action.DiscordNotifyServiceAction', server: integration.id, channel_id: '' };
    case 'pagerduty':
      return { id: 'sentry.integrations.pagerduty.notify_action.PagerDutyNotifyServiceAction', account: integration.id, service: '', severity: 'default' };
    case 'opsgenie':
      return { id: 'sentry.integrations.opsgenie.notify_action.OpsgenieNotifyTeamAction', account: integration.id, team: '', priority: 'P3' };
    default:
      return { id: 'sentry.rules.actions.notify_event_sentry_app.NotifyEventSentryAppAction', sentryAppInstallationUuid: integration.id };
  }
}

/** The integration an issue rule action names, if any. */
export function actionIntegrationId(action: RulePart): string | null {
  for (const key of ['workspace', 'team', 'server', 'account', 'sentryAppInstallationUuid']) {
    if (action[key] !== undefined && action[key] !== null) {
      return String(action[key]);
    }
  }
  return null;
}

/** A rule part in words, for lists. */
export function describePart(part: RulePart): string {
  const trigger = TRIGGERS.find((candidate) => candidate.id === part.id);
  if (trigger) {
    return trigger.label;
  }
  if (part.id === FREQUENCY_ID) {
    return `More than ${String(part.value)} events in ${String(part.interval)}`;
  }
  if (part.id === UNIQUE_USERS_ID) {
    return `More than ${String(part.value)} users in ${String(part.interval)}`;
  }
  if (part.id === WEBHOOKS_ACTION_ID) {
    return part.service === 'mail' ? 'Mail the members' : 'WebHooks plugin';
  }
  if (part.id === EMAIL_ACTION_ID) {
    return part.targetType === 'Member' ? `Mail member ${String(part.targetIdentifier)}` : 'Mail the members';
  }
  const name = part.id.split('.').pop() ?? part.id;
  return name.replace(/(Condition|Filter|Action)$/, '').replace(/([a-z])([A-Z])/g, '$1 $2');
}
