import { useState } from 'react';
import type { Breadcrumb } from '../../../api/models';
import { formatDate } from '../../../ui/format';

const LEVELS = ['debug', 'info', 'warning', 'error', 'fatal'];

const str = (value: unknown) => (value === undefined || value === null ? '' : String(value));

/**
 * A breadcrumb's one-line description by its type, as Sentry shows them: `http` as
 * `GET url [200]`, `navigation` as `from → to`, `query` as its SQL, `console` with its level,
 * anything else as its message (or its data).
 */
export function describeCrumb(crumb: Breadcrumb): string {
  const data = crumb.data ?? {};
  const type = crumbType(crumb);
  if (type === 'http') {
    const status = data.status_code ?? data.statusCode;
    const url = str(data.url) || crumb.message || '';
    return `${str(data.method) || 'GET'} ${url}${status !== undefined ? ` [${str(status)}]` : ''}`;
  }
  if (type === 'navigation' && (data.from !== undefined || data.to !== undefined)) {
    return `${str(data.from) || '?'} → ${str(data.to) || '?'}`;
  }
  if (type === 'query') {
    return crumb.message ?? str(data.query);
  }
  if (crumb.message) {
    return crumb.message;
  }
  return Object.keys(data).length > 0 ? JSON.stringify(data) : '';
}

/**
 * The kind a breadcrumb is shown as: its type, or for SDKs that leave the type out (the browser
 * SDK's navigation and console crumbs) the kind its category names, as Sentry's UI reads them.
 */
export function crumbType(crumb: Breadcrumb): string {
  if (crumb.type && crumb.type !== 'default') {
    return crumb.type;
  }
  const category = crumb.category ?? '';
  if (category === 'navigation' || category === 'console') {
    return category;
  }
  if (category === 'xhr' || category === 'fetch') {
    return 'http';
  }
  if (category === 'query' || category.startsWith('db')) {
    return 'query';
  }
  return 'default';
}

/** Breadcrumbs newest last as sent, filtered by text and by minimum level. */
export function Breadcrumbs({ values }: { values: Breadcrumb[] }) {
  const [search, setSearch] = useState('');
  const [level, setLevel] = useState('');
  const needle = search.trim().toLowerCase();
  const shown = values.filter((crumb) => {
    if (level && LEVELS.indexOf(crumb.level ?? 'info') < LEVELS.indexOf(level)) {
      return false;
    }
    if (!needle) {
      return true;
    }
    return [crumb.type, crumb.category, crumb.level, describeCrumb(crumb), crumb.data ? JSON.stringify(crumb.data) : '']
      .join(' ')
      .toLowerCase()
      .includes(needle);
  });
  return (
    <section className="card" aria-label="Breadcrumbs">
      <div className="card-header">
        <h2>Breadcrumbs</h2>
        {values.length > 0 && (
          <div className="crumb-filters">
            <input
              type="search"
              aria-label="Search breadcrumbs"
              placeholder="Search breadcrumbs"
              value={search}
              onChange={(e) => setSearch(e.target.value)}
            />
            <label className="inline-label">
              Level{' '}
              <select value={level} onChange={(e) => setLevel(e.target.value)}>
                <option value="">All levels</option>
                {LEVELS.map((l) => (
                  <option key={l} value={l}>
                    {l} and above
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
      </div>
      {values.length === 0 ? (
        <p className="muted">No breadcrumbs.</p>
      ) : shown.length === 0 ? (
        <p className="muted">No breadcrumbs match.</p>
      ) : (
        <ol className="breadcrumbs">
          {shown.map((crumb, index) => (
            <li
              key={index}
              className={`breadcrumb level-border-${crumb.level ?? 'info'}`}
              data-testid="breadcrumb"
              data-type={crumbType(crumb)}
            >
              <span className="crumb-category mono">
                {crumb.category ?? crumb.type ?? 'default'}
                {crumb.type && crumb.type !== 'default' && crumb.category && crumb.category !== crumb.type && (
                  <span className="muted small"> {crumb.type}</span>
                )}
              </span>
              <span className={crumbType(crumb) === 'query' ? 'crumb-message mono' : 'crumb-message'}>
                {describeCrumb(crumb)}
              </span>
              <span className={`crumb-level badge level-badge-${crumb.level ?? 'info'}`}>{crumb.level ?? 'info'}</span>
              <span className="crumb-time muted small">{formatDate(crumb.timestamp)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
