import { Link, useParams } from 'react-router';
import { useOrganization } from '../organization/api';
import { DateTime, RelativeTime } from '../../ui/RelativeTime';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { AlertsNav } from './AlertsNav';
import { ACTIVITY_TYPE, INCIDENT_STATUS, useIncident, useIncidents } from './api';

function StatusBadge({ status }: { status: number }) {
  const label = INCIDENT_STATUS[status] ?? String(status);
  return <span className={status === 2 ? 'badge badge-ok' : 'badge badge-error'}>{label}</span>;
}

/** The organization's incidents, newest first. */
export function IncidentsPage() {
  const organization = useOrganization();
  const incidents = useIncidents(organization.data?.slug);
  return (
    <section className="page">
      <div className="page-header">
        <h1>Incidents</h1>
      </div>
      <AlertsNav />
      {organization.isPending || incidents.isPending ? (
        <Loading />
      ) : incidents.isError ? (
        <ErrorState error={incidents.error} onRetry={() => incidents.refetch()} />
      ) : incidents.data.length === 0 ? (
        <EmptyState title="No incidents">
          <p>A metric alert opens an incident when its value crosses a threshold.</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label="Incidents">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">Alert</th>
                <th scope="col">Status</th>
                <th scope="col">Started</th>
                <th scope="col">Resolved</th>
              </tr>
            </thead>
            <tbody>
              {incidents.data.map((incident) => (
                <tr key={incident.id}>
                  <td>
                    <Link to={`/alerts/incidents/${incident.identifier}`}>{incident.identifier}</Link>
                  </td>
                  <td>{incident.title}</td>
                  <td>
                    <StatusBadge status={incident.status} />
                  </td>
                  <td>
                    <RelativeTime date={incident.dateStarted} />
                  </td>
                  <td>{incident.dateClosed ? <RelativeTime date={incident.dateClosed} /> : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** One incident: its rule, status and timeline. */
export function IncidentPage() {
  const { identifier } = useParams();
  const organization = useOrganization();
  const incident = useIncident(organization.data?.slug, identifier);
  if (organization.isPending || incident.isPending) {
    return <Loading />;
  }
  if (incident.isError) {
    return <ErrorState error={incident.error} onRetry={() => incident.refetch()} />;
  }
  const { incident: data, activity } = incident.data;
  const rule = data.alertRule;
  return (
    <section className="page">
      <div className="page-header">
        <h1>
          Incident #{data.identifier}: {data.title} <StatusBadge status={data.status} />
        </h1>
        {rule && (
          <p className="muted">
            <code>{rule.aggregate}</code> over {rule.timeWindow} min{rule.query ? ` where ${rule.query}` : ''} in{' '}
            {data.projects.join(', ')} · <Link to={`/alerts/metric/${rule.id}`}>edit the alert</Link>
          </p>
        )}
      </div>
      <AlertsNav />
      <h2>Timeline</h2>
      <ol className="timeline" aria-label="Timeline">
        {activity.map((entry) => (
          <li key={entry.id}>
            <strong>{ACTIVITY_TYPE[entry.type] ?? entry.type}</strong>{' '}
            {entry.type === 2 && entry.value !== null
              ? `${INCIDENT_STATUS[Number(entry.previousValue)] ?? entry.previousValue} → ${INCIDENT_STATUS[Number(entry.value)] ?? entry.value}`
              : entry.type === 1 && entry.value !== null
                ? `value ${entry.value}`
                : ''}{' '}
            <span className="muted">
              <DateTime date={entry.dateCreated} />
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
