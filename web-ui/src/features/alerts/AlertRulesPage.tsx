import { useState } from 'react';
import { Link } from 'react-router';
import { useOrganization } from '../organization/api';
import { useProjects } from '../projects/api';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { RelativeTime } from '../../ui/RelativeTime';
import { AlertsNav } from './AlertsNav';
import { describePart, useDeleteMetricRule, useIssueRuleAction, useIssueRules, useMetricRules } from './api';

/** Every alert rule: the chosen project's issue alerts and the organization's metric alerts. */
export function AlertRulesPage() {
  const organization = useOrganization();
  const org = organization.data?.slug;
  const projects = useProjects(org);
  const [chosen, setChosen] = useState<string | undefined>(undefined);
  if (organization.isPending || projects.isPending) {
    return <Loading />;
  }
  if (organization.isError) {
    return <ErrorState error={organization.error} onRetry={() => organization.refetch()} />;
  }
  if (projects.isError) {
    return <ErrorState error={projects.error} onRetry={() => projects.refetch()} />;
  }
  if (!org) {
    return <EmptyState title="You are not a member of any organization." />;
  }
  const project = chosen ?? projects.data[0]?.slug;
  return (
    <section className="page">
      <div className="page-header">
        <h1>Alerts</h1>
        <div className="actions">
          {project && (
            <Link className="button button-primary" to={`/alerts/issue/new?project=${encodeURIComponent(project)}`}>
              Create issue alert
            </Link>
          )}
          <Link className="button" to="/alerts/metric/new">
            Create metric alert
          </Link>
        </div>
      </div>
      <AlertsNav />
      <h2>Issue alerts</h2>
      {projects.data.length === 0 ? (
        <EmptyState title="No projects yet">
          <p>Issue alerts belong to a project: create one first.</p>
        </EmptyState>
      ) : (
        <>
          <label className="inline-label">
            Project{' '}
            <select value={project} onChange={(event) => setChosen(event.target.value)}>
              {projects.data.map((candidate) => (
                <option key={candidate.id} value={candidate.slug}>
                  {candidate.name}
                </option>
              ))}
            </select>
          </label>
          {project && <IssueRules org={org} project={project} />}
        </>
      )}
      <h2>Metric alerts</h2>
      <MetricRules org={org} />
    </section>
  );
}

function IssueRules({ org, project }: { org: string; project: string }) {
  const rules = useIssueRules(org, project);
  const action = useIssueRuleAction(org, project);
  if (rules.isPending) {
    return <Loading />;
  }
  if (rules.isError) {
    return <ErrorState error={rules.error} onRetry={() => rules.refetch()} />;
  }
  if (rules.data.length === 0) {
    return (
      <EmptyState title="No issue alerts in this project">
        <p>An issue alert tells you about new issues, regressions or bursts of events as they happen.</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Issue alerts">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">When</th>
            <th scope="col">Then</th>
            <th scope="col">Last triggered</th>
            <th scope="col">State</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.data.map((rule) => (
            <tr key={rule.id}>
              <td>
                <Link to={`/alerts/issue/${encodeURIComponent(project)}/${rule.id}`}>{rule.name}</Link>
              </td>
              <td>{rule.conditions.map(describePart).join(rule.actionMatch === 'any' ? ' or ' : ' and ') || 'Every event'}</td>
              <td>{rule.actions.map(describePart).join(', ')}</td>
              <td>{rule.lastTriggered ? <RelativeTime date={rule.lastTriggered} /> : 'never'}</td>
              <td>
                {rule.status === 'disabled' ? (
                  <span className="badge">disabled</span>
                ) : rule.snooze ? (
                  <span className="badge">muted</span>
                ) : (
                  <span className="badge badge-ok">active</span>
                )}
              </td>
              <td className="actions">
                <button
                  type="button"
                  className="button"
                  onClick={() => action.mutate({ id: rule.id, action: rule.snooze ? 'unsnooze' : 'snooze' })}
                >
                  {rule.snooze ? 'Unmute' : 'Mute'}
                </button>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    if (window.confirm(`Delete the alert "${rule.name}"?`)) {
                      action.mutate({ id: rule.id, action: 'delete' });
                    }
                  }}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function MetricRules({ org }: { org: string }) {
  const rules = useMetricRules(org);
  const remove = useDeleteMetricRule(org);
  if (rules.isPending) {
    return <Loading />;
  }
  if (rules.isError) {
    return <ErrorState error={rules.error} onRetry={() => rules.refetch()} />;
  }
  if (rules.data.length === 0) {
    return (
      <EmptyState title="No metric alerts">
        <p>A metric alert watches an aggregate such as count() or p95(transaction.duration) over a time window.</p>
      </EmptyState>
    );
  }
  return (
    <div className="table-scroll">
      <table className="table" aria-label="Metric alerts">
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Metric</th>
            <th scope="col">Thresholds</th>
            <th scope="col">Projects</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rules.data.map((rule) => (
            <tr key={rule.id}>
              <td>
                <Link to={`/alerts/metric/${rule.id}`}>{rule.name}</Link>
              </td>
              <td>
                <code>{rule.aggregate}</code> over {rule.timeWindow} min{rule.query ? ` where ${rule.query}` : ''}
              </td>
              <td>
                {rule.triggers
                  .map((trigger) => `${trigger.label} ${rule.thresholdType === 1 ? '<' : '>'} ${trigger.alertThreshold}`)
                  .join(', ')}
              </td>
              <td>{rule.projects.join(', ')}</td>
              <td>
                <button
                  type="button"
                  className="button"
                  onClick={() => {
                    if (window.confirm(`Delete the metric alert "${rule.name}"?`)) {
                      remove.mutate(rule.id);
                    }
                  }}
                >
                  Delete
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
