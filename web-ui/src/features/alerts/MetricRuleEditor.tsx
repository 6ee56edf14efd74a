import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMembers, useOrganization } from '../organization/api';
import { useProjects } from '../projects/api';
import { ErrorState, Loading } from '../../ui/states/StateViews';
import { AlertsNav } from './AlertsNav';
import { useIntegrations, useMetricRule, useSaveMetricRule, type MetricRule, type MetricRuleBody, type TriggerAction } from './api';

/** The aggregates the builder offers per dataset (Sentry's field strings). */
export const AGGREGATES: Record<string, string[]> = {
  events: ['count()', 'count_unique(user)'],
  transactions: ['count()', 'p95(transaction.duration)', 'p50(transaction.duration)', 'failure_rate()', 'apdex(300)'],
};

const WINDOWS = [1, 5, 10, 15, 30, 60, 120, 240, 1440];

interface Draft {
  name: string;
  dataset: string;
  aggregate: string;
  query: string;
  timeWindow: number;
  thresholdType: 0 | 1;
  critical: string;
  warning: string;
  resolve: string;
  environment: string;
  projects: string[];
  notify: string;
}

function draftOf(rule: MetricRule | undefined, firstProject: string | undefined): Draft {
  if (!rule) {
    return {
      name: '',
      dataset: 'events',
      aggregate: 'count()',
      query: '',
      timeWindow: 5,
      thresholdType: 0,
      critical: '100',
      warning: '',
      resolve: '',
      environment: '',
      projects: firstProject ? [firstProject] : [],
      notify: '',
    };
  }
  const critical = rule.triggers.find((trigger) => trigger.label === 'critical');
  const warning = rule.triggers.find((trigger) => trigger.label === 'warning');
  const action = critical?.actions[0];
  return {
    name: rule.name,
    dataset: rule.dataset,
    aggregate: rule.aggregate,
    query: rule.query,
    timeWindow: rule.timeWindow,
    thresholdType: rule.thresholdType,
    critical: critical ? String(critical.alertThreshold) : '',
    warning: warning ? String(warning.alertThreshold) : '',
    resolve: rule.resolveThreshold === null ? '' : String(rule.resolveThreshold),
    environment: rule.environment ?? '',
    projects: rule.projects,
    notify: !action
      ? ''
      : action.type === 'email'
        ? `email:${action.targetIdentifier ?? ''}`
        : `integration:${action.sentryAppId ?? action.integrationId ?? ''}`,
  };
}

/** The metric alert builder: aggregate, query, window, thresholds and who to notify. */
export function MetricRuleEditor() {
  const { ruleId } = useParams();
  const organization = useOrganization();
  const org = organization.data?.slug;
  const projects = useProjects(org);
  const rule = useMetricRule(org, ruleId);
  if (organization.isPending || projects.isPending || (ruleId && rule.isPending)) {
    return <Loading />;
  }
  if (organization.isError || projects.isError || rule.isError) {
    return <ErrorState error={organization.error ?? projects.error ?? rule.error} />;
  }
  if (!org) {
    return <ErrorState error={new Error('You are not a member of any organization.')} />;
  }
  return (
    <section className="page">
      <div className="page-header">
        <h1>{ruleId ? 'Edit metric alert' : 'Create metric alert'}</h1>
      </div>
      <AlertsNav />
      <MetricForm
        key={rule.data?.id ?? 'new'}
        org={org}
        rule={rule.data}
        projectSlugs={projects.data.map((project) => project.slug)}
      />
    </section>
  );
}

function MetricForm({ org, rule, projectSlugs }: { org: string; rule: MetricRule | undefined; projectSlugs: string[] }) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(rule, projectSlugs[0]));
  const members = useMembers(org);
  const integrations = useIntegrations(org);
  const save = useSaveMetricRule(org);
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const update = (change: Partial<Draft>) => setDraft((current) => ({ ...current, ...change }));

  const actions = (): TriggerAction[] => {
    if (draft.notify.startsWith('email:')) {
      return [{ type: 'email', targetType: 'user', targetIdentifier: draft.notify.slice('email:'.length) }];
    }
    if (draft.notify.startsWith('integration:')) {
      const id = draft.notify.slice('integration:'.length);
      const integration = integrations.data?.find((candidate) => candidate.id === id);
      if (integration?.provider === 'webhook') {
        return [{ type: 'sentry_app', targetType: 'sentry_app', sentryAppId: id }];
      }
      return [{ type: integration?.provider ?? 'slack', targetType: 'specific', targetIdentifier: integration?.config.channel ?? '', integrationId: id }];
    }
    return [];
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    const critical = Number(draft.critical);
    if (!draft.name.trim() || draft.critical === '' || Number.isNaN(critical)) {
      setError('Give the alert a name and a critical threshold.');
      return;
    }
    if (draft.projects.length === 0) {
      setError('Choose at least one project.');
      return;
    }
    const triggers: MetricRuleBody['triggers'] = [{ label: 'critical', alertThreshold: critical, actions: actions() }];
    if (draft.warning !== '') {
      triggers.push({ label: 'warning', alertThreshold: Number(draft.warning), actions: actions() });
    }
    const body: MetricRuleBody = {
      name: draft.name.trim(),
      dataset: draft.dataset,
      aggregate: draft.aggregate,
      query: draft.query,
      timeWindow: draft.timeWindow,
      thresholdType: draft.thresholdType,
      resolveThreshold: draft.resolve === '' ? null : Number(draft.resolve),
      environment: draft.environment.trim() || null,
      projects: draft.projects,
      triggers,
    };
    try {
      await save.mutateAsync({ id: rule?.id, body });
      navigate('/alerts');
    }
    catch (cause) {
      setError(cause instanceof Error ? cause.message : String(cause));
    }
  };

  const above = draft.thresholdType === 0;
  return (
    <form className="form rule-builder" onSubmit={submit} aria-label="Metric alert">
      <label>
        Name
        <input value={draft.name} onChange={(event) => update({ name: event.target.value })} required />
      </label>
      <fieldset>
        <legend>Metric</legend>
        <label className="inline-label">
          Dataset
          <select
            value={draft.dataset}
            onChange={(event) => update({ dataset: event.target.value, aggregate: AGGREGATES[event.target.value][0] })}
          >
            <option value="events">errors</option>
            <option value="transactions">transactions</option>
          </select>
        </label>
        <label className="inline-label">
          Aggregate
          <select value={draft.aggregate} onChange={(event) => update({ aggregate: event.target.value })}>
            {AGGREGATES[draft.dataset].map((aggregate) => (
              <option key={aggregate}>{aggregate}</option>
            ))}
          </select>
        </label>
        <label>
          Filter (Sentry search, e.g. level:error)
          <input value={draft.query} onChange={(event) => update({ query: event.target.value })} />
        </label>
        <label className="inline-label">
          Over the last
          <select value={draft.timeWindow} onChange={(event) => update({ timeWindow: Number(event.target.value) })}>
            {WINDOWS.map((window) => (
              <option key={window} value={window}>
                {window} min
              </option>
            ))}
          </select>
        </label>
        <label>
          Environment (empty: any)
          <input value={draft.environment} onChange={(event) => update({ environment: event.target.value })} />
        </label>
        <label>
          Projects
          <select
            multiple
            value={draft.projects}
            onChange={(event) => update({ projects: Array.from(event.target.selectedOptions, (option) => option.value) })}
          >
            {projectSlugs.map((slug) => (
              <option key={slug}>{slug}</option>
            ))}
          </select>
        </label>
      </fieldset>
      <fieldset>
        <legend>Thresholds</legend>
        <label className="inline-label">
          Alert when the value is
          <select value={draft.thresholdType} onChange={(event) => update({ thresholdType: Number(event.target.value) as 0 | 1 })}>
            <option value={0}>above</option>
            <option value={1}>below</option>
          </select>
        </label>
        <label className="inline-label">
          Critical {above ? '>' : '<'}
          <input aria-label="Critical threshold" value={draft.critical} onChange={(event) => update({ critical: event.target.value })} />
        </label>
        <label className="inline-label">
          Warning {above ? '>' : '<'}
          <input aria-label="Warning threshold" value={draft.warning} onChange={(event) => update({ warning: event.target.value })} />
        </label>
        <label className="inline-label">
          Resolve {above ? '≤' : '≥'}
          <input
            aria-label="Resolve threshold"
            placeholder="the lowest threshold"
            value={draft.resolve}
            onChange={(event) => update({ resolve: event.target.value })}
          />
        </label>
      </fieldset>
      <fieldset>
        <legend>Notify</legend>
        <select aria-label="Notify" value={draft.notify} onChange={(event) => update({ notify: event.target.value })}>
          <option value="">nobody (incidents only)</option>
          {(members.data ?? []).map((member) => (
            <option key={member.id} value={`email:${member.id}`}>
              mail {member.email}
            </option>
          ))}
          {(integrations.data ?? []).map((integration) => (
            <option key={integration.id} value={`integration:${integration.id}`}>
              {integration.name} ({integration.provider})
            </option>
          ))}
        </select>
      </fieldset>
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
