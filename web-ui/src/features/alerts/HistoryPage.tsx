import { Link } from 'react-router';
import { useOrganization } from '../organization/api';
import { RelativeTime } from '../../ui/RelativeTime';
import { EmptyState, ErrorState, Loading } from '../../ui/states/StateViews';
import { AlertsNav } from './AlertsNav';
import { useNotifications } from './api';

const STATE_CLASS: Record<string, string> = { sent: 'badge badge-ok', failed: 'badge badge-error', pending: 'badge' };

/** The alert history: every notification with its delivery state, attempts and last error. */
export function HistoryPage() {
  const organization = useOrganization();
  const notifications = useNotifications(organization.data?.slug);
  return (
    <section className="page">
      <div className="page-header">
        <h1>Alert history</h1>
      </div>
      <AlertsNav />
      {organization.isPending || notifications.isPending ? (
        <Loading />
      ) : notifications.isError ? (
        <ErrorState error={notifications.error} onRetry={() => notifications.refetch()} />
      ) : notifications.data.length === 0 ? (
        <EmptyState title="Nothing has been sent yet" />
      ) : (
        <div className="table-scroll">
          <table className="table" aria-label="Notifications">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Channel</th>
                <th scope="col">To</th>
                <th scope="col">About</th>
                <th scope="col">State</th>
              </tr>
            </thead>
            <tbody>
              {notifications.data.map((notification) => (
                <tr key={notification.id}>
                  <td>
                    <RelativeTime date={notification.dateCreated} />
                  </td>
                  <td>{notification.channel}</td>
                  <td className="ellipsis">{notification.destination || '—'}</td>
                  <td>
                    {notification.issueId ? (
                      <Link to={`/issues/${notification.issueId}`}>issue {notification.issueId}</Link>
                    ) : notification.metricRuleId ? (
                      <Link to={`/alerts/metric/${notification.metricRuleId}`}>metric alert</Link>
                    ) : (
                      '—'
                    )}
                  </td>
                  <td>
                    <span className={STATE_CLASS[notification.state]}>{notification.state}</span>
                    {notification.attempts > 1 && <span className="muted"> after {notification.attempts} attempts</span>}
                    {notification.lastError && <span className="muted"> · {notification.lastError}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
