import type { Breadcrumb } from '../../../api/models';
import { formatDate } from '../../../ui/format';

export function Breadcrumbs({ values }: { values: Breadcrumb[] }) {
  return (
    <section className="card" aria-label="Breadcrumbs">
      <h2>Breadcrumbs</h2>
      {values.length === 0 ? (
        <p className="muted">No breadcrumbs.</p>
      ) : (
        <ol className="breadcrumbs">
          {values.map((crumb, index) => (
            <li key={index} className={`breadcrumb level-border-${crumb.level ?? 'info'}`} data-testid="breadcrumb">
              <span className="crumb-category mono">{crumb.category ?? crumb.type ?? 'default'}</span>
              <span className="crumb-message">
                {crumb.message ?? (crumb.data ? JSON.stringify(crumb.data) : '')}
              </span>
              <span className="crumb-level badge">{crumb.level ?? 'info'}</span>
              <span className="crumb-time muted small">{formatDate(crumb.timestamp)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
