import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router';
import { useMembers, useOrganization } from '../organization/api';
import { ErrorState, Loading } from '../../ui/states/StateViews';
import { AlertsNav } from './AlertsNav';
import {
  EMAIL_ACTION_ID,
  FREQUENCY_ID,
  LEVEL_FILTER_ID,
  TRIGGERS,
  UNIQUE_USERS_ID,
  WEBHOOKS_ACTION_ID,
  actionIntegrationId,
  integrationAction,
  useIntegrations,
  useIssueRule,
  useSaveIssueRule,
  useSaveWebhookPlugin,
  useWebhookPlugin,
  type IssueRule,
  type IssueRuleBody,
  type RulePart,
} from './api';

const INTERVALS = ['1m', '5m', '15m', '1h', '1d', '1w', '30d'];

const LEVELS: Array<[string, string]> = [
  ['', 'any level'],
  ['50', 'fatal'],
  ['40', 'error or worse'],
  ['30', 'warning or worse'],
  ['20', 'info or worse'],
];

/** The form's state: what the builder offers, mapped to Sentry's rule JSON on save. */
interface Draft {
  name: string;
  triggers: string[];
  frequency: { enabled: boolean; value: number; interval: string; users: boolean };
  actionMatch: 'all' | 'any';
  level: string;
  environment: string;
  interval: number;
  webhooks: boolean;
  webhookUrls: string;
  emailMember: string;
  integrations: string[];
  /** Parts of a rule made elsewhere (the API) that the form does not edit: kept as they are. */
  otherConditions: RulePart[];
  otherFilters: RulePart[];
  otherActions: RulePart[];
}

const EMPTY: Draft = {
  name: '',
  triggers: [TRIGGERS[0].id],
  frequency: { enabled: false, value: 100, interval: '1h', users: false },
  actionMatch: 'any',
  level: '',
  environment: '',
  interval: 30,
  webhooks: false,
  webhookUrls: '',
  emailMember: '',
  integrations: [],
  otherConditions: [],
  otherFilters: [],
  otherActions: [],
};

function draftOf(rule: IssueRule): Draft {
  const frequency = rule.conditions.find((part) => part.id === FREQUENCY_ID || part.id === UNIQUE_USERS_ID);
  const level = rule.filters.find((part) => part.id === LEVEL_FILTER_ID && part.match === 'gte');
  const email = rule.actions.find((part) => part.id === EMAIL_ACTION_ID && part.targetType === 'Member');
  const integrations = rule.actions.map(actionIntegrationId).filter((id): id is string => id !== null);
  return {
    ...EMPTY,
    name: rule.name,
    triggers: rule.conditions.filter((part) => TRIGGERS.some((trigger) => trigger.id === part.id)).map((part) => part.id),
    frequency: frequency
      ? { enabled: true, value: Number(frequency.value), interval: String(frequency.interval ?? '1h'), users: frequency.id === UNIQUE_USERS_ID }
      : EMPTY.frequency,
    actionMatch: rule.actionMatch === 'all' ? 'all' : 'any',
    level: level ? String(level.level) : '',
    environment: rule.environment ?? '',
    interval: rule.frequency,
    webhooks: rule.actions.some((part) => part.id === WEBHOOKS_ACTION_ID && part.service === 'webhooks'),
    emailMember: email ? String(email.targetIdentifier) : '',
    integrations,
    otherConditions: rule.conditions.filter(
      (part) => !TRIGGERS.some((trigger) => trigger.id === part.id) && part !== frequency,
    ),
    otherFilters: rule.filters.filter((part) => part !== level),
    otherActions: rule.actions.filter(
      (part) =>
        !(part.id === WEBHOOKS_ACTION_ID && part.service === 'webhooks') && part !== email && actionIntegrationId(part) === null,
    ),
  };
}

/** Sentry's rule JSON of a draft. */
export function ruleBody(draft: Draft, integrationParts: RulePart[]): IssueRuleBody {
  const conditions: RulePart[] = draft.triggers.map((id) => ({ id }));
  if (draft.frequency.enabled) {
    conditions.push({
      id: draft.frequency.users ? UNIQUE_USERS_ID : FREQUENCY_ID,
      value: draft.frequency.value,
      interval: draft.frequency.interval,
      ...(draft.frequency.users ? {} : { comparisonType: 'count' }),
    });
  }
  const filters: RulePart[] = [...draft.otherFilters];
  if (draft.level) {
    filters.push({ id: LEVEL_FILTER_ID, match: 'gte', level: draft.level });
  }
  const actions: RulePart[] = [...draft.otherActions];
  if (draft.webhooks) {
    actions.push({ id: WEBHOOKS_ACTION_ID, service: 'webhooks' });
  }
  if (draft.emailMember) {
    actions.push({ id: EMAIL_ACTION_ID, targetType: 'Member', targetIdentifier: draft.emailMember, fallthroughType: 'ActiveMembers' });
  }
  actions.push(...integrationParts);
  return {
    name: draft.name.trim(),
    conditions: [...conditions, ...draft.otherConditions],
    filters,
    actions,
    actionMatch: draft.actionMatch,
    filterMatch: 'all',
    frequency: draft.interval,
    environment: draft.environment.trim() || null,
  };
}

/** The issue alert builder: create (`/alerts/issue/new?project=`) or edit (`/alerts/issue/:project/:id`). */
export function IssueRuleEditor() {
  const { projectSlug, ruleId } = useParams();
  const [search] = useSearchParams();
  const project = projectSlug ?? search.get('project') ?? undefined;
  const organization = useOrganization();
  const org = organization.data?.slug;
  const rule = useIssueRule(org, project, ruleId);
  if (organization.isPending || (ruleId && rule.isPending)) {
    return <Loading />;
  }
  if (organization.isError) {
    return <ErrorState error={organization.error} />;
  }
  if (rule.isError) {
    return <ErrorState error={rule.error} onRetry={() => rule.refetch()} />;
  }
  if (!org || !project) {
    return <ErrorState error={new Error('Choose a project on the alerts page first.')} />;
  }
  return (
    <section className="page">
      <div className="page-header">
        <h1>{ruleId ? 'Edit issue alert' : 'Create issue alert'}</h1>
        <p className="muted">Project {project}</p>
      </div>
      <AlertsNav />
      <RuleForm key={rule.data?.id ?? 'new'} org={org} project={project} rule={rule.data} />
    </section>
  );
}

function RuleForm({ org, project, rule }: { org: string; project: string; rule: IssueRule | undefined }) {
  const [draft, setDraft] = useState<Draft>(() => (rule ? draftOf(rule) : EMPTY));
  const members = useMembers(org);
  const integrations = useIntegrations(org);
  const plugin = useWebhookPlugin(org, project);
  const save = useSaveIssueRule(org, project);
  const savePlugin = useSaveWebhookPlugin(org, project);
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    const urls = plugin.data?.config.find((field) => field.name === 'urls')?.value;
    if (urls !== undefined) {
      setDraft((current) => (current.webhookUrls ? current : { ...current, webhookUrls: urls }));
    }
  }, [plugin.data]);

  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    if (!draft.name.trim()) {
      setError('Give the alert a name.');
      return;
    }
    const parts = (integrations.data ?? []).filter((integration) => draft.integrations.includes(integration.id)).map(integrationAction);
    const body = ruleBody(draft, parts);
    if (body.actions.length === 0) {
      setError('Choose at least one action.');
      return;
    }
    try {
      if (draft.webhooks) {
        await savePlugin.mutateAsync(draft.webhookUrls);
      }
      await save.mutateAsync({ id: rule?.id, body });
      navigate('/alerts');
    }
    catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  return (
    <form className="form rule-builder" onSubmit={submit} aria-label="Issue alert">
      <label>
        Name
        <input value={draft.name} onChange={(event) => update({ name: event.target.value })} required />
      </label>
      <fieldset>
        <legend>When</legend>
        <label className="inline-label">
          <select
            aria-label="Condition match"
            value={draft.actionMatch}
            onChange={(event) => update({ actionMatch: event.target.value as 'all' | 'any' })}
          >
            <option value="any">any</option>
            <option value="all">all</option>
          </select>{' '}
          of these happen
        </label>
        {TRIGGERS.map((trigger) => (
          <label key={trigger.id} className="inline-label">
            <input
              type="checkbox"
              checked={draft.triggers.includes(trigger.id)}
              onChange={(event) =>
                update({
                  triggers: event.target.checked
                    ? [...draft.triggers, trigger.id]
                    : draft.triggers.filter((id) => id !== trigger.id),
                })
              }
            />
            {trigger.label}
          </label>
        ))}
        <label className="inline-label">
          <input
            type="checkbox"
            checked={draft.frequency.enabled}
            onChange={(event) => update({ frequency: { ...draft.frequency, enabled: event.target.checked } })}
          />
          The issue is seen by more than
          <input
            type="number"
            min={0}
            aria-label="Frequency threshold"
            value={draft.frequency.value}
            onChange={(event) => update({ frequency: { ...draft.frequency, value: Number(event.target.value) } })}
            style={{ width: '6rem' }}
          />
          <select
            aria-label="Frequency kind"
            value={draft.frequency.users ? 'users' : 'events'}
            onChange={(event) => update({ frequency: { ...draft.frequency, users: event.target.value === 'users' } })}
          >
            <option value="events">events</option>
            <option value="users">users</option>
          </select>
          in
          <select
            aria-label="Frequency interval"
            value={draft.frequency.interval}
            onChange={(event) => update({ frequency: { ...draft.frequency, interval: event.target.value } })}
          >
            {INTERVALS.map((interval) => (
              <option key={interval}>{interval}</option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>If</legend>
        <label className="inline-label">
          Level
          <select value={draft.level} onChange={(event) => update({ level: event.target.value })}>
            {LEVELS.map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Environment (empty: any)
          <input value={draft.environment} onChange={(event) => update({ environment: event.target.value })} />
        </label>
        {draft.otherFilters.length > 0 && (
          <p className="muted">{draft.otherFilters.length} more filters set through the API are kept.</p>
        )}
      </fieldset>
      <fieldset>
        <legend>Then</legend>
        <label className="inline-label">
          <input type="checkbox" checked={draft.webhooks} onChange={(event) => update({ webhooks: event.target.checked })} />
          Post to the project's webhooks
        </label>
        {draft.webhooks && (
          <label>
            Webhook URLs, one per line
            <textarea rows={3} value={draft.webhookUrls} onChange={(event) => update({ webhookUrls: event.target.value })} />
          </label>
        )}
        <label className="inline-label">
          Mail
          <select value={draft.emailMember} onChange={(event) => update({ emailMember: event.target.value })}>
            <option value="">nobody</option>
            {(members.data ?? []).map((member) => (
              <option key={member.id} value={member.id}>
                {member.email}
              </option>
            ))}
          </select>
        </label>
        {(integrations.data ?? []).map((integration) => (
          <label key={integration.id} className="inline-label">
            <input
              type="checkbox"
              checked={draft.integrations.includes(integration.id)}
              onChange={(event) =>
                update({
                  integrations: event.target.checked
                    ? [...draft.integrations, integration.id]
                    : draft.integrations.filter((id) => id !== integration.id),
                })
              }
            />
            Notify {integration.name} ({integration.provider})
          </label>
        ))}
        {integrations.data?.length === 0 && (
          <p className="muted">
            <Link to="/alerts/integrations">Add an integration</Link> to notify Slack, Teams, Discord, PagerDuty or Opsgenie.
          </p>
        )}
      </fieldset>
      <label className="inline-label">
        Notify at most once every
        <input
          type="number"
          min={0}
          max={43200}
          aria-label="Action interval in minutes"
          value={draft.interval}
          onChange={(event) => update({ interval: Number(event.target.value) })}
          style={{ width: '6rem' }}
        />
        minutes per issue
      </label>
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={save.isPending}>
          {rule ? 'Save alert' : 'Create alert'}
        </button>
        <Link to="/alerts" className="button">
          Cancel
        </Link>
      </div>
    </form>
  );
}
